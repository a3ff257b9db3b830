"""Council tax and business rates: the road to a liability order in the magistrates' court, and after it.

Why its own module: these debts are never County Court money claims. The Council Tax
(Administration and Enforcement) Regulations 1992 (SI 1992/613) and the Non-Domestic Rating
(Collection and Enforcement) (Local Lists) Regulations 1989 (SI 1989/1058) give the council its
own route: notices, a complaint and summons to the magistrates' court, a liability order, then
powers that depend on the tax. Every period, threshold and power is a dated row with a source and
a ``verified`` flag (True only once read in the instrument itself, on legislation.gov.uk or in its
explanatory note: CT regs 35(2A) and 50, NDR regs 16 and 18 and the powers NDR lacks), so a sources
list can show what still needs checking without any "(verify)" reaching a debtor's papers.

Periods, read from the words of each regulation:
- reminder notice (CT reg 23(3)): if the missed instalments are not paid within 7 days of the
  notice's issue, the whole year's balance falls due at the end of a further 7 days;
- final notice (CT reg 33): the complaint may be made once the sum stated is unpaid "at the expiry
  of the period of 7 days beginning with the day on which the notice was issued" (reg 34(1)) —
  the issue day is day 1, so the complaint may be made on issue day + 7;
- summons (CT reg 35(2A)): no liability order "unless 14 days have elapsed since the day on which
  the summons was served" — the service day is not counted, so the earliest hearing is served + 15;
- six years (CT reg 34(3), NDR reg 12(3)): no application "after the period of six years beginning
  with the day on which it became due" — the last day is the day before the sixth anniversary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import amount, row_in_force
from .calendar import add_business_days, add_years
from .dates import format_date
from .money import format_money

CT = "Council Tax (Administration and Enforcement) Regulations 1992 (SI 1992/613)"
NDR = "Non-Domestic Rating (Collection and Enforcement) (Local Lists) Regulations 1989 (SI 1989/1058)"
DEBT_TYPES = ("council_tax", "business_rates")
DEBT_LABELS = {"council_tax": "council tax", "business_rates": "business rates"}


@dataclass(frozen=True)
class PeriodRow:
    """A number of days for a step of one tax's route."""

    debt_type: str
    name: str
    days: int
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


@dataclass(frozen=True)
class ThresholdRow:
    debt_type: str
    name: str
    amount: Decimal
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


@dataclass(frozen=True)
class PowerRow:
    """A power the council has once it holds a liability order (or the reason it has not)."""

    debt_type: str
    power: str
    available: bool
    note: str
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


_CT_START = dt.date(1993, 4, 1)  # council tax replaced the community charge from 1 April 1993
_NDR_START = dt.date(1990, 4, 1)
PERIODS: tuple[PeriodRow, ...] = (
    PeriodRow("council_tax", "reminder_to_pay", 7, _CT_START, f"{CT} reg 23(3)", False),
    PeriodRow("council_tax", "final_notice_to_complaint", 7, _CT_START, f"{CT} reg 34(1)", False),
    PeriodRow(
        "council_tax",
        "summons_to_hearing",
        14,
        dt.date(1998, 4, 1),
        f"{CT} reg 35(2A), inserted by SI 1998/295 reg 3",
        True,
    ),
    PeriodRow("business_rates", "reminder_to_pay", 7, _NDR_START, f"{NDR} reg 8", False),
    PeriodRow("business_rates", "final_notice_to_complaint", 7, _NDR_START, f"{NDR} reg 12(1)", False),
    # No express interval was found in the 1989 Regulations; the council tax interval is applied
    # as the safe minimum so that a business rates list is never heard sooner than a council tax one.
    PeriodRow(
        "business_rates",
        "summons_to_hearing",
        14,
        _NDR_START,
        f"{NDR} reg 12 (no express interval found; the council tax minimum in SI 1992/613 reg 35(2A) is applied)",
        False,
    ),
)
APPLICATION_YEARS: tuple[PeriodRow, ...] = (
    # read in a quotation of reg 34(3) (33 Bedford Row) and Bolsover DC v Ashfield Nominees [2010] EWCA Civ 1129
    PeriodRow("council_tax", "application_years", 6, _CT_START, f"{CT} reg 34(3)", False),
    PeriodRow("business_rates", "application_years", 6, _NDR_START, f"{NDR} reg 12(3)", False),
)
APPLICATION_SOURCE = {"council_tax": f"{CT} reg 34(3)", "business_rates": f"{NDR} reg 12(3)"}
SUMMONS_SOURCE = {"council_tax": f"{CT} regs 34 and 35", "business_rates": f"{NDR} reg 12"}
NOTICE_SOURCE = {
    "reminder": {"council_tax": f"{CT} reg 23", "business_rates": f"{NDR} reg 8"},
    "final": {"council_tax": f"{CT} reg 33", "business_rates": f"{NDR} reg 11"},
}

THRESHOLDS: tuple[ThresholdRow, ...] = (
    ThresholdRow("council_tax", "charging_order_minimum", Decimal("1000.00"), _CT_START, f"{CT} reg 50(1)(c)", True),
)

POWERS: tuple[PowerRow, ...] = (
    PowerRow(
        "council_tax",
        "attachment_of_earnings",
        True,
        "An order to the debtor's employer, deductions by the Schedule 3 table; at most two at once.",
        _CT_START,
        f"{CT} regs 37-42 and Sch 3",
        False,
    ),
    PowerRow(
        "council_tax",
        "attachment_of_benefits",
        True,
        "A request to the Department for Work and Pensions for deductions from income support, income-based "
        "jobseeker's allowance, income-related ESA, pension credit or universal credit.",
        _CT_START,
        "Council Tax (Deductions from Income Support) Regulations 1993 (SI 1993/494) reg 3",
        False,
    ),
    PowerRow(
        "council_tax",
        "taking_control_of_goods",
        True,
        "Referral to an enforcement agent under Schedule 12 to the Tribunals, Courts and Enforcement Act 2007.",
        dt.date(2014, 4, 6),
        f"{CT} reg 45 as amended from 6 April 2014",
        False,
    ),
    PowerRow(
        "council_tax",
        "charging_order",
        True,
        "An application to the County Court for the area of the dwelling, if at least £1,000 of the liability "
        "order amount is outstanding.",
        _CT_START,
        f"{CT} reg 50",
        True,
    ),
    PowerRow(
        "council_tax",
        "bankruptcy_or_winding_up",
        True,
        "The liability order amount is a debt for a bankruptcy or winding-up petition.",
        _CT_START,
        f"{CT} reg 49",
        False,
    ),
    PowerRow(
        "council_tax",
        "committal",
        True,
        "An individual only, after the enforcement agent reports insufficient goods; the court must find wilful "
        "refusal or culpable neglect; at most 3 months.",
        _CT_START,
        f"{CT} reg 47",
        False,
    ),
    PowerRow(
        "business_rates",
        "attachment_of_earnings",
        False,
        "Not available for business rates: the 1989 Regulations give no such power.",
        _NDR_START,
        NDR,
        True,
    ),
    PowerRow(
        "business_rates", "attachment_of_benefits", False, "Not available for business rates.", _NDR_START, NDR, True
    ),
    PowerRow(
        "business_rates",
        "taking_control_of_goods",
        True,
        "Referral to an enforcement agent under Schedule 12 to the Tribunals, Courts and Enforcement Act 2007.",
        dt.date(2014, 4, 6),
        f"{NDR} reg 14 as amended from 6 April 2014",
        False,
    ),
    PowerRow(
        "business_rates",
        "charging_order",
        False,
        "Not available for business rates: the 1989 Regulations have no charging order power.",
        _NDR_START,
        NDR,
        True,
    ),
    PowerRow(
        "business_rates",
        "bankruptcy_or_winding_up",
        True,
        "The liability order amount is a debt for a bankruptcy or winding-up petition.",
        _NDR_START,
        f"{NDR} reg 18",
        True,
    ),
    PowerRow(
        "business_rates",
        "committal",
        True,
        "An individual only, after the enforcement agent reports insufficient goods; at most 3 months.",
        _NDR_START,
        f"{NDR} reg 16",
        True,
    ),
)
POWER_NAMES = tuple(dict.fromkeys(p.power for p in POWERS))


def _check(debt_type: str) -> None:
    if debt_type not in DEBT_TYPES:
        raise LawError(f"debt type {debt_type!r} has no liability order route; use one of: {', '.join(DEBT_TYPES)}")


def period(debt_type: str, name: str, on: dt.date) -> PeriodRow:
    _check(debt_type)
    rows = [r for r in PERIODS if r.debt_type == debt_type and r.name == name]
    return row_in_force(rows, on, f"{DEBT_LABELS[debt_type]} period {name.replace('_', ' ')}")


@dataclass(frozen=True)
class DayRule:
    date: dt.date
    basis: str
    source: str


def reminder_dates(debt_type: str, issued: dt.date) -> tuple[DayRule, DayRule]:
    """(pay the missed instalments by, whole balance due on) after a reminder notice issued on ``issued``."""
    row = period(debt_type, "reminder_to_pay", issued)
    pay_by = issued + dt.timedelta(days=row.days)
    whole_due = pay_by + dt.timedelta(days=row.days)
    return (
        DayRule(
            pay_by,
            f"Reminder issued {format_date(issued)}: the instalments then due must be paid within "
            f"{row.days} days, by {format_date(pay_by)}.",
            row.source,
        ),
        DayRule(
            whole_due,
            f"If they are not, the rest of the year's {DEBT_LABELS[debt_type]} falls due at the end "
            f"of a further {row.days} days, on {format_date(whole_due)}.",
            row.source,
        ),
    )


def earliest_complaint(debt_type: str, final_notice_issued: dt.date) -> DayRule:
    """The first day the complaint may be made after a final notice: 7 days beginning with the issue day."""
    row = period(debt_type, "final_notice_to_complaint", final_notice_issued)
    day = final_notice_issued + dt.timedelta(days=row.days)
    return DayRule(
        day,
        f"The final notice was issued on {format_date(final_notice_issued)}; the {row.days} days "
        f"beginning with that day end on {format_date(day - dt.timedelta(days=1))}, so the complaint "
        f"may be made from {format_date(day)}.",
        row.source,
    )


def earliest_hearing(debt_type: str, summons_served: dt.date) -> DayRule:
    """The first day the court may make the liability order: 14 whole days after the day of service."""
    row = period(debt_type, "summons_to_hearing", summons_served)
    day = summons_served + dt.timedelta(days=row.days + 1)
    return DayRule(
        day,
        f"The summons was served on {format_date(summons_served)}; {row.days} days must elapse after "
        f"that day (to the end of {format_date(day - dt.timedelta(days=1))}), so the order may be made "
        f"from {format_date(day)}.",
        row.source,
    )


def latest_summons_served(debt_type: str, hearing: dt.date) -> DayRule:
    """The last day a summons may be served for a hearing on ``hearing`` (inverse of ``earliest_hearing``)."""
    row = period(debt_type, "summons_to_hearing", hearing)
    day = hearing - dt.timedelta(days=row.days + 1)
    return DayRule(
        day,
        f"For a hearing on {format_date(hearing)} the summons must be served by {format_date(day)} "
        f"({row.days} whole days between service and the hearing).",
        row.source,
    )


def application_last_day(debt_type: str, due: dt.date) -> DayRule:
    """The last day a complaint may be made for a sum that fell due on ``due`` (six years beginning that day)."""
    _check(debt_type)
    row = row_in_force([r for r in APPLICATION_YEARS if r.debt_type == debt_type], due, "six-year application limit")
    last = add_years(due, row.days) - dt.timedelta(days=1)
    return DayRule(
        last,
        f"A sum due on {format_date(due)} may be the subject of a liability order application until "
        f"{format_date(last)} ({row.days} years beginning with the day it fell due).",
        row.source,
    )


def charging_order_check(outstanding: object, on: dt.date, debt_type: str = "council_tax") -> tuple[bool, str, str]:
    """Whether a council tax charging order may be applied for with ``outstanding`` left under liability orders."""
    _check(debt_type)
    due = amount(outstanding, "amount outstanding under the liability order")
    if debt_type != "council_tax":
        power = available_power(debt_type, "charging_order", on)
        return False, power.note, power.source
    row = row_in_force([t for t in THRESHOLDS if t.name == "charging_order_minimum"], on, "charging order minimum")
    if due < row.amount:
        return (
            False,
            (
                f"{format_money(due)} is outstanding; a council tax charging order needs at least "
                f"{format_money(row.amount)}."
            ),
            row.source,
        )
    return (
        True,
        (
            f"{format_money(due)} is outstanding, at least {format_money(row.amount)}: a charging order may be "
            "applied for on the dwelling the tax was charged for."
        ),
        row.source,
    )


def available_power(debt_type: str, power: str, on: dt.date) -> PowerRow:
    _check(debt_type)
    rows = [p for p in POWERS if p.debt_type == debt_type and p.power == power]
    if not rows:
        raise LawError(f"power {power!r} is not known; use one of: {', '.join(POWER_NAMES)}")
    return row_in_force(rows, on, f"{DEBT_LABELS[debt_type]} {power.replace('_', ' ')}")


@dataclass(frozen=True)
class CostsScale:
    """The council's agreed scale of costs for liability orders (a setting, agreed with the court).

    The regulations allow only costs "reasonably incurred" (CT reg 34(7)(b); NDR reg 12(6)(b)); the
    court decides reasonableness, so the scale is the council's figure, not the law's.
    """

    summons: Decimal
    liability_order: Decimal

    @property
    def total(self) -> Decimal:
        return self.summons + self.liability_order


COSTS_SOURCE = {"council_tax": f"{CT} reg 34(7)(b) and (8)", "business_rates": f"{NDR} reg 12(6)(b) and (7)"}


def costs_basis(debt_type: str, scale: CostsScale) -> tuple[str, str]:
    _check(debt_type)
    source = COSTS_SOURCE[debt_type]
    return (
        f"Costs of {format_money(scale.total)} ({format_money(scale.summons)} on the summons and "
        f"{format_money(scale.liability_order)} on the order), the council's agreed scale of costs reasonably "
        "incurred.",
        source,
    )


_POSTAL = (
    "Interpretation Act 1978 s.7 (a posted document is served when it would be delivered in the ordinary "
    "course of post: the second business day for first class post)"
)
POSTAL_SERVICE = tuple(
    PeriodRow(tax, "postal_service_business_days", 2, dt.date(1990, 4, 1), _POSTAL, False) for tax in DEBT_TYPES
)


def summons_deemed_served(posted: dt.date) -> DayRule:
    """The day a summons posted first class on ``posted`` is taken to be served."""
    row = row_in_force(POSTAL_SERVICE[:1], posted, "postal service rule")
    day = add_business_days(posted, row.days)
    return DayRule(
        day,
        f"Posted first class on {format_date(posted)}, the summons is taken to be served on "
        f"{format_date(day)}, the second business day after posting.",
        row.source,
    )
