"""A case described in plain text for `courtpack register show` and the audit history."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from sqlalchemy import func, select

from ..law.dates import format_date
from ..law.money import format_money
from .audit import history
from .case_venue import case_venue_words
from .cases import get_case
from .compliance import direction_status, order_compliance
from .db import Register, session_for
from .hearings import charging_tasks
from .models import ChargingOrder, Document, Payment


def describe_case(db: Register | str | None, reference: str, on: dt.date) -> str:
    with session_for(db) as session:
        case = get_case(session, reference)
        lines = [
            f"{case.reference} (version {case.version}) — {case.debt_type.replace('_', ' ')}",
            f"  claimant: {case.claimant}; officer: {case.officer_name or '-'}",
        ]
        lines += [
            f"  {p.role}: {p.name}, {p.address}" + (f" [vulnerability: {p.vulnerability}]" if p.vulnerability else "")
            for p in case.parties
            if p.role == "debtor"
        ]
        lines.append(f"  balance when added: {format_money(case.balance)} ({len(case.ledger)} ledger entries)")
        count, total = session.execute(
            select(func.count(Payment.id), func.sum(Payment.amount)).where(Payment.case_id == case.id)
        ).one()
        lines.append(f"  payments in the register: {count}, {format_money(total or Decimal('0.00'))}")
        lines.append(f"Orders (compliance as at {format_date(on)}):")
        for o in order_compliance(session, on, [case.id]):
            lines.append(
                f"  [{o.order_id}] {o.kind.replace('_', ' ')} {format_date(o.made_on)}: "
                f"{format_money(o.total)}, {o.terms} from {format_date(o.first_payment)} — {o.status}; "
                f"due {format_money(o.due_to_date)}, "
                f"paid {format_money(o.paid)}, arrears {format_money(o.arrears)}"
                + (f", {o.missed} missed since {format_date(o.first_missed)}" if o.first_missed else "")
            )
        for stage in session.scalars(select(ChargingOrder).where(ChargingOrder.case_id == case.id)):
            lines.append(f"  charging order on {stage.land or stage.title_number}: {stage.stage}")
            lines += [f"    - {t}" for t in charging_tasks(stage, on)]
        directions = direction_status(session, on, [case.id])
        if directions:
            lines.append("Directions:")
            lines += [
                f"  [{d.direction_id}] {d.party}: {d.text} by {format_date(d.deadline)} — {d.status}"
                for d in directions
            ]
        if case.hearings:
            lines.append("Hearings:")
            lines += [
                f"  [{h.id}] {format_date(h.starts_at.date())} {h.starts_at:%H:%M} {h.kind}, {h.court} "
                f"— {h.status}" + (f": {h.outcome}" if h.outcome else "")
                for h in case.hearings
            ]
        lines.append(f"Route (as at {format_date(on)}):")
        lines += [f"  {sentence}" for sentence in case_venue_words(session, reference, on)]
        docs = list(session.scalars(select(Document).where(Document.case_id == case.id).order_by(Document.id)))
        if docs:
            lines.append("Documents generated:")
            lines += [
                f"  {d.created_at:%Y-%m-%d %H:%M} {d.kind}: {d.file_name} (by {d.created_by}, sha256 {d.sha256[:12]}…)"
                for d in docs
            ]
        return "\n".join(lines)


def describe_history(db: Register | str | None, reference: str | None, limit: int) -> str:
    with session_for(db) as session:
        case_id = get_case(session, reference).id if reference else None
        lines = []
        for entry in history(session, case_id, limit):
            detail = ""
            if entry.detail:
                data = json.loads(entry.detail)
                detail = " " + ", ".join(f"{k}={v}" for k, v in list(data.items())[:6])
            lines.append(
                f"{entry.at:%Y-%m-%d %H:%M:%S} {entry.who}: {entry.action} {entry.entity} {entry.entity_id}{detail}"
            )
        return "\n".join(lines) or "no changes recorded"
