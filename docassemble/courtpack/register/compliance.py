"""Compliance with court orders, computed in SQL: one query however many cases.

For each active order with a sum to pay (a judgment, an instalment order, a variation):

* the schedule: instalment k falls due on the first payment date + k weeks / fortnights / four
  weeks / months (monthly dates keep the first payment's day, clamped to shorter months); an order
  with no instalments is one payment of the whole sum, due 14 days after the order (CPR 40.11)
  unless it says otherwise; the last instalment is whatever is left;
* due by the date = the instalments fallen due on or before it (a payment on the due date is on time);
* paid = payments dated from the order's date up to and including the date;
* paid in full (paid >= the sum), complying (paid >= due so far — an overpayment covers later
  instalments) or in arrears: the arrears, the number of instalments not covered by payments
  (payments go to the oldest instalment first) and the due date of the first of them.

Money is compared in whole pennies inside the query so that SQLite's floating point sums can never
turn a payment of exactly the amount due into a penny short. Directions are met (a date met is
recorded on or before the date), missed (deadline passed) or due.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Date,
    Integer,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from ..law.dates import add_months as py_add_months
from ..law.dates import parse_date
from ..law.money import format_money
from .db import Register, session_for
from .models import Case, Direction, Order, Payment
from .sqldates import add_days, add_months, day_of_month, days_between, greatest, least, month_index

PAID_IN_FULL = "paid in full"
COMPLYING = "complying"
IN_ARREARS = "in arrears"
PERIOD_DAYS = {"weekly": 7, "fortnightly": 14, "four_weekly": 28}
FREQUENCY_LABELS = {
    "weekly": "weekly",
    "fortnightly": "fortnightly",
    "four_weekly": "every four weeks",
    "monthly": "monthly",
    None: "in one payment",
}


@dataclass(slots=True)
class OrderCompliance:
    reference: str
    case_id: int
    order_id: int
    kind: str
    made_on: dt.date
    claim_number: str
    total: Decimal  # sum ordered plus costs
    instalment: Decimal
    frequency: str | None  # None: the whole sum in one payment
    first_payment: dt.date
    instalments_due: int
    due_to_date: Decimal
    paid: Decimal
    status: str  # complying / in arrears / paid in full
    arrears: Decimal
    missed: int
    first_missed: dt.date | None
    next_due: dt.date | None
    balance: Decimal

    @property
    def terms(self) -> str:
        return f"{format_money(self.instalment)} {FREQUENCY_LABELS.get(self.frequency, self.frequency)}"


@dataclass(frozen=True)
class DirectionStatus:
    reference: str
    case_id: int
    direction_id: int
    text: str
    party: str
    deadline: dt.date
    met_on: dt.date | None
    status: str  # met / missed / due


@dataclass(frozen=True)
class ComplianceReport:
    on: dt.date
    orders: list[OrderCompliance]
    directions: list[DirectionStatus]


def _pennies(expr):
    return cast(func.round(expr * 100), BigInteger)


def order_compliance_query(on: dt.date, case_ids: Sequence[int] | None = None) -> Select:
    """The compliance query (SQLAlchemy Core) for every active order with a sum to pay (or those of ``case_ids``)."""
    query = _compliance_query(on, case_ids is not None)
    return query if case_ids is None else query.params(case_ids=list(case_ids))


@functools.lru_cache(maxsize=32)
def _compliance_query(on: dt.date, filtered: bool) -> Select:
    """Built once per date: building the expression costs more than running it for a day's hearings.

    With ``filtered`` the orders are those of the cases bound to ``case_ids`` (an expanding parameter,
    so the SQL is the same whatever the number of cases and compiles once).
    """
    o, p, c = Order.__table__, Payment.__table__, Case.__table__
    on_param = bindparam("on", on, type_=Date)
    last_day = (py_add_months(on.replace(day=1), 1) - dt.timedelta(days=1)).day
    on_month = literal(on.year * 12 + on.month, Integer)
    on_day = literal(on.day, Integer)
    on_dim = literal(last_day, Integer)

    active = and_(o.c.status == "active", o.c.amount.is_not(None))
    if filtered:
        active = and_(active, o.c.case_id.in_(bindparam("case_ids", expanding=True)))
    first = o.c.first_payment
    freq = o.c.frequency
    total_p = _pennies(o.c.amount + o.c.costs)
    inst_p = case((freq.is_(None), total_p), else_=_pennies(o.c.instalment_amount))
    n_raw = case(
        (on_param < first, 0),
        (
            freq == "monthly",
            on_month - month_index(first) + 1 - case((on_day < least(day_of_month(first), on_dim), 1), else_=0),
        ),
        (
            freq.in_(tuple(PERIOD_DAYS)),
            days_between(first, on_param) // case(*((freq == k, v) for k, v in PERIOD_DAYS.items()), else_=1) + 1,
        ),
        else_=1,
    )
    # each order with the sum of its payments from the order's date to ``on``: a correlated subquery
    # is one index range scan per order over (case_id, paid_on, amount) with no grouping machinery
    # around it, which in SQLite is cheaper than even a bare ``SUM ... GROUP BY case_id``
    paid = (
        select(func.coalesce(func.sum(p.c.amount), 0))
        .where(p.c.case_id == o.c.case_id, p.c.paid_on >= o.c.made_on, p.c.paid_on <= on_param)
        .scalar_subquery()
    )
    sched = (
        select(
            o.c.id,
            o.c.case_id,
            o.c.kind,
            o.c.made_on,
            o.c.claim_number,
            first.label("first"),
            freq.label("freq"),
            c.c.reference,
            total_p.label("total_p"),
            inst_p.label("inst_p"),
            _pennies(paid).label("paid_p"),
            n_raw.label("n_raw"),
        )
        .select_from(o.join(c, c.c.id == o.c.case_id))
        .where(active)
        .cte("sched")
        .prefix_with("MATERIALIZED")
    )

    s = sched.c
    n_total = (s.total_p + s.inst_p - 1) // s.inst_p  # the last instalment is whatever is left
    n_due = least(s.n_raw, n_total)
    calc = (
        select(
            *s,
            n_due.label("n_due"),
            n_total.label("n_total"),
            least(n_due * s.inst_p, s.total_p).label("due_p"),
            least(s.paid_p // s.inst_p, n_total).label("covered"),
        )
        .cte("calc")
        .prefix_with("MATERIALIZED")
    )

    k = calc.c
    status = case((k.paid_p >= k.total_p, PAID_IN_FULL), (k.paid_p >= k.due_p, COMPLYING), else_=IN_ARREARS)
    period = case(*((k.freq == f, v) for f, v in PERIOD_DAYS.items()), else_=0)

    def due_date(index):
        return case((k.freq == "monthly", add_months(k.first, index)), else_=add_days(k.first, index * period))

    return select(
        k.reference,
        k.case_id,
        k.id,
        k.kind,
        type_coerce(k.made_on, String).label("made_on"),
        k.claim_number,
        k.total_p,
        k.inst_p,
        k.freq,
        type_coerce(k.first, String).label("first"),
        k.n_due,
        k.due_p,
        k.paid_p,
        status.label("status"),
        greatest(k.due_p - k.paid_p, literal(0)).label("arrears_p"),
        case((k.paid_p < k.due_p, k.n_due - k.covered), else_=0).label("missed"),
        type_coerce(case((k.paid_p < k.due_p, due_date(k.covered)), else_=None), String).label("first_missed"),
        type_coerce(
            case((and_(k.n_due < k.n_total, k.paid_p < k.total_p), due_date(k.n_due)), else_=None), String
        ).label("next_due"),
    ).order_by(k.reference, k.made_on, k.id)


def _money(pennies: int | Decimal | None) -> Decimal:
    return Decimal(int(pennies or 0)).scaleb(-2)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(str(value))


def order_compliance(session: Session, on: dt.date, case_ids: Sequence[int] | None = None) -> list[OrderCompliance]:
    """Run the compliance query and return one ``OrderCompliance`` per order (money from whole pennies)."""
    out = []
    money, zero = _money, Decimal("0.00")
    parse = parse_date if session.get_bind().dialect.name == "sqlite" else None  # SQLite returns ISO text

    def date(value):
        return value if value is None or parse is None else parse(value)

    for (
        reference,
        case_id,
        order_id,
        kind,
        made_on,
        claim_number,
        total_p,
        inst_p,
        freq,
        first,
        n_due,
        due_p,
        paid_p,
        status,
        arrears_p,
        missed,
        first_missed,
        next_due,
    ) in session.execute(
        _compliance_query(on, case_ids is not None), {} if case_ids is None else {"case_ids": list(case_ids)}
    ):
        total, paid = money(total_p), money(paid_p)
        out.append(
            OrderCompliance(
                reference,
                case_id,
                order_id,
                kind,
                date(made_on),
                claim_number,
                total,
                money(inst_p),
                freq,
                date(first),
                int(n_due),
                money(due_p),
                paid,
                status,
                money(arrears_p),
                int(missed),
                date(first_missed),
                date(next_due),
                total - paid if total > paid else zero,
            )
        )
    return out


def direction_query(on: dt.date, case_ids: Sequence[int] | None = None) -> Select:
    d, c, o = Direction.__table__, Case.__table__, Order.__table__
    on_param = bindparam("on", on, type_=Date)
    status = case(
        (and_(d.c.met_on.is_not(None), d.c.met_on <= on_param), "met"), (d.c.deadline < on_param, "missed"), else_="due"
    )
    query = (
        select(
            c.c.reference, d.c.case_id, d.c.id, d.c.text, d.c.party, d.c.deadline, d.c.met_on, status.label("status")
        )
        .select_from(d.join(c, c.c.id == d.c.case_id).join(o, o.c.id == d.c.order_id))
        .where(o.c.status == "active")
        .order_by(c.c.reference, d.c.deadline, d.c.id)
    )
    if case_ids is not None:
        query = query.where(d.c.case_id.in_(list(case_ids)))
    return query


def direction_status(session: Session, on: dt.date, case_ids: Sequence[int] | None = None) -> list[DirectionStatus]:
    return [
        DirectionStatus(r.reference, r.case_id, r.id, r.text, r.party, _date(r.deadline), _date(r.met_on), r.status)
        for r in session.execute(direction_query(on, case_ids))
    ]


def compliance(
    db: Register | Session | str | os.PathLike[str] | None, on: dt.date, reference: str | None = None
) -> ComplianceReport:
    """Compliance of every case (or one) as at ``on``: orders and directions."""
    with session_for(db) as session:
        case_ids = None
        if reference:
            from .cases import get_case

            case_ids = [get_case(session, reference).id]
        return ComplianceReport(on, order_compliance(session, on, case_ids), direction_status(session, on, case_ids))
