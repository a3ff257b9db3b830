"""Letters before claim for many cases at once: the caseload path of the CLI and of the background worker.

Why one path for a thousand cases: each case goes through the letter interview's own logic (the case
as the register holds it, the breathing-space refusal, the letter and its enclosures, the documents
recorded with the facts they state), but what costs seconds is done once for the whole batch — the
register is opened once, each template read once, and LibreOffice started once for every document.
A case that cannot have a letter is refused with its reason; the others' letters are still written.
``courtpack batch letters`` and the server's Celery task (``run_batch_letters``) both call
``batch_letters``.

Why the role is checked here as well as on the start page: the page shows the button only to
officers, but a button's value can be posted by anyone signed in; ``run_batch_letters`` refuses
a user who is not an officer before any letter is written.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..case import Case
from ..documents.letters import LetterOptions, LetterWriter
from ..errors import CourtpackError
from ..headless import server
from ..headless.context import running_headless
from ..law.money import money_str
from .acting import acting_user, require
from .archive import zip_files
from .cases import register_url
from .common import as_date, refuse_during_breathing_space, stated_parties
from .progress import set_progress
from .recorded import keep_recorded
from .storage import private_folder, sign_stored

if TYPE_CHECKING:
    from ..register.db import Register

__all__ = ["BatchResult", "batch_letters", "checked", "run_batch_letters"]

log = logging.getLogger(__name__)
KIND = "letter before claim"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class BatchResult:
    documents: list[str] = field(default_factory=list)
    produced: list[str] = field(default_factory=list)  # references done
    refused: list[str] = field(default_factory=list)  # "reference: why" for cases that could not have a letter
    archive: str = ""


def checked(choices: Any) -> list[str]:
    """The ticked keys of a checkboxes answer (a DADict in the browser, a plain dict over the API)."""
    return [str(key) for key, ticked in choices.items() if ticked]


def batch_letters(
    references: Iterable[str],
    letter_date: Any,
    output_dir: Path,
    progress: Progress | None = None,
    *,
    archive: bool = True,
) -> BatchResult:
    """A letter before claim for each case (each recorded in the register), in ``output_dir/<reference>/``.

    With ``archive`` one ZIP of them all beside them. ``progress`` is told ``(stage, done, total)``.
    """
    from ..register import open_register
    from ..register.case_records import case_as_at

    refs = list(dict.fromkeys(" ".join(str(r).split()) for r in references if str(r).strip()))  # each case once
    result = BatchResult()
    try:
        day = as_date(letter_date, "letter_date")
    except CourtpackError as err:
        result.refused = [f"{ref}: {err}" for ref in refs]
        return result
    step = running_headless()
    refused: dict[str, str] = {}
    jobs: list[tuple[Case, LetterOptions, Path]] = []
    register = open_register(register_url())
    try:
        for number, ref in enumerate(refs, start=1):
            try:
                case = case_as_at(register, ref, step.as_at if step else None)
                refuse_during_breathing_space(case, day, "contact_for_payment", "send a letter asking for payment")
                jobs.append((case, LetterOptions(letter_date=day), Path(output_dir) / case.reference))
            except CourtpackError as err:
                refused[ref] = str(err)
            if progress:
                progress("Reading cases", number, len(refs))
        outcomes = LetterWriter().write_each(jobs, progress)
        author = acting_user()
        for number, ((case, _, _), outcome) in enumerate(zip(jobs, outcomes, strict=True), start=1):
            if isinstance(outcome, CourtpackError):
                refused[case.reference] = str(outcome)
            else:
                documents = [str(p) for p in outcome.files]
                try:
                    _record(register, case, day, documents, author)
                except CourtpackError as err:
                    for path in outcome.files:  # a letter the register does not know of is never offered
                        path.unlink(missing_ok=True)
                    refused[case.reference] = str(err)
                else:
                    result.documents += documents
                    result.produced.append(case.reference)
            if progress:
                progress("Recording in the register", number, len(jobs))
    finally:
        register.dispose()
    for ref in refs:
        if ref in refused:
            log.info("batch letters: %s refused: %s", ref, refused[ref])
            result.refused.append(f"{ref}: {refused[ref]}")
    if result.documents and archive:
        stamp = dt.date.today().isoformat()
        result.archive = zip_files(result.documents, Path(output_dir) / f"letters before claim {stamp}.zip")
    return result


def _record(register: Register, case: Case, day: dt.date, documents: list[str], author: str) -> None:
    """Record one case's letter and pack with the facts the letter states, as the letter interview does."""
    from ..register import record_document

    stated = {
        "as_at": day.isoformat(),
        **stated_parties(case),
        "letter_date": day.isoformat(),
        "balance": money_str(case.balance(day)),
    }
    with register.transaction(author) as session:  # the case's documents all recorded, or none
        for path in documents:
            record_document(session, case.reference, KIND, path, who=author, facts=stated)
            keep_recorded(Path(path))


def run_batch_letters(references: Iterable[str], letter_date: Any, key: str) -> dict[str, Any]:
    """The background task's body (Celery worker): officers only; progress to Redis; signed files for the session.

    The letters are made in a private temporary folder that is removed before the task ends; what
    outlives it are the stored files (docassemble's storage, shared by every app server) and the
    register's records.
    """
    require("batch")
    session = server.session_id()
    folder = Path(tempfile.mkdtemp(prefix="courtpack-batch-", dir=private_folder("steps")))

    def show(stage: str, done: int, total: int) -> None:
        set_progress(key, f"{stage}: {done} of {total}…")

    try:
        result = batch_letters(references, letter_date, folder, progress=show)
        set_progress(
            key, f"Done: {len(result.produced)} of {len(result.produced) + len(result.refused)} letters produced."
        )
        paths = ([result.archive] if result.archive else []) + result.documents
        files = [sign_stored(server.store_file(Path(p)), session) for p in paths]
    finally:
        shutil.rmtree(folder)
    return {"produced": result.produced, "refused": result.refused, "files": files}
