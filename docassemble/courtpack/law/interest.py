"""Interest on a debt: s.69 County Courts Act 1984, contract, Late Payment Act 1998, and on judgments.

Why simple interest on a day count: CPR 16.4(2) requires the particulars to state the basis, rate,
dates, the amount to the date of issue and the daily rate after it, and the court checks the
arithmetic: principal x rate x days / 365, with days = to - from, rounded half-up to the penny only
at the end. The daily rate is reported rounded to the penny, as pleaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import ZERO, MoneyResult, amount, day_count, rate, row_in_force
from .dates import format_date
from .money import format_money, round_penny

KINDS = ("statutory", "contractual", "late_payment", "none")
_DAYS_IN_YEAR = Decimal(365)


@dataclass(frozen=True)
class RateRow:
    """A dated percentage a year (a conventional rate, or a Bank of England Bank Rate change)."""

    effective_from: dt.date
    rate: Decimal
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


@dataclass(frozen=True)
class CompensationRow:
    """Late Payment Act fixed sum: ``amount`` for debts below ``below`` (None = no upper limit)."""

    effective_from: dt.date
    below: Decimal | None
    amount: Decimal
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


STATUTORY_RATES: tuple[RateRow, ...] = (
    RateRow(
        dt.date(1993, 4, 1),
        Decimal("8"),
        "s.69 County Courts Act 1984; 8% a year is the conventional rate, equal to the judgment rate "
        "under the Judgment Debts (Rate of Interest) Order 1993 (SI 1993/564)",
    ),
)

LATE_PAYMENT_MARGIN: tuple[RateRow, ...] = (
    RateRow(
        dt.date(2002, 8, 7),
        Decimal("8"),
        "Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002 (SI 2002/1675) art 4: "
        "8% over the reference rate",
    ),
)

_BOE = "Bank of England Bank Rate history (official Bank Rate), change effective {}"
BASE_RATES: tuple[RateRow, ...] = tuple(
    RateRow(day, Decimal(value), _BOE.format(format_date(day)))
    for day, value in (
        (dt.date(2016, 8, 4), "0.25"),
        (dt.date(2017, 11, 2), "0.50"),
        (dt.date(2018, 8, 2), "0.75"),
        (dt.date(2020, 3, 11), "0.25"),
        (dt.date(2020, 3, 19), "0.10"),
        (dt.date(2021, 12, 16), "0.25"),
        (dt.date(2022, 2, 3), "0.50"),
        (dt.date(2022, 3, 17), "0.75"),
        (dt.date(2022, 5, 5), "1.00"),
        (dt.date(2022, 6, 16), "1.25"),
        (dt.date(2022, 8, 4), "1.75"),
        (dt.date(2022, 9, 22), "2.25"),
        (dt.date(2022, 11, 3), "3.00"),
        (dt.date(2022, 12, 15), "3.50"),
        (dt.date(2023, 2, 2), "4.00"),
        (dt.date(2023, 3, 23), "4.25"),
        (dt.date(2023, 5, 11), "4.50"),
        (dt.date(2023, 6, 22), "5.00"),
        (dt.date(2023, 8, 3), "5.25"),
        (dt.date(2024, 8, 1), "5.00"),
        (dt.date(2024, 11, 7), "4.75"),
        (dt.date(2025, 2, 6), "4.50"),
        (dt.date(2025, 5, 8), "4.25"),
        (dt.date(2025, 8, 7), "4.00"),
        (dt.date(2025, 12, 18), "3.75"),
    )
)

# The last day the table above is known to be complete (the February 2026 decision held Bank Rate at 3.75%):
# a reference day after it has an unknown rate, and a guessed rate is worse than none.
BASE_RATES_KNOWN_TO = dt.date(2026, 2, 5)

_S5A = (
    "Late Payment of Commercial Debts (Interest) Act 1998 s.5A(1) and (2)(a)-(c) (inserted by SI 2002/1674 reg 2): "
    "a fixed sum once statutory interest runs on a qualifying debt (£40 under £1000; £70 from £1000 and under "
    "£10,000; £100 from £10,000)"
)
LATE_PAYMENT_COMPENSATION: tuple[CompensationRow, ...] = (
    CompensationRow(dt.date(2002, 8, 7), Decimal("1000.00"), Decimal("40.00"), _S5A, verified=True),
    CompensationRow(dt.date(2002, 8, 7), Decimal("10000.00"), Decimal("70.00"), _S5A, verified=True),
    CompensationRow(dt.date(2002, 8, 7), None, Decimal("100.00"), _S5A, verified=True),
)


@dataclass(frozen=True)
class InterestResult:
    """Interest to a date and the daily rate after it, as CPR 16.4(2) requires them pleaded."""

    kind: str
    principal: Decimal
    rate: Decimal  # percent a year
    from_date: dt.date
    to_date: dt.date
    days: int
    interest: Decimal
    daily_rate: Decimal
    basis: str
    source: str
    items: tuple[InterestItem, ...] = ()  # item by item (s.69 on each sum from when it fell due); () = one sum


@dataclass
class Owing:
    """A sum still owed while payments are set against the oldest first (mutable: a part payment reduces it)."""

    due: dt.date
    amount: Decimal
    text: str = ""


@dataclass(frozen=True)
class InterestItem:
    """Interest on one sum (or the part of it paid on one day) from when it fell due until paid or ``to``."""

    description: str
    amount: Decimal
    due: dt.date
    until: dt.date
    days: int  # days counted, breathing-space days left out
    excluded_days: int
    interest: Decimal
    paid: bool  # True when ``until`` is the day this part was paid


def _simple(principal: Decimal, pct: Decimal, from_date: dt.date, to_date: dt.date) -> tuple[int, Decimal, Decimal]:
    if to_date < from_date:
        raise LawError(
            f"interest 'to' date {to_date.isoformat()} is before the 'from' date "
            f"{from_date.isoformat()}; interest runs forwards — swap or correct the dates"
        )
    days = (to_date - from_date).days
    yearly = principal * pct / 100
    return days, round_penny(yearly * days / _DAYS_IN_YEAR), round_penny(yearly / _DAYS_IN_YEAR)


def _result(
    kind: str, label: str, principal: object, pct: Decimal, from_date: dt.date, to_date: dt.date, source: str
) -> InterestResult:
    money = amount(principal, "principal")
    days, interest, daily = _simple(money, pct, from_date, to_date)
    basis = (
        f"{pct.normalize():f}% a year simple interest {label} on {format_money(money)} from "
        f"{format_date(from_date)} to {format_date(to_date)} ({day_count(days)}): {format_money(interest)}; "
        f"daily rate {format_money(daily)}"
    )
    return InterestResult(kind, money, pct, from_date, to_date, days, interest, daily, basis, source)


def statutory_interest(
    principal: object, from_date: dt.date, to_date: dt.date, rate_pct: object | None = None
) -> InterestResult:
    """s.69 County Courts Act 1984 interest; the court's discretion is conventionally exercised at 8%."""
    row = row_in_force(STATUTORY_RATES, from_date, "statutory interest rate")
    pct = row.rate if rate_pct is None else rate(rate_pct)
    return _result("statutory", "under s.69 County Courts Act 1984", principal, pct, from_date, to_date, row.source)


def contractual_interest(principal: object, rate_pct: object, from_date: dt.date, to_date: dt.date) -> InterestResult:
    """Interest at the rate the agreement provides (the agreement is the source; s.69 is then not claimed)."""
    pct = rate(rate_pct, "contractual rate")
    return _result(
        "contractual",
        "under the agreement",
        principal,
        pct,
        from_date,
        to_date,
        "the parties' agreement (CPR 16.4(2)(a)(i): contractual interest)",
    )


def late_payment_reference_date(due: dt.date) -> dt.date:
    """The reference day for a debt whose interest starts on ``due``: 31 Dec before Jan–Jun, 30 Jun before Jul–Dec."""
    return dt.date(due.year - 1, 12, 31) if due.month <= 6 else dt.date(due.year, 6, 30)


def late_payment_rate(due: dt.date) -> RateRow:
    """Statutory rate under the Late Payment Act: Bank Rate on the reference day + 8%.

    Why fixed at the start: the reference rate for a debt is the one in force on the reference day
    (31 December or 30 June) immediately before the day statutory interest starts to run, and it
    does not change while the debt is unpaid (SI 2002/1675 art 4).
    """
    reference = late_payment_reference_date(due)
    if reference > BASE_RATES_KNOWN_TO:
        raise LawError(
            f"courtpack's Bank Rate table is only known to {format_date(BASE_RATES_KNOWN_TO)}, so the "
            f"reference rate on {format_date(reference)} is not known — add the Bank Rate in force that "
            "day to BASE_RATES in law/interest.py"
        )
    base = row_in_force(BASE_RATES, reference, "Bank of England base rate")
    margin = row_in_force(LATE_PAYMENT_MARGIN, due, "Late Payment Act margin")
    return RateRow(
        reference,
        base.rate + margin.rate,
        f"{margin.source}; reference rate {base.rate}% on {format_date(reference)}: {base.source}",
    )


def late_payment_interest(principal: object, from_date: dt.date, to_date: dt.date) -> InterestResult:
    """Late Payment of Commercial Debts (Interest) Act 1998 interest (business-to-business supplies)."""
    row = late_payment_rate(from_date)
    return _result(
        "late_payment",
        "under the Late Payment of Commercial Debts (Interest) Act 1998",
        principal,
        row.rate,
        from_date,
        to_date,
        row.source,
    )


def late_payment_compensation(debt: object, on: dt.date) -> MoneyResult:
    """Fixed sum per debt: £40 under £1,000, £70 under £10,000, £100 from £10,000 (s.5A)."""
    money = amount(debt, "debt")
    for row in sorted(
        (
            r
            for r in LATE_PAYMENT_COMPENSATION
            if r.effective_from <= on and (r.effective_to is None or on <= r.effective_to)
        ),
        key=lambda r: (r.below is None, r.below),
    ):
        if row.below is None or money < row.below:
            basis = (
                f"Fixed compensation of {format_money(row.amount)} for a debt of {format_money(money)} under "
                "s.5A of the Late Payment Act 1998."
            )
            return MoneyResult(row.amount, basis, row.source)
    raise LawError(f"courtpack has no Late Payment Act compensation table in force on {on.isoformat()}")


def interest_for(
    kind: str, principal: object, from_date: dt.date, to_date: dt.date, rate_pct: object | None = None
) -> InterestResult:
    """Dispatch on the pleaded basis (``statutory``, ``contractual``, ``late_payment``, ``none``)."""
    if kind == "statutory":
        return statutory_interest(principal, from_date, to_date, rate_pct)
    if kind == "contractual":
        if rate_pct is None:
            raise LawError("contractual interest needs the rate in the agreement — give it as a percentage a year")
        return contractual_interest(principal, rate_pct, from_date, to_date)
    if kind == "late_payment":
        if rate_pct is not None:
            raise LawError("the Late Payment Act rate is fixed by law (base rate + 8%) — do not give a rate")
        return late_payment_interest(principal, from_date, to_date)
    if kind == "none":
        money = amount(principal, "principal")
        days, _, _ = _simple(money, ZERO, from_date, to_date)
        return InterestResult("none", money, ZERO, from_date, to_date, days, ZERO, ZERO, "No interest is claimed.", "")
    raise LawError(f"interest basis {kind!r} is not known; use one of: {', '.join(KINDS)}")


BREATHING_SPACE_SOURCE = (
    "Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) "
    "(England and Wales) Regulations 2020 (SI 2020/1311) reg 7: no interest for the moratorium"
)


def days_excluded(start: dt.date, end: dt.date, windows: Iterable[tuple[dt.date, dt.date | None]]) -> int:
    """How many of the days after ``start`` up to and including ``end`` fall inside a breathing space.

    ``windows`` are (first day, last day) pairs, both inclusive; an open end runs past ``end``.
    Overlapping windows count each day once.
    """
    days: set[dt.date] = set()
    for first, last in windows:
        lo, hi = max(first, start + dt.timedelta(days=1)), min(last or end, end)
        days.update(lo + dt.timedelta(days=n) for n in range((hi - lo).days + 1))
    return len(days)


def itemised_interest(
    charges: Sequence[tuple[dt.date, object, str]],
    payments: Sequence[tuple[dt.date, object]],
    to_date: dt.date,
    *,
    kind: str = "statutory",
    rate_pct: object | None = None,
    breathing_spaces: Sequence[tuple[dt.date, dt.date | None]] = (),
) -> InterestResult:
    """Interest on each sum from the day it fell due: s.69 County Courts Act 1984 (or the contract rate).

    ``charges`` are (due date, amount, description); ``payments`` (date, amount) are applied to the
    oldest sum first, and the part of a sum paid stops carrying interest on the day it was paid.
    Days inside a breathing space carry none (SI 2020/1311 reg 7). Each item is rounded to the penny
    and the interest is their sum; the daily rate is on the balance still unpaid on ``to_date``.
    """
    if kind not in ("statutory", "contractual"):
        raise LawError(f"item-by-item interest is for statutory or contractual interest, not {kind!r}")
    if kind == "contractual" and rate_pct is None:
        raise LawError("contractual interest needs the rate in the agreement — give it as a percentage a year")
    if kind == "statutory":
        row = row_in_force(STATUTORY_RATES, to_date, "statutory interest rate")
        pct = row.rate if rate_pct is None else rate(rate_pct)
        label, source = "under s.69 County Courts Act 1984", row.source
    else:
        pct = rate(rate_pct, "contractual rate")
        label, source = "under the agreement", "the parties' agreement (CPR 16.4(2)(a)(i): contractual interest)"
    queue = [
        Owing(day, amount(value, f"sum due on {day.isoformat()}"), text)
        for day, value, text in sorted((c for c in charges if c[0] <= to_date), key=lambda c: c[0])
    ]
    if not queue:
        raise LawError(f"no sum fell due on or before {to_date.isoformat()} — interest needs at least one charge")
    parts: list[tuple[dt.date, Decimal, str, dt.date, bool]] = []  # due, amount, text, until, paid
    for paid_on, value in sorted((p for p in payments if p[0] <= to_date), key=lambda p: p[0]):
        left = amount(value, f"payment on {paid_on.isoformat()}")
        while left > 0 and queue:
            first = queue[0]
            used = min(first.amount, left)
            parts.append((first.due, used, first.text, max(paid_on, first.due), True))
            left -= used
            first.amount -= used
            if first.amount == 0:
                queue.pop(0)
    parts += [(o.due, o.amount, o.text, to_date, False) for o in queue]
    windows = tuple(breathing_spaces)
    items = []
    for due, value, text, until, paid in sorted(parts, key=lambda p: (p[0], p[3])):
        skipped = days_excluded(due, until, windows)
        days = (until - due).days - skipped
        items.append(
            InterestItem(
                text, value, due, until, days, skipped, round_penny(value * pct / 100 * days / _DAYS_IN_YEAR), paid
            )
        )
    outstanding = sum((o.amount for o in queue), ZERO)
    total = sum((item.interest for item in items), ZERO)
    daily = round_penny(outstanding * pct / 100 / _DAYS_IN_YEAR)
    skipped_total = sum(item.excluded_days for item in items)
    basis = (
        f"{pct.normalize():f}% a year simple interest {label} on each sum from the day it fell due to "
        f"{format_date(to_date)} (or to the day it was paid): {format_money(total)} on {len(items)} item(s)"
        + (f", leaving out {day_count(skipped_total)} in a breathing space" if skipped_total else "")
        + f"; daily rate {format_money(daily)} on the {format_money(outstanding)} unpaid"
    )
    if skipped_total:
        source = f"{source}; {BREATHING_SPACE_SOURCE}"
    earliest = min(item.due for item in items)
    return InterestResult(
        kind, outstanding, pct, earliest, to_date, (to_date - earliest).days, total, daily, basis, source, tuple(items)
    )
