"""What the particulars of a rent arrears possession claim must state (PD 55A para 2.3).

Why: the rent schedule and the daily rate appear on the N119 and again at the hearing, so one rule
decides the period the schedule covers and how the daily rate is worked out.

- The schedule (PD 55A 2.3(2)): the dates and amounts of all payments due and payments made under the
  tenancy agreement for the two years immediately preceding the date of issue, or, if the first date of
  default was less than two years before issue, from the first date of default, with a running total of
  the arrears. A longer history is exhibited to a witness statement instead (2.3A).
- The daily rate of any rent (2.3(3)): courtpack follows the N119 notes and common practice: a weekly
  rent divided by 7; a fortnightly rent by 14; a four-weekly rent by 28; a monthly rent multiplied by 12
  and divided by 365. It is stated to the penny, rounded half up.
- Previous steps, the tenant's circumstances and whether benefit is paid direct (2.3(4), (5)) are
  statements the particulars make; courtpack supplies them from the register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ...errors import LawError
from ..calendar import add_years
from ..money import format_money, round_penny
from .rows import RuleRow, row

_PD55A = "CPR PD 55A para {} (as in force since 1 October 2006, amended 2007)"
PARTICULARS_ROWS: tuple[RuleRow, ...] = (
    RuleRow(
        "schedule_period",
        "rent schedule in the particulars",
        "payments due and made for the 2 years before issue, or from the first date of default if later, "
        "with a running total of the arrears",
        dt.date(2006, 10, 1),
        _PD55A.format("2.3(2), 2.3A"),
    ),
    RuleRow(
        "daily_rate",
        "daily rate of rent",
        "weekly rent / 7 (fortnightly / 14, four-weekly / 28); monthly rent x 12 / 365",
        dt.date(2006, 10, 1),
        _PD55A.format("2.3(3)") + "; method from the notes for guidance on form N119",
    ),
)
_DIVISORS = {"weekly": (Decimal(1), Decimal(7)), "fortnightly": (Decimal(1), Decimal(14))}
_DIVISORS |= {"four_weekly": (Decimal(1), Decimal(28)), "monthly": (Decimal(12), Decimal(365))}
SCHEDULE_YEARS = 2


@dataclass(frozen=True)
class DailyRate:
    amount: Decimal
    basis: str
    source: str


def daily_rate(rent: Decimal, frequency: str) -> DailyRate:
    """The daily rate of rent for the particulars of claim, to the penny."""
    if frequency not in _DIVISORS:
        raise LawError(f"rent frequency {frequency!r} is not known; use one of: {', '.join(_DIVISORS)}")
    times, divide = _DIVISORS[frequency]
    amount = round_penny(rent * times / divide)
    how = (
        f"{format_money(rent)} a month x 12 / 365"
        if frequency == "monthly"
        else f"{format_money(rent)} {frequency.replace('_', '-')} / {divide}"
    )
    return DailyRate(
        amount, f"Daily rate of rent {format_money(amount)} ({how}).", row(PARTICULARS_ROWS, "daily_rate").source
    )


def schedule_start(issue: dt.date, first_default: dt.date | None) -> dt.date:
    """The first day the PD 55A schedule must cover: two years before issue, or the first default if later."""
    two_years = add_years(issue, -SCHEDULE_YEARS)
    if first_default is None or first_default < two_years:
        return two_years
    return first_default
