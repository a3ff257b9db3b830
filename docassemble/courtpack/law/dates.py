"""Dates as officers and courts write them, and the one parser that turns text into a date.

Why: letters and forms say "10 January 2025", never "10/01/2025" (ambiguous to
a debtor) or an ISO string; one function keeps every document consistent. Every
reader (case files, orders files, imports, CLI options) parses through
``parse_date`` / ``parse_datetime`` and checks the range with ``check_range``, so an
impossible date, an offset-bearing timestamp or a date in 9999 is treated the same way
everywhere. ``add_months`` lives here because it is a pure date rule that both the
register's compliance and its orders need (keeping it in one of them made an import cycle).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")
# Nothing a council recovers today happened before this (limitation is six years; the oldest
# judgments still enforced are decades younger); an earlier year is a typing error.
EARLIEST = dt.date(1990, 1, 1)
# How far ahead a date of a future event (a hearing, a first instalment) may plausibly be.
FUTURE_YEARS = 10
ISO_EXAMPLE = "YYYY-MM-DD, e.g. 2025-01-10"


def format_date(day: dt.date) -> str:
    """``date(2025, 1, 10)`` -> ``'10 January 2025'`` (no leading zero, English month)."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _human(fmt: str) -> str:
    return fmt.replace("%d", "dd").replace("%m", "mm").replace("%Y", "yyyy").replace("%y", "yy").replace("%b", "Mon")


def uk_local(moment: dt.datetime) -> dt.datetime:
    """A naive UK local time: an aware datetime is converted (``+01:00`` honoured), a naive one kept."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UK).replace(tzinfo=None)


def parse_datetime(value: object) -> dt.datetime:
    """``2026-01-10T16:30+01:00`` (or a datetime) -> naive UK local time. Raises ``ValueError``."""
    if isinstance(value, dt.datetime):
        return uk_local(value)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    text = str(value).strip()
    if len(text) > 40:
        raise ValueError(f"{text[:40]!r}… is not a date and time")
    try:
        return uk_local(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except (ValueError, OverflowError):
        raise ValueError(
            f"{text!r} is not a date and time in the form YYYY-MM-DDTHH:MM (optionally with an offset such as +01:00)"
        ) from None


def parse_date(value: object, formats: Sequence[str] = ()) -> dt.date:
    """A date from a date, a datetime (UK day of an aware one) or text. Raises ``ValueError``.

    Text is ISO ``YYYY-MM-DD`` (or an ISO date and time, read as its UK day) unless ``formats``
    (``strptime`` patterns declared by an import mapping) are given. An impossible date such as
    2026-02-30 is refused with the reason.
    """
    if isinstance(value, dt.datetime):
        return uk_local(value).date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"{value!r} is not a date in the form {ISO_EXAMPLE}")
    text = str(value).strip()
    if not text:
        raise ValueError("the date is missing")
    if len(text) > 40:
        raise ValueError(f"{text[:40]!r}… is not a date")
    if formats:
        for fmt in formats:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(f"{text!r} is not a date in the form {' or '.join(_human(f) for f in formats)}")
    if "T" in text or " " in text:
        return parse_datetime(text).date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        reason = str(err)
        if "out of range" in reason or "must be in" in reason:
            raise ValueError(f"{text!r} is not a date that exists ({reason}); check the day and month") from None
        raise ValueError(f"{text!r} is not a date in the form {ISO_EXAMPLE}") from None


def parse_iso_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD``; raises ``ValueError`` with an example of the right form."""
    return parse_date(str(text))


def check_range(day: dt.date, *, today: dt.date, past: bool, earliest: dt.date = EARLIEST) -> str | None:
    """Why ``day`` is implausible, or None. ``past``: the fact has happened, so it cannot be after ``today``."""
    if day < earliest:
        return f"{day.isoformat()} is before {earliest.year}; check the year"
    if past and day > today:
        return f"{day.isoformat()} is in the future; only record what has happened, on or before {today.isoformat()}"
    latest = add_months(today, 12 * FUTURE_YEARS)
    if day > latest:
        return f"{day.isoformat()} is more than {FUTURE_YEARS} years ahead; check the year"
    return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's end (31 January + 1 month = 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
