"""Trace attempts and debtor facts recorded on a case: what a write-off rests on.

Why recorded, dated facts: "untraceable" is only credible after recorded attempts (who tried,
how, when, with what result), and a death, insolvency or dissolution must be on the case with its
date and, for insolvency, whether the council has proved for its debt. The write-off candidates
read these; a trace that finds a new address also belongs on the officer's work list.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .cases import get_case
from .db import Register, session_for
from .errors import RegisterError
from .reporting_models import (
    DEBTOR_FACT_KINDS,
    ESTATE,
    PROOF_OF_DEBT,
    TRACE_METHODS,
    TRACE_RESULTS,
    DebtorFact,
    TraceAttempt,
)


@dataclass(frozen=True)
class TraceRow:
    reference: str
    tried_on: dt.date
    method: str
    result: str
    new_address: str


def _choice(reference: str, field: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        shown = ", ".join(a for a in allowed if a)
        raise RegisterError(f"case {reference}: {field} {value!r} is not one of: {shown}; use one of those")
    return value


def add_trace(
    db: Register | Session | str | os.PathLike[str] | None,
    reference: str,
    tried_on: dt.date,
    method: str,
    result: str,
    new_address: str = "",
    who: str | None = None,
) -> None:
    """Record a trace attempt on a case."""
    _choice(reference, "method", method, TRACE_METHODS)
    _choice(reference, "result", result, TRACE_RESULTS)
    if result == "found" and not new_address.strip():
        raise RegisterError(f"case {reference}: a trace that found the debtor needs the new address (--new-address)")
    with session_for(db, who) as session:
        case = get_case(session, reference)
        session.add(
            TraceAttempt(
                case_id=case.id,
                tried_on=tried_on,
                method=method,
                result=result,
                new_address=new_address.strip(),
                recorded_by=session.info.get("who") or "",
            )
        )


def add_fact(
    db: Register | Session | str | os.PathLike[str] | None,
    reference: str,
    kind: str,
    fact_on: dt.date,
    estate: str = "",
    proof_of_debt: str = "",
    detail: str = "",
    who: str | None = None,
) -> None:
    """Record a debtor fact (deceased, bankruptcy, DRO, IVA, dissolved, liquidation, nil enforcement return)."""
    _choice(reference, "kind", kind, DEBTOR_FACT_KINDS)
    _choice(reference, "estate", estate, ESTATE)
    _choice(reference, "proof of debt", proof_of_debt, PROOF_OF_DEBT)
    if kind == "deceased" and not estate:
        raise RegisterError(
            f"case {reference}: say whether the deceased debtor left an estate (--estate none, some or unknown)"
        )
    with session_for(db, who) as session:
        case = get_case(session, reference)
        session.add(
            DebtorFact(
                case_id=case.id,
                kind=kind,
                fact_on=fact_on,
                estate=estate,
                proof_of_debt=proof_of_debt,
                detail=detail.strip(),
                recorded_by=session.info.get("who") or "",
            )
        )


def traces_for(session: Session, case_ids: list[int]) -> dict[int, list[TraceAttempt]]:
    out: dict[int, list[TraceAttempt]] = {}
    for row in session.scalars(
        select(TraceAttempt).where(TraceAttempt.case_id.in_(case_ids)).order_by(TraceAttempt.tried_on, TraceAttempt.id)
    ):
        out.setdefault(row.case_id, []).append(row)
    return out


def facts_for(session: Session, case_ids: list[int]) -> dict[int, list[DebtorFact]]:
    out: dict[int, list[DebtorFact]] = {}
    for row in session.scalars(
        select(DebtorFact).where(DebtorFact.case_id.in_(case_ids)).order_by(DebtorFact.fact_on, DebtorFact.id)
    ):
        out.setdefault(row.case_id, []).append(row)
    return out


def new_addresses(db: Register | Session | str | os.PathLike[str] | None) -> list[TraceRow]:
    """Traces that found a new address (for the officer's work list), newest first."""
    from .models import Case

    with session_for(db) as session:
        rows = session.execute(
            select(Case.reference, TraceAttempt)
            .join(Case, Case.id == TraceAttempt.case_id)
            .where(TraceAttempt.result == "found")
            .order_by(TraceAttempt.tried_on.desc(), TraceAttempt.id.desc())
        )
        return [TraceRow(ref, t.tried_on, t.method, t.result, t.new_address) for ref, t in rows]
