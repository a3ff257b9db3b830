"""Helpers every interview uses: reading answered dates, refusals, recording what a step produced.

Answers arrive as docassemble types in a browser (``DADateTime``) and as plain
strings or dates headless; everything is normalised here before it reaches the
case model or the law. The case itself comes from the register (``cases.load_case``).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.answers import AnswerError, answer_date
from ..case.figures import breathing_space_for
from ..errors import CourtpackError, NotReadyError
from ..law.dates import format_date
from .acting import acting_user
from .cases import load_case, register_url
from .recorded import keep_recorded

__all__ = ["as_date", "load_case", "record_documents", "refuse_during_breathing_space"]

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


def record_documents(case: Case, kind: str, documents: list[str], who: str | None = None) -> None:
    """Record each produced document (name, SHA-256, who, when) in the register, once, in one transaction.

    The case is already in the register (the step loaded it from there), so only the documents are
    written — never the case's facts, which another officer may have changed meanwhile. Each file is
    also kept in the private document store, so a later bundle can include it. With no register
    configured (a plain headless run) nothing is recorded.
    """
    url = register_url(required=False)
    if not url:
        log.info(
            "case %s: no register configured; %d %s document(s) not recorded", case.reference, len(documents), kind
        )
        return
    from ..register import open_register, record_document

    author = who or acting_user()
    register = open_register(url)
    try:
        with register.transaction(author) as session:  # all recorded, or none
            for path in documents:
                record_document(session, case.reference, kind, path, who=author)
                keep_recorded(Path(path))
    finally:
        register.dispose()
