"""Starting a task from the start page: a new session of the task's interview for a chosen case."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from ..errors import CourtpackError
from ..headless import server
from ..headless.context import running_headless
from .acting import acting_user, require
from .cases import case_reference_choices, load_case, register_url
from .tasks import available_tasks, interview_id

__all__ = ["add_uploaded_case", "case_route", "case_summary", "start_task_session"]

log = logging.getLogger(__name__)


def case_summary(reference: str) -> str:
    """``FTA-2025-0142 (Mr Daniel James Okafor)`` for a case in the register."""
    case = load_case(reference)
    return f"{case.reference} ({case.debtor.name})"


def case_route(reference: str) -> str:
    """The case's route in plain words (which court, what comes first, what is open now), as Markdown.

    Why on the case's screen: the officer chooses the venue by the type of debt; council tax goes to
    the magistrates' court, not a money claim, and the screen says so before any task opens.
    """
    from ..register.case_venue import case_venue_words

    step = running_headless()
    on = step.as_at if step and step.as_at else dt.date.today()
    return "\n".join(f"- {sentence}" for sentence in case_venue_words(register_url(), reference, on))


def add_uploaded_case(upload: Any) -> str:
    """A case file the officer uploaded: checked field by field, added to the register; returns its reference."""
    from ..case import read_case
    from ..register import add_case

    paths = list(server.uploaded_paths(upload))
    if len(paths) != 1:
        raise CourtpackError("upload exactly one case file (YAML)")
    case = read_case(paths[0][0])  # a bad file is reported field by field before anything is stored
    if case.reference in case_reference_choices():
        raise CourtpackError(
            f"case {case.reference} is already in the register: choose it from the list instead "
            "(an upload never overwrites the register's facts)"
        )
    add_case(register_url(), case, who=acting_user())
    return case.reference


def start_task_session(task_name: str, reference: str) -> str:
    """A new session of the task's interview with its case already chosen; returns the URL to open."""
    require(task_name)
    if task_name not in {t.name for t in available_tasks()}:
        raise CourtpackError(f"there is no {task_name!r} interview on this server")
    load_case(reference)  # the case must be in the register
    log.info("%s starts %s for %s", acting_user(), task_name, reference)
    return server.create_task_session(interview_id(task_name), {"case_reference": reference})
