"""The first hearing of a possession claim (CPR 55.5(3)): when it may be, and when the papers must be served.

Why: the court fixes the date on issue, but the officer must check it (a hearing listed sooner than 28
days after issue, or papers served later than 21 days before it, lets the tenant ask for an
adjournment), and the pre-hearing check needs the service deadline. Counting: "not less than" periods
are clear days (CPR 2.8(2)-(3): neither the day of issue nor the day of the hearing counts), so the hearing
is on or after issue + 29 days, and the claim form and particulars must be served by hearing - 22 days;
the standard period is not more than 8 weeks, so normally by issue + 56 days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..dates import format_date
from .rows import RuleRow, row

HEARING_ROWS: tuple[RuleRow, ...] = (
    RuleRow(
        "hearing_min",
        "first hearing, at least (days after issue)",
        "28 days",
        dt.date(2001, 10, 15),
        "CPR 55.5(3)(a); clear days under CPR 2.8(3)",
        verified=True,
        days=28,
    ),
    RuleRow(
        "hearing_max",
        "first hearing, normally not more than (days after issue)",
        "8 weeks",
        dt.date(2001, 10, 15),
        "CPR 55.5(3)(b)",
        verified=True,
        days=56,
    ),
    RuleRow(
        "service_before_hearing",
        "serve claim form and particulars, not less than (days before the hearing)",
        "21 days",
        dt.date(2001, 10, 15),
        "CPR 55.5(3)(c); clear days under CPR 2.8(3)",
        verified=True,
        days=21,
    ),
)


@dataclass(frozen=True)
class HearingCheck:
    issue_date: dt.date
    hearing_date: dt.date
    earliest_hearing: dt.date
    latest_standard_hearing: dt.date
    serve_by: dt.date  # the last day service may take effect
    problems: tuple[str, ...]
    basis: str
    source: str


def hearing_check(issue_date: dt.date, hearing_date: dt.date) -> HearingCheck:
    """Whether a listed first hearing fits CPR 55.5(3), and the last day for service."""
    low, high, serve = (row(HEARING_ROWS, c) for c in ("hearing_min", "hearing_max", "service_before_hearing"))
    earliest = issue_date + dt.timedelta(days=(low.days or 28) + 1)
    latest = issue_date + dt.timedelta(days=high.days or 56)
    serve_by = hearing_date - dt.timedelta(days=(serve.days or 21) + 1)
    problems: list[str] = []
    if hearing_date < earliest:
        problems.append(
            f"The hearing on {format_date(hearing_date)} is less than 28 clear days after issue on "
            f"{format_date(issue_date)} (CPR 55.5(3)(a)): the earliest is {format_date(earliest)}."
        )
    if hearing_date > latest:
        problems.append(
            f"The hearing on {format_date(hearing_date)} is more than 8 weeks after issue (CPR 55.5(3)(b) standard "
            f"period ends {format_date(latest)}); check the court's listing."
        )
    if serve_by < issue_date:
        problems.append(f"Service cannot take effect 21 clear days before a hearing on {format_date(hearing_date)}.")
    basis = (
        f"Claim issued {format_date(issue_date)}, first hearing {format_date(hearing_date)}: the hearing may be from "
        f"{format_date(earliest)} and normally by {format_date(latest)}; the claim form and particulars must be "
        f"served by {format_date(serve_by)} (21 clear days before the hearing)."
    )
    return HearingCheck(
        issue_date,
        hearing_date,
        earliest,
        latest,
        serve_by,
        tuple(problems),
        basis,
        "; ".join(r.source for r in (low, high, serve)),
    )
