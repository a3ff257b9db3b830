"""A legal reviewer marks a bundle reviewed: the register records the exact file (SHA-256), who and when."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..headless import server
from .acting import require
from .cases import register_url
from .storage import private_folder

__all__ = ["mark_bundle_reviewed"]


def mark_bundle_reviewed(case_reference: str, bundle: Any, note: str = "") -> Any:
    """Record that a legal reviewer reviewed this bundle (an uploaded file), under its original name."""
    who = require("review")
    from ..register import record_document

    kind = "bundle reviewed" + (f": {note.strip()}" if note and note.strip() else "")
    uploads = list(server.uploaded_paths(bundle))
    if len(uploads) != 1:
        raise DocumentError("upload exactly one bundle (a PDF) to mark reviewed")
    path, original = uploads[0]
    with tempfile.TemporaryDirectory(prefix="courtpack-review-", dir=private_folder("steps")) as folder:
        named = Path(folder) / original
        shutil.copyfile(path, named)
        return record_document(register_url(), case_reference, kind, named, who=who.user)
