"""The command line's value types: dates, dates with times, and money, each through the one parser.

Why here: ``courtpack calc``, ``courtpack register`` and the other commands must read
``--date 2026-02-30`` or ``--amount 1e400`` the same way as a case file does (``law.dates``,
``law.money``) and refuse them as a usage error (exit 2, one sentence), never a crash.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import click

from ..law.dates import check_range, parse_date, parse_datetime
from ..law.money import to_money


class DateType(click.ParamType):
    """``YYYY-MM-DD`` (an ISO date and time is read as its UK day); impossible or implausible dates refused."""

    name = "DATE"

    def __init__(self, past: bool = False) -> None:
        self.past = past

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        try:
            day = parse_date(value)
        except ValueError as err:
            self.fail(f"{err}; write it as YYYY-MM-DD, e.g. 2026-01-10", param, ctx)
        problem = check_range(day, today=dt.date.today(), past=self.past)
        if problem:
            self.fail(problem, param, ctx)
        return day


class DateTimeType(click.ParamType):
    """``YYYY-MM-DDTHH:MM[+01:00]`` -> naive UK local time (an offset is converted, not dropped)."""

    name = "DATETIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.datetime:
        try:
            moment = parse_datetime(value)
        except ValueError as err:
            self.fail(str(err), param, ctx)
        problem = check_range(moment.date(), today=dt.date.today(), past=False)
        if problem:
            self.fail(problem, param, ctx)
        return moment


class MoneyType(click.ParamType):
    """An amount in pounds and pence (``1234.56``, ``£1,234.56``); negatives refused unless ``signed``."""

    name = "AMOUNT"

    def __init__(self, signed: bool = False) -> None:
        self.signed = signed

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Decimal:
        if isinstance(value, Decimal):
            return value
        try:
            amount = to_money(str(value))
        except ValueError as err:
            self.fail(str(err), param, ctx)
        if amount < 0 and not self.signed:
            self.fail(f"{amount} is negative; give the amount as a positive figure", param, ctx)
        return amount


class TextType(click.ParamType):
    """One line of plain text within a length: no control characters reach the register or a document."""

    name = "TEXT"

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from ..case.fields import clean_text  # the case layer only for commands that take text (calc stays light)

        text = str(value).strip()
        problem = clean_text(text, self.limit)
        if problem:
            self.fail(f"the text {problem}", param, ctx)
        return text


class ReferenceType(click.ParamType):
    """A case reference or key: letters, digits, hyphens and single dots (safe as a file name)."""

    name = "REFERENCE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from ..case.fields import safe_reference

        text = str(value).strip()
        if not safe_reference(text):
            self.fail(
                f"{text[:40]!r} is not a reference; use letters, digits, hyphens and single dots "
                "(at most 40), e.g. FTA-2025-0142",
                param,
                ctx,
            )
        return text


DATE = DateType()
PAST_DATE = DateType(past=True)
DATETIME = DateTimeType()
MONEY = MoneyType()
TEXT = TextType()
REFERENCE = ReferenceType()


def db_option(f: Any) -> Any:
    """``--db URL``: the register to use."""
    return click.option(
        "--db",
        metavar="URL",
        default=None,
        help="Database URL or SQLite file (default: $COURTPACK_DATABASE_URL, else ./courtpack.db).",
    )(f)


def _actor(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    from ..register.db import resolve_actor

    return resolve_actor(value)


def who_option(f: Any) -> Any:
    """``--as USER``: who is acting, recorded on every change; never guessed from the login."""
    return click.option(
        "--as",
        "--who",
        "who",
        metavar="USER",
        type=TEXT,
        default=None,
        callback=_actor,
        help="Who is acting, for the audit log (default: $COURTPACK_USER; one is required).",
    )(f)
