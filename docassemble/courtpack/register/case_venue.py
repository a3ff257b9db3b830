"""The route for a case in the register: which court, what comes first, what is open now (``law/venue.py``).

Why from the register: whether the council already holds its order (a liability order for council
tax and business rates, a judgment otherwise) and how much is still owed are facts of the case's
recorded story, so the case screen and ``courtpack register show`` give advice for this case as it
stands, not for a debt type in general.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

from sqlalchemy.orm import Session

from ..case.figures import breathing_space_for
from ..case.model import LIABILITY_ORDER_DEBTS, DebtorKind
from ..law.dates import format_date
from ..law.money import format_money
from ..law.venue import STEP_WORDS, VenueAdvice, plain_words, venue_advice
from .case_records import load_case_facts
from .db import Register, session_for
from .steps import CaseStory, case_facts

LIABILITY_STEPS = (
    "reminder_notice",
    "final_notice",
    "summons_issued",
    "liability_order",
    "summons_withdrawn",
    "liability_enforcement",
)

__all__ = ["case_venue", "case_venue_words"]


def case_venue(db: Register | Session | str | os.PathLike[str] | None, reference: str, on: dt.date) -> VenueAdvice:
    """The venue advice for the case as the register holds it on ``on``."""
    with session_for(db) as session:
        facts, _ = load_case_facts(session, reference)
        story = case_facts(session, reference, on)
    order = story.latest("liability_order") if facts.debt.type in LIABILITY_ORDER_DEBTS else story.judgment
    if order is not None:
        costs = Decimal("0.00") if order.step == "liability_order" else order.money("costs") or Decimal("0.00")
        paid = sum((amount for day, amount in story.payments if day >= order.happened_on), Decimal("0.00"))
        owed = order.money("amount") + costs - paid
    else:
        owed = facts.balance(on) - sum((amount for _, amount in story.payments), Decimal("0.00"))
    return venue_advice(
        debt_type=facts.debt.type.value,
        debt=max(owed, Decimal("0.01")),
        on=on,
        debtor_kind="company" if facts.debtor.kind is DebtorKind.COMPANY else "individual",
        order_held=order is not None,
        breathing_space=breathing_space_for(facts, on),
    )


def _where(story: CaseStory) -> str | None:
    """Where a council tax or business rates case stands: its latest step on the magistrates' court route."""
    last = next((s for s in reversed(story.steps) if s.step in LIABILITY_STEPS), None)
    if last is None:
        return None
    day, f = format_date(last.happened_on), last.facts
    if last.step in ("reminder_notice", "final_notice"):
        return f"Where it stands: a {last.step.split('_')[0]} notice was issued on {day}."
    if last.step == "summons_issued":
        return (
            f"Where it stands: summons {f['summons_number']} issued on {day} for the hearing at {f['court']} "
            f"on {format_date(last.date('hearing_date'))} at {f['hearing_time']}."
        )
    if last.step == "liability_order":
        return (
            f"Where it stands: liability order made on {day} by {f['court']} for "
            f"{format_money(last.money('amount'))} (including {format_money(last.money('costs') or Decimal(0))} costs)."
        )
    if last.step == "summons_withdrawn":
        return f"Where it stands: the summons was withdrawn on {day} ({f['reason']})."
    return f"Where it stands: {STEP_WORDS[f['kind']]} prepared on {day} ({f['document'] or f['recipient']})."


def case_venue_words(db: Register | Session | str | os.PathLike[str] | None, reference: str, on: dt.date) -> list[str]:
    """The case's route in plain sentences (see ``law.venue.plain_words``), with where it stands."""
    with session_for(db) as session:
        words = plain_words(case_venue(session, reference, on))
        where = _where(case_facts(session, reference, on))
    return [*words[:1], *([where] if where else []), *words[1:]]
