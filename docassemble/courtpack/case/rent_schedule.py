"""The rent schedule PD 55A requires, the arrears in weeks of rent and the daily rate, from a rent account.

Why one module: the N119, the hearing statement and the notice's particulars show these figures; they
must agree to the penny, so each is worked out here once from ``tenancy.RentAccount``. The window is
the law's (``law.possession.particulars``): two years before issue, or from the first date of default if
later, opening with the balance brought forward from the day before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..law.dates import format_date
from ..law.money import format_money
from ..law.possession import DailyRate, daily_rate, schedule_start
from ..law.possession.particulars import PARTICULARS_ROWS
from .tenancy import ZERO, CreditSource, RentAccount, RentChange, account_entries, balance_at, first_default


@dataclass(frozen=True)
class ScheduleRow:
    day: dt.date
    description: str
    debit: Decimal
    credit: Decimal
    balance: Decimal  # running arrears after this line
    source: CreditSource | None = None


@dataclass(frozen=True)
class RentSchedule:
    """The schedule from ``start`` to ``end`` (inclusive), opening with the balance brought forward."""

    start: dt.date
    end: dt.date
    first_default: dt.date | None
    opening_balance: Decimal  # at the end of the day before ``start``
    rows: tuple[ScheduleRow, ...]
    total_debits: Decimal
    total_credits: Decimal
    tenant_paid: Decimal
    benefit_paid: Decimal  # housing benefit and UC housing costs paid direct
    closing_balance: Decimal
    basis: str
    source: str


def rent_schedule(account: RentAccount, issue: dt.date, *, end: dt.date | None = None) -> RentSchedule:
    """The PD 55A 2.3(2) schedule for a claim issued on ``issue``, running to ``end`` (default: ``issue``).

    A later ``end`` gives the updated statement for the hearing over the same window.
    """
    last = end or issue
    default = first_default(account, issue)
    start = max(schedule_start(issue, default), account.opened_on)
    before = start - dt.timedelta(days=1)
    opening = account.opening_balance if before < account.opened_on else balance_at(account, before)
    running = opening
    rows: list[ScheduleRow] = []
    for entry in account_entries(account, last):
        if entry.day < start:
            continue
        running += entry.debit - entry.credit
        rows.append(ScheduleRow(entry.day, entry.description, entry.debit, entry.credit, running, entry.source))
    debits = sum((r.debit for r in rows), ZERO)
    credits = sum((r.credit for r in rows), ZERO)
    tenant = sum((r.credit for r in rows if r.source in (CreditSource.TENANT, None)), ZERO)
    why = (
        f"from the first date of default, {format_date(default)}"
        if default is not None and start == default
        else f"for the two years before issue on {format_date(issue)}"
    )
    basis = (
        f"Rent schedule {why}: {format_date(start)} to {format_date(last)}. Balance brought forward "
        f"{format_money(opening)}; rent and charges {format_money(debits)}; paid {format_money(credits)} "
        f"({format_money(credits - tenant)} by housing benefit or Universal Credit); arrears "
        f"{format_money(running)}."
    )
    return RentSchedule(
        start,
        last,
        default,
        opening,
        tuple(rows),
        debits,
        credits,
        tenant,
        credits - tenant,
        running,
        basis,
        PARTICULARS_ROWS[0].source,
    )


def weekly_equivalent(rent: RentChange) -> Decimal:
    """The rent for one week: weekly as is; fortnightly / 2; four-weekly / 4; monthly x 12 / 52."""
    divide = {"weekly": Decimal(1), "fortnightly": Decimal(2), "four_weekly": Decimal(4)}
    if rent.frequency.value == "monthly":
        return rent.amount * 12 / 52
    return rent.amount / divide[rent.frequency.value]


def arrears_in_weeks(arrears: Decimal, rent: RentChange) -> Decimal:
    """The arrears as weeks of the current rent, to one decimal place (half up), e.g. 8.0 weeks."""
    week = weekly_equivalent(rent)
    if week <= 0:
        return ZERO
    return (arrears / week).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def rent_daily_rate(account: RentAccount, on: dt.date) -> DailyRate:
    """The daily rate of the rent in force on ``on`` (PD 55A 2.3(3))."""
    rent = account.tenancy.rent_on(on)
    return daily_rate(rent.amount, rent.frequency.value)
