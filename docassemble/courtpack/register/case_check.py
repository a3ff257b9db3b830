"""``courtpack case check``: every contradiction between a case's documents and its recorded facts.

Why: a court returns a pack whose claim form, request for judgment and enforcement papers disagree
(three claim numbers; "£0 paid" certified while the register holds payments). Each recorded document
keeps the facts it stated (``record_document(..., facts=...)``); this compares them with the
register's story *as at the document's own date* — a payment made after an N323 does not make the
N323 wrong, a payment made before it but recorded later does.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.model import Case as Ledger
from ..law.money import money_str
from .case_records import load_case_facts
from .cases import get_case
from .db import Register, session_for
from .models import Document
from .possession import POSSESSION_CHECKED, POSSESSION_MONEY_FACTS
from .steps import CaseStory, case_facts

__all__ = ["CHECKED", "Problem", "check_case"]

NOT_RECORDED = "(not recorded)"


def _step_fact(step: str, name: str) -> Callable[[CaseStory], str | None]:
    return lambda story: story.fact(step, name)


def _paid(story: CaseStory) -> str | None:
    paid = story.paid_since_judgment()
    return None if paid is None else money_str(paid)


def _judgment_total(story: CaseStory) -> str | None:
    judgment = story.judgment
    if judgment is None:
        return None
    return money_str(judgment.money("amount") + (judgment.money("costs") or Decimal("0.00")))


def _pending(story: CaseStory) -> str:
    return "yes" if story.pending_enforcement() else "no"


# fact a document may state -> how the register's story gives it
CHECKED: dict[str, Callable[[CaseStory], str | None]] = {
    "claimant": lambda story: story.claimant,
    "debtors": lambda story: " and ".join(story.debtors),
    "letter_date": _step_fact("letter_before_claim_sent", "date"),
    "claim_number": lambda story: story.claim_number,
    "court": lambda story: story.court,
    "issue_date": _step_fact("claim_issued", "date"),
    "deemed_service": _step_fact("service", "deemed_date"),
    "judgment_date": _step_fact("judgment", "date"),
    "judgment_amount": _step_fact("judgment", "amount"),
    "judgment_costs": _step_fact("judgment", "costs"),
    "judgment_total": _judgment_total,
    "judgment_terms": _step_fact("judgment", "terms"),
    "instalment_amount": _step_fact("judgment", "instalment_amount"),
    "paid_since_judgment": _paid,
    "other_enforcement_pending": _pending,
    "interim_charging_order": _step_fact("charging_order_interim", "date"),
    **POSSESSION_CHECKED,  # tenancy, rent, arrears, notice and order facts (issue 15)
}
MONEY_FACTS = {
    "balance",
    "judgment_amount",
    "judgment_costs",
    "judgment_total",
    "instalment_amount",
    "paid_since_judgment",
    *POSSESSION_MONEY_FACTS,
}


def _balance(ledger: Ledger, story: CaseStory) -> str:  # "balance": not in CHECKED, it needs the case's ledger
    """The debt as at the story's date: the case's ledger less the payments the register holds since.

    Why both: the case's own ledger holds the account as it came in (charges, and payments made
    before), and payments imported or recorded afterwards live only in the register's payments. A
    letter or claim stating a balance that ignores a payment made before its date is wrong.
    """
    paid = sum((amount for day, amount in story.payments if day <= story.as_at), Decimal("0.00"))
    return money_str(ledger.balance(story.as_at) - paid)


@dataclass(frozen=True)
class Problem:
    document: str
    field: str
    says: str
    register: str


def _same(name: str, says: str, register: str | None) -> bool:
    if register is None:
        return False
    if name in MONEY_FACTS:
        try:
            return Decimal(says) == Decimal(register)
        except InvalidOperation:
            return False
    return says.strip() == register.strip()


def check_case(db: Register | Session | str | os.PathLike[str] | None, reference: str) -> list[Problem]:
    """Each fact a recorded document stated that the register contradicts (or does not hold)."""
    with session_for(db) as session:
        case = get_case(session, reference)
        docs = session.scalars(select(Document).where(Document.case_id == case.id).order_by(Document.id)).all()
        ledger, _ = load_case_facts(session, reference)
        problems: list[Problem] = []
        stories: dict[dt.date, CaseStory] = {}
        for doc in docs:
            stated: dict[str, str] = json.loads(doc.facts) if doc.facts else {}
            if not stated:
                continue
            as_at = dt.date.fromisoformat(stated["as_at"]) if stated.get("as_at") else doc.created_at.date()
            if as_at not in stories:
                stories[as_at] = case_facts(session, reference, as_at)
            story = stories[as_at]
            for name in sorted(stated):
                if name == "balance":
                    register: str | None = _balance(ledger, story)
                elif name in CHECKED:
                    register = CHECKED[name](story)
                else:
                    continue
                if not _same(name, stated[name], register):
                    problems.append(
                        Problem(doc.file_name, name, stated[name], NOT_RECORDED if register is None else register)
                    )
        return problems


def check_report(reference: str, problems: list[Problem]) -> dict[str, object]:
    """The ``--json`` contract: ``{"reference": ..., "problems": [{"document", "field", "says", "register"}]}``."""
    return {"reference": reference, "problems": [asdict(p) for p in problems]}
