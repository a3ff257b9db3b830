"""Cases as the interviews save them and as the YAML case file exports them.

Why here: a case entered through ``new_case`` or changed through ``edit_case`` is saved with the
register's version check (a change made meanwhile by someone else is refused, never overwritten),
and the YAML case file is only an export/import format: ``export_case`` writes what the register
holds, in the form ``courtpack register add`` and ``read_case`` accept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from ..case.casefile import case_from_dict, save_case
from ..case.model import Case as CaseFacts
from ..case.model import Event, EventKind, Instalments, Judgment
from .cases import CaseInfo, add_case, get_case
from .db import Register, session_for
from .errors import RegisterError

__all__ = ["case_as_at", "export_case", "load_case_facts", "save_case_facts"]

# recorded steps that the case file's events list carries (what the protocol and the documents read)
STEP_EVENTS = {
    "letter_before_claim_sent": EventKind.LETTER_BEFORE_CLAIM_SENT,
    "reply_received": EventKind.REPLY_RECEIVED,
    "notice_of_intention_to_issue": EventKind.NOTICE_OF_INTENTION_TO_ISSUE,
    "claim_issued": EventKind.CLAIM_ISSUED,
    "judgment": EventKind.JUDGMENT_ENTERED,
}


def load_case_facts(db: Register | Session | str | os.PathLike[str] | None, reference: str) -> tuple[CaseFacts, int]:
    """The case's facts as the register holds them, and the version to hand back when saving a change."""
    with session_for(db) as session:
        case = get_case(session, reference)
        if not case.casefile:
            raise RegisterError(f"case {reference} has no facts stored; add it again with courtpack register add")
        return case_from_dict(json.loads(case.casefile), f"register case {reference}"), case.version


def save_case_facts(
    db: Register | Session | str | os.PathLike[str] | None,
    facts: CaseFacts,
    who: str | None,
    expected_version: int | None,
    new: bool,
) -> CaseInfo:
    """Save a case from an interview: ``new`` refuses a reference already in use; an edit needs its version."""
    with session_for(db, who) as session:
        if new:
            from sqlalchemy import select

            from .models import Case

            if session.scalar(select(Case.id).where(Case.reference == facts.reference)) is not None:
                raise RegisterError(
                    f"case {facts.reference} is already in the register; choose another reference, "
                    "or change that case with edit_case"
                )
            return add_case(session, facts, who=who)
        if expected_version is None:
            raise RegisterError(f"case {facts.reference}: an edit must say which version it changes; reload the case")
        return add_case(session, facts, who=who, expected_version=expected_version)


def case_as_at(
    db: Register | Session | str | os.PathLike[str] | None, reference: str, as_at: dt.date | None = None
) -> CaseFacts:
    """The case's facts with its recorded story up to ``as_at``: events, and the judgment with its terms and
    the payments made under it. This is what a step's documents are built from."""
    from .steps import case_facts

    with session_for(db) as session:
        facts, _ = load_case_facts(session, reference)
        story = case_facts(session, reference, as_at)
    recorded = [
        Event(s.happened_on, STEP_EVENTS[s.step], _note(s.step, s.facts)) for s in story.steps if s.step in STEP_EVENTS
    ]
    events = [e for e in facts.events if e.kind not in STEP_EVENTS.values()] + recorded
    judgment = facts.judgment
    step = story.judgment
    if step is not None:
        terms = None
        if step.facts["terms"] == "instalments":
            terms = Instalments(step.money("instalment_amount"), step.facts["frequency"], step.date("first_payment"))
        judgment = Judgment(
            claim_number=story.claim_number or "",
            court=story.court or "",
            date=step.happened_on,
            amount=step.money("amount"),
            costs=step.money("costs") or Decimal("0.00"),
            paid_since=story.paid_since_judgment(),
            instalments=terms,
        )
    return dataclasses.replace(facts, events=sorted(events, key=lambda e: e.date), judgment=judgment)


def _note(step: str, facts: dict[str, str]) -> str:
    if step == "claim_issued":
        return f"claim {facts['claim_number']} issued by the {facts['court']}"
    if step in ("letter_before_claim_sent", "notice_of_intention_to_issue"):
        return f"sent by {facts['how']}"
    return facts.get("summary", "")


def export_case(
    db: Register | Session | str | os.PathLike[str] | None,
    reference: str,
    out: str | os.PathLike[str],
    as_at: dt.date | None = None,
) -> Path:
    """Write the case's facts and recorded story (to ``as_at``) as a YAML case file that validates, stamped
    with the register's version so that adding it back after an edit is checked for staleness."""
    with session_for(db) as session:
        _, version = load_case_facts(session, reference)
        facts = dataclasses.replace(case_as_at(session, reference, as_at), version=version)
    target = Path(out)
    save_case(facts, target)  # one atomic writer: a missing or full folder is one sentence (files.OutputError)
    return target
