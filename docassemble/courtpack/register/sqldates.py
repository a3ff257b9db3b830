"""Date arithmetic inside SQL, written once for SQLite and once for PostgreSQL.

Why: compliance is computed in the database (one query over every order, however many), and the
two databases spell date arithmetic differently. Each construct below compiles to the right SQL
for each dialect, so ``compliance.py`` reads as one query.

Monthly schedules keep the day of the first payment and clamp it to the end of shorter months:
31 January, 28 (or 29) February, 31 March... — instalment k is "first payment + k months",
never "previous instalment + 1 month" (which would drift to the 28th).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


class _DateFn(FunctionElement):
    inherit_cache = True

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)


class days_between(_DateFn):
    """Whole days from the first date to the second (second - first)."""

    type = Integer()
    name = "days_between"
    inherit_cache = True


class month_index(_DateFn):
    """year * 12 + month, so that month differences are subtractions."""

    type = Integer()
    name = "month_index"
    inherit_cache = True


class day_of_month(_DateFn):
    type = Integer()
    name = "day_of_month"
    inherit_cache = True


class add_days(_DateFn):
    type = Date()
    name = "add_days"
    inherit_cache = True


class add_months(_DateFn):
    """date + n months, clamped to the end of the month (31 Jan + 1 month = 28/29 Feb)."""

    type = Date()
    name = "add_months"
    inherit_cache = True


def _args(compiler: Any, element: Any, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


# --- SQLite: dates are ISO text; julianday() and date() modifiers --------------------------------


@compiles(days_between, "sqlite")
def _sqlite_days_between(element: Any, compiler: Any, **kw: Any) -> str:
    a, b = _args(compiler, element, **kw)
    return f"CAST(julianday({b}) - julianday({a}) AS INTEGER)"


@compiles(month_index, "sqlite")
def _sqlite_month_index(element: Any, compiler: Any, **kw: Any) -> str:
    (a,) = _args(compiler, element, **kw)
    return f"(CAST(strftime('%Y', {a}) AS INTEGER) * 12 + CAST(strftime('%m', {a}) AS INTEGER))"


@compiles(day_of_month, "sqlite")
def _sqlite_day_of_month(element: Any, compiler: Any, **kw: Any) -> str:
    (a,) = _args(compiler, element, **kw)
    return f"CAST(strftime('%d', {a}) AS INTEGER)"


@compiles(add_days, "sqlite")
def _sqlite_add_days(element: Any, compiler: Any, **kw: Any) -> str:
    a, n = _args(compiler, element, **kw)
    return f"date({a}, printf('%+d days', {n}))"


@compiles(add_months, "sqlite")
def _sqlite_add_months(element: Any, compiler: Any, **kw: Any) -> str:
    # SQLite's '+N months' overflows into the next month (31 Jan + 1 month = 3 Mar); the smaller of that
    # and the last day of the intended month is the clamped date. ISO text compares as dates do.
    a, n = _args(compiler, element, **kw)
    return (
        f"min(date({a}, printf('%+d months', {n})), "
        f"date({a}, 'start of month', printf('%+d months', ({n}) + 1), '-1 day'))"
    )


# --- PostgreSQL: date - date is an integer; date + interval clamps to the month's end ----------------


@compiles(days_between, "postgresql")
def _pg_days_between(element: Any, compiler: Any, **kw: Any) -> str:
    a, b = _args(compiler, element, **kw)
    return f"(CAST({b} AS DATE) - CAST({a} AS DATE))"


@compiles(month_index, "postgresql")
def _pg_month_index(element: Any, compiler: Any, **kw: Any) -> str:
    (a,) = _args(compiler, element, **kw)
    return f"(CAST(EXTRACT(YEAR FROM {a}) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM {a}) AS INTEGER))"


@compiles(day_of_month, "postgresql")
def _pg_day_of_month(element: Any, compiler: Any, **kw: Any) -> str:
    (a,) = _args(compiler, element, **kw)
    return f"CAST(EXTRACT(DAY FROM {a}) AS INTEGER)"


@compiles(add_days, "postgresql")
def _pg_add_days(element: Any, compiler: Any, **kw: Any) -> str:
    a, n = _args(compiler, element, **kw)
    return f"(CAST({a} AS DATE) + CAST({n} AS INTEGER))"


@compiles(add_months, "postgresql")
def _pg_add_months(element: Any, compiler: Any, **kw: Any) -> str:
    a, n = _args(compiler, element, **kw)
    return f"CAST(CAST({a} AS DATE) + make_interval(months => CAST({n} AS INTEGER)) AS DATE)"


def least(a: ColumnElement, b: ColumnElement) -> ColumnElement:
    """The smaller of two values (SQLite has min(a, b), PostgreSQL LEAST; CASE works on both)."""
    from sqlalchemy import case

    return case((a <= b, a), else_=b)


def greatest(a: ColumnElement, b: ColumnElement) -> ColumnElement:
    from sqlalchemy import case

    return case((a >= b, a), else_=b)
