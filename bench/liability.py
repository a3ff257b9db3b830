"""Benchmark: a liability order batch of 500 council tax accounts, against bare docxtpl renders.

Run: PYTHONPATH=. .venv/bin/python bench/liability.py [--accounts 500]

courtpack's run reads the export through its mapping, checks every account's dates, renders
500 summonses and the printable schedule, writes the complaint list, adds each account to a fresh
SQLite register as a case and records its final notice, summons and document (one transaction),
and moves everything into place. The baseline renders the same two templates with docxtpl for the
same contexts and saves them, nothing else. The first line printed starts ``ratio``
(courtpack time / bare time; target < 2). Best of two runs each, on a shared machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from docxtpl import DocxTemplate

from docassemble.courtpack.documents.liability.accounts import read_accounts, read_liability_mapping
from docassemble.courtpack.documents.liability.synthetic import generated_export
from docassemble.courtpack.documents.render import jinja_env
from docassemble.courtpack.interview_glue.liability_cases import issue_summonses, liability_settings
from docassemble.courtpack.register.settings import read_settings_file, save_settings
from docassemble.courtpack.resources import template_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "council_tax"
NORTHGATE = ROOT / "examples" / "settings" / "northgate.yaml"
ISSUED, HEARING = dt.date(2026, 3, 16), dt.date(2026, 4, 2)
RUNS = 2
TARGET = 2.0


def courtpack_batch(source: Path, out: Path, register: str) -> float:
    save_settings(register, read_settings_file(NORTHGATE), who="bench")  # entered once, before the timed run
    started = time.perf_counter()
    mapping = read_liability_mapping(EXAMPLE / "mapping.yaml")
    issue_summonses(
        register,
        read_accounts(source, mapping),
        tax=mapping.tax,
        issued=ISSUED,
        hearing=HEARING,
        hearing_time="10:00",
        out_dir=out,
        who="bench",
    )
    return time.perf_counter() - started


def bare_docxtpl(count: int, out: Path) -> float:
    """The same documents with docxtpl alone: contexts prepared beforehand, no checks, no record."""
    settings = liability_settings(read_settings_file(NORTHGATE))
    summons_bytes = template_path("liability_summons.docx").read_bytes()
    schedule_bytes = template_path("liability_schedule.docx").read_bytes()
    contexts, rows = [], []
    for i in range(count):
        balance = Decimal(f"{100 + i}.50")
        account = {
            "account": f"6{i:06d}",
            "name": f"Resident {i + 1}",
            "address": "1 Long Road",
            "property": "1 Long Road",
            "balance": balance,
            "year": "2025/26",
        }
        contexts.append(
            {
                "council": settings.council,
                "court": settings.court,
                "tax_label": "council tax",
                "issued": ISSUED,
                "hearing": HEARING,
                "hearing_time": "10:00",
                "summons_costs": Decimal("70.00"),
                "summons_days": 14,
                "after_order": "x",
                "source": "x",
                "account": account,
                "summons_number": f"N-{i}",
                "total": balance + Decimal("110.00"),
                "amounts": [{"label": "Council tax", "amount": balance}],
            }
        )
        rows.append(
            {
                "line": i + 1,
                "summons_number": f"N-{i}",
                "account": account["account"],
                "name": "x",
                "property": "x",
                "balance": balance,
                "costs": Decimal("110.00"),
                "total": balance,
            }
        )
    started = time.perf_counter()
    for i, context in enumerate(contexts):
        document = DocxTemplate(io.BytesIO(summons_bytes))
        document.render(context, jinja_env())
        document.save(out / f"{i}.docx")
    document = DocxTemplate(io.BytesIO(schedule_bytes))
    document.render(
        {
            "council": settings.council,
            "court": settings.court,
            "tax_label": "council tax",
            "hearing": HEARING,
            "hearing_time": "10:00",
            "issued": ISSUED,
            "summons_costs": Decimal("70.00"),
            "order_costs": Decimal("40.00"),
            "rows": rows,
            "count": count,
            "total_balance": Decimal(0),
            "total_costs": Decimal(0),
            "grand_total": Decimal(0),
            "costs_basis": "x",
        },
        jinja_env(),
    )
    document.save(out / "schedule.docx")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=500)
    args = parser.parse_args()
    ours, bare = [], []
    with tempfile.TemporaryDirectory(prefix="bench-liability-") as scratch:
        root = Path(scratch)
        source = generated_export(root / "export.csv", args.accounts)
        for run in range(RUNS):
            (root / f"bare{run}").mkdir()
            bare.append(bare_docxtpl(args.accounts, root / f"bare{run}"))
            ours.append(courtpack_batch(source, root / f"ours{run}", f"sqlite:///{root / f'register{run}.db'}"))
    best_ours, best_bare = min(ours), min(bare)
    print(
        f"ratio {best_ours / best_bare:.2f} (target < {TARGET:g}): {args.accounts} summonses and the schedule, "
        f"courtpack {best_ours:.2f} s, bare docxtpl {best_bare:.2f} s"
    )


if __name__ == "__main__":
    main()
