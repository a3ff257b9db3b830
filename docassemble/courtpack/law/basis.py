"""What every rule returns and what every table row carries: a figure, a citation, a date range.

Why: a caseworker (and a district judge) must be able to see *why* a figure is what it is.
Every table row names its ``source``; every result names its ``basis`` in a sentence. Rows are
dated so that a claim issued before a fee change is costed on the old table, and a correction
to the law is one new row, not an edit to a function. A row's ``verified`` flag says whether it was
checked against the instrument itself; ``courtpack law sources --unverified`` lists the rest. That
status is data for the sources list, never words printed on a court document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Protocol, TypeVar

from ..errors import LawError
from .money import to_money

ZERO = Decimal("0.00")


class Dated(Protocol):
    """A table row in force from ``effective_from`` to ``effective_to`` (inclusive; None = still in force)."""

    @property
    def effective_from(self) -> dt.date: ...

    @property
    def effective_to(self) -> dt.date | None: ...

    @property
    def source(self) -> str: ...


RowT = TypeVar("RowT", bound=Dated)


def in_force(row: Dated, on: dt.date) -> bool:
    """True if ``row`` applies on ``on`` (both ends inclusive)."""
    return row.effective_from <= on and (row.effective_to is None or on <= row.effective_to)


def rows_in_force(table: Iterable[RowT], on: dt.date) -> list[RowT]:
    """Every row of ``table`` in force on ``on`` (banded tables have several)."""
    return [row for row in table if in_force(row, on)]


def row_in_force(table: Sequence[RowT], on: dt.date, what: str) -> RowT:
    """The single row of ``table`` in force on ``on``; a clear ``LawError`` when the table has none.

    Why raise rather than guess: a date before the first row means the law engine does not know
    the rule for that date, and a wrong figure on a claim form is worse than no figure.
    """
    found = rows_in_force(table, on)
    if not found:
        earliest = min(row.effective_from for row in table)
        raise LawError(
            f"courtpack has no {what} in force on {on.isoformat()}; its table starts on "
            f"{earliest.isoformat()} — use a later date or add the older row to the law tables"
        )
    return max(found, key=lambda row: row.effective_from)


def amount(value: object, name: str, *, allow_zero: bool = True) -> Decimal:
    """Parse a money input for a rule, refusing floats, fractions of a penny and negatives.

    Why here: every rule takes amounts from forms, files and the command line; the message must
    say which input was wrong and how to fix it, and a ``LawError`` reaches the user as exit 2.
    """
    try:
        money = to_money(value)
    except ValueError as err:
        raise LawError(f"{name}: {err}") from None
    if money < 0 or (money == 0 and not allow_zero):
        least = "0.00 or more" if allow_zero else "more than 0.00"
        raise LawError(f"{name} is {money}; it must be {least} — give the amount as a positive figure, e.g. 1234.56")
    return money


def rate(value: object, name: str = "rate") -> Decimal:
    """Parse a percentage a year (``"8"``, ``"4.5"``); negative or silly rates are refused."""
    if isinstance(value, (bool, float)):
        raise LawError(f"{name} {value!r} must be written as a string or Decimal, e.g. '8'")
    try:
        result = Decimal(str(value).strip().rstrip("%"))
    except InvalidOperation:
        raise LawError(f"{name} {value!r} is not a percentage, e.g. 8 or 4.5") from None
    if not result.is_finite() or result < 0 or result > 100:
        raise LawError(f"{name} is {value}; give a percentage a year between 0 and 100, e.g. 8")
    return result


def day_count(days: int) -> str:
    """``'1 day'`` / ``'284 days'`` for basis sentences."""
    return f"{days} day" if days == 1 else f"{days} days"


@dataclass(frozen=True)
class MoneyResult:
    """A single sum with the reason for it (e.g. Late Payment compensation, a minimum part warrant)."""

    amount: Decimal
    basis: str
    source: str = ""
