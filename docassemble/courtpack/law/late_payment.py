"""Late Payment of Commercial Debts (Interest) Act 1998: interest and fixed sums, invoice by invoice.

Why per invoice: each invoice is its own qualifying debt. Statutory interest runs from the day after
the *relevant day* (s.4): the agreed payment date, or else the last day of the 30 days beginning with
the later of performance and the purchaser's notice of the debt (so, from notice on 1 March, the
relevant day is 30 March and interest runs from 31 March). Its rate is the reference rate in force
on the 31 December or 30 June before interest starts to run, plus 8%, fixed for that debt. The
fixed sum under s.5A (£40 / £70 / £100 by the size of the debt) is due once *per qualifying debt*.
Days are counted as ``law.interest`` counts them: days = to - relevant day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import ZERO, amount
from .dates import format_date
from .interest import late_payment_compensation, late_payment_rate
from .money import format_money, round_penny

S4 = (
    "Late Payment of Commercial Debts (Interest) Act 1998 s.4 (interest from the day after the relevant day) "
    "and s.5A (fixed sum per qualifying debt)"
)
DEFAULT_PERIOD_DAYS = 30  # s.4(5)/(6): the 30 days beginning with performance or notice


@dataclass(frozen=True)
class Invoice:
    """One qualifying debt: its amount, the day of performance or notice of it, and any agreed due date."""

    amount: Decimal
    notice: dt.date
    due: dt.date | None = None


@dataclass(frozen=True)
class InvoiceInterest:
    invoice: Invoice
    relevant_day: dt.date
    rate: Decimal  # percent a year: reference rate + 8
    days: int
    interest: Decimal
    compensation: Decimal
    basis: str


@dataclass(frozen=True)
class LatePaymentResult:
    items: tuple[InvoiceInterest, ...]
    interest: Decimal
    compensation: Decimal
    total: Decimal  # interest + compensation (the invoices themselves are not included)
    daily_rate: Decimal
    rates: tuple[Decimal, ...]  # the distinct rates applied, in invoice order
    basis: str
    source: str


def relevant_day(notice: dt.date, due: dt.date | None = None) -> dt.date:
    """s.4: the agreed due date if there is one; else the 30th day counting the day of performance/notice."""
    return due if due is not None else notice + dt.timedelta(days=DEFAULT_PERIOD_DAYS - 1)


def late_payment(invoices: Sequence[Invoice], to_date: dt.date) -> LatePaymentResult:
    """Statutory interest and fixed sums on each invoice to ``to_date``."""
    if not invoices:
        raise LawError("give at least one invoice as AMOUNT:DATE or AMOUNT:DATE:DUE")
    items, sources = [], []
    daily = ZERO
    for number, invoice in enumerate(invoices, 1):
        value = amount(invoice.amount, f"invoice {number} amount", allow_zero=False)
        day = relevant_day(invoice.notice, invoice.due)
        if to_date <= day:
            items.append(
                InvoiceInterest(
                    invoice,
                    day,
                    Decimal(0),
                    0,
                    ZERO,
                    ZERO,
                    f"Invoice {number} ({format_money(value)}): not yet late on "
                    f"{format_date(to_date)}; the relevant day is {format_date(day)}.",
                )
            )
            continue
        row = late_payment_rate(day + dt.timedelta(days=1))
        days = (to_date - day).days
        yearly = value * row.rate / 100
        interest = round_penny(yearly * days / 365)
        fixed = late_payment_compensation(value, day + dt.timedelta(days=1))
        daily += yearly / 365
        sources.append(row.source)
        items.append(
            InvoiceInterest(
                invoice,
                day,
                row.rate,
                days,
                interest,
                fixed.amount,
                f"Invoice {number} ({format_money(value)}): relevant day {format_date(day)}; "
                f"{row.rate.normalize():f}% a year from {format_date(day + dt.timedelta(days=1))}"
                f" to {format_date(to_date)} ({days} days): {format_money(interest)}; fixed "
                f"sum {format_money(fixed.amount)}.",
            )
        )
    interest = sum((item.interest for item in items), ZERO)
    compensation = sum((item.compensation for item in items), ZERO)
    rates = tuple(dict.fromkeys(item.rate for item in items if item.days))
    basis = (
        " ".join(item.basis for item in items)
        + f" Total interest {format_money(interest)} and fixed sums {format_money(compensation)}."
    )
    source = "; ".join(dict.fromkeys([S4, *sources]))
    return LatePaymentResult(
        tuple(items), interest, compensation, interest + compensation, round_penny(daily), rates, basis, source
    )
