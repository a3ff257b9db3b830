"""The possession documents' requests, built from the case's possession facts as the register holds them.

Why here, and why the checks first: every figure (arrears, weeks of rent, daily rate, the schedule
window, the notice's dates) comes from ``law.possession`` and the tenancy model, and every refusal
(notice not run or lapsed, protocol steps missing, an agreement or the order's terms being kept, a
breathing space) from ``case.possession_checks``. This module only calls them and carries their answers
to the layouts, so a document can never state a figure the register's facts do not support.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ...case import Case
from ...case.possession_case import PossessionFacts
from ...case.possession_checks import Readiness, claim_readiness, enforcement_readiness
from ...case.possession_order import OrderKind
from ...case.possession_order import PossessionOrder as CoreOrder
from ...case.rent_schedule import RentSchedule, arrears_in_weeks, rent_daily_rate, rent_schedule
from ...case.tenancy import CreditSource, balance_at
from ...errors import NotReadyError
from ...law.dates import format_date
from ...law.fees import court_fee
from ...law.money import format_money
from ...law.possession import PROTOCOL_ROWS, ground_text, notice_dates
from .requests import (
    ClaimRequest,
    FixDateRequest,
    HearingRequest,
    NoticeRequest,
    PossessionOrder,
    ProtocolStep,
    RentLine,
    RentStatement,
    Signatory,
    TenancyFacts,
    TenancyKind,
    WarrantRequest,
)

__all__ = [
    "claim_request",
    "fix_date_request",
    "hearing_request",
    "notice_request",
    "order_words",
    "refuse_unless_ready",
    "statement_from_schedule",
    "tenancy_facts",
    "warrant_request",
]

ZERO = Decimal("0.00")
PERIOD_WORD = {"weekly": "week", "fortnightly": "fortnight", "four_weekly": "four weeks", "monthly": "month"}
GROUND_HEADING = "Ground 1 of Schedule 2 to the Housing Act 1985"
STEP_NAMES = {row.code: row.name for row in PROTOCOL_ROWS}


def refuse_unless_ready(reference: str, readiness: Readiness, doing: str, on: dt.date) -> None:
    """The core's refusal as one sentence: what cannot be done, on which day, and every reason."""
    if not readiness.ready:
        reasons = "; ".join(reason.strip().rstrip(".") for reason in readiness.reasons)
        raise NotReadyError(f"case {reference}: courtpack will not {doing} on {format_date(on)} — {reasons}.")


def tenancy_facts(case: Case, facts: PossessionFacts, on: dt.date, occupiers: tuple[str, ...] = ()) -> TenancyFacts:
    tenancy = facts.account.tenancy
    rent = tenancy.rent_on(on)
    tenants = tenancy.tenants or tuple(d.name for d in case.debtors)
    return TenancyFacts(
        kind=TenancyKind(tenancy.kind.value),
        tenants=tenants,
        property_lines=tuple(part.strip() for part in tenancy.property_address.split(",") if part.strip()),
        start=tenancy.start,
        rent=rent.amount,
        frequency=PERIOD_WORD[rent.frequency.value],
        daily_rate=rent_daily_rate(facts.account, on).amount,
        occupiers=occupiers,
    )


def statement_from_schedule(schedule: RentSchedule, title: str) -> RentStatement:
    """The tenancy model's schedule as the statement layout shows it (benefit apart from the tenant's payments)."""
    lines = []
    for row in schedule.rows:
        by_tenant = row.source in (CreditSource.TENANT, None)
        lines.append(
            RentLine(
                date=row.day,
                description=row.description,
                due=row.debit,
                paid=row.credit if by_tenant else ZERO,
                benefit=ZERO if by_tenant else row.credit,
                balance=row.balance,
            )
        )
    return RentStatement(
        title=title,
        from_date=schedule.start,
        to_date=schedule.end,
        opening_balance=schedule.opening_balance,
        lines=tuple(lines),
    )


def _statement(facts: PossessionFacts, issue: dt.date, end: dt.date | None = None) -> RentStatement:
    schedule = rent_schedule(facts.account, issue, end=end)
    return statement_from_schedule(schedule, f"Rent account {facts.account.tenancy.reference or facts.reference}")


def _steps(facts: PossessionFacts, on: dt.date) -> tuple[ProtocolStep, ...]:
    steps = [
        ProtocolStep(date=s.done_on, text=STEP_NAMES.get(s.code, s.code) + (f": {s.note}" if s.note else "."))
        for s in facts.protocol_steps
        if s.done_on <= on
    ]
    if facts.vulnerability is not None and facts.vulnerability.done_on <= on:
        v = facts.vulnerability
        steps.append(
            ProtocolStep(
                date=v.done_on,
                text=f"Vulnerability and proportionality assessed ({v.outcome.replace('_', ' ')}): {v.reasons}",
            )
        )
    return tuple(sorted(steps, key=lambda s: s.date))


def _weeks(facts: PossessionFacts, arrears: Decimal, on: dt.date) -> Decimal:
    return arrears_in_weeks(arrears, facts.account.tenancy.rent_on(on))


def _circumstances(case: Case, facts: PossessionFacts, extra: str) -> str:
    parts = [extra.strip()] if extra.strip() else []
    for debtor in case.debtors:
        if debtor.vulnerability:
            parts.append(f"{debtor.name}: {debtor.vulnerability}")
    if facts.vulnerability is not None:
        v = facts.vulnerability
        parts.append(
            f"Vulnerability assessment of {format_date(v.done_on)}: {v.outcome.replace('_', ' ')} — {v.reasons}"
        )
    return "\n".join(parts) or "Nothing is known about the defendant's circumstances beyond the rent account."


def notice_request(
    case: Case,
    facts: PossessionFacts,
    *,
    notice_date: dt.date,
    method: str,
    particulars: str,
    signatory: Signatory,
) -> NoticeRequest:
    """The notice to be handed over or posted on ``notice_date``, with the dates the law gives it."""
    tenancy = facts.account.tenancy
    rent = tenancy.rent_on(notice_date)
    dates = notice_dates(
        tenancy.kind.value, notice_date, rent_day=rent.effective_from, frequency=rent.frequency.value, method=method
    )
    arrears = balance_at(facts.account, notice_date)
    return NoticeRequest(
        case=case,
        tenancy=tenancy_facts(case, facts, notice_date),
        ground_heading=GROUND_HEADING if tenancy.kind.value in ("secure", "flexible") else "the reason",
        ground_text=ground_text(tenancy.kind.value),
        arrears=arrears,
        arrears_weeks=_weeks(facts, arrears, notice_date),
        arrears_period_word="weeks",
        statement=_statement(facts, notice_date),
        particulars=particulars,
        notice_date=notice_date,
        expected_service=dates.served_on,
        date_specified=dates.earliest_date_specified,
        proceedings_by=dates.last_issue_date,
        review_by=dates.review_by,
        date_basis=dates.basis,
        signatory=signatory,
    )


def claim_request(
    case: Case,
    facts: PossessionFacts,
    *,
    court: str,
    issue_date: dt.date,
    defendant_circumstances: str,
    claimant_circumstances: str,
    human_rights: bool,
    signatory: Signatory,
) -> ClaimRequest:
    """N5/N119 on ``issue_date``: refused (every reason) unless the core says the claim may be issued."""
    refuse_unless_ready(case.reference, claim_readiness(facts, issue_date), "issue a possession claim", issue_date)
    notice = facts.notice
    assert notice is not None  # claim_readiness refuses a claim without one
    arrears = balance_at(facts.account, issue_date)
    kind = facts.account.tenancy.kind.value
    return ClaimRequest(
        case=case,
        tenancy=tenancy_facts(case, facts, issue_date),
        court=court,
        issue_date=issue_date,
        notice_kind="notice_seeking_possession" if kind in ("secure", "flexible") else "other",
        notice_served=notice.handed_or_posted,
        ground_heading=GROUND_HEADING
        if kind in ("secure", "flexible")
        else "Reason given in the notice of proceedings",
        ground_text=ground_text(kind),
        arrears=arrears,
        arrears_weeks=_weeks(facts, arrears, issue_date),
        arrears_period_word="weeks",
        statement=_statement(facts, issue_date),
        protocol_steps=_steps(facts, issue_date),
        defendant_circumstances=_circumstances(case, facts, defendant_circumstances),
        claimant_circumstances=claimant_circumstances,
        court_fee=court_fee("possession_claim", issue_date).fee,
        legal_costs=ZERO,
        human_rights=human_rights,
        signatory=signatory,
    )


def hearing_request(
    case: Case,
    facts: PossessionFacts,
    *,
    prepared_on: dt.date,
    circumstances: str,
    order_sought: str,
    acceptable_terms: str,
    claim_documents: tuple[tuple[str, dt.date, object], ...],
    officer: Signatory,
) -> HearingRequest:
    claim = facts.claim
    if claim is None or claim.hearing_date is None:
        raise NotReadyError(
            f"case {case.reference}: no hearing is recorded for the possession claim; record the claim as issued "
            "with its hearing date first"
        )
    arrears = balance_at(facts.account, prepared_on)
    return HearingRequest(
        case=case,
        tenancy=tenancy_facts(case, facts, prepared_on),
        claim_number=claim.claim_number,
        court=claim.court,
        hearing_date=claim.hearing_date,
        arrears=arrears,
        arrears_weeks=_weeks(facts, arrears, prepared_on),
        arrears_period_word="weeks",
        statement=_statement(facts, claim.issued_on, prepared_on),
        protocol_steps=_steps(facts, prepared_on),
        circumstances=_circumstances(case, facts, circumstances),
        order_sought=order_sought,
        acceptable_terms=acceptable_terms,
        claim_documents=claim_documents,
        prepared_on=prepared_on,
        officer=officer,
    )


def order_words(order: CoreOrder) -> str:
    """The order as the register holds it, in the words the warrant and N244 repeat."""
    parts = [f"{order.kind.label.capitalize()} made on {format_date(order.made_on)}"]
    if order.possession_date is not None:
        parts.append(f"possession on or before {format_date(order.possession_date)}")
    if order.terms is not None:
        t = order.terms
        rent = "the current rent plus " if t.current_rent else ""
        parts.append(
            f"{'suspended' if order.kind is OrderKind.SUSPENDED else 'on terms'} while the defendant pays {rent}"
            f"{format_money(t.instalment)} a {PERIOD_WORD[t.frequency.value]} "
            f"towards the arrears from {format_date(t.first_payment)}"
        )
    if order.arrears or order.costs:
        parts.append(f"arrears of {format_money(order.arrears)} and costs of {format_money(order.costs)}")
    return "; ".join(parts) + "."


def _order(order: CoreOrder) -> PossessionOrder:
    return PossessionOrder(
        date=order.made_on, kind=order.kind.value, description=order_words(order), possession_date=order.possession_date
    )


def _enforcement(case: Case, facts: PossessionFacts, on: dt.date, doing: str) -> tuple[CoreOrder, str, RentStatement]:
    readiness = enforcement_readiness(facts, on)
    refuse_unless_ready(case.reference, readiness, doing, on)
    order = facts.order
    claim = facts.claim
    assert order is not None  # enforcement_readiness refuses without one
    if claim is None:
        raise NotReadyError(f"case {case.reference}: the claim's number and court are not recorded; record the claim")
    breach = ""
    if readiness.compliance is not None and readiness.compliance.broken:
        c = readiness.compliance
        ended = [p.end for p in c.periods if p.complete]
        breach = (
            f"Under the terms, {format_money(c.total_due)} fell due (rent plus the instalment) and "
            f"{format_money(c.total_paid)} was paid in the periods to {format_date(ended[-1] if ended else on)}, "
            f"a shortfall of {format_money(c.shortfall)}; the terms were first broken in the period ending "
            f"{format_date(c.first_breach or on)}."
        )
    statement = _statement(facts, order.made_on, on)
    return order, breach, statement


def warrant_request(
    case: Case, facts: PossessionFacts, *, request_date: dt.date, risk_information: str, signatory: Signatory
) -> WarrantRequest:
    order, breach, statement = _enforcement(case, facts, request_date, "request a warrant of possession")
    claim = facts.claim
    assert claim is not None
    return WarrantRequest(
        case=case,
        tenancy=tenancy_facts(case, facts, request_date),
        claim_number=claim.claim_number,
        court=claim.court,
        order=_order(order),
        breach=breach,
        statement=statement,
        fee=court_fee("warrant_of_possession", request_date).fee,
        legal_costs=ZERO,
        risk_information=risk_information,
        request_date=request_date,
        signatory=signatory,
    )


def fix_date_request(
    case: Case, facts: PossessionFacts, *, application_date: dt.date, warning_letter: dt.date, signatory: Signatory
) -> FixDateRequest:
    order, breach, statement = _enforcement(case, facts, application_date, "apply to fix the date for possession")
    claim = facts.claim
    assert claim is not None
    return FixDateRequest(
        case=case,
        tenancy=tenancy_facts(case, facts, application_date),
        claim_number=claim.claim_number,
        court=claim.court,
        order=_order(order),
        breach=breach,
        statement=statement,
        warning_letter=warning_letter,
        application_date=application_date,
        signatory=signatory,
    )
