"""The report as typed tables: what the XLSX, PDF and HTML writers all draw from.

Why one shape: each writer lays out the same tables (one XLSX sheet each, one PDF section each),
so a figure is computed once and every output agrees. Column kinds tell the writers how to
format a value (money as £1,234.56, dates as 10 January 2025, percentages to one place).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ...law.dates import format_date
from ...law.money import format_money

Kind = Literal["text", "money", "int", "date", "month", "pct", "days", "rag"]
Cell = str | int | Decimal | dt.date | None


@dataclass(frozen=True)
class Column:
    title: str
    kind: Kind = "text"


@dataclass
class Table:
    """One table of the report; ``detail`` names the case-level table behind its totals."""

    key: str  # sheet name (31 characters at most)
    title: str
    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    detail: str = ""
    in_pdf: bool = True  # case-level detail tables go to the XLSX only (the PDF lists exceptions)

    def column(self, title: str) -> list[Cell]:
        index = [c.title for c in self.columns].index(title)
        return [row[index] for row in self.rows]


def display(value: Cell, kind: Kind) -> str:
    """A cell as a person reads it (PDF and HTML)."""
    if value is None or value == "":
        return ""
    if kind == "money":
        return format_money(Decimal(value))  # type: ignore[arg-type]
    if kind == "date" and isinstance(value, dt.date):
        return format_date(value)
    if kind == "month" and isinstance(value, dt.date):
        return f"{value:%B %Y}"
    if kind == "pct":
        return f"{Decimal(value):.1f}%"  # type: ignore[arg-type]
    if kind == "int":
        return f"{int(value):,}"  # type: ignore[arg-type]
    return str(value)


def debt_label(debt_type: str) -> str:
    """A debt type as officers say it ("former tenant rent arrears")."""
    from ...case.model import DEBT_TYPE_LABELS, DebtType

    try:
        return DEBT_TYPE_LABELS[DebtType(debt_type)]
    except (ValueError, KeyError):
        return debt_type.replace("_", " ")


def pct(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part / whole as a percentage to one decimal place (None when there is nothing to divide)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
