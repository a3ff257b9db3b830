"""A step's files: made in a private folder that does not outlive the step, then served only if produced.

Why: documents name debtors and their addresses. On the server each step works in a private
temporary folder (mode 0700, deleted in a ``finally``) and keeps its results as docassemble files
(private to the session). The end screen serves a file only when the step itself produced it: the
step signs each stored file with the server's secret key and this session's id, so a ``documents``
list posted by a visitor — server paths, or another session's file numbers — is refused, not served.
Headless the documents are written to the folder the caller named (``--out``) and listed by name.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..headless import server
from ..headless.context import NotAllowedError, running_headless

__all__ = [
    "ProducedFile",
    "download_links",
    "file_links",
    "keep",
    "planned_output",
    "private_folder",
    "sign_stored",
    "step_output",
]

log = logging.getLogger(__name__)
_folder: contextvars.ContextVar[Path | None] = contextvars.ContextVar("courtpack_step_folder", default=None)


@dataclass(frozen=True)
class ProducedFile:
    """A file a step produced and stored (docassemble DAFile), with the signature that proves it."""

    file: Any
    filename: str
    signature: str


def private_folder(name: str) -> Path:
    """``COURTPACK_HOME/<name>`` (the server's run directory), created mode 0700."""
    home = Path(os.environ.get("COURTPACK_HOME") or Path.home() / ".cache" / "courtpack")
    folder = home / name
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    return folder


def planned_output() -> Path:
    """Where ``step_output`` will write, before it does (what sits beside it, e.g. the exhibit register).

    Headless: the run's output folder. On the server: a name inside the private steps folder (not
    created), so anything kept beside it lands in that private folder, as it does during the step.
    """
    step = running_headless()
    if step is not None:
        return step.output_dir
    return private_folder("steps") / "planned"


@contextlib.contextmanager
def step_output() -> Iterator[Path]:
    """The folder a step writes its documents to.

    Headless: the run's output folder (kept: it is what the caller asked for). On the server: a
    private temporary folder, removed when the block ends however it ends.
    """
    step = running_headless()
    if step is not None:
        step.output_dir.mkdir(parents=True, exist_ok=True)
        token = _folder.set(step.output_dir.resolve())
        try:
            yield step.output_dir
        finally:
            _folder.reset(token)
        return
    folder = Path(tempfile.mkdtemp(prefix="courtpack-step-", dir=private_folder("steps")))
    token = _folder.set(folder.resolve())
    try:
        yield folder
    finally:
        _folder.reset(token)
        shutil.rmtree(folder, ignore_errors=False)


def _inside_step(path: Any) -> Path:
    """``path`` as a regular file inside the current step's folder, or ``NotAllowedError``."""
    folder = _folder.get()
    if folder is None:
        raise NotAllowedError("documents can only be kept inside a step's output folder (step_output)")
    resolved = Path(str(path)).resolve()
    if not resolved.is_relative_to(folder) or not resolved.is_file():
        log.warning("refused to keep %s: not a file produced in %s", path, folder)
        raise NotAllowedError(f"{Path(str(path)).name}: was not produced by this step, so it is not offered")
    return resolved


def keep(paths: Iterable[Any]) -> list[Any]:
    """The step's documents, checked to lie in its folder; on the server each stored and signed.

    Returns paths (text) headless, ``ProducedFile``s on the server — what ``download_links`` shows.
    """
    files = [_inside_step(p) for p in paths]
    if running_headless() is not None:
        return [str(p) for p in files]
    session = server.session_id()
    return [sign_stored(server.store_file(p), session) for p in files]


def sign_stored(stored: Any, session: str) -> ProducedFile:
    """Sign a stored file for ``session`` (the batch worker signs for the session that asked for it)."""
    name = str(stored.filename)
    return ProducedFile(stored, name, server.sign(session, server.file_number(stored), name))


def _checked(entry: Any, session: str) -> ProducedFile:
    if isinstance(entry, ProducedFile):
        expected = server.sign(session, server.file_number(entry.file), entry.filename)
        if expected == entry.signature and str(entry.file.filename) == entry.filename:
            return entry
    log.warning("refused to offer %r in session %s: not a file this step produced", entry, session)
    raise NotAllowedError(
        "a document listed for download was not produced by this step, so none is offered; start the task again"
    )


def file_links(files: Iterable[Any]) -> str:
    """Markdown download links for the files this session's steps produced (each signature checked)."""
    session = server.session_id()
    checked = [_checked(entry, session) for entry in files]
    return "\n".join(f"* [{f.filename}]({server.file_url(f.file)})" for f in checked)


def download_links(documents: Iterable[Any]) -> str:
    """The end screen's list of documents, as Markdown: names headless, checked download links on the server."""
    if running_headless() is not None:
        return "\n".join(f"* {Path(str(d)).name}" for d in documents)
    return file_links(documents)
