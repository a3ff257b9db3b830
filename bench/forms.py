"""Benchmark: 200 official N1 fills through courtpack against a bare pikepdf fill of the same values.

courtpack's fill does more (checks the spec, lays out and writes an appearance stream for every
box, saves atomically); the bare fill only sets /V and leaves /NeedAppearances for the viewer.
courtpack parses each blank form once per process and refills it (the official N1 is damaged,
so every parse rebuilds its cross-reference table); the bare fill, like a script without
courtpack, opens the blank for every fill. Target: courtpack within 1.1x of the bare fill.

    COURTPACK_FORMS_DIR=../shared/forms .venv/bin/python bench/forms.py
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import time
from pathlib import Path

import pikepdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docassemble.courtpack.case import read_case  # noqa: E402
from docassemble.courtpack.case.figures import claim_figures_for  # noqa: E402
from docassemble.courtpack.documents.forms import load_spec  # noqa: E402
from docassemble.courtpack.documents.forms.builders.claim import n1_values  # noqa: E402
from docassemble.courtpack.documents.forms.fetch import official_bytes  # noqa: E402
from docassemble.courtpack.documents.forms.official import assignments, fill_official  # noqa: E402

RUNS = 200
TARGET_RATIO = 1.1


def bare_fill(source: bytes, values: dict[str, object], target: Path) -> None:
    """What a script without courtpack would do: set each field's /V, tick boxes, save."""
    with pikepdf.open(io.BytesIO(source)) as pdf:
        fields = {f.fully_qualified_name: f for f in pdf.acroform.fields}
        for name, value in values.items():
            field = fields[name]
            if isinstance(value, bool):
                field.obj.V = pikepdf.Name.Yes if value else pikepdf.Name.Off
                field.obj.AS = pikepdf.Name.Yes if value else pikepdf.Name.Off
            else:
                field.obj.V = pikepdf.String(str(value))
        pdf.Root.AcroForm.NeedAppearances = True
        pdf.save(target)


def main() -> int:
    spec = load_spec("N1")
    source = official_bytes(spec)
    case = read_case(ROOT / "examples" / "CR-2025-0310.yaml")
    day = dt.date(2025, 11, 20)
    values = n1_values(case, claim_figures_for(case, day), issue_date=day, hearing_centre="Leeds")
    official, _ = assignments(spec, values)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        fill_official(spec, values, source, out / "warm.pdf")
        bare_fill(source, official, out / "warm-bare.pdf")
        bare = ours = 0.0
        for i in range(RUNS):  # interleaved, so that load from other processes falls on both alike
            start = time.perf_counter()
            bare_fill(source, official, out / f"bare-{i}.pdf")
            middle = time.perf_counter()
            fill_official(spec, values, source, out / f"courtpack-{i}.pdf")
            ours += time.perf_counter() - middle
            bare += middle - start
    ratio = ours / bare
    print(f"{RUNS} official N1 fills; {os.cpu_count()} cores")
    print(f"  bare pikepdf (values only, no appearance streams): {bare:.3f} s ({bare / RUNS * 1000:.1f} ms each)")
    print(f"  courtpack (checked values, appearance streams):   {ours:.3f} s ({ours / RUNS * 1000:.1f} ms each)")
    verdict = "OK" if ratio <= TARGET_RATIO else "MISSED"
    print(f"ratio: {ratio:.2f} courtpack / bare (target <= {TARGET_RATIO}) {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
