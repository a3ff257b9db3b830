"""The start page as a work list: what each person should do next, and by when.

Why from the recorded steps: the next action of a case follows from what has happened (a letter
sent starts the reply period; a claim issued starts the time for a response; an interim charging
order must be served), so the dates come from ``law/`` applied to the register's facts — never
typed by hand, never forgotten. Overdue work comes first.

- officer: ``officer_worklist`` (their cases by stage, next action, due date) and ``hearings_soon``
  (hearings in the next 14 days, with compliance);
- legal reviewer: ``bundles_awaiting_review``;
- manager: ``caseload_by_stage``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..law.charging_order import charging_order_dates
from ..law.default_judgment import default_judgment_timing
from ..law.liability_orders import earliest_complaint, reminder_dates
from ..law.protocol import protocol_status
from .db import Register, session_for
from .hearings import HearingRow, upcoming_hearings
from .models import Case, CaseStep, Document, Hearing, Party
from .possession import ACTIONS as POSSESSION_ACTIONS
from .possession import STAGE as POSSESSION_STAGE
from .possession import possession_actions, possession_hearing_tasks

__all__ = [
    "STAGES",
    "BundleToReview",
    "WorkItem",
    "bundles_awaiting_review",
    "caseload_by_stage",
    "hearings_soon",
    "officer_worklist",
]

STAGES = (
    "new",
    "letter sent",
    "claim issued",
    "defended",
    "judgment",
    "enforcement",
    "charging order",
    POSSESSION_STAGE,
)
# council tax and business rates: the magistrates' court route (listed only where the register has such cases)
LIABILITY_STAGES = (
    "reminder sent",
    "final notice sent",
    "summoned",
    "summons withdrawn",
    "liability order",
    "liability order: enforcement",
)
LIABILITY_STEPS = (
    "reminder_notice",
    "final_notice",
    "summons_issued",
    "summons_withdrawn",
    "liability_order",
    "liability_enforcement",
)
HEARING_WINDOW_DAYS = 14
PAY_FORTHWITH_DAYS = 14  # CPR 40.11: a judgment sum with no other date is payable within 14 days


RECORD_TENANCY = "Record the tenancy and its rent account"  # before anything else on a possession case

# the interview that does each next action (the start page starts it with the case loaded)
TASKS = {
    "Send the letter before claim": "letter_before_claim",
    "Reply period ends; the claim can be issued from": "money_claim",
    "Judgment in default can be requested from": "default_judgment",
    "Defence filed: prepare for allocation and directions": "case_step",
    "Check payments under the judgment; enforce if not paid, from": "enforcement",
    "Record the enforcement outcome": "case_step",
    "Serve the interim charging order by": "case_step",
    "Hearing on": "hearing_check",
    RECORD_TENANCY: "case_step",
    # possession claims (issue 15): the interviews that take each step
    **{
        POSSESSION_ACTIONS[key]: task
        for key, task in (
            ("notice", "possession_notice"),
            ("renew", "possession_notice"),
            ("protocol", "case_step"),
            ("claim", "possession_claim"),
            ("lapse", "possession_claim"),
            ("held", "case_step"),
            ("awaiting_order", "possession_order"),
            ("order_kept", "case_step"),
            ("breach_warrant", "warrant_of_possession"),
            ("breach_fix_date", "warrant_of_possession"),
            ("breach_restore", "case_step"),
            ("outright", "warrant_of_possession"),
            ("warrant", "case_step"),
        )
    },
    "Final notice can be sent if still unpaid from": "liability_orders",
    "Summons can be issued if still unpaid from": "liability_orders",
    "Record the liability order hearing's result on": "liability_orders",
    "Check the account: summon again if still unpaid": "liability_orders",
    "Take the next step on the liability order": "liability_orders",
    "Record the outcome of the step after the liability order": "case_step",
}


@dataclass(frozen=True)
class WorkItem:
    reference: str
    debtor: str
    stage: str
    next_action: str
    due: dt.date | None  # None: nothing to wait for, do it now
    overdue: bool

    @property
    def task(self) -> str:
        """The interview that takes the next action."""
        return TASKS[self.next_action]


@dataclass(frozen=True)
class BundleToReview:
    reference: str
    file_name: str
    created_by: str
    created_at: dt.datetime


def _latest(steps: list[CaseStep], name: str) -> dict[str, str] | None:
    found = [s for s in steps if s.step == name]
    return json.loads(found[-1].facts) if found else None


def _day(facts: dict[str, str], name: str = "date") -> dt.date:
    return dt.date.fromisoformat(facts[name])


def next_action(
    steps: list[CaseStep], individual: bool, next_hearing: dt.datetime | None, on: dt.date, debt_type: str = ""
) -> tuple[str, str, dt.date | None]:
    """(stage, next action, due date) for a case with these recorded steps (oldest first)."""
    if any(s.step in LIABILITY_STEPS for s in steps):
        return _liability_action(steps, debt_type if debt_type in ("council_tax", "business_rates") else "council_tax")
    if debt_type == "current_tenant_arrears":  # a possession case whose tenancy is not recorded yet
        return POSSESSION_STAGE, RECORD_TENANCY, None
    latest = {
        name: _latest(steps, name)
        for name in (
            "letter_before_claim_sent",
            "reply_received",
            "claim_issued",
            "acknowledgment",
            "defence",
            "judgment",
            "enforcement_issued",
            "charging_order_interim",
            "charging_order_final",
        )
    }
    stage = _stage(latest)
    if next_hearing is not None:
        return stage, "Hearing on", next_hearing.date()
    if latest["charging_order_interim"] and not latest["charging_order_final"]:
        serve_by = charging_order_dates(_day(latest["charging_order_interim"])).serve_by
        return stage, "Serve the interim charging order by", serve_by
    if latest["judgment"]:
        judgment = latest["judgment"]
        if latest["enforcement_issued"]:
            return stage, "Record the enforcement outcome", None
        due = (
            _day(judgment, "first_payment")
            if judgment["terms"] == "instalments"
            else _day(judgment) + dt.timedelta(days=PAY_FORTHWITH_DAYS)
        )
        return stage, "Check payments under the judgment; enforce if not paid, from", due
    if latest["defence"]:
        return stage, "Defence filed: prepare for allocation and directions", None
    if latest["claim_issued"]:
        timing = default_judgment_timing(_day(latest["claim_issued"]), acknowledged=bool(latest["acknowledgment"]))
        return stage, "Judgment in default can be requested from", timing.earliest_request
    if latest["letter_before_claim_sent"]:
        reply = latest["reply_received"]
        status = protocol_status(
            debtor_is_individual=individual,
            on=on,
            letter_date=_day(latest["letter_before_claim_sent"]),
            reply_date=_day(reply) if reply else None,
        )
        return stage, "Reply period ends; the claim can be issued from", status.earliest_issue_date
    return stage, "Send the letter before claim", None


def _liability_action(steps: list[CaseStep], tax: str) -> tuple[str, str, dt.date | None]:
    """Council tax and business rates: the next action follows the latest step on the magistrates' court route."""
    last = [s for s in steps if s.step in LIABILITY_STEPS][-1]
    facts = json.loads(last.facts)
    if last.step == "reminder_notice":
        return (
            "reminder sent",
            "Final notice can be sent if still unpaid from",
            reminder_dates(tax, last.happened_on)[1].date,
        )
    if last.step == "final_notice":
        return (
            "final notice sent",
            "Summons can be issued if still unpaid from",
            earliest_complaint(tax, last.happened_on).date,
        )
    if last.step == "summons_issued":
        return "summoned", "Record the liability order hearing's result on", _day(facts, "hearing_date")
    if last.step == "summons_withdrawn":
        return "summons withdrawn", "Check the account: summon again if still unpaid", None
    if last.step == "liability_order":
        return "liability order", "Take the next step on the liability order", None
    return "liability order: enforcement", "Record the outcome of the step after the liability order", None


def _stage(latest: dict[str, dict[str, str] | None]) -> str:
    for name, stage in (
        ("charging_order_interim", "charging order"),
        ("enforcement_issued", "enforcement"),
        ("judgment", "judgment"),
        ("defence", "defended"),
        ("claim_issued", "claim issued"),
        ("letter_before_claim_sent", "letter sent"),
    ):
        if latest[name]:
            return stage
    return "new"


def _cases(session: Session, officer: str | None) -> list[Case]:
    query = select(Case).order_by(Case.reference)
    if officer:
        query = query.where(or_(Case.officer_email == officer, Case.officer_name == officer))
    return list(session.scalars(query))


def _items(session: Session, cases: list[Case], on: dt.date) -> list[WorkItem]:
    ids = [c.id for c in cases]
    steps: dict[int, list[CaseStep]] = defaultdict(list)
    individual: dict[int, bool] = {}
    hearings: dict[int, dt.datetime] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for step in session.scalars(
            select(CaseStep)
            .where(CaseStep.case_id.in_(chunk), CaseStep.happened_on <= on)
            .order_by(CaseStep.happened_on, CaseStep.id)
        ):
            steps[step.case_id].append(step)
        for party in session.scalars(
            select(Party).where(Party.case_id.in_(chunk), Party.role == "debtor", Party.position == 1)
        ):
            individual[party.case_id] = party.kind in ("individual", "sole_trader")
        for case_id, starts in session.execute(
            select(Hearing.case_id, Hearing.starts_at)
            .where(
                Hearing.case_id.in_(chunk),
                Hearing.status == "listed",
                Hearing.starts_at >= dt.datetime.combine(on, dt.time.min),
            )
            .order_by(Hearing.starts_at)
        ):
            hearings.setdefault(case_id, starts)
    possession = possession_actions(session, steps, {c.id: c.reference for c in cases}, on)
    items = []
    for case in cases:
        if case.id in possession:
            stage, action, due = possession[case.id]
            if case.id in hearings:
                action, due = "Hearing on", hearings[case.id].date()
        else:
            stage, action, due = next_action(
                steps[case.id], individual.get(case.id, True), hearings.get(case.id), on, case.debt_type
            )
        items.append(WorkItem(case.reference, case.debtor_name, stage, action, due, due is not None and due < on))
    return items


def _order(item: WorkItem) -> tuple:
    return (not item.overdue, item.due is None, item.due or dt.date.max, item.reference)


def officer_worklist(
    db: Register | Session | str | os.PathLike[str] | None, officer: str, on: dt.date
) -> list[WorkItem]:
    """The officer's cases (by email or name), each with its next action: overdue first, then by due date."""
    with session_for(db) as session:
        return sorted(_items(session, _cases(session, officer), on), key=_order)


def hearings_soon(
    db: Register | Session | str | os.PathLike[str] | None, on: dt.date, officer: str | None = None
) -> list[HearingRow]:
    """Hearings in the next 14 days with each case's compliance (the officer's own cases if named)."""
    rows = upcoming_hearings(db, on, on + dt.timedelta(days=HEARING_WINDOW_DAYS), on=on)
    possession_hearing_tasks(db, ((r.reference, r.starts_at.date(), r.tasks) for r in rows), on)
    if officer is None:
        return rows
    with session_for(db) as session:
        mine = {c.reference for c in _cases(session, officer)}
    return [r for r in rows if r.reference in mine]


def bundles_awaiting_review(db: Register | Session | str | os.PathLike[str] | None) -> list[BundleToReview]:
    """Court bundles no legal reviewer has yet marked reviewed (matched by the file's SHA-256)."""
    with session_for(db) as session:
        reviewed = set(
            session.execute(
                select(Document.case_id, Document.sha256).where(Document.kind.like("bundle reviewed%"))
            ).tuples()
        )
        rows = session.execute(
            select(Document, Case.reference)
            .join(Case, Case.id == Document.case_id)
            .where(Document.kind == "court bundle")
            .order_by(Document.created_at, Document.id)
        )
        return [
            BundleToReview(reference, doc.file_name, doc.created_by, doc.created_at)
            for doc, reference in rows
            if (doc.case_id, doc.sha256) not in reviewed
        ]


def caseload_by_stage(db: Register | Session | str | os.PathLike[str] | None, on: dt.date) -> list[tuple[str, int]]:
    """How many cases are at each stage (every stage listed, in the order a case moves through them)."""
    with session_for(db) as session:
        counts = Counter(item.stage for item in _items(session, _cases(session, None), on))
    return [(stage, counts[stage]) for stage in STAGES] + [(s, counts[s]) for s in LIABILITY_STAGES if counts[s]]
