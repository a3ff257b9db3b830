"""Benchmark: letters before claim for a whole caseload, against the bare pipeline that renders and converts them.

``--cases`` cases (default 1,000: copies of ``examples/FTA-2025-0142.yaml`` under their own references,
and every tenth a company, ``examples/CR-2025-0310.yaml``) are put in a scratch SQLite register. Then,
in the same run:

* courtpack: ``batch_letters`` — the path of ``courtpack batch letters`` and of the server's
  background batch — reads each case from the register, applies the letter interview's logic
  (breathing space, balance, the letter and its enclosures), converts every document with one
  LibreOffice start, merges each case's pack and records the documents; in one process, the
  templates loaded once;
* bare: docxtpl renders the same templates with contexts prepared beforehand (untimed), then
  ``soffice --convert-to pdf`` converts them all — 150 documents a start, as courtpack does, because
  LibreOffice 7.4 stops converting after about 250 documents in one start.

Prints both, the per-case time and the ratio (target: at most 1.3). The baseline has no time limit;
on a busy two-core machine 1,000 cases take over an hour a side (LibreOffice converts two or three
documents a second there), so ``--cases 200`` gives the ratio in a quarter of an hour.

    PYTHONPATH=. .venv/bin/python bench/batch.py [--cases 1000]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docxtpl import DocxTemplate  # noqa: E402

from docassemble.courtpack.case import read_case  # noqa: E402
from docassemble.courtpack.documents.convert import DOCUMENTS_PER_START, soffice_path  # noqa: E402
from docassemble.courtpack.documents.letters import LetterOptions, letter_context, templates_for  # noqa: E402
from docassemble.courtpack.documents.render import jinja_env  # noqa: E402
from docassemble.courtpack.headless.context import Actor, StepContext, headless_step  # noqa: E402
from docassemble.courtpack.interview_glue.batch import batch_letters  # noqa: E402
from docassemble.courtpack.register import add_case, open_register  # noqa: E402
from docassemble.courtpack.resources import template_path  # noqa: E402

LETTER_DATE = dt.date(2025, 4, 7)
WHO = "bench.officer@lewisham.example.gov.uk"


def caseload(count: int) -> list:
    person = read_case(ROOT / "examples" / "FTA-2025-0142.yaml")
    company = read_case(ROOT / "examples" / "CR-2025-0310.yaml")
    return [
        dataclasses.replace(company if n % 10 == 0 else person, reference=f"BAT-2026-{n:05d}")
        for n in range(1, count + 1)
    ]


def load_register(url: str, cases: list) -> None:
    register = open_register(url)
    try:
        for case in cases:
            add_case(register, case, who=WHO)
    finally:
        register.dispose()


def bare_pipeline(cases: list, work: Path) -> tuple[float, int]:
    """docxtpl renders of the same templates, then one LibreOffice start converting every document."""
    jobs = []
    for case in cases:  # contexts prepared before the clock starts: the bare pipeline has no facts to work out
        context = letter_context(case, LetterOptions(letter_date=LETTER_DATE))
        jobs += [(case.reference, name, title, context) for name, title in templates_for(case)]
    sources = {name: template_path(name) for _, name, _, _ in jobs}
    docx_dir, pdf_dir = work / "docx", work / "pdf"
    docx_dir.mkdir()
    start = time.perf_counter()
    paths = []
    for reference, name, title, context in jobs:
        document = DocxTemplate(sources[name])
        document.render(context, jinja_env())
        path = docx_dir / f"{reference} {title}.docx"
        document.save(path)
        paths.append(str(path))
    with tempfile.TemporaryDirectory(prefix="courtpack-bench-lo-") as profile:
        for first in range(0, len(paths), DOCUMENTS_PER_START):  # LibreOffice stops after ~250 in one start
            subprocess.run(
                [
                    soffice_path(),
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(pdf_dir),
                    *paths[first : first + DOCUMENTS_PER_START],
                ],
                check=True,
                capture_output=True,
                env={**os.environ, "HOME": profile},
            )
    elapsed = time.perf_counter() - start
    return elapsed, sum(1 for _ in pdf_dir.glob("*.pdf"))


def courtpack_batch(cases: list, url: str, work: Path) -> tuple[float, object]:
    step = StepContext(actor=Actor(WHO, frozenset({"officer"})), output_dir=work, register_url=url)
    start = time.perf_counter()
    with headless_step(step):
        result = batch_letters([c.reference for c in cases], LETTER_DATE, work, archive=False)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="courtpack-bench-") as scratch:
        work = Path(scratch)
        os.environ["COURTPACK_HOME"] = str(work / "home")  # the document store the batch records into
        url = f"sqlite:///{work / 'register.db'}"
        cases = caseload(args.cases)
        start = time.perf_counter()
        load_register(url, cases)
        loaded = time.perf_counter() - start
        (work / "bare").mkdir()
        (work / "courtpack").mkdir()
        bare_s, pdfs = bare_pipeline(cases, work / "bare")
        ours_s, result = courtpack_batch(cases, url, work / "courtpack")
        documents = sum(len(templates_for(c)) for c in cases)
    print(
        f"batch bench: {args.cases:,} cases ({documents:,} documents), {os.cpu_count()} cores; "
        f"register loaded in {loaded:.1f} s"
    )
    print(
        f"  bare pipeline (docxtpl render + LibreOffice, {DOCUMENTS_PER_START} documents a start, {pdfs:,} PDFs): "
        f"{bare_s:.1f} s"
    )
    print(
        f"  courtpack batch_letters ({len(result.produced):,} packs, {len(result.refused)} refused, recorded): "
        f"{ours_s:.1f} s, {ours_s / args.cases * 1000:.0f} ms a case (bare {bare_s / args.cases * 1000:.0f} ms)"
    )
    for refusal in result.refused[:5]:
        print(f"  refused {refusal}")
    print(
        f"ratio {ours_s / bare_s:.2f} caseload letters vs bare pipeline, "
        f"{ours_s / args.cases * 1000:.0f} ms a case (target <= 1.3)"
    )


if __name__ == "__main__":
    main()
