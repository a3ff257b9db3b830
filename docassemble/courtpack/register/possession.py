"""A possession case read back from the register, and what it adds to the work list and hearing checks.

Why from the recorded steps: the notice, the claim, the order's terms and every payment are dated facts in
the register (``possession_steps``); ``possession_facts`` turns them into the typed ``PossessionFacts``
every possession document and check reads, as at a date, so a document and the register cannot disagree.
The work list and the pre-hearing list ask the same pure rules (``case.possession_checks``) for the next
step and for breaches of an order's terms.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.possession_case import (
    ClaimIssued,
    NoticeServed,
    PaymentAgreement,
    PossessionFacts,
    ProtocolStep,
    VulnerabilityAssessment,
    WarrantRequested,
)
from ..case.possession_checks import claim_readiness, missing_protocol_steps
from ..case.possession_order import OrderKind, OrderTerms, PossessionOrder, terms_compliance
from ..case.rent_schedule import arrears_in_weeks, rent_daily_rate
from ..case.tenancy import (
    ZERO,
    AccountEntry,
    CreditSource,
    RentAccount,
    RentChange,
    RentFrequency,
    Tenancy,
    TenancyKind,
    balance_at,
)
from ..law.breathing_space import BreathingSpaceWindow
from ..law.dates import format_date
from ..law.money import format_money, money_str
from ..law.possession import BEFORE_HEARING, hearing_check, notice_window
from .db import Register, session_for
from .errors import RegisterError
from .models import Case, CaseStep, Payment
from .steps import CaseStory, StepRecord, case_facts

__all__ = [
    "POSSESSION_CHECKED",
    "POSSESSION_MONEY_FACTS",
    "facts_from_story",
    "is_possession_case",
    "possession_actions",
    "possession_facts",
    "possession_hearing_tasks",
]

STAGE = "possession"
UNDATED_STEPS = ("hearing_listed", "rent_changed")  # read whatever their date: they may lie ahead


def _terms(record: StepRecord) -> OrderTerms | None:
    if not record.facts.get("instalment"):
        return None
    first = record.date("first_payment")
    assert first is not None  # checked when recorded
    return OrderTerms(Decimal(record.facts["instalment"]), RentFrequency(record.facts["frequency"]), first)


def facts_from_story(story: CaseStory, as_at: dt.date | None = None) -> PossessionFacts | None:
    """The possession facts in a case's story (None if no tenancy is recorded), as at ``as_at``.

    ``as_at`` defaults to the story's date; steps dated after it are left out, except a listed hearing and
    a rent change recorded ahead (both are known in advance).
    """
    day = as_at or story.as_at
    steps = [s for s in story.steps if s.happened_on <= day or s.step in UNDATED_STEPS]

    def latest(name: str) -> StepRecord | None:
        found = [s for s in steps if s.step == name]
        return found[-1] if found else None

    recorded = latest("tenancy_recorded")
    if recorded is None:
        return None
    kind = TenancyKind(recorded.facts["kind"])
    start = recorded.happened_on
    rents = [RentChange(start, Decimal(recorded.facts["rent"]), RentFrequency(recorded.facts["frequency"]))]
    rents += [
        RentChange(s.happened_on, Decimal(s.facts["rent"]), RentFrequency(s.facts["frequency"]))
        for s in steps
        if s.step == "rent_changed" and s.happened_on > start
    ]
    tenancy = Tenancy(
        kind,
        start,
        recorded.facts["property"],
        tuple(sorted(rents, key=lambda r: r.effective_from)),
        story.debtors,
        recorded.facts.get("account_reference", ""),
    )
    credits = [
        AccountEntry(paid_on, CreditSource.TENANT.label, credit=amount, source=CreditSource.TENANT)
        for paid_on, amount in story.payments
        if paid_on <= day
    ]
    credits += [
        AccountEntry(
            s.happened_on,
            CreditSource(s.facts["source"]).label,
            credit=Decimal(s.facts["amount"]),
            source=CreditSource(s.facts["source"]),
        )
        for s in steps
        if s.step == "rent_credit"
    ]
    adjustments = [
        AccountEntry(
            s.happened_on,
            s.facts["description"],
            debit=Decimal(s.facts["amount"]) if s.facts["direction"] == "debit" else ZERO,
            credit=Decimal(s.facts["amount"]) if s.facts["direction"] == "credit" else ZERO,
        )
        for s in steps
        if s.step == "rent_adjustment"
    ]
    account = RentAccount(
        tenancy,
        recorded.date("account_from") or start,
        Decimal(recorded.facts.get("opening_balance", "0.00")),
        tuple(credits),
        tuple(adjustments),
    )
    return PossessionFacts(
        story.reference,
        day,
        account,
        tuple(
            ProtocolStep(s.facts["code"], s.happened_on, s.facts.get("note", ""))
            for s in steps
            if s.step == "protocol_step"
        ),
        _vulnerability(latest("vulnerability_assessed")),
        _notice(latest("possession_notice_served"), kind),
        _agreement(latest("payment_agreement")),
        tuple(
            BreathingSpaceWindow(s.happened_on, s.date("end"), s.facts["kind"])
            for s in steps
            if s.step == "breathing_space"
        ),
        _claim(latest("claim_issued"), steps),
        _order(latest("possession_order"), story.claim_number or ""),
        _warrant(latest("warrant_requested")),
    )


def _vulnerability(record: StepRecord | None) -> VulnerabilityAssessment | None:
    if record is None:
        return None
    return VulnerabilityAssessment(
        record.happened_on, record.facts["outcome"], record.facts["reasons"], record.facts.get("assessed_by", "")
    )


def _notice(record: StepRecord | None, kind: TenancyKind) -> NoticeServed | None:
    if record is None:
        return None
    name = (
        "notice of seeking possession"
        if kind in (TenancyKind.SECURE, TenancyKind.FLEXIBLE)
        else "notice of proceedings"
    )
    specified = record.date("date_specified")
    assert specified is not None  # required when recorded
    return NoticeServed(name, record.happened_on, record.facts["method"], specified)


def _agreement(record: StepRecord | None) -> PaymentAgreement | None:
    terms = _terms(record) if record is not None else None
    return None if record is None or terms is None else PaymentAgreement(record.happened_on, terms)


def _claim(record: StepRecord | None, steps: list[StepRecord]) -> ClaimIssued | None:
    if record is None:
        return None
    hearings = sorted(
        s.happened_on for s in steps if s.step == "hearing_listed" and s.happened_on >= record.happened_on
    )
    return ClaimIssued(
        record.happened_on, record.facts["claim_number"], record.facts["court"], hearings[0] if hearings else None
    )


def _order(record: StepRecord | None, claim_number: str) -> PossessionOrder | None:
    if record is None:
        return None
    return PossessionOrder(
        OrderKind(record.facts["kind"]),
        record.happened_on,
        record.date("possession_date"),
        _terms(record),
        Decimal(record.facts.get("arrears", "0.00")),
        Decimal(record.facts.get("costs", "0.00")),
        claim_number,
    )


def _warrant(record: StepRecord | None) -> WarrantRequested | None:
    if record is None:
        return None
    return WarrantRequested(record.happened_on, record.facts["kind"], record.facts.get("reference", ""))


def possession_facts(
    db: Register | Session | str | os.PathLike[str] | None, reference: str, as_at: dt.date
) -> PossessionFacts:
    """The case's possession facts as at ``as_at``; a ``RegisterError`` when no tenancy is recorded."""
    story = case_facts(db, reference)
    found = facts_from_story(story, as_at)
    if found is None:
        raise RegisterError(
            f"case {reference} has no tenancy recorded; record the step tenancy_recorded (type, start, property, "
            "rent and frequency) first"
        )
    return found


def is_possession_case(step_names: Iterable[str]) -> bool:
    return "tenancy_recorded" in step_names


# ---- the work list -----------------------------------------------------------------------------------

ACTIONS = {
    "notice": "Serve the notice seeking possession",
    "protocol": "Take the missing protocol steps before the possession claim",
    "claim": "The possession claim can be issued from",
    "lapse": "Issue the possession claim (the notice lapses after)",
    "renew": "The notice seeking possession has lapsed: serve a new one",
    "held": "Possession claim on hold (agreement kept, review pending or breathing space): check the case",
    "order_kept": "Possession order terms being kept; next check",
    "breach_warrant": "Possession order terms broken: request a warrant of possession from",
    "breach_fix_date": "Possession order terms broken: apply to fix a date for possession (N244) from",
    "breach_restore": "Terms of the adjournment broken: apply to restore the claim from",
    "outright": "Request a warrant of possession (N325) from",
    "warrant": "Warrant of possession requested: record the eviction date",
    "awaiting_order": "Possession claim issued: record the order made",
}


def next_possession_action(facts: PossessionFacts) -> tuple[str, dt.date | None]:
    """(next action, due date) for a possession case; the action is one of ``ACTIONS``' values."""
    on = facts.as_at
    if facts.warrant is not None:
        return ACTIONS["warrant"], None
    if facts.order is not None:
        order = facts.order
        if order.terms is None:
            due = (order.possession_date or on) + dt.timedelta(days=1)
            return ACTIONS["outright"], due
        compliance = terms_compliance(order, facts.account, on)
        if compliance.broken:
            key = {"suspended": "breach_warrant", "postponed": "breach_fix_date", "adjourned": "breach_restore"}
            due = compliance.first_breach or on
            if order.possession_date is not None and order.possession_date >= due:
                due = order.possession_date + dt.timedelta(days=1)
            return ACTIONS[key[order.kind.value]], due
        return ACTIONS["order_kept"], compliance.next_check
    if facts.claim is not None:
        return ACTIONS["awaiting_order"], facts.claim.hearing_date
    if facts.notice is None:
        return ACTIONS["notice"], None
    if missing_protocol_steps(facts):
        return ACTIONS["protocol"], None
    window = notice_window(facts.tenancy_kind, facts.notice.date_specified)
    if window.last_issue_date is not None and on > window.last_issue_date:
        return ACTIONS["renew"], None
    if on < window.proceedings_from:
        return ACTIONS["claim"], window.proceedings_from
    if not claim_readiness(facts).ready:
        return ACTIONS["held"], None
    if window.last_issue_date is not None:
        return ACTIONS["lapse"], window.last_issue_date
    return ACTIONS["claim"], window.proceedings_from


def possession_actions(
    session: Session, steps: dict[int, list[CaseStep]], references: dict[int, str], on: dt.date
) -> dict[int, tuple[str, str, dt.date | None]]:
    """(stage, next action, due) for each possession case among ``steps`` (case id -> its steps to ``on``)."""
    return {
        case_id: (STAGE, *next_possession_action(facts))
        for case_id, facts in _facts_by_case(session, steps, references, on).items()
    }


def possession_cases_facts(session: Session, on: dt.date) -> dict[int, PossessionFacts]:
    """The possession facts, as at ``on``, of every case in the register with a tenancy recorded (by case id).

    Why in bulk: the caseload list and the performance report show every possession case by its rent
    arrears, so the steps and payments of all of them are read in a few queries, not two per case.
    """
    tenancies = select(CaseStep.case_id).where(CaseStep.step == "tenancy_recorded").distinct()
    references = {
        case_id: ref for case_id, ref in session.execute(select(Case.id, Case.reference).where(Case.id.in_(tenancies)))
    }
    steps: dict[int, list[CaseStep]] = defaultdict(list)
    query = select(CaseStep).where(CaseStep.case_id.in_(tenancies)).order_by(CaseStep.happened_on, CaseStep.id)
    for row in session.scalars(query):
        steps[row.case_id].append(row)
    return _facts_by_case(session, steps, references, on)


def _facts_by_case(
    session: Session, steps: dict[int, list[CaseStep]], references: dict[int, str], on: dt.date
) -> dict[int, PossessionFacts]:
    """The possession facts of the cases among ``steps`` with a tenancy; one query loads their payments."""
    ids = [case_id for case_id, rows in steps.items() if is_possession_case(s.step for s in rows)]
    paid: dict[int, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        for case_id, day, amount in session.execute(
            select(Payment.case_id, Payment.paid_on, Payment.amount)
            .where(Payment.case_id.in_(ids[start : start + 500]), Payment.paid_on <= on)
            .order_by(Payment.paid_on)
        ):
            paid[case_id].append((day, Decimal(amount)))
    out: dict[int, PossessionFacts] = {}
    for case_id in ids:
        records = tuple(StepRecord(s.id, s.step, s.happened_on, _json(s.facts), s.recorded_by) for s in steps[case_id])
        facts = facts_from_story(CaseStory(references[case_id], on, "", (), records, tuple(paid[case_id])), on)
        if facts is not None:
            out[case_id] = facts
    return out


def _json(text: str) -> dict[str, str]:
    loaded: dict[str, str] = json.loads(text)
    return loaded


# ---- the pre-hearing check --------------------------------------------------------------------------


def hearing_tasks(facts: PossessionFacts, hearing: dt.date) -> list[str]:
    """What is still to do, or wrong, before a possession hearing on ``hearing``."""
    tasks: list[str] = []
    if facts.order is not None and facts.order.terms is not None:
        compliance = terms_compliance(facts.order, facts.account, facts.as_at)
        if compliance.broken:
            tasks.append(
                f"Possession order terms broken since {format_date(compliance.first_breach or facts.as_at)}: "
                f"{format_money(compliance.shortfall)} short of rent and instalments"
            )
    elif facts.claim is not None:
        done = {s.code for s in facts.protocol_steps}
        for rule in BEFORE_HEARING:
            if rule.code not in done:
                due = f" by {format_date(hearing - dt.timedelta(days=rule.days))}" if rule.days else ""
                tasks.append(f"Protocol: {rule.name}{due} ({rule.source})")
        check = hearing_check(facts.claim.issued_on, hearing)
        tasks.extend(check.problems)
    return tasks


def possession_hearing_tasks(
    db: Register | Session | str | os.PathLike[str] | None,
    hearings: Iterable[tuple[str, dt.date, list[str]]],
    on: dt.date,
) -> None:
    """Append possession tasks to each (reference, hearing date, tasks list) of a hearing list, in place."""
    with session_for(db) as session:
        for reference, day, tasks in hearings:
            facts = facts_from_story(case_facts(session, reference), on)
            if facts is not None:
                tasks.extend(t for t in hearing_tasks(facts, day) if t not in tasks)


# ---- what case check compares (a document states these facts; the register gives them) ---------------


def _possession(story: CaseStory) -> PossessionFacts | None:
    return facts_from_story(story)


def _fact(get: Callable[[PossessionFacts], str | None]) -> Callable[[CaseStory], str | None]:
    def read(story: CaseStory) -> str | None:
        facts = _possession(story)
        return None if facts is None else get(facts)

    return read


def _arrears(facts: PossessionFacts) -> str:
    return money_str(balance_at(facts.account, max(facts.as_at, facts.account.opened_on)))


def _weeks(facts: PossessionFacts) -> str:
    rent = facts.account.tenancy.rent_on(facts.as_at)
    owed = balance_at(facts.account, max(facts.as_at, facts.account.opened_on))
    return str(arrears_in_weeks(owed, rent))


POSSESSION_CHECKED: dict[str, Callable[[CaseStory], str | None]] = {
    "tenancy_type": _fact(lambda f: f.tenancy_kind),
    "tenancy_property": _fact(lambda f: f.account.tenancy.property_address),
    "rent": _fact(lambda f: money_str(f.account.tenancy.rent_on(f.as_at).amount)),
    "rent_frequency": _fact(lambda f: f.account.tenancy.rent_on(f.as_at).frequency.value),
    "rent_arrears": _fact(_arrears),
    "arrears_in_weeks": _fact(_weeks),
    "rent_daily_rate": _fact(lambda f: money_str(rent_daily_rate(f.account, f.as_at).amount)),
    "notice_served": _fact(lambda f: f.notice.handed_or_posted.isoformat() if f.notice else None),
    "notice_date_specified": _fact(lambda f: f.notice.date_specified.isoformat() if f.notice else None),
    "order_kind": _fact(lambda f: f.order.kind.value if f.order else None),
    "possession_date": _fact(
        lambda f: f.order.possession_date.isoformat() if f.order and f.order.possession_date else None
    ),
    "order_instalment": _fact(lambda f: money_str(f.order.terms.instalment) if f.order and f.order.terms else None),
}
POSSESSION_MONEY_FACTS = {"rent", "rent_arrears", "rent_daily_rate", "order_instalment"}
