"""The audit log: who changed what, when — written for every change, automatically.

Why a flush hook: a log that depends on each function remembering to write it has gaps. Every
insert, update and delete made through an ``AuditedSession`` (all register sessions are) adds an
``audit_log`` row in the same transaction, naming the officer (``session.info["who"]``), the
table and record, and for updates each changed field as old -> new. Bulk steps that bypass the
ORM (imports) call ``log()`` themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, object_session

from .errors import RegisterError
from .models import AuditEntry, Base, Case

SKIP_FIELDS = {"version", "updated_at", "created_at", "casefile"}


class AuditedSession(Session):
    """A session whose every flushed change is written to the audit log."""


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _row(session: Session, obj: Any, action: str) -> dict[str, Any]:
    state = inspect(obj)
    mapper = state.mapper
    detail: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        if attr.key in SKIP_FIELDS:
            continue
        if action == "update":
            history = state.attrs[attr.key].history
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                new = history.added[0] if history.added else None
                if old != new:
                    detail[attr.key] = [_plain(old), _plain(new)]
        elif action == "create":
            value = getattr(obj, attr.key)
            if value not in (None, ""):
                detail[attr.key] = _plain(value)
    case_id = obj.id if isinstance(obj, Case) else getattr(obj, "case_id", None)
    return {
        "at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        "who": _actor(session),
        "action": action,
        "entity": mapper.local_table.name,
        "entity_id": ",".join(str(v) for v in mapper.primary_key_from_instance(obj) if v is not None),
        "case_id": case_id,
        "detail": json.dumps(detail, sort_keys=True) if detail else "",
    }


@event.listens_for(AuditedSession, "after_flush")
def _after_flush(session: Session, _context: Any) -> None:
    rows = []
    for action, objects in (("create", session.new), ("update", session.dirty)):
        for obj in objects:
            if isinstance(obj, AuditEntry):
                continue
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            row = _row(session, obj, action)
            if action == "update" and not row["detail"]:
                continue
            rows.append(row)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


@event.listens_for(AuditedSession, "before_flush")
def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """No change without a name: every register function that writes takes ``who``."""
    if (session.new or session.dirty or session.deleted) and not session.info.get("who"):
        raise RegisterError(
            "the register records who made each change: give your name with --as NAME (or set COURTPACK_USER=NAME)"
        )


@event.listens_for(Base, "after_delete", propagate=True)
def _after_delete(_mapper: Any, connection: Any, target: Any) -> None:
    """Deletions, including children removed with their parent or replaced (orphans), one entry each."""
    if isinstance(target, AuditEntry):
        return
    session = object_session(target)
    if session is None or not isinstance(session, AuditedSession):
        return
    row = _row(session, target, "delete")
    row["detail"] = json.dumps(
        {
            a.key: _plain(getattr(target, a.key))
            for a in inspect(target).mapper.column_attrs
            if a.key not in SKIP_FIELDS and getattr(target, a.key) not in (None, "")
        },
        sort_keys=True,
    )
    connection.execute(insert(AuditEntry), [row])


def log(
    session: Session,
    action: str,
    entity: str,
    detail: dict[str, Any] | str,
    case_id: int | None = None,
    entity_id: str = "",
) -> None:
    """Write one audit entry by hand (for bulk steps that bypass the ORM)."""
    session.add(
        AuditEntry(
            who=_actor(session),
            action=action,
            entity=entity,
            entity_id=entity_id,
            case_id=case_id,
            detail=detail if isinstance(detail, str) else json.dumps(detail, sort_keys=True, default=str),
        )
    )


def _actor(session: Session) -> str:
    who = session.info.get("who")
    if not who:
        raise RegisterError(
            "the register records who made each change: give your name with --as NAME (or set COURTPACK_USER=NAME)"
        )
    return str(who)


def history(session: Session, case_id: int | None = None, limit: int = 200) -> list[AuditEntry]:
    """The newest audit entries, for one case or all."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if case_id is not None:
        query = query.where(AuditEntry.case_id == case_id)
    return list(session.scalars(query))
