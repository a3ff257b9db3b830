"""Benchmark: the monthly performance report for 2,000 cases against the bare SQL queries behind it.

Generates 2,000 cases with payments (``reporting.synthetic``, seed 14) in a SQLite file, builds the
January 2026 report once while recording every SQL statement it sends, then times (best of 3) the
whole report build against re-running exactly those statements on the raw DB-API cursor with no
Python around them. Prints both and the ratio (target: under 10), then, for information, the time
to write the XLSX and the PDF.

    PYTHONPATH=. .venv/bin/python bench/reports.py [--cases 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.reporting import generate_caseload, performance_report
from docassemble.courtpack.register.reporting.targets import set_collection_target

START, END = dt.date(2026, 1, 1), dt.date(2026, 1, 31)


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        register = Register(str(Path(scratch, "bench.db")))
        with register.transaction("bench") as session:
            payments = generate_caseload(session, args.cases, END)
        set_collection_target(register, dt.date(2025, 1, 1), "60000", who="bench")

        statements: list[tuple[str, object]] = []

        def record(conn, cursor, statement, parameters, context, executemany):
            if statement.lstrip().upper().startswith("SELECT") or statement.lstrip().upper().startswith("WITH"):
                statements.append((statement, parameters))

        event.listen(register.engine, "before_cursor_execute", record)
        performance_report(register, START, END)
        event.remove(register.engine, "before_cursor_execute", record)

        def bare() -> None:
            raw = register.engine.raw_connection()
            try:
                cursor = raw.cursor()
                for statement, parameters in statements:
                    cursor.execute(statement, parameters)
                    cursor.fetchall()
            finally:
                raw.close()

        report_s = best_of(3, lambda: performance_report(register, START, END))
        sql_s = best_of(3, bare)
        report = performance_report(register, START, END)
        from docassemble.courtpack.register.reporting.pdf import write_pdf
        from docassemble.courtpack.register.reporting.xlsx import write_xlsx

        xlsx_s = best_of(1, lambda: write_xlsx(report, Path(scratch, "r.xlsx")))
        pdf_s = best_of(1, lambda: write_pdf(report, Path(scratch, "r.pdf")))
        register.dispose()
    print(f"performance report, {args.cases:,} cases, {payments:,} payments, {len(statements)} SQL statements")
    print(f"report build: {report_s * 1000:.1f} ms; bare SQL behind it: {sql_s * 1000:.1f} ms")
    print(f"ratio {report_s / sql_s:.2f} (target < 10)")
    print(f"writing the files (information): XLSX {xlsx_s:.2f} s, PDF {pdf_s:.2f} s")


if __name__ == "__main__":
    main()
