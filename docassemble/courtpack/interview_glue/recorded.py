"""Documents the register recorded for a case, kept so a later step (a bundle) can use them.

Why a store of its own: the register records each produced document's name, SHA-256, who and
when, but not its bytes; a bundle is built from those documents, not from a folder a user names.
Each recorded file is copied into a private, content-addressed store (``<sha256>.<ext>``, mode
0600, in ``COURTPACK_DOCUMENT_STORE``, default ``COURTPACK_HOME/documents``); the register's
SHA-256 finds it again, and proves it is the file that was recorded.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..headless.context import running_headless
from ..register.generated import sha256_of
from .storage import private_folder

__all__ = ["RecordedFile", "document_store", "keep_recorded", "recorded_files"]

log = logging.getLogger(__name__)
ENV_STORE = "COURTPACK_DOCUMENT_STORE"


@dataclass(frozen=True)
class RecordedFile:
    """One document the register recorded for a case, whose file the store holds."""

    id: int
    kind: str
    file_name: str
    created_at: object
    path: Path
    stated_on: dt.date | None = None  # the date the document states (its facts' as_at), when recorded


def document_store() -> Path:
    step = running_headless()
    if step is not None and step.document_store is not None:
        step.document_store.mkdir(parents=True, exist_ok=True, mode=0o700)
        return step.document_store
    configured = os.environ.get(ENV_STORE, "").strip()
    if configured:
        folder = Path(configured)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder
    return private_folder("documents")


def _stored_name(digest: str, file_name: str) -> str:
    return digest + Path(file_name).suffix.lower()


def keep_recorded(path: Path) -> str:
    """Copy a produced file into the store (once per content, written whole, mode 0600); returns its SHA-256."""
    digest = sha256_of(path)
    target = document_store() / _stored_name(digest, path.name)
    if not target.is_file():
        handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".store-")
        os.close(handle)
        try:
            shutil.copyfile(path, tmp)
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return digest


def recorded_files(register_url: str, reference: str) -> list[RecordedFile]:
    """The case's recorded documents whose files are in the store (oldest first); others are logged, not offered."""
    from ..register.generated import documents_for

    store = document_store()
    found = []
    for record in documents_for(register_url, reference):
        path = store / _stored_name(record.sha256, record.file_name)
        if path.is_file():
            stated = (record.facts or {}).get("as_at")
            found.append(
                RecordedFile(
                    record.id,
                    record.kind,
                    record.file_name,
                    record.created_at,
                    path,
                    dt.date.fromisoformat(stated) if stated else None,
                )
            )
        else:
            log.info(
                "case %s: recorded document %s (%s) is not in the document store",
                reference,
                record.file_name,
                record.sha256[:12],
            )
    return found
