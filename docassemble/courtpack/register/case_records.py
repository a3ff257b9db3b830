"""Cases as the interviews save them and as the YAML case file exports them.

Why here: a case entered through ``new_case`` or changed through ``edit_case`` is saved with the
register's version check (a change made meanwhile by someone else is refused, never overwritten),
and the YAML case file is only an export/import format: ``export_case`` writes what the register
holds, in the form ``courtpack register add`` and ``read_case`` accept.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from sqlalchemy.orm import Session

from ..case.casefile import case_from_dict, save_case
from ..case.model import Case as CaseFacts
from .cases import CaseInfo, add_case, get_case
from .db import Register, session_for
from .errors import RegisterError

__all__ = ["export_case", "load_case_facts", "save_case_facts"]


def load_case_facts(db: Register | Session | str | os.PathLike[str] | None, reference: str) -> tuple[CaseFacts, int]:
    """The case's facts as the register holds them, and the version to hand back when saving a change."""
    with session_for(db) as session:
        case = get_case(session, reference)
        if not case.casefile:
            raise RegisterError(f"case {reference} has no facts stored; add it again with courtpack register add")
        return case_from_dict(json.loads(case.casefile), f"register case {reference}"), case.version


def save_case_facts(db: Register | Session | str | os.PathLike[str] | None, facts: CaseFacts, who: str | None,
                    expected_version: int | None, new: bool) -> CaseInfo:
    """Save a case from an interview: ``new`` refuses a reference already in use; an edit needs its version."""
    with session_for(db, who) as session:
        if new:
            from sqlalchemy import select

            from .models import Case
            if session.scalar(select(Case.id).where(Case.reference == facts.reference)) is not None:
                raise RegisterError(f"case {facts.reference} is already in the register; choose another reference, "
                                    "or change that case with edit_case")
            return add_case(session, facts, who=who)
        if expected_version is None:
            raise RegisterError(f"case {facts.reference}: an edit must say which version it changes; reload the case")
        return add_case(session, facts, who=who, expected_version=expected_version)


def export_case(db: Register | Session | str | os.PathLike[str] | None, reference: str,
                out: str | os.PathLike[str]) -> Path:
    """Write the case's facts as a YAML case file (validated on the way out)."""
    facts, _ = load_case_facts(db, reference)
    target = Path(out)
    if not target.parent.is_dir():
        raise RegisterError(f"{target.parent}: no such folder for the case file; create it or choose another --out")
    save_case(facts, target)
    return target
