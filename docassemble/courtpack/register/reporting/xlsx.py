"""The performance report as an Excel workbook: one sheet per table, native charts, case-level detail.

Why native charts and real numbers: a manager re-sorts, filters and re-charts in Excel, so money is
a number formatted as £, dates are dates, headers are frozen with filters on, and the charts are
Excel's own (they follow the sheet's cells). Any cell holding text a user typed (names,
references, notes) that starts with = + - or @ is prefixed with an apostrophe so Excel shows it
as text and never runs it as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..export import write_atomically
from .performance import PerformanceReport
from .tables import Cell, Kind, Table

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS: dict[Kind, str] = {
    "money": '"£"#,##0.00;-"£"#,##0.00',
    "date": "d mmmm yyyy",
    "month": "mmmm yyyy",
    "int": "#,##0",
    "pct": '0.0"%"',
    "days": "#,##0",
}
RAG_FILLS = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}


def safe_text(value: str) -> str:
    """Text that Excel will never treat as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _cell(value: Cell) -> object:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, Decimal):
        return value  # openpyxl writes Decimal as a number
    return value


def _sheet(book: Workbook, table: Table) -> Worksheet:
    sheet = book.create_sheet(table.key[:31])
    sheet.append([c.title for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [max(10, len(c.title)) for c in table.columns]
    for row_no, row in enumerate(table.rows, start=2):
        sheet.append([_cell(v) for v in row])
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True)):
            cell = sheet.cell(row=row_no, column=index + 1)
            if column.kind in FORMATS and value is not None:
                cell.number_format = FORMATS[column.kind]
            if column.kind == "rag" and value in RAG_FILLS:
                cell.fill = PatternFill("solid", fgColor=RAG_FILLS[str(value)])
            widths[index] = max(widths[index], min(50, len(str(value)) if value is not None else 0))
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width + 2
    sheet.freeze_panes = "A2"
    if table.rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    return sheet


def _anchor(table: Table) -> str:
    return f"{get_column_letter(len(table.columns) + 2)}2"


def _bar(
    sheet: Worksheet, table: Table, title: str, first_col: int, last_col: int, rows: int, stacked: bool = False
) -> None:
    chart = BarChart()
    chart.type, chart.title = "col", title
    chart.add_data(
        Reference(sheet, min_col=first_col, max_col=last_col, min_row=1, max_row=rows + 1), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=rows + 1))
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    chart.width, chart.height = 20, 10
    sheet.add_chart(chart, _anchor(table))


def _charts(book: Workbook, report: PerformanceReport) -> None:
    tables = report.tables
    months = tables["Collections trend"]
    sheet = book[months.key]
    line = LineChart()
    line.title, line.y_axis.title = "Collected by month against target (last 12 months)", "£"
    line.add_data(
        Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=len(months.rows) + 1), titles_from_data=True
    )
    line.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(months.rows) + 1))
    line.series[1].graphicalProperties.line.dashStyle = "dash"
    for series in line.series:
        series.marker.symbol = "circle"
    line.width, line.height = 20, 10
    sheet.add_chart(line, _anchor(months))
    caseload = tables["Caseload"]
    _bar(book[caseload.key], caseload, "Caseload by stage", 2, 3, len(caseload.rows) - 1)  # without the total
    ageing = tables["Ageing"]
    if len(ageing.columns) > 2:
        _bar(
            book[ageing.key],
            ageing,
            "Outstanding debt by age",
            2,
            len(ageing.columns) - 1,
            len(ageing.rows),
            stacked=True,
        )
    compliance = tables["Compliance"]
    _bar(book[compliance.key], compliance, "Instalment orders by compliance", 2, 2, len(compliance.rows))


def _cover(book: Workbook, report: PerformanceReport) -> None:
    sheet = book.create_sheet("About", 0)
    sheet.append([safe_text(report.title)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            f"Produced {dt.date.today():%d %B %Y}. Each sheet is one table; the sheets Cases, Payments and "
            "Orders hold the case-level rows behind the totals."
        ]
    )
    sheet.append([])
    sheet.append(["sheet", "what it shows", "rows behind it"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for table in report.tables.values():
        sheet.append([table.key, safe_text(table.title), table.detail])
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 18


def to_xlsx(report: PerformanceReport) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in report.tables.values():
        _sheet(book, table)
    _cover(book, report)
    _charts(book, report)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(report: PerformanceReport, out: str | os.PathLike[str]) -> Path:
    """Write the workbook to ``out`` (all or nothing)."""
    return write_atomically(Path(out), to_xlsx(report))
