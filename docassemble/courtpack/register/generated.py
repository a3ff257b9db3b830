"""The record of every document generated for a case (GDPR: what was produced, by whom, when).

Why a SHA-256: it proves later which exact file was sent or filed — a letter regenerated after
a correction has a different digest, and both are on the record.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .cases import get_case
from .db import Register, session_for
from .errors import RegisterError
from .models import Document


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    reference: str
    kind: str
    file_name: str
    sha256: str
    created_by: str
    created_at: object
    facts: dict[str, str] = field(default_factory=dict)  # what the document stated (``case_check`` reads it)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_document(
    session_or_db: Session | Register | str | os.PathLike[str] | None,
    case_ref: str,
    kind: str,
    path: str | os.PathLike[str],
    who: str | None = None,
    facts: Mapping[str, str] | None = None,
) -> DocumentRecord:
    """Record that ``path`` (a finished file) was generated for case ``case_ref``: kind, name, SHA-256, who, when.

    ``facts`` are the facts the document states (field -> text, e.g. ``{"claim_number": "K1QZ1234",
    "as_at": "2026-01-10"}``; the names ``case_check.CHECKED`` lists are compared with the register).
    With a ``Session`` it joins the caller's transaction (the caller commits); otherwise it commits its own.
    """
    file = Path(path)
    if not file.is_file():
        raise RegisterError(f"{file}: cannot record a document that does not exist")
    digest = sha256_of(file)
    with session_for(session_or_db, who) as session:
        case = get_case(session, case_ref)
        stated = {str(k): str(v) for k, v in (facts or {}).items()}
        doc = Document(
            case_id=case.id,
            kind=kind,
            file_name=file.name,
            sha256=digest,
            created_by=session.info.get("who") or "unknown",
            facts=json.dumps(stated, sort_keys=True) if stated else "",
        )
        session.add(doc)
        session.flush()
        return DocumentRecord(doc.id, case_ref, kind, doc.file_name, digest, doc.created_by, doc.created_at, stated)


def documents_for(session_or_db: Session | Register | str | None, case_ref: str) -> list[DocumentRecord]:
    with session_for(session_or_db) as session:
        case = get_case(session, case_ref)
        docs = session.scalars(select(Document).where(Document.case_id == case.id).order_by(Document.id))
        return [
            DocumentRecord(
                d.id,
                case_ref,
                d.kind,
                d.file_name,
                d.sha256,
                d.created_by,
                d.created_at,
                json.loads(d.facts) if d.facts else {},
            )
            for d in docs
        ]
