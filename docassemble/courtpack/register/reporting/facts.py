"""One query for the per-case facts every report table is built from.

Why one grouped query: the caseload, money, timeliness and ageing tables all need the same few
dates and sums per case (referred, first letter, claim, judgment, enforcement, charging order,
payments to the start and end of the period, write-offs in force). The database does the
grouping in one pass; Python then only classifies one row per case (cheap for tens of thousands),
and each total in the report is the sum of the case-level rows shown beside it.

Where the dates come from: the referral is the day the case was added to the register (or its
first recorded step, if earlier — a case added with its history was referred by then); a letter,
claim or enforcement is the first generated document of that kind; judgment and charging order
are the first orders of those kinds. Where the register also records the case's steps (a
``case_steps`` table of dated steps), the earlier of the step and the document counts.

The outstanding balance follows ``cases.list_cases``: the active judgment's total less payments
since it, else the balance referred less every payment — but counted only up to the date asked
about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Date, and_, bindparam, case, column, func, inspect, literal, or_, select, table
from sqlalchemy.orm import Session

from ..caseload import rent_arrears
from ..models import Case, Document, LedgerEntry, Order, Payment
from ..possession import possession_cases_facts
from ..reporting_models import TeamMember, WriteOff
from .sqlfns import as_date, as_money, date_of

LETTER_KIND, CLAIM_KIND, ENFORCEMENT_KIND = "letter before claim", "claim", "enforcement"
STEP_NAMES = {"letter": ("letter_before_claim_sent",), "claim": ("claim_issued",), "judgment": ("judgment",)}
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CaseLine:
    """One case's facts for a period: milestone dates and balances at the start and the end."""

    case_id: int
    reference: str
    debtor: str
    debt_type: str
    officer: str
    team: str
    referred: dt.date
    referred_amount: Decimal
    first_charge: dt.date | None
    letter: dt.date | None
    claim: dt.date | None
    judgment: dt.date | None
    enforcement: dt.date | None
    charging_order: dt.date | None
    outstanding_start: Decimal  # at the close of the day before the period
    outstanding_end: Decimal  # at the close of the period's last day
    written_off_start: bool
    written_off_end: bool
    written_off_in_period: Decimal

    @property
    def debt_since(self) -> dt.date:
        """The date the debt's age is measured from: its first charge, else the referral."""
        return self.first_charge or self.referred


def case_lines(session: Session, start: dt.date, end: dt.date, team: str | None = None) -> list[CaseLine]:
    """Every case referred on or before ``end`` (in ``team`` if given), with its facts."""
    c, d, o, p, w, led, tm = (
        Case.__table__,
        Document.__table__,
        Order.__table__,
        Payment.__table__,
        WriteOff.__table__,
        LedgerEntry.__table__,
        TeamMember.__table__,
    )
    before = bindparam("before", start - dt.timedelta(days=1), type_=Date)
    end_p = bindparam("end", end, type_=Date)
    start_p = bindparam("start", start, type_=Date)
    made = date_of(d.c.created_at)
    docs = (
        select(
            d.c.case_id,
            func.min(case((d.c.kind == LETTER_KIND, made))).label("letter"),
            func.min(case((d.c.kind == CLAIM_KIND, made))).label("claim"),
            func.min(case((d.c.kind == ENFORCEMENT_KIND, made))).label("enforcement"),
        )
        .group_by(d.c.case_id)
        .subquery("docs")
    )
    orders = (
        select(
            o.c.case_id,
            func.min(case((and_(o.c.kind == "judgment", o.c.status != "set_aside"), o.c.made_on))).label("judgment"),
            func.min(case((o.c.kind == "charging_order", o.c.made_on))).label("charging"),
        )
        .group_by(o.c.case_id)
        .subquery("ords")
    )

    def judged_as_at(day):  # the active judgments' total and first date, counting only those made by ``day``
        live = and_(o.c.status == "active", o.c.amount.is_not(None), o.c.made_on <= day)
        return (
            func.sum(case((live, o.c.amount + o.c.costs))).label("total"),
            func.min(case((live, o.c.made_on))).label("since"),
        )

    js_total, js_since = judged_as_at(before)
    je_total, je_since = judged_as_at(end_p)
    judged = (
        select(
            o.c.case_id,
            js_total.label("s_total"),
            js_since.label("s_since"),
            je_total.label("e_total"),
            je_since.label("e_since"),
        )
        .group_by(o.c.case_id)
        .subquery("judged")
    )

    def paid(day, since=None):
        cond = p.c.paid_on <= day if since is None else and_(p.c.paid_on <= day, p.c.paid_on >= since)
        return func.sum(case((cond, p.c.amount), else_=literal(0)))

    pays = (
        select(
            p.c.case_id,
            paid(before).label("all_s"),
            paid(end_p).label("all_e"),
            paid(before, judged.c.s_since).label("since_s"),
            paid(end_p, judged.c.e_since).label("since_e"),
        )
        .select_from(p.outerjoin(judged, judged.c.case_id == p.c.case_id))
        .group_by(p.c.case_id)
        .subquery("pays")
    )

    def active(day):
        return and_(w.c.approved_on <= day, or_(w.c.reversed_on.is_(None), w.c.reversed_on > day))

    wos = (
        select(
            w.c.case_id,
            func.sum(case((active(before), 1), else_=0)).label("wo_s"),
            func.sum(case((active(end_p), 1), else_=0)).label("wo_e"),
            func.sum(case((and_(active(end_p), w.c.approved_on >= start_p), w.c.amount), else_=literal(0))).label(
                "wo_amount"
            ),
        )
        .group_by(w.c.case_id)
        .subquery("wos")
    )
    charges = (
        select(led.c.case_id, func.min(led.c.entry_date).label("first_charge"))
        .where(led.c.kind == "charge")
        .group_by(led.c.case_id)
        .subquery("charges")
    )
    steps = _steps_subquery(session)
    referred = date_of(c.c.created_at)
    query = (
        select(
            c.c.id,
            c.c.reference,
            c.c.debtor_name,
            c.c.debt_type,
            c.c.officer_name,
            func.coalesce(tm.c.team, "").label("team"),
            referred.label("referred"),
            c.c.balance,
            charges.c.first_charge,
            docs.c.letter,
            docs.c.claim,
            orders.c.judgment,
            docs.c.enforcement,
            orders.c.charging,
            judged.c.s_total,
            judged.c.e_total,
            pays.c.all_s,
            pays.c.all_e,
            pays.c.since_s,
            pays.c.since_e,
            wos.c.wo_s,
            wos.c.wo_e,
            wos.c.wo_amount,
            *(steps.c[f"s_{k}"] for k in (*STEP_NAMES, "enforcement")) if steps is not None else (),
        )
        .select_from(
            c.outerjoin(tm, tm.c.officer_name == c.c.officer_name)
            .outerjoin(docs, docs.c.case_id == c.c.id)
            .outerjoin(orders, orders.c.case_id == c.c.id)
            .outerjoin(judged, judged.c.case_id == c.c.id)
            .outerjoin(pays, pays.c.case_id == c.c.id)
            .outerjoin(wos, wos.c.case_id == c.c.id)
            .outerjoin(charges, charges.c.case_id == c.c.id)
        )
        .order_by(c.c.reference)
    )
    if steps is not None:
        query = query.outerjoin(steps, steps.c.case_id == c.c.id)
    if team:
        query = query.where(tm.c.team == team)
    has_steps = inspect(session.connection()).has_table("case_steps")
    tenancies = possession_cases_facts(session, end) if has_steps else {}
    lines = []
    for r in session.execute(query):
        m = r._mapping
        raw = {key: _earliest(m, key) for key in ("letter", "claim", "judgment", "enforcement")}
        raw["charging"] = as_date(m["charging"])
        referred_on = min(d for d in (as_date(r.referred), *raw.values()) if d is not None)
        if referred_on > end:
            continue
        seen = {key: (day if day is not None and day <= end else None) for key, day in raw.items()}
        start_bal = _outstanding(r.balance, r.s_total, r.all_s, r.since_s) if referred_on < start else ZERO
        end_bal = _outstanding(r.balance, r.e_total, r.all_e, r.since_e)
        if r.id in tenancies:  # a current tenancy: rent keeps falling due, so its arrears are its rent account's
            start_bal = rent_arrears(tenancies[r.id], start - dt.timedelta(days=1)) if referred_on < start else ZERO
            end_bal = rent_arrears(tenancies[r.id], end)
        lines.append(
            CaseLine(
                r.id,
                r.reference,
                r.debtor_name,
                r.debt_type,
                r.officer_name,
                r.team,
                referred_on,
                as_money(r.balance),
                as_date(r.first_charge),
                seen["letter"],
                seen["claim"],
                seen["judgment"],
                seen["enforcement"],
                seen["charging"],
                start_bal,
                end_bal,
                bool(r.wo_s),
                bool(r.wo_e),
                as_money(r.wo_amount),
            )
        )
    return lines


def _steps_subquery(session: Session):
    """The first date of each recorded case step, when the register keeps steps (else None)."""
    if not inspect(session.connection()).has_table("case_steps"):
        return None
    st = table("case_steps", column("case_id"), column("step"), column("happened_on"))
    firsts = [
        func.min(case((st.c.step.in_(names), st.c.happened_on))).label(f"s_{key}") for key, names in STEP_NAMES.items()
    ]
    firsts.append(func.min(case((st.c.step.like("enforcement%"), st.c.happened_on))).label("s_enforcement"))
    return select(st.c.case_id, *firsts).group_by(st.c.case_id).subquery("steps")


def _earliest(row, key: str) -> dt.date | None:
    """The earlier of the document's date and the recorded step's (the step's column is ``s_<key>``)."""
    dates = [d for d in (as_date(row[key]), as_date(row.get(f"s_{key}"))) if d is not None]
    return min(dates) if dates else None


def _outstanding(balance: object, judged_total: object, paid_all: object, paid_since: object) -> Decimal:
    if judged_total is not None:
        return as_money(judged_total) - as_money(paid_since)
    return as_money(balance) - as_money(paid_all)
