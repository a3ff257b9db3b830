"""Hearings: recording them, and the list of hearings with each case's compliance and tasks.

Why together: before a hearing an officer needs one line per hearing saying whether the debtor is
paying as ordered and what is still to do (directions due, instalments unpaid, charging order
steps). ``upcoming_hearings`` answers that with four queries whatever the number of hearings:
the hearings, then compliance, directions and charging orders for just those cases.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from ..case.fields import clean_text
from ..law.dates import check_range, format_date
from ..law.money import format_money
from .cases import get_case
from .compliance import (
    COMPLYING,
    IN_ARREARS,
    PAID_IN_FULL,
    DirectionStatus,
    OrderCompliance,
    direction_status,
    order_compliance,
)
from .db import Register, session_for
from .errors import ConcurrentUpdateError, RegisterError
from .models import HEARING_STATUSES, Case, ChargingOrder, Hearing, Order

MAX_HEARING_MINUTES = 5 * 24 * 60  # a five-day trial; a longer listing is a typing error

__all__ = [
    "HEARING_STATUSES",
    "HearingRow",
    "charging_tasks",
    "hearing_compliance",
    "record_hearing",
    "upcoming_hearings",
    "update_hearing",
]


@dataclass
class HearingRow:
    hearing_id: int
    key: str
    reference: str
    case_id: int
    debtor: str
    starts_at: dt.datetime
    duration_minutes: int
    court: str
    kind: str
    status: str
    outcome: str
    on: dt.date  # the date compliance is worked out at
    orders: list[OrderCompliance] = field(default_factory=list)
    directions: list[DirectionStatus] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)

    @property
    def compliance_status(self) -> str:
        """The worst status of the case's orders: in arrears, complying, paid in full; or no order."""
        statuses = {o.status for o in self.orders}
        for status in (IN_ARREARS, COMPLYING, PAID_IN_FULL):
            if status in statuses:
                return status
        return "no payment order"

    @property
    def arrears(self) -> Decimal:
        return sum((o.arrears for o in self.orders), Decimal("0.00"))

    @property
    def when(self) -> str:
        return f"{format_date(self.starts_at.date())} at {self.starts_at:%H:%M}"


def record_hearing(
    db: Register | Session | str | None,
    reference: str,
    starts_at: dt.datetime,
    court: str,
    kind: str,
    key: str | None = None,
    duration_minutes: int = 30,
    status: str = "listed",
    outcome: str = "",
    notes: str = "",
    *,
    who: str,
) -> int:
    """Add a hearing to a case (or update the one with the same key). Returns its id."""
    if status not in HEARING_STATUSES:
        raise RegisterError(f"hearing status {status!r} is not known; use one of: {', '.join(HEARING_STATUSES)}")
    _check_hearing(reference, starts_at, duration_minutes, court, kind)
    with session_for(db, who) as session:
        case = get_case(session, reference)
        hearing = None
        if key:
            key = f"{reference}-{key}" if not key.startswith(reference) else key
            hearing = session.scalar(select(Hearing).where(Hearing.key == key))
            if hearing is not None and hearing.case_id != case.id:
                raise RegisterError(f"hearing key {key!r} belongs to another case")
        if hearing is None:
            hearing = Hearing(case_id=case.id, **({"key": key} if key else {}))
            session.add(hearing)
        values = dict(
            starts_at=starts_at,
            court=court,
            kind=kind,
            duration_minutes=duration_minutes,
            status=status,
            outcome=outcome,
            notes=notes,
        )
        for name, value in values.items():
            if getattr(hearing, name) != value:
                setattr(hearing, name, value)
        session.flush()
        return hearing.id


def _check_hearing(reference: str, starts_at: dt.datetime, minutes: int, court: str, kind: str) -> None:
    """A hearing the calendar and the reports can hold: a plausible day, a real length, plain text."""
    problem = check_range(starts_at.date(), today=dt.date.today(), past=False)
    if problem:
        raise RegisterError(f"hearing for {reference}: {problem}")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_HEARING_MINUTES:
        raise RegisterError(
            f"hearing for {reference}: a duration of {minutes} minutes is not possible; give "
            f"between 1 and {MAX_HEARING_MINUTES} minutes"
        )
    for name, text in (("court", court), ("kind", kind)):
        problem = clean_text(text)
        if problem or not text.strip():
            raise RegisterError(f"hearing for {reference}: the {name} {problem or 'is missing'}; correct it")


def update_hearing(
    db: Register | Session | str | None,
    hearing_id: int,
    status: str | None = None,
    outcome: str | None = None,
    starts_at: dt.datetime | None = None,
    *,
    who: str,
    expected_version: int | None = None,
) -> None:
    """Record what happened at a hearing (heard, adjourned, vacated) or move it."""
    if status is not None and status not in HEARING_STATUSES:
        raise RegisterError(f"hearing status {status!r} is not known; use one of: {', '.join(HEARING_STATUSES)}")
    with session_for(db, who) as session:
        hearing = session.get(Hearing, hearing_id)
        if hearing is None:
            raise RegisterError(f"no hearing {hearing_id} in the register; list them with `courtpack hearings`")
        if expected_version is not None and hearing.version != expected_version:
            raise ConcurrentUpdateError(f"Hearing {hearing_id}")
        if status is not None:
            hearing.status = status
        if outcome is not None:
            hearing.outcome = outcome
        if starts_at is not None:
            _check_hearing(str(hearing.case_id), starts_at, hearing.duration_minutes, hearing.court, hearing.kind)
            hearing.starts_at = starts_at


def charging_tasks(stage: ChargingOrder, on: dt.date) -> list[str]:
    """What is still to do on a charging order (CPR 73), as of ``on``."""
    tasks = []
    if stage.final_made:
        return tasks
    if stage.interim_made and not stage.served_on and stage.serve_by:
        late = " (late)" if stage.serve_by < on else ""
        tasks.append(f"Serve the interim charging order by {format_date(stage.serve_by)}{late}")
    if stage.objection_deadline and stage.objection_deadline >= on:
        tasks.append(f"Objections to the charging order due by {format_date(stage.objection_deadline)}")
    return tasks


def _order_tasks(order: OrderCompliance) -> list[str]:
    if order.status != IN_ARREARS:
        return []
    unit = "payment" if order.frequency is None else ("instalment" if order.missed == 1 else "instalments")
    return [
        f"{order.missed} {unit} unpaid: {format_money(order.arrears)} in arrears since "
        f"{format_date(order.first_missed)}"
        if order.first_missed
        else f"{format_money(order.arrears)} in arrears"
    ]


def _direction_task(d: DirectionStatus) -> list[str]:
    if d.status == "met":
        return []
    who = {"claimant": "Council", "defendant": "Debtor", "both": "Both parties"}.get(d.party, d.party)
    return [f"{who}: {d.text} by {format_date(d.deadline)} ({d.status})"]


# the hearing list's columns: plain rows, not ORM objects (a day's list is read, never changed)
_H, _C = Hearing.__table__.c, Case.__table__.c
LISTED = select(
    _H.id,
    _H.key,
    _C.reference,
    _C.id.label("case_id"),
    _C.debtor_name,
    _H.starts_at,
    _H.duration_minutes,
    _H.court,
    _H.kind,
    _H.status,
    _H.outcome,
).join_from(Hearing.__table__, Case.__table__, _C.id == _H.case_id)


def _rows(session: Session, hearings: Sequence[Row], on: dt.date) -> list[HearingRow]:
    case_ids = sorted({h.case_id for h in hearings})
    orders, directions, stages = defaultdict(list), defaultdict(list), defaultdict(list)
    if case_ids:
        for o in order_compliance(session, on, case_ids):
            orders[o.case_id].append(o)
        for d in direction_status(session, on, case_ids):
            directions[d.case_id].append(d)
        query = (
            select(ChargingOrder)
            .join(Order, Order.id == ChargingOrder.order_id)
            .where(ChargingOrder.case_id.in_(case_ids), Order.status == "active")
        )
        for stage in session.scalars(query):
            stages[stage.case_id].append(stage)
    rows = []
    for h in hearings:
        row = HearingRow(*h, on, orders[h.case_id], directions[h.case_id])
        for o in row.orders:
            row.tasks += _order_tasks(o)
        for d in row.directions:
            row.tasks += _direction_task(d)
        for stage in stages[h.case_id]:
            row.tasks += charging_tasks(stage, on)
        rows.append(row)
    return rows


def upcoming_hearings(
    db: Register | Session | str | os.PathLike[str] | None,
    from_date: dt.date,
    to_date: dt.date,
    on: dt.date | None = None,
    include_all: bool = False,
) -> list[HearingRow]:
    """Hearings from ``from_date`` to ``to_date`` inclusive, each with compliance as at ``on`` (default today).

    Only listed hearings unless ``include_all`` (heard, adjourned and vacated ones too).
    """
    if to_date < from_date:
        raise RegisterError(f"the period ends ({format_date(to_date)}) before it starts ({format_date(from_date)})")
    start = dt.datetime.combine(from_date, dt.time.min)
    end = dt.datetime.combine(to_date + dt.timedelta(days=1), dt.time.min)
    query = LISTED.where(_H.starts_at >= start, _H.starts_at < end).order_by(_H.starts_at, _C.reference)
    if not include_all:
        query = query.where(_H.status == "listed")
    with session_for(db) as session:
        return _rows(session, session.execute(query).all(), on or dt.date.today())


def hearing_compliance(
    db: Register | Session | str | os.PathLike[str] | None, hearing_id: int, on: dt.date | None = None
) -> HearingRow:
    """One hearing with its case's compliance as at ``on`` (default today) and the tasks outstanding."""
    with session_for(db) as session:
        found = session.execute(LISTED.where(_H.id == hearing_id)).first()
        if found is None:
            raise RegisterError(f"no hearing {hearing_id} in the register; list them with `courtpack hearings`")
        return _rows(session, [found], on or dt.date.today())[0]
