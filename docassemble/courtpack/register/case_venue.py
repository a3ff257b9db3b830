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
from ..law.venue import VenueAdvice, plain_words, venue_advice
from .case_records import load_case_facts
from .db import Register, session_for
from .steps import case_facts

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


def case_venue_words(db: Register | Session | str | os.PathLike[str] | None, reference: str, on: dt.date) -> list[str]:
    """The case's route in plain sentences (see ``law.venue.plain_words``)."""
    return plain_words(case_venue(db, reference, on))
