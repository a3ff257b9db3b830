"""Which court for which debt: the route, what must happen first, what is allowed next, and why.

Why: the officer chooses "the recovery venue (Magistrates Court or County Court) depending on the
type of debt". Council tax and business rates go to the magistrates' court for a liability order
(they cannot be sued for in the County Court while the liability order route is open); every
other debt courtpack knows is a County Court money claim under the pre-action protocol. Both
routes can end in insolvency for larger debts. This module only assembles the rules that live in
their own modules (liability orders, insolvency, enforcement, fees of enforcement agents), so
that each figure keeps its one source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from . import insolvency, liability_orders
from .basis import amount, row_in_force
from .breathing_space import BreathingSpaceStatus
from .dates import format_date
from .enforcement import THRESHOLDS as ENFORCEMENT_THRESHOLDS
from .money import format_money
from .taking_control_of_goods import fee_stages

COUNTY_COURT_DEBT_TYPES = {
    "former_tenant_arrears": ("former tenant rent arrears", "Limitation Act 1980 s.19 (each rent instalment)"),
    "rechargeable_repairs": ("rechargeable repairs", "Limitation Act 1980 s.5"),
    "commercial_rent": ("commercial rent arrears", "Limitation Act 1980 s.19 (each rent instalment)"),
    "sundry": ("sundry debt", "Limitation Act 1980 s.5"),
    "benefit_overpayment": ("housing benefit overpayment", "Limitation Act 1980 s.9"),
    "leasehold_service_charge": ("leasehold service charges", "Limitation Act 1980 s.5 or s.19"),
    "garage_rent": ("garage rent arrears", "Limitation Act 1980 s.19 (each rent instalment)"),
    "court_costs": ("court costs", "Limitation Act 1980 s.24 (on a judgment or order)"),
}
POSSESSION_DEBT_TYPE = "current_tenant_arrears"  # a possession claim (CPR 55), not a money claim
DEBT_TYPES = (*COUNTY_COURT_DEBT_TYPES, POSSESSION_DEBT_TYPE, *liability_orders.DEBT_TYPES)
PROTOCOL_SOURCE = "Pre-Action Protocol for Debt Claims paras 3.1, 4.1 (individuals); PD Pre-Action Conduct (companies)"
MONEY_CLAIM_SOURCE = "CPR Part 7 and PD 7A; County Court money claim on form N1"


@dataclass(frozen=True)
class Step:
    name: str
    allowed: bool
    reasons: tuple[str, ...]  # why it is not open (empty when open)
    notes: tuple[str, ...]  # how it is taken, what it costs
    source: str


@dataclass(frozen=True)
class Threshold:
    name: str
    amount: Decimal
    meets: bool
    source: str


@dataclass(frozen=True)
class VenueAdvice:
    debt_type: str
    label: str
    court: str
    first: tuple[Step, ...]
    next: tuple[Step, ...]
    thresholds: tuple[Threshold, ...]
    basis: str
    sources: tuple[str, ...]


def venue_advice(
    *,
    debt_type: str,
    debt: object,
    on: dt.date,
    debtor_kind: str = "individual",
    order_held: bool = False,
    breathing_space: BreathingSpaceStatus | None = None,
) -> VenueAdvice:
    """The route for ``debt`` of ``debt_type`` owed by an individual or a company, as at ``on``.

    ``order_held``: the council already holds the order the route leads to (a liability order for
    council tax and business rates, a County Court judgment otherwise), so the next steps are open.
    """
    if debt_type not in DEBT_TYPES:
        raise LawError(f"debt type {debt_type!r} is not known; use one of: {', '.join(DEBT_TYPES)}")
    if debtor_kind not in insolvency.DEBTOR_KINDS:
        raise LawError(f"debtor kind {debtor_kind!r} is not known; use one of: {', '.join(insolvency.DEBTOR_KINDS)}")
    owed = amount(debt, "debt", allow_zero=False)
    blocked = breathing_space is not None and breathing_space.active and debtor_kind == "individual"
    paused = (
        "A breathing space is active: no recovery or enforcement step without the court's permission."
        if blocked
        else ""
    )
    petition = insolvency.threshold_check(debtor_kind, owed, on)
    thresholds = [
        Threshold(
            "bankruptcy_petition" if debtor_kind == "individual" else "winding_up_petition",
            petition.level,
            petition.meets,
            petition.source,
        )
    ]
    if debt_type in liability_orders.DEBT_TYPES:
        advice = _liability_route(debt_type, owed, on, debtor_kind, order_held, petition, thresholds)
    elif debt_type == POSSESSION_DEBT_TYPE:
        advice = _possession_route(order_held)
    else:
        advice = _county_court_route(debt_type, owed, on, debtor_kind, order_held, petition, thresholds)
    label, court, first, nxt, sources = advice
    if paused:
        first = tuple(Step(s.name, False, (paused, *s.reasons), s.notes, s.source) for s in first)
        nxt = tuple(Step(s.name, False, (paused, *s.reasons), s.notes, s.source) for s in nxt)
    open_next = [s.name.replace("_", " ") for s in nxt if s.allowed]
    who = "a company" if debtor_kind == "company" else "an individual"
    basis = (
        f"{label.capitalize()} of {format_money(owed)} owed by {who} on {format_date(on)}: {court}. "
        + (
            f"Open next: {', '.join(open_next)}."
            if open_next
            else "Nothing further is open until the steps before it are taken."
        )
        + (f" {paused}" if paused else "")
    )
    return VenueAdvice(debt_type, label, court, first, nxt, tuple(thresholds), basis, tuple(dict.fromkeys(sources)))


def _liability_route(
    debt_type: str,
    owed: Decimal,
    on: dt.date,
    debtor_kind: str,
    order_held: bool,
    petition: insolvency.ThresholdCheck,
    thresholds: list[Threshold],
) -> tuple[str, str, tuple[Step, ...], tuple[Step, ...], list[str]]:
    lo = liability_orders
    label = lo.DEBT_LABELS[debt_type]
    complaint = lo.period(debt_type, "final_notice_to_complaint", on)
    summons = lo.period(debt_type, "summons_to_hearing", on)
    first = (
        Step(
            "reminder_and_final_notice",
            True,
            (),
            (
                f"Serve a reminder or final notice; the complaint may be made once the sum is unpaid {complaint.days} "
                "days after the notice was issued.",
            ),
            complaint.source,
        ),
        Step(
            "complaint_and_summons",
            True,
            (),
            (
                f"Complain to the magistrates' court and serve the summons; the order may be made only after "
                f"{summons.days} whole days from service.",
                "No complaint for sums that fell due more than six years before it.",
            ),
            f"{summons.source}; {lo.APPLICATION_SOURCE[debt_type]}",
        ),
        Step(
            "liability_order",
            True,
            (),
            ("The court makes the order if the sum is payable and unpaid, with the council's reasonable costs.",),
            lo.COSTS_SOURCE[debt_type],
        ),
    )
    steps: list[Step] = []
    held = [] if order_held else ["Only once a liability order is held."]
    for power in lo.POWER_NAMES:
        row = lo.available_power(debt_type, power, on)
        if not row.available:
            steps.append(Step(power, False, (row.note,), (), row.source))
            continue
        reasons, notes = list(held), [row.note]
        if power == "charging_order":
            ok, why, source = lo.charging_order_check(owed, on, debt_type)
            minimum = row_in_force(
                [t for t in lo.THRESHOLDS if t.name == "charging_order_minimum"], on, "charging order minimum"
            )
            thresholds.append(Threshold("charging_order", minimum.amount, ok, source))
            reasons += [] if ok else [why]
        elif power == "bankruptcy_or_winding_up":
            reasons += [] if petition.meets else [petition.basis]
            notes.append("Serve a statutory demand first and wait 21 days after service.")
        elif power == "committal":
            reasons += ["Committal is for individuals only."] if debtor_kind == "company" else []
            reasons.append("Only after the enforcement agent reports that goods could not be found to pay.")
        elif power in ("attachment_of_earnings", "attachment_of_benefits") and debtor_kind == "company":
            reasons.append("A company has no earnings or benefits.")
        elif power == "taking_control_of_goods":
            notes.append(fee_stages(owed, on).basis)
        steps.append(Step(power, not reasons, tuple(reasons), tuple(notes), row.source))
    court = f"the magistrates' court (a liability order on complaint; {label} is not sued for as a money claim)"
    sources = [complaint.source, summons.source, lo.APPLICATION_SOURCE[debt_type], petition.source]
    return label, court, first, tuple(steps), sources


def _county_court_route(
    debt_type: str,
    owed: Decimal,
    on: dt.date,
    debtor_kind: str,
    judgment_held: bool,
    petition: insolvency.ThresholdCheck,
    thresholds: list[Threshold],
) -> tuple[str, str, tuple[Step, ...], tuple[Step, ...], list[str]]:
    label, limitation_source = COUNTY_COURT_DEBT_TYPES[debt_type]
    protocol = (
        "A letter of claim under the Pre-Action Protocol for Debt Claims, then 30 days for the reply."
        if debtor_kind == "individual"
        else "A letter before claim under the Practice Direction on Pre-Action Conduct (typically 14 days)."
    )
    first = (
        Step("letter_before_claim", True, (), (protocol,), PROTOCOL_SOURCE),
        Step(
            "money_claim",
            True,
            (),
            ("Issue a claim (N1) within the limitation period, then ask for judgment.",),
            f"{MONEY_CLAIM_SOURCE}; {limitation_source}",
        ),
    )
    by_name = {
        t.name: t
        for t in ENFORCEMENT_THRESHOLDS
        if t.effective_from <= on and (t.effective_to is None or on <= t.effective_to)
    }
    high, low, aeo = by_name["high_court_only_from"], by_name["county_court_only_below"], by_name["attachment_minimum"]
    thresholds += [
        Threshold("warrant_of_control_below", high.amount, owed < high.amount, high.source),
        Threshold("writ_of_control_from", low.amount, owed >= low.amount, low.source),
    ]
    held = [] if judgment_held else ["Only once judgment is entered."]
    company = debtor_kind == "company"
    routes: tuple[tuple[str, list[str], str], ...] = (
        (
            "warrant_of_control",
            []
            if owed < high.amount
            else [f"{format_money(owed)} is {format_money(high.amount)} or more: goods only under a High Court writ."],
            f"CPR 83.15; {high.source}",
        ),
        (
            "writ_of_control",
            []
            if owed >= low.amount
            else [f"{format_money(owed)} is under {format_money(low.amount)}: only a County Court warrant."],
            f"CPR 83.9; {low.source}",
        ),
        (
            "attachment_of_earnings",
            (["A company has no earnings."] if company else [])
            + ([] if owed >= aeo.amount else [f"Less than {format_money(aeo.amount)} is owed."]),
            f"CPR 89; Attachment of Earnings Act 1971; {aeo.source}",
        ),
        ("charging_order", [], "CPR 73; Charging Orders Act 1979"),
        ("third_party_debt_order", [], "CPR 72"),
        ("order_to_obtain_information", [], "CPR 71"),
    )
    steps = [Step(name, not (held + reasons), tuple(held + reasons), (), source) for name, reasons, source in routes]
    # A statutory demand needs no judgment for an undisputed liquidated debt (s.267(2)); a disputed one does.
    steps.append(
        Step(
            "bankruptcy_or_winding_up",
            petition.meets,
            () if petition.meets else (petition.basis,),
            ("Serve a statutory demand and wait 21 days after service; a disputed debt needs judgment first.",),
            petition.source,
        )
    )
    court = "the County Court (a money claim; enforcement there or, for goods from £5,000, in the High Court)"
    return label, court, first, tuple(steps), [PROTOCOL_SOURCE, MONEY_CLAIM_SOURCE, limitation_source, petition.source]


def _possession_route(order_held: bool) -> tuple[str, str, tuple[Step, ...], tuple[Step, ...], list[str]]:
    """A current tenant in arrears: the protocol, the notice the tenancy needs, then a possession claim.

    Why no amount test: possession for rent arrears (Housing Act 1985 Sch 2 Ground 1) turns on whether
    an order is reasonable, not on a threshold; the dates and refusals live in ``law.possession``.
    """
    protocol = "Pre-Action Protocol for Possession Claims by Social Landlords (2020)"
    notice = "Housing Act 1985 s.83 (secure, flexible); Housing Act 1996 s.128, s.143E (introductory, demoted)"
    claim = "CPR 55 and PD 55A; forms N5 and N119"
    first = (
        Step(
            "possession_protocol",
            True,
            (),
            ("Contact, rent statements, help with benefits, proposals to pay.",),
            protocol,
        ),
        Step("possession_notice", True, (), ("The notice the tenancy needs, served before the claim.",), notice),
        Step(
            "possession_claim",
            True,
            (),
            ("Issue on N5 and N119 once the notice period has run and before the notice lapses.",),
            claim,
        ),
    )
    held = () if order_held else ("Only once the court has made a possession order.",)
    nxt = (
        Step(
            "warrant_of_possession",
            not held,
            held,
            ("On an outright order after its date, or a breach of a suspended order's terms (N325 / N325A).",),
            "CPR 83.26; CPR 83.2(3)(e)",
        ),
        Step(
            "fix_date_for_possession",
            not held,
            held,
            ("On a breach of a postponed order: 14 days' notice, then N244.",),
            "PD 55A para 10",
        ),
    )
    court = "the County Court (a claim for possession under CPR Part 55, with the arrears claimed in it)"
    return "rent arrears on a current tenancy", court, first, nxt, [protocol, notice, claim]


STEP_WORDS = {
    "reminder_and_final_notice": "reminder and final notice",
    "complaint_and_summons": "complaint to the magistrates' court and summons",
    "liability_order": "liability order",
    "letter_before_claim": "letter before claim",
    "money_claim": "County Court money claim",
    "possession_protocol": "the steps of the possession protocol",
    "possession_notice": "notice of seeking possession (or of proceedings)",
    "possession_claim": "possession claim (N5 and N119)",
    "warrant_of_possession": "warrant of possession",
    "fix_date_for_possession": "application to fix the date for possession",
    "attachment_of_earnings": "attachment of earnings",
    "attachment_of_benefits": "deductions from benefits",
    "taking_control_of_goods": "enforcement agent (taking control of goods)",
    "enforcement_agent": "referral to the enforcement agent",
    "charging_order": "charging order on the debtor's home",
    "bankruptcy_or_winding_up": "bankruptcy or winding-up petition",
    "committal": "committal to prison",
    "warrant_of_control": "County Court warrant of control",
    "writ_of_control": "High Court writ of control",
    "third_party_debt_order": "third party debt order",
    "order_to_obtain_information": "order to obtain information",
}


def plain_words(advice: VenueAdvice) -> list[str]:
    """The advice as short sentences for an officer who is not a lawyer or a programmer (the case screen).

    Why here: the step names and reasons are the law's; saying them once in plain English keeps the
    case screen on the server and ``courtpack register show`` in the same words.
    """
    words = [f"Court: {advice.court[0].upper()}{advice.court[1:]}."]
    words.append(
        "First: " + "; then ".join(STEP_WORDS.get(s.name, s.name.replace("_", " ")) for s in advice.first) + "."
    )
    open_now = [STEP_WORDS.get(s.name, s.name.replace("_", " ")) for s in advice.next if s.allowed]
    words.append("Open now: " + (", ".join(open_now) if open_now else "nothing yet") + ".")
    for step in advice.next:
        if not step.allowed and step.reasons:
            words.append(f"Not yet: {STEP_WORDS.get(step.name, step.name.replace('_', ' '))}: {step.reasons[-1]}")
    return words
