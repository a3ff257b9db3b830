"""Helpers every interview uses: reading answered dates, refusals, recording what a step produced.

Answers arrive as docassemble types in a browser (``DADateTime``) and as plain
strings or dates headless; everything is normalised here before it reaches the
case model or the law. The case itself comes from the register (``cases.load_case``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.answers import AnswerError, answer_date
from ..case.figures import JudgmentPosition, breathing_space_for
from ..errors import CourtpackError, NotReadyError
from ..law.dates import format_date
from ..law.money import money_str
from .acting import acting_user
from .cases import load_case, register_url
from .recorded import keep_recorded

__all__ = [
    "as_date",
    "judgment_facts",
    "load_case",
    "record_documents",
    "refuse_during_breathing_space",
    "stated_parties",
    "step_day",
    "witness_facts",
]

log = logging.getLogger(__name__)


def as_date(value: Any, field: str = "date", *, past: bool = False) -> dt.date:
    """An answered date (DADateTime, datetime, date or ISO text) as a ``date``, in a plausible range.

    Why the range: a date typed with the wrong year (2099, 1925) would otherwise reach a court
    document; ``past`` marks a fact that has happened (a payment, a letter sent), never in the future.
    """
    try:
        return answer_date(value, field, past=past)
    except AnswerError as err:
        raise CourtpackError(str(err)) from None


def refuse_during_breathing_space(case: Case, on: dt.date, step: str, doing: str) -> None:
    """Stop ``doing`` when any debtor is in a breathing space (Debt Respite Scheme regs 7 and 8)."""
    status = breathing_space_for(case, on)
    if not (status.active and step in status.blocked_steps):
        return
    names = " and ".join(
        d.name for d in case.debtors if any(b.start == status.window.start for b in d.breathing_spaces)
    )
    until = f"until {format_date(status.ends)}" if status.ends else "until the debt adviser ends it"
    raise NotReadyError(
        f"case {case.reference}: {names} is in a breathing space {until}, so "
        f"courtpack will not {doing} on {format_date(on)}. {status.basis}"
    )


def step_day() -> dt.date:
    """The day a step runs on: the headless run's ``as_at`` when it has one, else today."""
    from ..headless.context import running_headless

    step = running_headless()
    return step.as_at if step and step.as_at else dt.date.today()


def stated_parties(case: Case) -> dict[str, str]:
    """The parties every document names, as ``courtpack case check`` compares them with the register."""
    return {"claimant": case.claimant.name, "debtors": " and ".join(d.name for d in case.debtors)}


def judgment_facts(position: JudgmentPosition) -> dict[str, str]:
    """What enforcement papers (N323, N293A, N316, N379 ...) state about the judgment they enforce."""
    judgment = position.judgment
    return {
        "claim_number": judgment.claim_number,
        "judgment_date": judgment.date.isoformat(),
        "judgment_total": money_str(judgment.amount + judgment.costs),
        "paid_since_judgment": money_str(judgment.paid_since),
        "amount_due": money_str(position.total_due),
    }


def witness_facts(claim_number: str, letter_date: dt.date | None) -> dict[str, str]:
    """What a witness statement states that the register holds (for ``record_documents(..., facts=)``)."""
    facts = {"claim_number": str(claim_number).strip()}
    if letter_date is not None:
        facts["letter_date"] = letter_date.isoformat()
    return facts


def record_documents(
    case: Case,
    kind: str,
    documents: list[str],
    who: str | None = None,
    *,
    facts: Mapping[str, str] | None = None,
    as_at: dt.date | None = None,
) -> None:
    """Record each produced document (name, SHA-256, who, when, the facts it states) in the register, once.

    The case is already in the register (the step loaded it from there), so only the documents are
    written — never the case's facts, which another officer may have changed meanwhile. Each file is
    also kept in the private document store, so a later bundle can include it. ``facts`` are the
    values the document builders used (claim number, dates, sums); with the parties and ``as_at``
    (the step's date) they are what ``courtpack case check`` compares with the register's story on
    that date. With no register configured (a plain headless run) nothing is recorded.
    """
    url = register_url(required=False)
    if not url:
        log.info(
            "case %s: no register configured; %d %s document(s) not recorded", case.reference, len(documents), kind
        )
        return
    from ..register import open_register, record_document

    stated = {"as_at": (as_at or step_day()).isoformat(), **stated_parties(case), **(facts or {})}
    author = who or acting_user()
    register = open_register(url)
    try:
        with register.transaction(author) as session:  # all recorded, or none
            for path in documents:
                record_document(session, case.reference, kind, path, who=author, facts=stated)
                keep_recorded(Path(path))
    finally:
        register.dispose()
