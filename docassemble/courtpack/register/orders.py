"""Judgments and orders: amounts, instalment terms, directions and charging order stages.

Why a ``key`` per order: orders and hearings are loaded from YAML files (examples/orders/, or an
officer's own file) more than once; the key makes loading idempotent — the same file updates the
same orders rather than adding copies. Dates in those files may be absolute (``2026-01-10``) or
relative to an "as at" date (``as_at - 16 weeks``), so the demo tells the same story whenever it runs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.fields import MISSING, Fields, load_yaml
from ..law.charging_order import interim_service_deadline, objection_deadline
from ..law.dates import add_months, check_range, parse_date
from ..law.money import MAX_AMOUNT
from .cases import get_case
from .db import Register, session_for
from .errors import ConcurrentUpdateError, RegisterError
from .hearings import MAX_HEARING_MINUTES, record_hearing
from .models import FREQUENCIES, HEARING_STATUSES, ORDER_KINDS, ORDER_STATUSES, ChargingOrder, Direction, Order

PAY_WITHIN_DAYS = 14  # CPR 40.11: a sum with no other date is payable within 14 days of the judgment
_RELATIVE = re.compile(r"^\s*(as_at|today)\s*(?:([+-])\s*(\d+)\s*(days?|weeks?|months?))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class InstalmentTerms:
    amount: Decimal
    frequency: str  # weekly, fortnightly, four_weekly, monthly
    first_payment: dt.date


@dataclass
class DirectionSpec:
    text: str
    deadline: dt.date
    party: str = "claimant"
    met_on: dt.date | None = None
    key: str | None = None


@dataclass
class ChargingSpec:
    land: str = ""
    title_number: str = ""
    interim_made: dt.date | None = None
    served_on: dt.date | None = None
    final_hearing: dt.date | None = None
    final_made: dt.date | None = None


@dataclass
class OrderSpec:
    kind: str
    made_on: dt.date
    amount: Decimal | None = None
    costs: Decimal = Decimal("0.00")
    instalments: InstalmentTerms | None = None
    court: str = ""
    claim_number: str = ""
    description: str = ""
    status: str = "active"
    key: str | None = None
    supersedes: str | None = None
    directions: list[DirectionSpec] = field(default_factory=list)
    charging: ChargingSpec | None = None


def resolve_date(value: Any, as_at: dt.date) -> dt.date:
    """An ISO date, or ``as_at``/``today`` plus or minus N days, weeks or months. Raises ValueError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)[:60]
    match = _RELATIVE.match(text)
    if not match:
        try:
            return parse_date(value)
        except ValueError as err:
            raise ValueError(f"{err}; or give e.g. 'as_at - 12 weeks'") from None
    base = as_at if match.group(1).lower() == "as_at" else dt.date.today()
    if not match.group(2):
        return base
    count = int(match.group(3)[:5]) * (1 if match.group(2) == "+" else -1)
    unit = match.group(4).lower().rstrip("s")
    if unit == "month":
        return add_months(base, count)
    return base + dt.timedelta(days=count * (7 if unit == "week" else 1))


def record_order(
    db: Register | Session | str | None,
    reference: str,
    spec: OrderSpec,
    *,
    who: str,
    expected_version: int | None = None,
) -> int:
    """Add an order to a case, or update the order with the same key. Returns the order id."""
    _check(spec)
    with session_for(db, who) as session:
        case = get_case(session, reference)
        order = None
        if spec.key:
            order = session.scalar(select(Order).where(Order.case_id == case.id, Order.key == spec.key))
        if order is None:
            order = Order(case_id=case.id, **({"key": spec.key} if spec.key else {}))
            session.add(order)
        elif expected_version is not None and order.version != expected_version:
            raise ConcurrentUpdateError(f"The order {spec.key} on {reference}")
        terms = spec.instalments
        first = (
            terms.first_payment
            if terms
            else (spec.made_on + dt.timedelta(days=PAY_WITHIN_DAYS) if spec.amount is not None else None)
        )
        values = dict(
            kind=spec.kind,
            made_on=spec.made_on,
            court=spec.court,
            claim_number=spec.claim_number,
            description=spec.description,
            amount=spec.amount,
            costs=spec.costs,
            instalment_amount=terms.amount if terms else None,
            frequency=terms.frequency if terms else None,
            first_payment=first,
            status=spec.status,
        )
        for name, value in values.items():
            if getattr(order, name) != value:
                setattr(order, name, value)
        if spec.supersedes:
            old = session.scalar(select(Order).where(Order.case_id == case.id, Order.key == spec.supersedes))
            if old is None:
                raise RegisterError(f"{reference}: the order to supersede, {spec.supersedes!r}, is not in the register")
            if old.status != "superseded":
                old.status = "superseded"
        session.flush()
        _directions(session, order, spec.directions)
        if spec.charging:
            _charging(order, spec.charging)
        session.flush()
        return order.id


def _check(spec: OrderSpec) -> None:
    if spec.kind not in ORDER_KINDS:
        raise RegisterError(f"order kind {spec.kind!r} is not known; use one of: {', '.join(ORDER_KINDS)}")
    if spec.status not in ORDER_STATUSES:
        raise RegisterError(f"order status {spec.status!r} is not known; use one of: {', '.join(ORDER_STATUSES)}")
    for name, amount in (
        ("amount", spec.amount),
        ("costs", spec.costs),
        ("instalment", spec.instalments.amount if spec.instalments else None),
    ):
        if amount is not None and (amount < 0 or (amount == 0 and name != "costs") or amount > MAX_AMOUNT):
            raise RegisterError(f"order {name} {amount}: must be more than £0.00 and at most £{MAX_AMOUNT:,}")
    problem = check_range(spec.made_on, today=dt.date.today(), past=True)
    if problem:
        raise RegisterError(f"order made on: {problem}")
    if spec.instalments:
        if spec.amount is None:
            raise RegisterError(
                "an instalment order needs the amount ordered (the judgment sum) as well as the instalments"
            )
        if spec.instalments.frequency not in FREQUENCIES:
            raise RegisterError(
                f"instalment frequency {spec.instalments.frequency!r} is not known; use one of: "
                f"{', '.join(FREQUENCIES)}"
            )
        if spec.instalments.amount <= 0:
            raise RegisterError("the instalment amount must be more than £0.00")
        if spec.instalments.first_payment < spec.made_on:
            raise RegisterError("the first instalment cannot be due before the order was made")


def _directions(session: Session, order: Order, wanted: list[DirectionSpec]) -> None:
    existing = {d.key: d for d in order.directions}
    for spec in wanted:
        direction = existing.get(spec.key) if spec.key else None
        if direction is None:
            direction = Direction(case_id=order.case_id, **({"key": spec.key} if spec.key else {}))
            order.directions.append(direction)
        for name in ("text", "deadline", "party", "met_on"):
            value = getattr(spec, name)
            if getattr(direction, name) != value:
                setattr(direction, name, value)


def _charging(order: Order, spec: ChargingSpec) -> None:
    stage = order.charging_order
    if stage is None:
        stage = ChargingOrder(case_id=order.case_id)
        order.charging_order = stage
    values = dict(
        land=spec.land,
        title_number=spec.title_number,
        interim_made=spec.interim_made,
        served_on=spec.served_on,
        final_hearing=spec.final_hearing,
        final_made=spec.final_made,
        serve_by=interim_service_deadline(spec.interim_made) if spec.interim_made else None,
        objection_deadline=objection_deadline(spec.served_on) if spec.served_on else None,
    )
    for name, value in values.items():
        if getattr(stage, name) != value:
            setattr(stage, name, value)


def mark_direction_met(
    db: Register | Session | str | None,
    direction_id: int,
    met_on: dt.date,
    *,
    who: str,
    expected_version: int | None = None,
) -> None:
    """Record that a direction was complied with."""
    with session_for(db, who) as session:
        direction = session.get(Direction, direction_id)
        if direction is None:
            raise RegisterError(f"no direction {direction_id} in the register; see `courtpack register show REF`")
        if expected_version is not None and direction.version != expected_version:
            raise ConcurrentUpdateError(f"Direction {direction_id}")
        direction.met_on = met_on


# --- YAML files of orders and hearings -----------------------------------------------------------


@dataclass(frozen=True)
class HearingSpec:
    """One hearing from an orders file: the arguments of ``hearings.record_hearing``."""

    key: str
    starts_at: dt.datetime
    court: str
    kind: str
    duration_minutes: int
    status: str
    outcome: str
    notes: str


@dataclass
class LoadedFile:
    reference: str
    orders: list[int]
    hearings: list[int]


def read_orders_file(path: str | os.PathLike[str], as_at: dt.date) -> tuple[str, list[OrderSpec], list[HearingSpec]]:
    """Parse and check an orders/hearings YAML file; every problem names the file and field."""
    data = load_yaml(path, "orders file")
    top = Fields(data, str(path), today=max(as_at, dt.date.today()))
    reference = top.reference("case")
    orders = [_order_spec(f, as_at) for f in top.items("orders", limit=200)]
    hearings = [_hearing_spec(f, as_at) for f in top.items("hearings", limit=200)]
    top.refuse_unknown()
    if not orders and not hearings:
        raise top.fail("orders", "has no orders or hearings", "add an 'orders:' or 'hearings:' list")
    return reference, orders, hearings


def _date(f: Fields, key: str, as_at: dt.date, default: Any = MISSING, past: bool = False) -> Any:
    value = f.raw(key, default)
    if value is default:
        return value
    try:
        day = resolve_date(value, as_at)
    except ValueError as err:
        raise f.fail(key, str(err)) from None
    problem = check_range(day, today=f.today, past=past)
    if problem:
        raise f.fail(key, problem)
    return day


def _order_spec(f: Fields, as_at: dt.date) -> OrderSpec:
    plan = f.section("instalments", None)
    terms = None
    if plan:
        terms = InstalmentTerms(
            plan.money("amount"), plan.one_of("frequency", FREQUENCIES), _date(plan, "first_payment", as_at)
        )
    co = f.section("charging_order", None)
    charging = None
    if co:
        charging = ChargingSpec(
            land=co.text("land", ""),
            title_number=co.text("title_number", ""),
            interim_made=_date(co, "interim_made", as_at, None, past=True),
            served_on=_date(co, "served_on", as_at, None, past=True),
            final_hearing=_date(co, "final_hearing", as_at, None),
            final_made=_date(co, "final_made", as_at, None, past=True),
        )
    directions = [
        DirectionSpec(
            text=d.long_text("text"),
            deadline=_date(d, "deadline", as_at),
            party=d.one_of("party", ("claimant", "defendant", "both"), "claimant"),
            met_on=_date(d, "met_on", as_at, None, past=True),
            key=d.reference("key", None),
        )
        for d in f.items("directions")
    ]
    spec = OrderSpec(
        kind=f.one_of("kind", ORDER_KINDS),
        made_on=_date(f, "made_on", as_at, past=True),
        amount=f.money("amount", None),
        costs=f.money("costs", Decimal("0.00"), positive=False),
        instalments=terms,
        court=f.text("court", ""),
        claim_number=f.text("claim_number", ""),
        description=f.long_text("description", ""),
        status=f.one_of("status", ORDER_STATUSES, "active"),
        key=f.reference("key"),
        supersedes=f.reference("supersedes", None),
        directions=directions,
        charging=charging,
    )
    if terms and spec.amount is None:
        raise f.fail("amount", "is missing", "an instalment order needs the sum ordered as well as the instalments")
    if terms and terms.first_payment < spec.made_on:
        raise plan.fail("first_payment", "is before the order was made", "check the dates")
    return spec


def _hearing_spec(f: Fields, as_at: dt.date) -> HearingSpec:
    day = _date(f, "date", as_at)
    time_text = f.text("time", "10:00")
    try:
        time = dt.time.fromisoformat(time_text)
    except ValueError:
        raise f.fail("time", f"{time_text!r} is not a time", "use 24-hour HH:MM, e.g. 10:30") from None
    return HearingSpec(
        key=f.reference("key"),
        starts_at=dt.datetime.combine(day, time),
        court=f.text("court"),
        kind=f.text("kind"),
        duration_minutes=f.number("duration_minutes", 30, low=1, high=MAX_HEARING_MINUTES),
        status=f.one_of("status", HEARING_STATUSES, "listed"),
        outcome=f.long_text("outcome", ""),
        notes=f.long_text("notes", ""),
    )


def load_orders_file(
    db: Register | Session | str | None, path: str | os.PathLike[str], as_at: dt.date, *, who: str
) -> LoadedFile:
    """Record every order and hearing in a YAML file, all or nothing; loading it again changes nothing."""
    reference, orders, hearings = read_orders_file(path, as_at)
    with session_for(db, who) as session:
        order_ids = [record_order(session, reference, spec, who=who) for spec in orders]
        hearing_ids = [record_hearing(session, reference, **dataclasses.asdict(spec), who=who) for spec in hearings]
    return LoadedFile(reference, order_ids, hearing_ids)
