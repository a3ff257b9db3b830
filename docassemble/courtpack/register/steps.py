"""A case's life, recorded: ``record_step`` when something happens, ``case_facts`` for what later steps read.

Why: a document is only as right as the facts it is given. When the claim number arrives with the
court's notice of issue, it is recorded once at the "claim issued" step; the request for judgment,
the enforcement papers and the bundle read it from here, never ask again and never make one up.
Each step's facts are checked when recorded (dates, money, choices), and dates that must fall on a
day the court office is open (issue, judgment, hearings) carry a warning when they do not
(CPR 2.8(5), CPR 6.2(b): weekends, bank holidays, Good Friday, Christmas Day).

Judgments, payments, hearings and charging orders are also written to the register's own tables
in the same transaction, so compliance, hearing lists and the calendar see them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..law.calendar import is_business_day
from ..law.dates import format_date, parse_iso_date
from ..law.money import money_str, to_money
from .cases import add_payment, get_case
from .db import Register, session_for
from .errors import RegisterError
from .hearings import record_hearing
from .models import FREQUENCIES, CaseStep, ChargingOrder, Hearing, Order, Payment
from .orders import ChargingSpec, InstalmentTerms, OrderSpec, record_order
from .possession_steps import POSSESSION_STEPS, check_possession_step
from .step_fields import Field, date_field

__all__ = ["ALL_STEPS", "STEPS", "CaseStory", "StepRecord", "case_facts", "checked_facts", "record_step"]

ENFORCEMENT_TYPES = (
    "warrant_of_control",
    "writ_of_control",
    "attachment_of_earnings",
    "third_party_debt_order",
    "order_to_obtain_information",
    "charging_order",
)
HEARING_OUTCOMES = ("heard", "adjourned", "vacated")
# what follows a council tax or business rates liability order (documents/liability/next_steps.py)
LIABILITY_ENFORCEMENT = ("attachment_of_earnings", "attachment_of_benefits", "enforcement_agent", "charging_order")
# how a statutory demand reached the debtor (IR 2016 r.10.2; IA 1986 s.123(1)(a) for a company's registered office)
DEMAND_SERVICE_METHODS = ("personal", "registered_office", "first_class_post", "left_at_address")
JUDGMENT_KEY = "judgment"  # the order a judgment step writes (and updates)
CHARGING_KEY = "charging-order"  # the order the charging order steps write


_date = date_field


STEPS: dict[str, tuple[Field, ...]] = {
    "letter_before_claim_sent": (_date(), Field("how", "choice", choices=("post", "email", "hand", "dx"))),
    "reply_received": (_date(), Field("summary", "text", required=False)),
    "notice_of_intention_to_issue": (_date(), Field("how", "choice", choices=("post", "email", "hand", "dx"))),
    "claim_issued": (_date(court_day=True), Field("claim_number", "text"), Field("court", "text")),
    "service": (
        _date(),
        Field("method", "choice", choices=("court", "post", "personal", "email")),
        _date("deemed_date"),
    ),
    "acknowledgment": (_date(), Field("intention", "choice", choices=("defend_all", "defend_part", "contest"))),
    "defence": (_date(), Field("summary", "text", required=False)),
    "judgment": (
        _date(court_day=True),
        Field("amount", "money"),
        Field("costs", "money", required=False),
        Field("terms", "choice", choices=("forthwith", "instalments")),
        Field("instalment_amount", "money", required=False),
        Field("frequency", "choice", required=False, choices=FREQUENCIES),
        _date("first_payment", required=False, future=True),
    ),
    "order": (_date(court_day=True), Field("kind", "text"), Field("description", "text")),
    "application_made": (_date(court_day=True), Field("application", "text")),
    "payment": (
        _date(),
        Field("amount", "money"),
        Field("method", "text", required=False),
        Field("receipt", "text", required=False),
    ),
    "enforcement_issued": (
        _date(court_day=True),
        Field("type", "choice", choices=ENFORCEMENT_TYPES),
        Field("reference", "text"),
        Field("agent", "text", required=False),
    ),
    "enforcement_outcome": (_date(), Field("reference", "text"), Field("outcome", "text")),
    "charging_order_interim": (_date(court_day=True), Field("title_number", "text"), Field("land", "text")),
    "charging_order_final": (_date(court_day=True),),
    "hearing_listed": (
        _date(court_day=True, future=True),
        Field("time", "time"),
        Field("court", "text"),
        Field("kind", "text"),
        Field("key", "text"),
    ),
    "hearing_outcome": (
        _date(),
        Field("key", "text"),
        Field("status", "choice", choices=HEARING_OUTCOMES),
        Field("outcome", "text"),
    ),
    # council tax and business rates: the magistrates' court route (law/liability_orders.py)
    "reminder_notice": (_date(),),
    "final_notice": (_date(),),
    "summons_issued": (
        _date(court_day=True, future=True),  # prepared for posting on this day
        Field("summons_number", "text"),
        Field("court", "text"),
        _date("hearing_date", court_day=True, future=True),
        Field("hearing_time", "time"),
        Field("year", "text"),
        Field("balance", "money"),
        Field("summons_costs", "money", required=False),
        Field("order_costs", "money", required=False),
    ),
    "liability_order": (
        _date(court_day=True),
        Field("summons_number", "text"),
        Field("court", "text"),
        Field("amount", "money"),  # the tax and the costs allowed
        Field("costs", "money", required=False),
    ),
    "summons_withdrawn": (_date(), Field("summons_number", "text"), Field("reason", "text")),
    "liability_enforcement": (
        _date(),
        Field("kind", "choice", choices=LIABILITY_ENFORCEMENT),
        Field("outstanding", "money"),
        Field("recipient", "text"),
        Field("document", "text", required=False),
    ),
    # insolvency: the day a statutory demand was served starts its 18 and 21 days (law/insolvency.py)
    "statutory_demand_served": (
        _date(),
        Field("method", "choice", choices=DEMAND_SERVICE_METHODS),
        Field("served_by", "text", required=False),
    ),
}
# every step record_step accepts: the money-claim steps above and the possession steps (issue 15)
ALL_STEPS: dict[str, tuple[Field, ...]] = {**STEPS, **POSSESSION_STEPS}


@dataclass(frozen=True)
class StepRecord:
    id: int
    step: str
    happened_on: dt.date
    facts: dict[str, str]  # checked and normalised: dates ISO, money "1234.50"
    recorded_by: str
    warnings: tuple[str, ...] = ()

    def date(self, name: str) -> dt.date | None:
        return parse_iso_date(self.facts[name]) if self.facts.get(name) else None

    def money(self, name: str) -> Decimal | None:
        return Decimal(self.facts[name]) if self.facts.get(name) else None


def _check(reference: str, step: str, facts: Mapping[str, Any], today: dt.date) -> tuple[dict[str, str], list[str]]:
    if step not in ALL_STEPS:
        raise RegisterError(
            f"case {reference}: {step!r} is not a step courtpack records; use one of: {', '.join(ALL_STEPS)}"
        )
    spec = ALL_STEPS[step]
    unknown = sorted(set(facts) - {f.name for f in spec})
    if unknown:
        raise RegisterError(
            f"case {reference}, step {step}: {unknown[0]!r} is not one of its facts ({', '.join(f.name for f in spec)})"
        )
    clean: dict[str, str] = {}
    warnings: list[str] = []
    for f in spec:
        value = facts.get(f.name)
        where = f"case {reference}, step {step}, {f.name}"
        if value is None or str(value).strip() == "":
            if f.required:
                raise RegisterError(f"{where}: is missing; give it to record this step")
            continue
        clean[f.name] = _value(f, value, where, today, warnings)
    if step == "judgment":
        _check_terms(reference, clean)
    if step in POSSESSION_STEPS:
        warnings += check_possession_step(reference, step, clean)
    return clean, warnings


def _value(f: Field, value: Any, where: str, today: dt.date, warnings: list[str]) -> str:
    if f.kind == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        try:
            day = value if isinstance(value, dt.date) else parse_iso_date(str(value))
        except ValueError as err:
            raise RegisterError(f"{where}: {err}") from None
        if not f.future and day > today:
            raise RegisterError(f"{where}: {format_date(day)} is after today; record a step when it has happened")
        if f.court_day and not is_business_day(day):
            warnings.append(
                f"{where}: {format_date(day)} is a {_closed(day)}, when the court office is closed "
                "(CPR 2.8(5), 6.2(b)); check the date on the court's papers"
            )
        return day.isoformat()
    if f.kind == "money":
        try:
            amount = to_money(value if not isinstance(value, float) else str(value))
        except ValueError as err:
            raise RegisterError(f"{where}: {err}") from None
        if amount < 0 or (amount == 0 and f.required):
            raise RegisterError(f"{where}: {money_str(amount)} must be more than £0.00")
        return money_str(amount)
    if f.kind == "time":
        text = str(value).strip()
        try:
            dt.time.fromisoformat(text)
        except ValueError:
            raise RegisterError(f"{where}: {text!r} is not a time such as 10:30") from None
        return text
    text = " ".join(str(value).split())
    if f.kind == "choice" and text not in f.choices:
        raise RegisterError(f"{where}: {text!r} is not known; use one of: {', '.join(f.choices)}")
    if len(text) > 500:
        raise RegisterError(f"{where}: is over 500 characters; keep it to the fact itself")
    return text


def _closed(day: dt.date) -> str:
    return day.strftime("%A") if day.weekday() >= 5 else "bank holiday"


def _check_terms(reference: str, facts: dict[str, str]) -> None:
    instalment_facts = ("instalment_amount", "frequency", "first_payment")
    where = f"case {reference}, step judgment"
    if facts["terms"] == "instalments":
        for name in instalment_facts:
            if name not in facts:
                raise RegisterError(
                    f"{where}, {name}: is missing; an instalment judgment needs the instalment "
                    "amount, frequency and first payment date"
                )
    else:
        for name in instalment_facts:
            if name in facts:
                raise RegisterError(
                    f"{where}, {name}: given for a judgment payable forthwith; choose "
                    "terms: instalments, or leave it out"
                )


def checked_facts(reference: str, step: str, facts: Mapping[str, Any], today: dt.date | None = None) -> dict[str, str]:
    """The facts as ``record_step`` would store them (checked, normalised), without recording anything."""
    return _check(reference, step, facts, today or dt.date.today())[0]


def record_step(
    db: Register | Session | str | os.PathLike[str] | None,
    reference: str,
    step: str,
    facts: Mapping[str, Any],
    who: str | None = None,
    today: dt.date | None = None,
) -> StepRecord:
    """Record that ``step`` happened in case ``reference`` with these facts; one transaction.

    Returns the record with any court-calendar warnings (a date that is not a court day). A bad fact
    is a ``RegisterError`` naming the case, step and fact, and nothing is recorded.
    """
    clean, warnings = _check(reference, step, facts, today or dt.date.today())
    with session_for(db, who) as session:
        case = get_case(session, reference)
        record = CaseStep(
            case_id=case.id,
            step=step,
            happened_on=parse_iso_date(clean["date"]),
            facts=json.dumps(clean, sort_keys=True),
            recorded_by=session.info["who"],
        )
        session.add(record)
        session.flush()
        _mirror(session, case.id, reference, step, clean)
        return StepRecord(record.id, step, record.happened_on, clean, record.recorded_by, tuple(warnings))


def _mirror(session: Session, case_id: int, reference: str, step: str, facts: dict[str, str]) -> None:
    """Write the step into the tables compliance, hearings and the calendar read."""
    who = session.info["who"]  # the transaction names who acted (register.transaction(who))
    day = parse_iso_date(facts["date"])
    if step == "payment":
        add_payment(
            session,
            reference,
            day,
            Decimal(facts["amount"]),
            facts.get("method", ""),
            facts.get("receipt", ""),
            who=who,
        )
    elif step == "judgment":
        issued = _latest(session, case_id, "claim_issued")
        current = session.scalar(select(Order).where(Order.case_id == case_id, Order.key == JUDGMENT_KEY))
        terms = (
            InstalmentTerms(
                Decimal(facts["instalment_amount"]), facts["frequency"], parse_iso_date(facts["first_payment"])
            )
            if facts["terms"] == "instalments"
            else None
        )
        record_order(
            session,
            reference,
            OrderSpec(
                kind="judgment",
                made_on=day,
                amount=Decimal(facts["amount"]),
                costs=Decimal(facts.get("costs", "0")),
                instalments=terms,
                court=issued.get("court", "") if issued else "",
                claim_number=issued.get("claim_number", "") if issued else "",
                key=JUDGMENT_KEY,
                description=current.description if current else "judgment",
            ),
            who=who,
        )
    elif step in ("charging_order_interim", "charging_order_final"):
        _mirror_charging(session, case_id, reference, step, facts, day)
    elif step == "hearing_listed":
        starts = dt.datetime.combine(day, dt.time.fromisoformat(facts["time"]))
        record_hearing(session, reference, starts, facts["court"], facts["kind"], key=facts["key"], who=who)
    elif step == "hearing_outcome":
        key = facts["key"] if facts["key"].startswith(reference) else f"{reference}-{facts['key']}"
        hearing = session.scalar(select(Hearing).where(Hearing.case_id == case_id, Hearing.key == key))
        if hearing is None:
            raise RegisterError(
                f"case {reference}, step hearing_outcome, key: no hearing {facts['key']!r} is "
                "listed; record hearing_listed first"
            )
        hearing.status = facts["status"]
        hearing.outcome = facts["outcome"]


def _mirror_charging(
    session: Session, case_id: int, reference: str, step: str, facts: dict[str, str], day: dt.date
) -> None:
    """The charging order's stages (key ``charging-order``), keeping its service and hearing dates."""
    interim = facts if step == "charging_order_interim" else _latest(session, case_id, "charging_order_interim")
    if interim is None:
        raise RegisterError(
            f"case {reference}, step {step}: no interim charging order is recorded; record charging_order_interim first"
        )
    current = session.scalar(
        select(ChargingOrder).join(Order).where(Order.case_id == case_id, Order.key == CHARGING_KEY)
    )
    final = day if step == "charging_order_final" else (current.final_made if current else None)
    record_order(
        session,
        reference,
        OrderSpec(
            kind="charging_order",
            made_on=parse_iso_date(interim["date"]),
            key=CHARGING_KEY,
            description=current.order.description if current else "interim charging order",
            charging=ChargingSpec(
                land=interim["land"],
                title_number=interim["title_number"],
                interim_made=parse_iso_date(interim["date"]),
                served_on=current.served_on if current else None,
                final_hearing=current.final_hearing if current else None,
                final_made=final,
            ),
        ),
        who=session.info["who"],
    )


def _latest(session: Session, case_id: int, step: str) -> dict[str, str] | None:
    row = session.scalar(
        select(CaseStep)
        .where(CaseStep.case_id == case_id, CaseStep.step == step)
        .order_by(CaseStep.happened_on.desc(), CaseStep.id.desc())
        .limit(1)
    )
    return json.loads(row.facts) if row else None


@dataclass(frozen=True)
class CaseStory:
    """What the register holds about a case as at a date: the facts every later step reads."""

    reference: str
    as_at: dt.date
    claimant: str
    debtors: tuple[str, ...]
    steps: tuple[StepRecord, ...]  # in the order they happened
    payments: tuple[tuple[dt.date, Decimal], ...]  # recorded in the register (imports and manual), to as_at

    def latest(self, step: str) -> StepRecord | None:
        found = [s for s in self.steps if s.step == step]
        return found[-1] if found else None

    def all(self, step: str) -> list[StepRecord]:
        return [s for s in self.steps if s.step == step]

    def fact(self, step: str, name: str) -> str | None:
        record = self.latest(step)
        return record.facts.get(name) if record else None

    @property
    def claim_number(self) -> str | None:
        return self.fact("claim_issued", "claim_number")

    @property
    def court(self) -> str | None:
        return self.fact("claim_issued", "court")

    @property
    def judgment(self) -> StepRecord | None:
        return self.latest("judgment")

    def paid_since_judgment(self) -> Decimal | None:
        """Payments on or after the judgment date, to ``as_at``; None with no judgment."""
        judgment = self.judgment
        if judgment is None:
            return None
        return sum((amount for day, amount in self.payments if day >= judgment.happened_on), Decimal("0.00"))

    def pending_enforcement(self) -> list[StepRecord]:
        """Enforcement issued with no outcome recorded yet (N293A asks about "other enforcement")."""
        ended = {s.facts["reference"] for s in self.all("enforcement_outcome")}
        pending = [s for s in self.all("enforcement_issued") if s.facts["reference"] not in ended]
        interim = self.latest("charging_order_interim")
        if interim is not None and self.latest("charging_order_final") is None:
            pending.append(interim)
        return pending


def case_facts(
    db: Register | Session | str | os.PathLike[str] | None, reference: str, as_at: dt.date | None = None
) -> CaseStory:
    """The case's recorded story up to and including ``as_at`` (default: everything recorded)."""
    with session_for(db) as session:
        case = get_case(session, reference)
        query = select(CaseStep).where(CaseStep.case_id == case.id)
        payments = select(Payment.paid_on, Payment.amount).where(Payment.case_id == case.id)
        if as_at is not None:
            query = query.where(CaseStep.happened_on <= as_at)
            payments = payments.where(Payment.paid_on <= as_at)
        rows = session.scalars(query.order_by(CaseStep.happened_on, CaseStep.id)).all()
        steps = tuple(StepRecord(r.id, r.step, r.happened_on, json.loads(r.facts), r.recorded_by) for r in rows)
        paid = tuple((day, Decimal(amount)) for day, amount in session.execute(payments.order_by(Payment.paid_on)))
        debtors = tuple(p.name for p in case.parties if p.role == "debtor")
        return CaseStory(reference, as_at or dt.date.today(), case.claimant, debtors, steps, paid)
