"""Money for the period: collections (by debt type, officer and month) against target, costs.

Why payments count whatever happens to the case later: money received is money collected, so a
payment on a case later written off still counts in the month it arrived. Written-off balances
leave the outstanding debt and the collection rate's base instead (``performance.py``).
Targets for a month part-covered by the period are pro-rated by days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Date, and_, bindparam, func, select
from sqlalchemy.orm import Session

from ..db import Register, session_for
from ..errors import RegisterError
from ..models import Case, Payment
from ..reporting_models import CostEntry, TeamMember
from ..sqldates import month_index
from .sqlfns import as_date, as_money
from .targets import monthly_targets

ALL_TYPES = ""


@dataclass(frozen=True)
class Collected:
    debt_type: str
    officer: str
    month: dt.date  # first day of the month
    amount: Decimal
    payments: int


@dataclass(frozen=True)
class PaymentLine:
    reference: str
    debtor: str
    debt_type: str
    officer: str
    paid_on: dt.date
    amount: Decimal
    source: str


def _team_filter(query, team: str | None):
    if not team:
        return query
    tm = TeamMember.__table__
    return query.join(tm, tm.c.officer_name == Case.__table__.c.officer_name).where(tm.c.team == team)


def collections(session: Session, start: dt.date, end: dt.date, team: str | None) -> list[Collected]:
    """Payments received in the period, summed by debt type, officer and month (in SQL)."""
    p, c = Payment.__table__, Case.__table__
    month = month_index(p.c.paid_on)
    query = (
        select(c.c.debt_type, c.c.officer_name, month.label("m"), func.sum(p.c.amount), func.count())
        .select_from(p.join(c, c.c.id == p.c.case_id))
        .where(
            and_(p.c.paid_on >= bindparam("start", start, type_=Date), p.c.paid_on <= bindparam("end", end, type_=Date))
        )
        .group_by(c.c.debt_type, c.c.officer_name, month)
    )
    out = []
    for debt_type, officer, m, amount, count in session.execute(_team_filter(query, team)):
        year, month0 = divmod(int(m) - 1, 12)
        out.append(Collected(debt_type, officer, dt.date(year, month0 + 1, 1), as_money(amount), int(count)))
    return out


def payment_lines(session: Session, start: dt.date, end: dt.date, team: str | None) -> list[PaymentLine]:
    """Each payment behind the collection totals (for the XLSX detail sheet)."""
    p, c = Payment.__table__, Case.__table__
    query = (
        select(c.c.reference, c.c.debtor_name, c.c.debt_type, c.c.officer_name, p.c.paid_on, p.c.amount, p.c.source)
        .select_from(p.join(c, c.c.id == p.c.case_id))
        .where(
            and_(p.c.paid_on >= bindparam("start", start, type_=Date), p.c.paid_on <= bindparam("end", end, type_=Date))
        )
        .order_by(p.c.paid_on, c.c.reference, p.c.id)
    )
    return [
        PaymentLine(r[0], r[1], r[2], r[3], as_date(r[4]), as_money(r[5]), r[6])  # type: ignore[arg-type]
        for r in session.execute(_team_filter(query, team))
    ]


def months(start: dt.date, end: dt.date) -> list[tuple[dt.date, int, int]]:
    """Each calendar month touched by the period: (first day, days of it in the period, days in the month)."""
    out, day = [], start.replace(day=1)
    while day <= end:
        length = calendar.monthrange(day.year, day.month)[1]
        last = day.replace(day=length)
        covered = (min(last, end) - max(day, start)).days + 1
        out.append((day, covered, length))
        day = last + dt.timedelta(days=1)
    return out


def targets_by_month(
    session: Session, start: dt.date, end: dt.date, team: str | None, debt_types: list[str]
) -> dict[dt.date, dict[str, Decimal]]:
    """month -> debt type ("" = total) -> target, pro-rated for part months; empty when none is set."""
    out: dict[dt.date, dict[str, Decimal]] = {}
    for first, covered, length in months(start, end):
        in_force = monthly_targets(session, first, team)
        if not in_force:
            continue
        share = Decimal(covered) / Decimal(length)
        row = {k: (v * share).quantize(Decimal("0.01")) for k, v in in_force.items() if k in debt_types or k == ""}
        if ALL_TYPES not in row:
            row[ALL_TYPES] = sum((v for k, v in row.items()), Decimal("0.00"))
        out[first] = row
    return out


def add_cost(
    db: Register | Session | str | os.PathLike[str] | None,
    reference: str,
    entry_date: dt.date,
    direction: str,
    amount: object,
    description: str = "",
    who: str | None = None,
) -> None:
    """Record a court fee or enforcement cost paid out for a case, or an amount of costs recovered."""
    from ...law.money import to_money
    from ..cases import get_case

    if direction not in ("paid_out", "recovered"):
        raise RegisterError(f"case {reference}: {direction!r} is neither paid_out nor recovered")
    try:
        value = to_money(str(amount))
    except ValueError as err:
        raise RegisterError(f"case {reference}: amount: {err}") from None
    if value <= 0:
        raise RegisterError(f"case {reference}: amount {value} must be more than £0.00")
    with session_for(db, who) as session:
        case_id = get_case(session, reference).id
        session.add(
            CostEntry(
                case_id=case_id,
                entry_date=entry_date,
                direction=direction,
                amount=value,
                description=description.strip(),
            )
        )


def costs(session: Session, start: dt.date, end: dt.date, case_ids: set[int]) -> dict[str, Decimal]:
    """Court fees and enforcement costs paid out, and recovered, in the period."""
    ce = CostEntry.__table__
    query = (
        select(ce.c.case_id, ce.c.direction, func.sum(ce.c.amount))
        .where(
            and_(
                ce.c.entry_date >= bindparam("start", start, type_=Date),
                ce.c.entry_date <= bindparam("end", end, type_=Date),
            )
        )
        .group_by(ce.c.case_id, ce.c.direction)
    )
    totals: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for case_id, direction, amount in session.execute(query):
        if case_id in case_ids:
            totals[direction] += as_money(amount)
    return {"paid_out": totals["paid_out"], "recovered": totals["recovered"]}
