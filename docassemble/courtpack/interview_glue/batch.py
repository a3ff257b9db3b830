"""Letters before claim for many cases at once, run by the background worker (Celery).

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
from typing import Any

from ..errors import CourtpackError
from ..headless import server
from .acting import require
from .archive import zip_files
from .cases import load_case
from .letters import make_letter_pack
from .progress import set_progress
from .storage import private_folder, sign_stored

__all__ = ["BatchResult", "batch_letters", "checked", "run_batch_letters"]

log = logging.getLogger(__name__)


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
    references: Iterable[str], letter_date: Any, output_dir: Path, progress: Callable[[str], None] | None = None
) -> BatchResult:
    """A letter before claim for each case (each recorded in the register); one ZIP of them all."""
    refs = list(references)
    result = BatchResult()
    for number, reference in enumerate(refs, start=1):
        if progress:
            progress(f"Producing letter {number} of {len(refs)}: {reference}…")
        try:
            case = load_case(reference)
            folder = output_dir / reference
            folder.mkdir(parents=True, exist_ok=True)
            result.documents += make_letter_pack(case, letter_date, None, folder)
            result.produced.append(reference)
        except CourtpackError as err:
            log.info("batch letters: %s refused: %s", reference, err)
            result.refused.append(f"{reference}: {err}")
    if result.documents:
        stamp = dt.date.today().isoformat()
        result.archive = zip_files(result.documents, output_dir / f"letters before claim {stamp}.zip")
    if progress:
        progress(f"Done: {len(result.produced)} of {len(refs)} letters produced.")
    return result


def run_batch_letters(references: Iterable[str], letter_date: Any, key: str) -> dict[str, Any]:
    """The background task's body (Celery worker): officers only; progress to Redis; signed files for the session.

    The letters are made in a private temporary folder that is removed before the task ends; what
    outlives it are the stored files (docassemble's storage, shared by every app server) and the
    register's records.
    """
    require("batch")
    session = server.session_id()
    folder = Path(tempfile.mkdtemp(prefix="courtpack-batch-", dir=private_folder("steps")))
    try:
        result = batch_letters(references, letter_date, folder, progress=lambda text: set_progress(key, text))
        paths = ([result.archive] if result.archive else []) + result.documents
        files = [sign_stored(server.store_file(Path(p)), session) for p in paths]
    finally:
        shutil.rmtree(folder)
    return {"produced": result.produced, "refused": result.refused, "files": files}
