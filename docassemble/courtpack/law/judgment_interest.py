"""Interest on a County Court judgment: County Courts Act 1984 s.74 and the 1991 Order (SI 1991/1184).

Why these rules, as the Order states them:
- Only a *relevant judgment* carries interest: one ordering payment of not less than £5,000, or for a
  Late Payment Act qualifying debt (art 1(2), as amended by SI 1998/2400). The test is the sum the
  judgment ordered, not what is owed today.
- Interest runs from the day judgment was given (art 2, the general rule; the court may order
  otherwise since SI 2019/903), on the sum unpaid: each dated payment reduces the balance from its date.
- Under an order for payment by instalments, interest runs only on an instalment not paid when due,
  from its due date.
- Enforcement other than a charging order stops interest, unless it produces no payment, when
  interest runs as if it had never been taken; interest that ceases on a day runs to the end of that
  day (art 1(3)).
- None on a judgment in proceedings on an agreement regulated by the Consumer Credit Act 1974.
The rate is 8% a year, the rate under the Judgments Act 1838 s.17 (SI 1993/564) that the Order applies.
Article numbers other than arts 1 and 2 are not cited until read in the Order. Days are counted as
for any simple interest here: days = to - from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import ZERO, amount, row_in_force
from .dates import add_months, format_date
from .interest import BREATHING_SPACE_SOURCE, InterestItem, InterestResult, Owing, RateRow, days_excluded
from .money import format_money, round_penny

_ORDER = "County Courts Act 1984 s.74; County Courts (Interest on Judgment Debts) Order 1991 (SI 1991/1184)"
JUDGMENT_RATES: tuple[RateRow, ...] = (
    RateRow(dt.date(1993, 4, 1), Decimal("8"), f"{_ORDER}: 8% a year (the Judgments Act rate, SI 1993/564)"),
)
THRESHOLDS: tuple[RateRow, ...] = (  # "rate" here is the minimum sum ordered, in pounds
    RateRow(
        dt.date(1991, 7, 1),
        Decimal("5000.00"),
        f"{_ORDER} art 1(2) ('relevant judgment': not less than "
        "£5,000, or a Late Payment Act qualifying debt, as amended by SI 1998/2400)",
        verified=True,
    ),
)
FREQUENCIES = {"weekly": 7, "fortnightly": 14, "four-weekly": 28, "monthly": 0}


@dataclass(frozen=True)
class InstalmentOrder:
    amount: Decimal
    frequency: str  # weekly, fortnightly, four-weekly, monthly
    first: dt.date


def instalment_dates(total: Decimal, order: InstalmentOrder, upto: dt.date) -> list[tuple[dt.date, Decimal]]:
    """The instalments falling due on or before ``upto`` (the last one is the balance, if smaller)."""
    if order.frequency not in FREQUENCIES:
        raise LawError(f"frequency {order.frequency!r} is not known; use one of: {', '.join(FREQUENCIES)}")
    each = amount(order.amount, "instalment", allow_zero=False)
    due, left, number, found = order.first, total, 0, []
    while left > 0 and due <= upto:
        part = min(each, left)
        found.append((due, part))
        left -= part
        number += 1
        step = FREQUENCIES[order.frequency]
        due = add_months(order.first, number) if step == 0 else order.first + dt.timedelta(days=step * number)
    return found


def judgment_interest(
    ordered: object,
    judgment_date: dt.date,
    to_date: dt.date,
    *,
    payments: Sequence[tuple[dt.date, object]] = (),
    instalments: InstalmentOrder | None = None,
    enforcement_started: dt.date | None = None,
    enforcement_unproductive: bool = False,
    cca_regulated: bool = False,
    late_payment_debt: bool = False,
    breathing_spaces: Sequence[tuple[dt.date, dt.date | None]] = (),
) -> InterestResult:
    """Interest to ``to_date`` on a judgment for ``ordered`` given on ``judgment_date``, and the daily rate after.

    Days inside a breathing space carry no interest (SI 2020/1311 reg 7), as for any interest on the debt.
    """
    total = amount(ordered, "judgment amount", allow_zero=False)
    if to_date < judgment_date:
        raise LawError(
            f"the date {to_date.isoformat()} is before the judgment of {judgment_date.isoformat()} — check the dates"
        )
    row = row_in_force(JUDGMENT_RATES, judgment_date, "judgment interest rate")
    floor = row_in_force(THRESHOLDS, judgment_date, "judgment interest threshold")
    why = []
    if total < floor.rate and not late_payment_debt:
        why.append(
            f"the judgment ordered {format_money(total)}, under {format_money(floor.rate)}, and is not for a "
            "Late Payment Act debt (art 1(2))"
        )
    if cca_regulated:
        why.append("the judgment is on an agreement regulated by the Consumer Credit Act 1974")
    if why:
        return InterestResult(
            "judgment",
            total,
            ZERO,
            judgment_date,
            to_date,
            (to_date - judgment_date).days,
            ZERO,
            ZERO,
            f"No judgment interest: {' and '.join(why)}.",
            f"{floor.source}; {row.source}",
        )
    end = to_date
    stopped = ""
    if enforcement_started is not None and not enforcement_unproductive and enforcement_started <= to_date:
        end = max(judgment_date, enforcement_started)  # art 1(3): interest ceasing on a day runs to its end
        stopped = f"; interest stopped when enforcement was taken on {format_date(enforcement_started)}"
    # The sums carrying interest: the whole judgment from its date, or each instalment from its due date.
    # Payments go to the earliest instalment first, so instalments not yet due are in the queue too.
    due_sums = (
        instalment_dates(total, instalments, dt.date.max) if instalments is not None else [(judgment_date, total)]
    )
    queue = [Owing(day, value) for day, value in due_sums]
    parts: list[tuple[dt.date, Decimal, dt.date, bool]] = []
    for paid_on, value in sorted((p for p in payments if p[0] <= end), key=lambda p: p[0]):
        left = amount(value, f"payment on {paid_on.isoformat()}")
        while left > 0 and queue:
            first = queue[0]
            used = min(first.amount, left)
            parts.append((first.due, used, max(paid_on, first.due), True))
            left -= used
            first.amount -= used
            if first.amount == 0:
                queue.pop(0)
    queue = [o for o in queue if o.due <= end]  # instalments not yet due carry nothing
    parts += [(o.due, o.amount, end, False) for o in queue]
    items = []
    for day, value, until, paid in sorted(parts):
        skipped = days_excluded(day, until, breathing_spaces)
        days = (until - day).days - skipped
        items.append(
            InterestItem(
                "instalment due" if instalments else "judgment debt",
                value,
                day,
                until,
                days,
                skipped,
                round_penny(value * row.rate / 100 * days / 365),
                paid,
            )
        )
    interest = sum((item.interest for item in items), ZERO)
    carrying = sum((o.amount for o in queue), ZERO) if not stopped else ZERO
    daily = round_penny(carrying * row.rate / 100 / 365)
    what = "on each instalment from the day it fell due unpaid" if instalments else "on the balance unpaid"
    basis = (
        f"{row.rate.normalize():f}% a year {what} under the judgment of {format_money(total)} given on "
        f"{format_date(judgment_date)}, to {format_date(end)}: {format_money(interest)}; daily rate "
        f"{format_money(daily)}{stopped}."
    )
    if enforcement_started is not None and enforcement_unproductive:
        basis += " Enforcement produced no payment, so interest runs as if it had not been taken."
    source = f"{floor.source}; {row.source}"
    if any(item.excluded_days for item in items):
        basis += " Days in a breathing space are left out."
        source += f"; {BREATHING_SPACE_SOURCE}"
    return InterestResult(
        "judgment",
        carrying,
        row.rate,
        judgment_date,
        end,
        (end - judgment_date).days,
        interest,
        daily,
        basis,
        source,
        tuple(items),
    )
