"""The rent statement as a PDF: every sum due, every payment, benefit apart, and the running arrears.

Why a table of its own: PD 55A para 2.3(2) asks for the arrears as a schedule (each payment due and
made, with a running total) and N325A asks for the payments due and made under the order; the
hearing needs the same account brought up to the hearing date. One layout serves all three, so
the figures the court sees in each are laid out the same way and add up the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ...files import write_atomically
from ...law.dates import format_date
from ...law.money import format_money
from ..forms.own import BODY, SECTION_BG, SMALL, TITLE, _build, _para
from .requests import RentStatement

__all__ = ["statement_flowables", "write_statement"]

HEADER = ["Date", "Description", "Due", "Paid by tenant", "Housing Benefit / UC", "Arrears"]
WIDTHS = [2.6 * cm, 5.6 * cm, 2.2 * cm, 2.4 * cm, 2.6 * cm, 2.4 * cm]


def _cell(text: str, bold: bool = False) -> Paragraph:
    return Paragraph(f"<b>{text}</b>" if bold else text, SMALL)


def _amount(value: Any) -> str:
    return format_money(value) if value else ""


def statement_flowables(statement: RentStatement, heading: str) -> list[Any]:
    """The statement's title, its table and its totals (for a PDF of its own or inside another)."""
    rows: list[list[Any]] = [[_cell(h, bold=True) for h in HEADER]]
    rows.append(
        [
            _cell(format_date(statement.from_date)),
            _cell("Arrears brought forward"),
            "",
            "",
            "",
            _cell(format_money(statement.opening_balance)),
        ]
    )
    for line in statement.lines:
        rows.append(
            [
                _cell(format_date(line.date)),
                _para(line.description, SMALL),
                _cell(_amount(line.due)),
                _cell(_amount(line.paid)),
                _cell(_amount(line.benefit)),
                _cell(format_money(line.balance)),
            ]
        )
    rows.append(
        [
            _cell(format_date(statement.to_date), bold=True),
            _cell("Totals and arrears at the end of the period", bold=True),
            _cell(format_money(statement.total_due), bold=True),
            _cell(format_money(statement.total_paid), bold=True),
            _cell(format_money(statement.total_benefit), bold=True),
            _cell(format_money(statement.closing_balance), bold=True),
        ]
    )
    table = Table(rows, colWidths=WIDTHS, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9fb6cd")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f0")),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, SECTION_BG),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    period = f"{format_date(statement.from_date)} to {format_date(statement.to_date)}"
    return [
        _para(heading, TITLE),
        _para(f"{statement.title}: {period}", BODY),
        Spacer(1, 6),
        table,
        Spacer(1, 6),
        _para(
            f"Arrears on {format_date(statement.to_date)}: {format_money(statement.closing_balance)} "
            f"(brought forward {format_money(statement.opening_balance)} + due {format_money(statement.total_due)} "
            f"− paid by the tenant {format_money(statement.total_paid)} − Housing Benefit / Universal Credit "
            f"housing costs {format_money(statement.total_benefit)}).",
            BODY,
        ),
    ]


def write_statement(statement: RentStatement, heading: str, target: Path, footer: str) -> Path:
    """Write the statement alone as an A4 PDF at ``target`` (atomically)."""
    data = _build(statement_flowables(statement, heading), footer, heading)
    return write_atomically(Path(target), data, create_folder=True)
