"""Limitation Act 1980: the last day to issue, and when a claim is barred.

Why the day after: the day the cause of action accrues is excluded (Marren v Dawson Bentley), so
a cause accruing on 1 June 2019 can be issued up to and including 1 June 2025. Each sum due is its
own cause of action (each invoice or charge under s.5, each rent instalment under s.19), so a
ledger is tested item by item and the barred items are named with the sum to leave out. Only an
acknowledgment in writing signed by the debtor or their agent, or a payment by the debtor or their
agent (ss.29(5), 30), restarts time, from its date, and never revives an item already barred
(s.29(7)). The last day is not moved off a weekend or holiday here: issuing early
is always safe, and relying on the court office being closed is a judgment for a lawyer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import ZERO, row_in_force
from .calendar import add_years
from .dates import format_date
from .money import format_money

CAUSES = ("contract", "statute", "rent", "specialty", "judgment")


@dataclass(frozen=True)
class PeriodRow:
    cause: str
    years: int
    label: str
    effective_from: dt.date
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


_LA = dt.date(1980, 11, 13)
PERIODS: tuple[PeriodRow, ...] = (
    PeriodRow("contract", 6, "a claim in simple contract", _LA, "Limitation Act 1980 s.5", verified=True),
    PeriodRow("statute", 6, "a sum recoverable by statute", _LA, "Limitation Act 1980 s.9"),
    PeriodRow("rent", 6, "arrears of rent (each instalment from its due date)", _LA, "Limitation Act 1980 s.19"),
    PeriodRow(
        "specialty",
        12,
        "an action on a specialty (deed)",
        _LA,
        "Limitation Act 1980 s.8(1) (twelve years from the date on which the cause of action accrued)",
        verified=True,
    ),
    PeriodRow("judgment", 6, "an action on a judgment", _LA, "Limitation Act 1980 s.24"),
)
WARN_DAYS = 90  # warn when the last day to issue is this close
ACKNOWLEDGMENT_SOURCE = (
    "Limitation Act 1980 s.29(5) and (7) and s.30 (acknowledgment in writing signed by the "
    "debtor or agent; payment by the debtor or agent; no revival of a barred claim)"
)


@dataclass(frozen=True)
class LimitationResult:
    cause: str
    accrued: dt.date
    runs_from: dt.date  # the accrual date, or the last effective acknowledgment / part payment
    last_day: dt.date  # last day on which the claim can be issued
    barred: bool
    days_left: int  # days from ``on`` to ``last_day`` (negative once barred)
    warnings: tuple[str, ...]
    basis: str
    source: str
    amount: Decimal | None = None  # the sum due on ``accrued``, where the caller knows it
    description: str = ""


def last_day(accrued: dt.date, years: int) -> dt.date:
    """Last day to issue: the anniversary of accrual ``years`` later (the corresponding-date rule).

    Excluding the accrual day, the period ends on the corresponding date; where there is none (29
    February) or a leap day could add one (28 February 2018 -> 29 February 2024?), the earlier
    day is taken: 28 February. Issuing a day early is always safe.
    """
    return add_years(accrued, years)


def limitation(
    cause: str,
    accrued: dt.date,
    on: dt.date,
    acknowledgments: Iterable[dt.date] = (),
    *,
    amount: Decimal | None = None,
    description: str = "",
) -> LimitationResult:
    """Whether a claim of ``cause`` accruing on ``accrued`` is barred on ``on``.

    ``acknowledgments`` are dates of acknowledgments in writing signed by the debtor or agent, or of
    payments by the debtor or agent (ss.29(5), 30); each one made while time is still running
    restarts it; one made after the claim is barred changes nothing (s.29(7)). One made before the
    sum fell due is no acknowledgment of it.
    """
    rows = [row for row in PERIODS if row.cause == cause]
    if not rows:
        raise LawError(f"cause {cause!r} is not known; use one of: {', '.join(CAUSES)}")
    row = row_in_force(rows, accrued, f"limitation period for {cause}")
    runs_from, end, warnings = accrued, last_day(accrued, row.years), []
    late = False
    for ack in sorted(acknowledgments):
        if ack < runs_from:
            continue
        if ack <= end:
            runs_from, end = ack, last_day(ack, row.years)
        else:
            late = True
            warnings.append(
                f"The acknowledgment or payment on {format_date(ack)} came after the claim was barred "
                f"and does not revive it (s.29(7))."
            )
    barred = on > end
    days_left = (end - on).days
    if barred:
        warnings.append(f"Barred: the last day to issue was {format_date(end)}.")
    elif days_left == 0:
        warnings.append(f"{format_date(end)} is the last day to issue.")
    elif days_left <= WARN_DAYS:
        warnings.append(f"Only {days_left} days left to issue (last day {format_date(end)}).")
    restarted = ""
    if runs_from != accrued:
        restarted = f", restarted by the acknowledgment or payment on {format_date(runs_from)}"
    basis = (
        f"{row.years} years for {row.label}, from the day after it accrued on {format_date(accrued)}"
        f"{restarted}: the last day to issue is {format_date(end)}; "
        f"{'barred' if barred else 'not barred'} on {format_date(on)}."
    )
    source = row.source + (f"; {ACKNOWLEDGMENT_SOURCE}" if runs_from != accrued or late else "")
    return LimitationResult(
        cause, accrued, runs_from, end, barred, days_left, tuple(warnings), basis, source, amount, description
    )


def earliest_live_accrual(cause: str, on: dt.date) -> dt.date:
    """The earliest accrual date still in time on ``on`` (ignoring acknowledgments): for sifting ledgers."""
    row = next((r for r in PERIODS if r.cause == cause), None)
    if row is None:
        raise LawError(f"cause {cause!r} is not known; use one of: {', '.join(CAUSES)}")
    day = add_years(on, -row.years)
    while last_day(day, row.years) < on:
        day += dt.timedelta(days=1)
    while last_day(day - dt.timedelta(days=1), row.years) >= on:
        day -= dt.timedelta(days=1)
    return day


RENT_DEBT_TYPES = ("former_tenant_arrears", "current_tenant_arrears", "commercial_rent", "garage_rent")
STATUTE_DEBT_TYPES = ("benefit_overpayment",)


def cause_for_debt_type(debt_type: str) -> str:
    """The limitation cause for a case's debt type: rent arrears per instalment (s.19), a benefit
    overpayment recoverable by statute (s.9), anything else a simple contract (s.5)."""
    if debt_type in RENT_DEBT_TYPES:
        return "rent"
    if debt_type in STATUTE_DEBT_TYPES:
        return "statute"
    return "contract"


def debt_limitation(
    cause: str, charges: Iterable[tuple[dt.date, Decimal] | dt.date], acknowledgments: Iterable[dt.date], on: dt.date
) -> tuple[LimitationResult, ...]:
    """Limitation for a ledger, one result per sum due (each charge is its own cause of action).

    ``charges`` are ``(due date, amount)`` pairs (bare dates are accepted where amounts are unknown);
    charges due on the same day are one item. Payments and written, signed acknowledgments restart
    time for every item not yet barred on their date (s.29(5), (7)).
    """
    totals: dict[dt.date, Decimal | None] = {}
    for charge in charges:
        day, value = charge if isinstance(charge, tuple) else (charge, None)
        before = totals.get(day, ZERO if value is not None else None)
        totals[day] = None if value is None or before is None else before + value
    acks = tuple(acknowledgments)
    return tuple(limitation(cause, day, on, acks, amount=totals[day]) for day in sorted(totals))


@dataclass(frozen=True)
class LimitationCheck:
    """Every item's result, and what a claim must leave out: the barred items and their total."""

    items: tuple[LimitationResult, ...]
    barred: tuple[LimitationResult, ...]
    barred_sum: Decimal
    last_day: dt.date | None  # the earliest last day among items still in time (None: all barred or none)
    basis: str


def check_items(items: Sequence[LimitationResult]) -> LimitationCheck:
    """Sum up item results: which are barred, the sum to leave out, and the first deadline still to meet."""
    barred = tuple(item for item in items if item.barred)
    total = sum((item.amount or ZERO for item in barred), ZERO)
    live = [item.last_day for item in items if not item.barred]
    if barred:
        named = "; ".join(
            f"{format_money(item.amount) + ' ' if item.amount is not None else ''}due "
            f"{format_date(item.accrued)} (last day {format_date(item.last_day)})"
            for item in barred
        )
        basis = (
            f"{len(barred)} of {len(items)} sums due are statute-barred: {named}. Leave "
            f"{format_money(total)} out of the claim."
        )
    else:
        basis = f"None of the {len(items)} sums due is statute-barred."
    return LimitationCheck(tuple(items), barred, total, min(live) if live else None, basis)
