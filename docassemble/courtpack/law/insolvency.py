"""Statutory demands and petitions: the thresholds, the 18 and 21 days, and whether a petition is open.

Why one module: a council uses bankruptcy (individuals) and winding-up (companies) as a last
resort for larger debts, council tax and business rates under liability orders included. The
Insolvency Act 1986 and the Insolvency (England and Wales) Rules 2016 (SI 2016/1024) fix:
- the bankruptcy level: £750, then £5,000 for petitions presented on or after 1 October 2015
  (s.267(4) as amended by SI 2015/922 art 2; art 3 applies it by the presentation date);
  the debt must be equal to or exceed it;
- for a company, a debt "exceeding £750" (s.123(1)(a)) — strictly more than £750;
- the debtor's 21 days: a petition on an unpaid demand needs "at least 3 weeks" to have elapsed
  since service (s.268(1)(a); s.123(1)(a) "for 3 weeks thereafter"). The service day is not
  counted, so the demand's "comply by" date is service + 21 and a petition may be presented
  from service + 22;
- set-aside: the debtor may apply "within 18 days from the date of the service" (r.10.4(2)),
  the last day being service + 18; filing the application stops the 21 days running (r.10.4(5));
- a breathing space bars a creditor's bankruptcy petition (Debt Respite Scheme regs, SI 2020/1311).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import amount, row_in_force
from .breathing_space import SOURCE as BREATHING_SPACE_SOURCE
from .breathing_space import BreathingSpaceStatus
from .calendar import add_years
from .dates import add_months, format_date
from .money import format_money

IA = "Insolvency Act 1986"
IR = "Insolvency (England and Wales) Rules 2016 (SI 2016/1024)"
DEBTOR_KINDS = ("individual", "company")
DEMAND_KINDS = ("payable_immediately", "judgment_debt")


@dataclass(frozen=True)
class LevelRow:
    """The least debt on which a creditor's petition may be presented."""

    debtor_kind: str
    amount: Decimal
    strictly_more: bool  # company: "exceeding"; individual: "equal to or exceeds"
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


LEVELS: tuple[LevelRow, ...] = (
    LevelRow(
        "individual",
        Decimal("750.00"),
        False,
        dt.date(1986, 12, 29),
        f"{IA} s.267(4) as enacted",
        True,
        dt.date(2015, 9, 30),
    ),
    LevelRow(
        "individual",
        Decimal("5000.00"),
        False,
        dt.date(2015, 10, 1),
        f"{IA} s.267(4) as amended by the Insolvency Act 1986 (Amendment) Order 2015 (SI 2015/922) art 2",
        True,
    ),
    LevelRow(
        "company", Decimal("750.00"), True, dt.date(1986, 12, 29), f"{IA} s.123(1)(a)", True, dt.date(2021, 9, 30)
    ),
    LevelRow(
        "company",
        Decimal("10000.00"),
        True,
        dt.date(2021, 10, 1),
        "Corporate Insolvency and Governance Act 2020 Sch 10 as amended by SI 2021/1091 (temporary £10,000 "
        "petition threshold)",
        False,
        dt.date(2022, 3, 31),
    ),
    LevelRow("company", Decimal("750.00"), True, dt.date(2022, 4, 1), f"{IA} s.123(1)(a)", True),
)

COMPLY_SOURCE = {"individual": f"{IA} s.268(1)(a); {IR} r.10.1", "company": f"{IA} s.123(1)(a); {IR} r.7.3"}
SET_ASIDE_SOURCE = f"{IR} r.10.4(2) and (5)"
LATE_PETITION_SOURCE = f"{IR} r.10.9: a petition more than 4 months after service needs a statement of the reasons"


@dataclass(frozen=True)
class PeriodRow:
    """A period after service of a statutory demand (days, or months for the late-petition warning)."""

    name: str
    length: int
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


_IR_START = dt.date(2017, 4, 6)  # the 2016 Rules came into force on 6 April 2017
PERIODS: tuple[PeriodRow, ...] = (
    # s.123(1)(a) read on legislation.gov.uk; s.268(1)(a) only in a secondary source so far
    PeriodRow("comply_days", 21, _IR_START, f"{IA} s.268(1)(a) and s.123(1)(a) (3 weeks)", False),
    PeriodRow("set_aside_days", 18, _IR_START, SET_ASIDE_SOURCE, True),
    PeriodRow("late_petition_months", 4, _IR_START, LATE_PETITION_SOURCE, False),
)


def period(name: str, on: dt.date) -> int:
    return row_in_force([r for r in PERIODS if r.name == name], on, name.replace("_", " ")).length


SERVICE_SOURCE = {
    "individual": f"{IR} r.10.2 (all that is reasonable to bring the demand to the debtor's attention; "
    "personal service where practicable)",
    "company": f"{IA} s.123(1)(a) (left at the company's registered office)",
}
LATE_PETITION_MONTHS = 4
LATE_PETITION_SOURCE = f"{IR} r.10.9: a petition more than 4 months after service needs a statement of the reasons"
LATE_PETITION_VERIFIED = False

# r.10.1(1): what an individual's statutory demand must contain (the document prints each of these).
# Read: (a)-(l) in SI 2016/1024 as made. Not yet read in the instrument: (m) onwards, taken from a summary.
DEMAND_CONTENTS: tuple[tuple[str, str], ...] = (
    (
        "r.10.1(1)(a)",
        "the heading: Statutory demand under section 268(1) (debt payable immediately) of the Insolvency Act 1986",
    ),
    ("r.10.1(1)(b)", "identification details for the debtor"),
    ("r.10.1(1)(c)", "the name and address of the creditor"),
    ("r.10.1(1)(d)", "the amount of the debt and the consideration for it (or how it arises)"),
    ("r.10.1(1)(e)", "for a judgment debt, the date of the judgment or order and the court that made it"),
    ("r.10.1(1)(h)", "that bankruptcy proceedings may be commenced if the debtor does not comply"),
    ("r.10.1(1)(i)", "the date by which the debtor must comply to avoid bankruptcy proceedings"),
    ("r.10.1(1)(j)", "the methods of compliance open to the debtor"),
    ("r.10.1(1)(k)", "that the debtor may apply to the court to have the demand set aside"),
    ("r.10.1(1)(l)", "that r.10.4(4) says which court, and the court the application must be made to"),
    ("r.10.1(1)(m)-(n)", "the 18 days to apply to set aside and the 21 days to comply, from service"),
    (
        "r.10.1",
        "the name and contact details of someone the debtor may contact about the demand; that the "
        "debtor should seek advice; dated and authenticated by the creditor or someone authorised",
    ),
)


def level(debtor_kind: str, on: dt.date) -> LevelRow:
    if debtor_kind not in DEBTOR_KINDS:
        raise LawError(f"debtor kind {debtor_kind!r} is not known; use one of: {', '.join(DEBTOR_KINDS)}")
    rows = [r for r in LEVELS if r.debtor_kind == debtor_kind]
    return row_in_force(rows, on, f"petition threshold for a {debtor_kind}")


@dataclass(frozen=True)
class ThresholdCheck:
    meets: bool
    level: Decimal
    basis: str
    source: str


def threshold_check(debtor_kind: str, debt: object, on: dt.date) -> ThresholdCheck:
    """Whether ``debt`` is enough for a petition presented on ``on``."""
    owed = amount(debt, "debt", allow_zero=False)
    row = level(debtor_kind, on)
    meets = owed > row.amount if row.strictly_more else owed >= row.amount
    test = "more than" if row.strictly_more else "at least"
    verdict = "meets" if meets else "does not meet"
    what = "winding-up" if debtor_kind == "company" else "bankruptcy"
    return ThresholdCheck(
        meets,
        row.amount,
        f"{format_money(owed)} {verdict} the {what} petition threshold on "
        f"{format_date(on)}: the debt must be {test} {format_money(row.amount)}.",
        row.source,
    )


@dataclass(frozen=True)
class DemandDates:
    served: dt.date
    set_aside_by: dt.date  # individual only (a company applies for an injunction instead)
    comply_by: dt.date
    petition_from: dt.date
    late_petition_after: dt.date
    basis: str
    source: str


def demand_dates(debtor_kind: str, served: dt.date) -> DemandDates:
    """The dates that follow service of a statutory demand on ``served``."""
    if debtor_kind not in DEBTOR_KINDS:
        raise LawError(f"debtor kind {debtor_kind!r} is not known; use one of: {', '.join(DEBTOR_KINDS)}")
    set_aside_days, comply_days = period("set_aside_days", served), period("comply_days", served)
    set_aside = served + dt.timedelta(days=set_aside_days)
    comply = served + dt.timedelta(days=comply_days)
    petition = comply + dt.timedelta(days=1)
    late = add_months(served, period("late_petition_months", served))
    parts = [f"Served on {format_date(served)}."]
    if debtor_kind == "individual":
        parts.append(
            f"An application to set it aside must be made within {set_aside_days} days, by {format_date(set_aside)}."
        )
    parts.append(
        f"The debtor has {comply_days} days after service to comply, to the end of {format_date(comply)}; "
        f"a petition may be presented from {format_date(petition)} if the demand is unpaid and not set "
        "aside."
    )
    source = COMPLY_SOURCE[debtor_kind] + (f"; {SET_ASIDE_SOURCE}" if debtor_kind == "individual" else "")
    return DemandDates(served, set_aside, comply, petition, late, " ".join(parts), source)


@dataclass(frozen=True)
class PetitionReadiness:
    open: bool
    reasons: tuple[str, ...]  # why it is not open (empty when open)
    warnings: tuple[str, ...]
    earliest: dt.date | None  # the earliest day it could be open on the facts given
    basis: str
    sources: tuple[str, ...]


def petition_readiness(
    *,
    debtor_kind: str,
    debt: object,
    served: dt.date | None,
    on: dt.date,
    paid_or_secured: bool = False,
    set_aside_applied: bool = False,
    set_aside: bool = False,
    disputed: bool = False,
    breathing_space: BreathingSpaceStatus | None = None,
    oldest_due: dt.date | None = None,
    tax_debt: bool = False,
) -> PetitionReadiness:
    """Whether a bankruptcy (individual) or winding-up (company) petition may be presented on ``on``.

    ``oldest_due`` with ``tax_debt``: council tax or business rates more than six years past due is
    not a debt for a petition (Bolsover DC v Ashfield Nominees [2010] EWCA Civ 1129, applying the
    six-year limit of the liability order regulations by analogy).
    """
    threshold = threshold_check(debtor_kind, debt, on)
    reasons: list[str] = []
    warnings: list[str] = []
    sources = [threshold.source]
    earliest: dt.date | None = None
    if not threshold.meets:
        reasons.append(threshold.basis)
    if served is None:
        reasons.append(
            "No statutory demand has been served: serve one and wait the 21 days "
            "(or rely on an unsatisfied execution return)."
        )
    else:
        if served > on:
            raise LawError(
                f"the demand's service date {served.isoformat()} is after {on.isoformat()} — check the service record"
            )
        dates = demand_dates(debtor_kind, served)
        sources.append(dates.source)
        earliest = dates.petition_from
        if on < dates.petition_from:
            reasons.append(
                f"The 21 days after service on {format_date(served)} run to the end of "
                f"{format_date(dates.comply_by)}: a petition may be presented from "
                f"{format_date(dates.petition_from)}."
            )
        if on > dates.late_petition_after and debtor_kind == "individual":
            months = period("late_petition_months", served)
            warnings.append(
                f"More than {months} months have passed since service: the petition must explain the "
                "delay in a witness statement."
            )
            sources.append(LATE_PETITION_SOURCE)
    if paid_or_secured:
        reasons.append("The demand has been paid, secured or compounded for to the creditor's satisfaction.")
    if set_aside:
        reasons.append("The court has set the demand aside.")
    elif set_aside_applied:
        reasons.append("An application to set the demand aside is outstanding: wait for the court's decision.")
        sources.append(SET_ASIDE_SOURCE)
    if disputed:
        reasons.append(
            "The debt is disputed on substantial grounds: a petition is not the place to decide it; "
            "obtain judgment first."
        )
    if breathing_space is not None and breathing_space.active and debtor_kind == "individual":
        until = f" until {format_date(breathing_space.ends)}" if breathing_space.ends else ""
        reasons.append(f"A breathing space is active{until}: no bankruptcy petition without the court's permission.")
        sources.append(BREATHING_SPACE_SOURCE)
        if breathing_space.ends and (earliest is None or breathing_space.ends >= earliest):
            earliest = breathing_space.ends + dt.timedelta(days=1)
    if tax_debt and oldest_due is not None and add_years(oldest_due, 6) <= on:
        warnings.append(
            f"Sums due on {format_date(oldest_due)} are more than six years old: leave them out of the petition debt."
        )
        sources.append("Bolsover DC v Ashfield Nominees Ltd [2010] EWCA Civ 1129")
    what = "winding-up" if debtor_kind == "company" else "bankruptcy"
    state = "open" if not reasons else "not open"
    basis = f"A {what} petition is {state} on {format_date(on)}." + (" " + " ".join(reasons) if reasons else "")
    return PetitionReadiness(not reasons, tuple(reasons), tuple(warnings), earliest, basis, tuple(sources))


def demand_kind_check(kind: str, judgment_date: dt.date | None, court: str | None) -> None:
    """A judgment-debt demand must name the judgment's date and court (r.10.1(1)(e))."""
    if kind not in DEMAND_KINDS:
        raise LawError(f"demand kind {kind!r} is not known; use one of: {', '.join(DEMAND_KINDS)}")
    if kind == "judgment_debt" and (judgment_date is None or not court):
        raise LawError(
            "a judgment-debt statutory demand must give the judgment's date and the court that made it "
            f"({IR} r.10.1(1)(e)) — add judgment_date and judgment_court"
        )
