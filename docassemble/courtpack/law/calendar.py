"""Computing time: clear days (CPR 2.8), business days, bank holidays and deemed service (CPR 6.14, 6.26).

Why one module: every deadline in a case (reply periods, acknowledgment and defence, service,
bundles) is counted the same way, and getting a bank holiday wrong makes a judgment irregular.
Bank holidays come from the maintained ``holidays`` library (England & Wales), never a hand
list, so one-off days (19 September 2022, 8 May 2023) are right without a code change. What the
library gives for a year is kept in ``COURTPACK_HOME`` under the library's version, because loading
the library takes most of a quarter of a second and ``courtpack calc`` must answer in less than 0.3 s;
a new version of the library starts a new file, so a newly proclaimed day is never missed.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import LawError
from .basis import day_count
from .dates import format_date

CPR_2_8 = "CPR 2.8 (time: clear days; periods of 5 days or less exclude weekends and bank holidays)"
CPR_6_14 = "CPR 6.14 (deemed service of a claim form)"
CPR_6_26 = "CPR 6.26 (deemed service of documents other than a claim form)"
BANK_HOLIDAY_SOURCE = "Banking and Financial Dealings Act 1971 Sch 1 and royal proclamations, via the holidays library"
CUT_OFF = dt.time(16, 30)  # CPR 6.26: "before 4.30 p.m."
SHORT_PERIOD_DAYS = 5  # CPR 2.8(4)
METHODS = ("post", "dx", "delivery", "email", "fax", "personal")
DOCUMENTS = ("claim-form", "other")


@dataclass(frozen=True)
class DayResult:
    """A date worked out under a rule, with the reasoning a caseworker can check."""

    date: dt.date
    basis: str
    source: str


@lru_cache(maxsize=64)
def _holidays_in(year: int) -> dict[dt.date, str]:
    """England & Wales bank holidays of one year that fall on weekdays (as gov.uk lists them).

    The library also lists a weekend Christmas or Boxing Day itself; those days are weekends
    (closed anyway) and the substitute weekday is what counts, so only weekdays are kept.
    """
    kept = _kept_years().get(str(year))
    if kept is not None:
        return {dt.date.fromisoformat(day): name for day, name in kept}
    import holidays  # a quarter of a second to load: only when the year is not kept yet

    found = holidays.country_holidays("GB", subdiv="ENG", years=year)
    days = {day: name for day, name in sorted(found.items()) if day.weekday() < 5}
    _keep_year(year, days)
    return days


def _kept_file() -> Path | None:
    """The file for this version of the library, or None when the library cannot say its version."""
    try:
        version = importlib.metadata.version("holidays")
    except importlib.metadata.PackageNotFoundError:
        return None
    home = os.environ.get("COURTPACK_HOME") or Path.home() / ".cache" / "courtpack"
    return Path(home) / f"bank-holidays-{version}.json"


@lru_cache(maxsize=1)
def _kept_years() -> dict[str, list[list[str]]]:
    """The years already worked out by this version of the library; empty when unreadable (worked out again)."""
    path = _kept_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
    ok = isinstance(data, dict) and all(isinstance(v, list) for v in data.values())
    return dict(data) if ok else {}


def _keep_year(year: int, days: dict[dt.date, str]) -> None:
    """Best effort: a folder that cannot be written only means the library is loaded next time too."""
    path = _kept_file()
    kept = _kept_years()
    kept[str(year)] = [[day.isoformat(), name] for day, name in days.items()]
    if path is None:
        return
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as f:
            temporary = Path(f.name)
            json.dump(kept, f, sort_keys=True)
        os.replace(temporary, path)  # whole or not at all: a reader never sees half a file
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def bank_holidays(year: int) -> dict[dt.date, str]:
    """The England & Wales bank holidays of ``year`` (weekday dates and their names)."""
    return dict(_holidays_in(year))


def is_bank_holiday(day: dt.date) -> bool:
    """True for an England & Wales bank holiday (Christmas Day and Good Friday included)."""
    return day in _holidays_in(day.year)


def is_business_day(day: dt.date) -> bool:
    """CPR 6.2(b): any day except a Saturday, Sunday, a bank holiday, Good Friday or Christmas Day.

    Court offices are closed on exactly these days, so this is also "the court office is open".
    """
    return day.weekday() < 5 and not is_bank_holiday(day)


def is_court_office_open(day: dt.date) -> bool:
    """County Court offices open on business days only (CPR 2.8(5) moves a deadline off a closed day)."""
    return is_business_day(day)


def next_business_day(day: dt.date) -> dt.date:
    """The first business day strictly *after* ``day``."""
    day += dt.timedelta(days=1)
    while not is_business_day(day):
        day += dt.timedelta(days=1)
    return day


def on_or_next_business_day(day: dt.date) -> dt.date:
    """``day`` itself if a business day, else the next one (a deadline falling on a closed day)."""
    return day if is_business_day(day) else next_business_day(day)


def previous_business_day(day: dt.date) -> dt.date:
    """The last business day strictly *before* ``day``."""
    day -= dt.timedelta(days=1)
    while not is_business_day(day):
        day -= dt.timedelta(days=1)
    return day


def add_business_days(start: dt.date, days: int) -> dt.date:
    """The business day ``days`` business days after ``start`` (before it if ``days`` is negative).

    ``start`` itself never counts, whether or not it is a business day; ``days == 0`` returns ``start``.
    """
    step = previous_business_day if days < 0 else next_business_day
    day = start
    for _ in range(abs(days)):
        day = step(day)
    return day


def business_days_between(start: dt.date, end: dt.date) -> int:
    """Business days after ``start`` up to and including ``end`` (0 if ``end`` <= ``start``)."""
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_business_day(day)
    return count


def add_years(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` later; 29 February becomes 28 February (the earlier, safer day)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def deadline(start: dt.date, days: int) -> DayResult:
    """The last day to act "within ``days`` days after ``start``" under CPR 2.8.

    Why clear days: CPR 2.8(3) excludes the day on which the period begins, so the period ends at
    the end of ``start + days``. A period of 5 days or less skips Saturdays, Sundays and bank
    holidays (CPR 2.8(4)), so it is counted in business days. If the last day is one on which the
    court office is closed, the act is in time on the next day it is open (CPR 2.8(5)) — applied
    to every result, so a deadline never falls on a closed day.
    """
    if days < 1:
        raise LawError(f"days is {days}; a period of time must be at least 1 day — give a whole number such as 14")
    if days <= SHORT_PERIOD_DAYS:
        end = add_business_days(start, days)
        how = (
            f"{day_count(days)} after {format_date(start)}, not counting the day it starts, weekends or "
            f"bank holidays (a period of {SHORT_PERIOD_DAYS} days or less)"
        )
    else:
        end = start + dt.timedelta(days=days)
        how = f"{day_count(days)} after {format_date(start)}, not counting the day it starts"
    moved = on_or_next_business_day(end)
    if moved != end:
        how += f"; {format_date(end)} is a day the court office is closed, so it runs to the next open day"
    return DayResult(moved, f"Last day is {format_date(moved)}: {how}.", CPR_2_8)


def latest_day_before(event: dt.date, days: int) -> DayResult:
    """The last day to act "at least ``days`` days before ``event``" (e.g. 3 days' notice of a hearing).

    Both the day of acting and the event day are excluded (clear days). For 5 days or less the
    intervening days are business days; the result is moved back off a closed day, because an
    act at the court office cannot be done on a day it is shut.
    """
    if days < 1:
        raise LawError(f"days is {days}; a period of time must be at least 1 day — give a whole number such as 3")
    if days <= SHORT_PERIOD_DAYS:
        day = add_business_days(event, -(days + 1))
    else:
        day = event - dt.timedelta(days=days + 1)
        if not is_business_day(day):
            day = previous_business_day(day)
    return DayResult(
        day,
        f"Last day is {format_date(day)}: {day_count(days)} clear of {format_date(event)}, "
        "counting neither the day of acting nor the day of the event.",
        CPR_2_8,
    )


def deemed_service(document: str, method: str, sent: dt.datetime) -> DayResult:
    """The day a document is deemed served in England & Wales.

    - ``claim-form`` (CPR 6.14): the second business day after the step required by CPR 7.5(1) was
      completed (posting, leaving, delivering, handing over, sending the email) — any method, any time.
    - ``other`` (CPR 6.26): first class post or DX: the second day after posting if that is a business
      day, else the next business day; delivery to the address, personal service, fax and email: that
      day if done before 4.30 pm on a business day, otherwise the next business day.
    """
    if document not in DOCUMENTS:
        raise LawError(f"document {document!r} is not known; use one of: {', '.join(DOCUMENTS)}")
    if method not in METHODS:
        raise LawError(f"method {method!r} is not known; use one of: {', '.join(METHODS)}")
    day = sent.date()
    when = f"{format_date(day)} at {sent.strftime('%H:%M')}"
    if document == "claim-form":
        served = add_business_days(day, 2)
        return DayResult(
            served,
            f"A claim form sent by {method} on {format_date(day)} is deemed served on the "
            f"second business day after that step: {format_date(served)}.",
            CPR_6_14,
        )
    if method in ("post", "dx"):
        second = day + dt.timedelta(days=2)
        served = on_or_next_business_day(second)
        tail = (
            "a business day"
            if served == second
            else f"not a business day, so the next business day, {format_date(served)}"
        )
        return DayResult(
            served,
            f"Sent by {method} on {format_date(day)}: deemed served on the second day after, "
            f"{format_date(second)}, {tail}.",
            CPR_6_26,
        )
    if is_business_day(day) and sent.time() < CUT_OFF:
        return DayResult(
            day, f"Served by {method} on {when}, before 4.30 pm on a business day: deemed served that day.", CPR_6_26
        )
    served = next_business_day(day)
    why = "at or after 4.30 pm" if is_business_day(day) else "not on a business day"
    return DayResult(
        served,
        f"Served by {method} on {when}, {why}: deemed served on the next business day, {format_date(served)}.",
        CPR_6_26,
    )


def court_issued_deemed_service(issue_date: dt.date) -> DayResult:
    """A claim the court (CNBC / MCOL) posts out is deemed served on the fifth day after issue.

    Why: judgment in default counts from service, and the centre's claims are served by the court.
    """
    served = issue_date + dt.timedelta(days=5)
    return DayResult(
        served,
        f"Issued on {format_date(issue_date)} and served by the court: deemed served five "
        f"days later, {format_date(served)}.",
        "CPR 6.14 and PD 7E para 5.8 (claims issued and served by the Civil National Business Centre)",
    )
