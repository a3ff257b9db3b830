"""Write-off: find the candidates the policy allows, approve within delegated powers, reverse.

Why the register decides the reason: an auditor asks "why was this written off, on what evidence,
by whom, within whose authority?" — so each candidate carries its reason, the evidence from the
register (dates, documents, trace results, limitation worked out by ``law.limitation``) and the
authority level the policy requires for its amount; approval is refused to a user without that
authority, and recorded (who, when, amount, reason) in the same transaction as the audit entry.
A write-off in force closes the case ("closed: written off"): it leaves the open caseload and the
outstanding debt. A reversal (say, a payment arrived) keeps the write-off row and adds its own
record, so the history is never rewritten.

Reasons are tried in this order and the first that applies is the case's reason (the others
are listed in its evidence): deceased with no estate; insolvency; statute-barred; untraceable;
enforcement returned nil; uneconomic.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import LawError
from ..law.dates import format_date
from ..law.fees import court_fee, issue_fee
from ..law.limitation import cause_for_debt_type, debt_limitation, limitation
from ..law.money import format_money
from . import audit
from .db import Register, session_for
from .errors import RegisterError
from .reporting import stages
from .reporting.ageing import limitation_dates
from .reporting.facts import CaseLine, case_lines
from .reporting_models import AUTHORITY_LABELS, WriteOff
from .tracing import facts_for, traces_for
from .writeoff_policy import REASONS, Policy, WriteOffRefused, check_authority, policy_in_force

NEEDS_PROOF = {"bankruptcy", "iva", "liquidation"}  # the council can prove for its debt in these
INSOLVENCY_LABELS = {
    "bankruptcy": "bankruptcy order",
    "debt_relief_order": "debt relief order",
    "iva": "individual voluntary arrangement",
    "dissolved": "company dissolved",
    "liquidation": "company in liquidation",
}


@dataclass(frozen=True)
class Candidate:
    reference: str
    case_id: int
    debtor: str
    debt_type: str
    officer: str
    outstanding: Decimal
    reason: str
    authority: str
    evidence: tuple[str, ...]
    policy: str

    @property
    def reason_label(self) -> str:
        return REASONS[self.reason]

    @property
    def authority_label(self) -> str:
        return AUTHORITY_LABELS[self.authority]


def candidates(
    db: Register | Session | str | os.PathLike[str] | None, on: dt.date, references: list[str] | None = None
) -> list[Candidate]:
    """Every open case the policy in force on ``on`` would allow to be written off."""
    with session_for(db) as session:
        return candidates_in(session, on, references)


def candidates_in(session: Session, on: dt.date, references: list[str] | None) -> list[Candidate]:
    """``candidates`` inside the caller's session (approval and the recommendation re-check in their transaction)."""
    policy = policy_in_force(session, on)
    lines = [
        x
        for x in case_lines(session, on, on)
        if stages.is_open(stages.stage_at_end(x, on)) and (references is None or x.reference in references)
    ]
    ids = [x.case_id for x in lines]
    traces, facts = traces_for(session, ids), facts_for(session, ids)
    dates = limitation_dates(session, [x.case_id for x in lines if x.claim is None], on)
    out = []
    for line in lines:
        found = _reasons(
            line, on, policy, traces.get(line.case_id, []), facts.get(line.case_id, []), dates.get(line.case_id)
        )
        if not found:
            continue
        reason, evidence = found[0]
        more = [f"Also: {REASONS[r]} — {e[0]}" for r, e in found[1:]]
        out.append(
            Candidate(
                line.reference,
                line.case_id,
                line.debtor,
                line.debt_type,
                line.officer,
                line.outstanding_end,
                reason,
                policy.authority_for(reason, line.outstanding_end),
                (*evidence, *_record(line), *more),
                policy.source,
            )
        )
    return out


def _reasons(
    line: CaseLine,
    on: dt.date,
    policy: Policy,
    traces: list,
    facts: list,
    dates: tuple[list[dt.date], list[dt.date]] | None,
) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for f in facts:
        if f.kind == "deceased" and f.estate == "none":
            found.append(
                (
                    "deceased_no_estate",
                    [
                        f"The debtor died on {format_date(f.fact_on)} and left no estate "
                        f"(recorded by {f.recorded_by or 'unknown'}). {f.detail}".strip()
                    ],
                )
            )
            break
    for f in facts:
        if f.kind in INSOLVENCY_LABELS and (
            f.kind not in NEEDS_PROOF or f.proof_of_debt in ("submitted", "admitted", "rejected")
        ):
            proof = f"; proof of debt: {f.proof_of_debt.replace('_', ' ')}" if f.kind in NEEDS_PROOF else ""
            found.append(
                (
                    "insolvency",
                    [
                        f"{INSOLVENCY_LABELS[f.kind].capitalize()} on {format_date(f.fact_on)}"
                        f"{proof}. {f.detail}".strip()
                    ],
                )
            )
            break
    barred = _barred(line, on, dates)
    if barred:
        found.append(("statute_barred", [barred]))
    failed = _failed_traces(traces)
    if len(failed) >= policy.trace_attempts_needed:
        found.append(
            (
                "untraceable",
                [
                    f"{len(failed)} trace attempts found no address (policy needs "
                    f"{policy.trace_attempts_needed}): "
                    + "; ".join(f"{t.method.replace('_', ' ')} on {format_date(t.tried_on)}" for t in failed)
                    + "."
                ],
            )
        )
    nil = [f for f in facts if f.kind == "enforcement_nil_return"]
    if len(nil) >= policy.nil_returns_needed:
        found.append(
            (
                "enforcement_nil",
                [
                    "Enforcement returned with nothing to seize on "
                    + ", ".join(format_date(f.fact_on) for f in nil)
                    + "."
                ],
            )
        )
    uneconomic = _uneconomic(line, on, policy)
    if uneconomic:
        found.append(("uneconomic", [uneconomic]))
    return found


def _failed_traces(traces: list) -> list:
    """Failed attempts since the last successful one (a found address resets the count)."""
    failed: list = []
    for t in traces:
        failed = [] if t.result == "found" else [*failed, t]
    return failed


def _barred(line: CaseLine, on: dt.date, dates: tuple[list[dt.date], list[dt.date]] | None) -> str:
    if line.claim is None and dates is not None:
        results = debt_limitation(cause_for_debt_type(line.debt_type), dates[0], dates[1], on)
        if results and all(r.barred for r in results):
            last = max(results, key=lambda r: r.last_day)
            return f"Statute-barred: {last.basis} ({last.source})"
    if line.judgment is not None and line.enforcement is None:
        result = limitation("judgment", line.judgment, on)
        if result.barred:
            return (
                f"Enforcement time-barred: judgment of {format_date(line.judgment)} — {result.basis} "
                f"({result.source}); no enforcement was taken."
            )
    return ""


def _uneconomic(line: CaseLine, on: dt.date, policy: Policy) -> str:
    balance = line.outstanding_end
    if balance < policy.uneconomic_below:
        return (
            f"The balance of {format_money(balance)} is below the policy's uneconomic threshold of "
            f"{format_money(policy.uneconomic_below)}."
        )
    try:
        if line.claim is None:
            step, fee = "issuing a claim", issue_fee(balance, on)
        elif line.judgment is not None and line.enforcement is None:
            step, fee = "a warrant of control", court_fee("warrant_of_control", on)
        else:
            return ""
    except LawError:
        return ""  # no fee row in force on that date: no comparison to make
    if balance < fee.fee:
        return (
            f"The balance of {format_money(balance)} is less than the court fee of {format_money(fee.fee)} "
            f"for {step} ({fee.source})."
        )
    return ""


def _record(line: CaseLine) -> list[str]:
    steps = [
        (label, day)
        for label, day in (
            ("referred", line.referred),
            ("letter before claim", line.letter),
            ("claim issued", line.claim),
            ("judgment", line.judgment),
            ("enforcement", line.enforcement),
        )
        if day is not None
    ]
    return ["On the register: " + "; ".join(f"{label} {format_date(day)}" for label, day in steps) + "."]


def approve(db: Register | Session | str | os.PathLike[str] | None, reference: str, user: str, on: dt.date) -> WriteOff:
    """Approve writing off a candidate case as ``user`` (refused without the authority the policy needs)."""
    with session_for(db, user) as session:
        active = _active(session, reference)
        if active is not None:
            raise WriteOffRefused(
                f"case {reference} was already written off on {format_date(active[1].approved_on)} "
                f"by {active[1].approved_by}; reverse that first if it was wrong"
            )
        found = candidates_in(session, on, [reference])
        if not found:
            raise WriteOffRefused(
                f"case {reference} is not a write-off candidate on {format_date(on)} under the "
                "policy then in force; see: courtpack writeoff candidates"
            )
        c = found[0]
        check_authority(
            session,
            user,
            c.authority,
            f"writing off {format_money(c.outstanding)} on case {reference} ({c.reason_label})",
        )
        row = WriteOff(
            case_id=c.case_id,
            reason=c.reason,
            amount=c.outstanding,
            authority=c.authority,
            evidence=json.dumps(list(c.evidence)),
            approved_by=user,
            approved_on=on,
            status="approved",
        )
        session.add(row)
        session.flush()
        audit.log(
            session,
            "write-off",
            "writeoffs",
            {
                "reference": reference,
                "amount": str(c.outstanding),
                "reason": c.reason,
                "authority": c.authority,
                "on": on,
            },
            case_id=c.case_id,
            entity_id=str(row.id),
        )
        return row


def reverse(
    db: Register | Session | str | os.PathLike[str] | None, reference: str, user: str, on: dt.date, reason: str
) -> WriteOff:
    """Reverse a write-off in force (e.g. a payment arrived), with its own audit record."""
    if not reason.strip():
        raise RegisterError(f"case {reference}: say why the write-off is reversed (--reason)")
    with session_for(db, user) as session:
        active = _active(session, reference)
        if active is None:
            raise RegisterError(f"case {reference} has no write-off in force to reverse")
        case_id, row = active
        check_authority(session, user, "officer", f"reversing the write-off on case {reference}")
        if on < row.approved_on:
            raise RegisterError(
                f"case {reference}: the reversal date {format_date(on)} is before the write-off "
                f"({format_date(row.approved_on)}); give a later --on"
            )
        row.status, row.reversed_by, row.reversed_on, row.reversal_reason = "reversed", user, on, reason.strip()
        session.flush()
        audit.log(
            session,
            "reverse",
            "writeoffs",
            {"reference": reference, "amount": str(row.amount), "on": on, "why": reason.strip()},
            case_id=case_id,
            entity_id=str(row.id),
        )
        return row


def _active(session: Session, reference: str) -> tuple[int, WriteOff] | None:
    from .cases import get_case

    case = get_case(session, reference)
    row = session.scalar(select(WriteOff).where(WriteOff.case_id == case.id, WriteOff.status == "approved"))
    return (case.id, row) if row is not None else None
