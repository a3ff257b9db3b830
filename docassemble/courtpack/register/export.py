"""Tables out of the register: hearings, compliance and cases as CSV, XLSX or text.

Why typed cells: a table is built once with real dates and amounts. CSV and the screen show them
as officers write them ("10 January 2025", "£1,234.56"); XLSX keeps them as real dates and numbers
formatted the same way, so a manager can sort and total them in Excel. Files are written to a
temporary name and moved into place, so a failure never leaves half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..files import write_atomically
from ..law.dates import format_date
from ..law.money import format_money
from .compliance import ComplianceReport
from .errors import RegisterError
from .hearings import HearingRow

FORMATS = ("table", "csv", "xlsx")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Any]]


def safe_cell(text: str) -> str:
    """Text a spreadsheet shows as text: never a formula, never a character XLSX cannot hold.

    A debtor's name typed as ``=HYPERLINK(...)`` must not become a live link in a manager's
    spreadsheet (OWASP "CSV injection"), and one NUL must not make every export fail. A leading
    ``=``, ``+``, ``-``, ``@``, tab or carriage return gets an apostrophe in front, as Excel itself
    does for text that looks like a formula; control characters become spaces.
    """
    text = _CONTROL.sub(" ", text)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return format_money(value)
    return str(value)


def hearings_table(rows: list[HearingRow]) -> Table:
    on = rows[0].on if rows else dt.date.today()
    return Table(
        f"Hearings (compliance as at {format_date(on)})",
        ["Date", "Time", "Case", "Debtor", "Court", "Hearing", "Status", "Compliance", "Arrears", "Tasks outstanding"],
        [
            [
                r.starts_at.date(),
                f"{r.starts_at:%H:%M}",
                r.reference,
                r.debtor,
                r.court,
                r.kind,
                r.status,
                r.compliance_status,
                r.arrears if r.orders else None,
                "; ".join(r.tasks),
            ]
            for r in rows
        ],
    )


def compliance_tables(report: ComplianceReport) -> list[Table]:
    orders = Table(
        f"Compliance with orders as at {format_date(report.on)}",
        [
            "Case",
            "Order",
            "Made",
            "Sum ordered",
            "Instalments",
            "First payment",
            "Due so far",
            "Paid",
            "Status",
            "Arrears",
            "Missed",
            "First missed",
            "Next due",
            "Balance",
        ],
        [
            [
                o.reference,
                o.kind.replace("_", " "),
                o.made_on,
                o.total,
                o.terms,
                o.first_payment,
                o.due_to_date,
                o.paid,
                o.status,
                o.arrears,
                o.missed,
                o.first_missed,
                o.next_due,
                o.balance,
            ]
            for o in report.orders
        ],
    )
    directions = Table(
        f"Directions as at {format_date(report.on)}",
        ["Case", "Direction", "Who", "Deadline", "Met on", "Status"],
        [[d.reference, d.text, d.party, d.deadline, d.met_on, d.status] for d in report.directions],
    )
    return [orders, directions]


def to_csv(tables: list[Table]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for index, table in enumerate(tables):
        if len(tables) > 1:
            if index:
                writer.writerow([])
            writer.writerow([table.title])
        writer.writerow([safe_cell(h) for h in table.headers])
        writer.writerows([[_csv_cell(v) for v in row] for row in table.rows])
    return buffer.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 CSV (with £) only with the BOM


def _csv_cell(value: Any) -> str:
    """Money and dates as officers write them; a negative amount ("-£5.00") is data, kept readable as text."""
    text = cell_text(value)
    if isinstance(value, Decimal) and text.startswith("-"):
        return "'" + text
    return safe_cell(text)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, (dt.date, Decimal, int, float)) and not isinstance(value, bool):
        return value
    if value is None:
        return None
    return _CONTROL.sub(" ", str(value))  # a string cell, never a formula (see to_xlsx)


def to_xlsx(tables: list[Table]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.title, book.sheetnames))
        sheet.append([_xlsx_value(h) for h in table.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        widths = [len(h) for h in table.headers]
        for row in table.rows:
            sheet.append([_xlsx_value(v) for v in row])
            for col, value in enumerate(row):
                cell = sheet.cell(row=sheet.max_row, column=col + 1)
                if isinstance(value, dt.datetime):
                    cell.number_format = "d mmmm yyyy hh:mm"
                elif isinstance(value, dt.date):
                    cell.number_format = "d mmmm yyyy"
                elif isinstance(value, Decimal):
                    cell.number_format = '"£"#,##0.00;-"£"#,##0.00'
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text, whatever it starts with: never a live formula
                    if cell.value.startswith(_FORMULA_STARTS):
                        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
                widths[col] = max(widths[col], min(60, len(cell_text(value))))
        for col, width in enumerate(widths):
            sheet.column_dimensions[get_column_letter(col + 1)].width = width + 2
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str, taken: list[str]) -> str:
    name = _CONTROL.sub(" ", "".join(c for c in title if c not in "[]:*?/\\'")).strip()[:31] or "Sheet"
    base, n = name, 2
    while name in taken:
        name = f"{base[:28]} {n}"
        n += 1
    return name


def to_text(tables: list[Table]) -> str:
    """A plain table for the terminal (rich, when available)."""
    try:
        from rich.console import Console
        from rich.markup import escape as rich_escape
        from rich.table import Table as RichTable
    except ImportError:  # pragma: no cover - rich is a docassemble dependency
        return "\n\n".join(
            "\n".join([t.title, " | ".join(t.headers), *(" | ".join(cell_text(v) for v in r) for r in t.rows)])
            for t in tables
        )
    console = Console(file=io.StringIO(), width=200, force_terminal=False, color_system=None)
    for table in tables:
        rich = RichTable(title=table.title, show_lines=False)
        for header in table.headers:
            rich.add_column(header, overflow="fold")
        for row in table.rows:
            rich.add_row(*(rich_escape(_CONTROL.sub(" ", cell_text(v))) for v in row))
        if not table.rows:
            console.print(f"{table.title}: none")
        else:
            console.print(rich)
    return console.file.getvalue()


def write_tables(tables: list[Table], fmt: str, out: str | os.PathLike[str] | None) -> Path | str:
    """Write tables in ``fmt`` to ``out`` (returns the path), or return them as text when ``out`` is None."""
    if fmt not in FORMATS:
        raise RegisterError(f"format {fmt!r} is not known; use one of: {', '.join(FORMATS)}")
    if fmt == "xlsx" and out is None:
        raise RegisterError("an XLSX export needs a file name: add --out FILE.xlsx")
    if out is None:
        return to_text(tables) if fmt == "table" else to_csv(tables).decode("utf-8-sig")
    data = {"csv": to_csv, "xlsx": to_xlsx}.get(fmt, lambda t: to_text(t).encode("utf-8"))(tables)
    return write_atomically(Path(out), data)
