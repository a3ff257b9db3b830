"""Enforcing a County Court money judgment: which routes are open today, and why the others are not.

Why one function for all routes: an officer choosing how to enforce needs every option side by
side with its form, fee and the rule that closes it. Thresholds are dated rows with sources, so a
change to the jurisdiction limits is a data change. Everything is closed during a breathing space.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import MoneyResult, amount, row_in_force
from .breathing_space import BreathingSpaceStatus
from .calendar import add_years
from .dates import format_date
from .fees import court_fee
from .money import format_money, round_penny

ROUTES = (
    "warrant_of_control",
    "writ_of_control",
    "attachment_of_earnings",
    "charging_order",
    "third_party_debt_order",
    "order_to_obtain_information",
)
FORMS = {
    "warrant_of_control": "N323",
    "writ_of_control": "N293A",
    "attachment_of_earnings": "N337",
    "charging_order": "N379",
    "third_party_debt_order": "N349",
    "order_to_obtain_information": "N316",
}
FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly")
# CPR 83.15(9)(b)(ii): "one monthly instalment or, as the case may be, four weekly instalments" — read as
# instalments covering a month or four weeks: 4 weekly, 2 fortnightly, 1 four-weekly, 1 monthly.
PART_WARRANT_INSTALMENTS = {"weekly": 4, "fortnightly": 2, "four_weekly": 1, "monthly": 1}


@dataclass(frozen=True)
class Threshold:
    name: str
    amount: Decimal
    effective_from: dt.date
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


_ART8 = "High Court and County Courts Jurisdiction Order 1991 (SI 1991/724) art 8"
THRESHOLDS: tuple[Threshold, ...] = (
    Threshold(
        "high_court_only_from",
        Decimal("5000.00"),
        dt.date(1991, 7, 1),
        f"{_ART8}(1)(a) as amended (execution against goods only in the High Court where the sum is £5,000 or more)",
        verified=True,
    ),
    Threshold(
        "county_court_only_below",
        Decimal("600.00"),
        dt.date(1991, 7, 1),
        f"{_ART8}(1)(b) as amended (only in the County Court where the sum is less than £600)",
        verified=True,
    ),
    Threshold(
        "attachment_minimum",
        Decimal("50.00"),
        dt.date(2014, 4, 6),
        # s.3(3A) (once cited here) is about maintenance orders; the floor is s.1(2)(b): "a judgment debt,
        # other than a debt of less than £5 or such other sum as may be prescribed by rules of court"
        "Attachment of Earnings Act 1971 s.1(2)(b) (a judgment debt, other than a debt of less than £5 or such "
        "other sum as rules of court prescribe) and CPR 89.3 (the £50 prescribed)",
    ),
    Threshold(
        "part_warrant_minimum",
        Decimal("50.00"),
        dt.date(2014, 4, 6),
        "CPR 83.15(9)(b): not less than the greater of £50 and one monthly instalment or four weekly "
        "instalments (Civil Procedure (Amendment No. 4) Rules 2014)",
        verified=True,
    ),
)
PERMISSION_YEARS = 6
PERMISSION_SOURCE = "CPR 83.2(3)(a): permission to issue a writ or warrant where 6 years or more have elapsed"


@dataclass(frozen=True)
class EnforcementOption:
    route: str
    form: str
    allowed: bool
    reasons: tuple[str, ...]  # why not (or notes when allowed)
    fee: Decimal | None
    basis: str
    source: str


@dataclass(frozen=True)
class EnforcementAssessment:
    permission_required: bool
    six_years_on: dt.date  # the day from which permission is needed for writs and warrants
    options: tuple[EnforcementOption, ...]
    basis: str
    source: str


def _threshold(name: str, on: dt.date) -> Threshold:
    return row_in_force([t for t in THRESHOLDS if t.name == name], on, name.replace("_", " "))


def minimum_part_warrant(instalment: object, frequency: str, on: dt.date) -> MoneyResult:
    """The smallest part warrant under an instalment order in default (CPR 83.15(9)(b)): the greater of
    £50 and one monthly instalment or, for a weekly order, four weekly instalments. A fortnightly order
    is read as two instalments (four weeks) and a four-weekly order as one."""
    each = amount(instalment, "instalment", allow_zero=False)
    frequency = frequency.replace("-", "_")
    if frequency not in FREQUENCIES:
        raise LawError(f"frequency {frequency!r} is not known; use one of: {', '.join(FREQUENCIES)}")
    floor = _threshold("part_warrant_minimum", on)
    count = PART_WARRANT_INSTALMENTS[frequency]
    due = round_penny(each * count)
    result = max(due, floor.amount)
    plural = "instalment" if count == 1 else "instalments"
    return MoneyResult(
        result,
        f"A part warrant must be for at least {format_money(result)}: the greater of "
        f"{format_money(floor.amount)} and {count} {frequency.replace('_', '-')} {plural} of "
        f"{format_money(each)} ({format_money(due)}).",
        floor.source,
    )


def enforcement_options(
    *,
    outstanding: object,
    judgment_date: dt.date,
    on: dt.date,
    cca_regulated: bool = False,
    employed: bool = False,
    property_title: str | None = None,
    breathing_space: BreathingSpaceStatus | None = None,
    instalment_order: bool = False,
    instalments_in_arrears: bool = False,
) -> EnforcementAssessment:
    """Every enforcement route for a judgment with ``outstanding`` still due, as at ``on``."""
    due = amount(outstanding, "amount outstanding", allow_zero=False)
    if on < judgment_date:
        raise LawError(
            f"the date {on.isoformat()} is before the judgment of {judgment_date.isoformat()} — check the judgment date"
        )
    six_years = add_years(judgment_date, PERMISSION_YEARS)
    permission = on >= six_years
    high = _threshold("high_court_only_from", on)
    low = _threshold("county_court_only_below", on)
    aeo_min = _threshold("attachment_minimum", on)
    common: list[str] = []
    if breathing_space is not None and breathing_space.active:
        common.append("A breathing space is active: no enforcement step without the court's permission.")
    paying = instalment_order and not instalments_in_arrears
    unpaid_instalment = "The instalment order is being kept to: enforce only once an instalment is unpaid."
    writ_warrant = []
    if permission:
        writ_warrant.append(
            f"The judgment is {PERMISSION_YEARS} years old or more (since {format_date(six_years)}): "
            "apply for permission on N244, stating the amount originally due, the amount now due "
            "and the reasons for the delay."
        )
    rules: dict[str, list[str]] = {route: list(common) for route in ROUTES}
    rules["warrant_of_control"] += writ_warrant + ([unpaid_instalment] if paying else [])
    if due >= high.amount and not cca_regulated:
        rules["warrant_of_control"].append(
            f"{format_money(due)} is {format_money(high.amount)} or more: goods are "
            "taken only under a High Court writ (unless the debt is CCA regulated)."
        )
    rules["writ_of_control"] += writ_warrant + ([unpaid_instalment] if paying else [])
    if due < low.amount:
        rules["writ_of_control"].append(
            f"{format_money(due)} is under {format_money(low.amount)}: only the "
            "County Court can enforce against goods (warrant of control)."
        )
    if cca_regulated:
        rules["writ_of_control"].append("A Consumer Credit Act regulated debt is enforced only in the County Court.")
    rules["attachment_of_earnings"] += [unpaid_instalment] if paying else []
    if not employed:
        rules["attachment_of_earnings"].append(
            "The debtor is not known to be employed (self-employed earnings cannot be attached)."
        )
    if due < aeo_min.amount:
        rules["attachment_of_earnings"].append(f"Less than {format_money(aeo_min.amount)} is owed.")
    if not property_title:
        rules["charging_order"].append("No property with a Land Registry title number is known for the debtor.")
    rules["third_party_debt_order"] += [unpaid_instalment] if paying else []
    sources = {
        "warrant_of_control": f"CPR 83.15; {high.source}",
        "writ_of_control": f"CPR 83.9; {low.source}",
        "attachment_of_earnings": f"CPR 89; Attachment of Earnings Act 1971; {aeo_min.source}",
        "charging_order": "CPR 73; PD 73; Charging Orders Act 1979",
        "third_party_debt_order": "CPR 72",
        "order_to_obtain_information": "CPR 71",
    }
    options = []
    for route in ROUTES:
        reasons = tuple(rules[route])
        fee: Decimal | None
        try:
            found = court_fee(route, on)
            fee, fee_source = found.fee, found.source
        except LawError:
            fee, fee_source = None, "no fee table in force on that date"
        source = sources[route] + (
            f"; {PERMISSION_SOURCE}" if permission and route in ("warrant_of_control", "writ_of_control") else ""
        )
        if breathing_space is not None and breathing_space.active:
            source += f"; {breathing_space.source}"
        state = "open" if not reasons else "not open"
        basis = (
            f"{FORMS[route]} ({route.replace('_', ' ')}) is {state} on {format_date(on)} for "
            f"{format_money(due)} outstanding; court fee {format_money(fee) if fee is not None else 'not known'}."
        )
        options.append(
            EnforcementOption(route, FORMS[route], not reasons, reasons, fee, basis, f"{source}; fee: {fee_source}")
        )
    open_routes = [o.form for o in options if o.allowed]
    basis = (
        f"Judgment of {format_date(judgment_date)}, {format_money(due)} outstanding on {format_date(on)}: "
        f"open routes: {', '.join(open_routes) if open_routes else 'none'}."
    )
    return EnforcementAssessment(permission, six_years, tuple(options), basis, PERMISSION_SOURCE)
