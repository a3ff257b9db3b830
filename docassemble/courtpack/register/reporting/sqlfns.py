"""Two SQL helpers the reports need that read differently in SQLite and PostgreSQL.

Why: a referral date is the day a case was added (a timestamp), and collections are grouped by
calendar month; SQLite keeps timestamps as text, PostgreSQL as timestamps.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

PENNY = Decimal("0.01")


class date_of(FunctionElement):
    """The date part of a timestamp."""

    type = Date()
    name = "date_of"
    inherit_cache = True


@compiles(date_of, "sqlite")
def _sqlite_date_of(element: Any, compiler: Any, **kw: Any) -> str:
    return f"date({compiler.process(next(iter(element.clauses)), **kw)})"


@compiles(date_of, "postgresql")
def _pg_date_of(element: Any, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(next(iter(element.clauses)), **kw)} AS DATE)"


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date from the database (SQLite returns computed dates as ISO text)."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    return dt.date.fromisoformat(str(value)[:10])


def as_money(value: object) -> Decimal:
    """A money sum from the database, to the penny (SQLite sums in floating point)."""
    if value is None:
        return Decimal("0.00")
    return Decimal(str(value)).quantize(PENNY)
