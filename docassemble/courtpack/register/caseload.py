"""The caseload at a glance: every case with what it owes, what was paid and its next hearing.

Why its own module: a possession case's arrears are its rent account's balance (rent falls due every
week), not the ledger referred less payments, and the rent account is read through
``register.possession``, which sits above ``cases`` (it reads steps, which record payments into cases).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..case.possession_case import PossessionFacts
from ..case.tenancy import balance_at
from .db import Register, session_for
from .models import Case, Hearing, Order, Payment
from .possession import possession_cases_facts

__all__ = ["CaseRow", "list_cases"]


@dataclass(frozen=True)
class CaseRow:
    reference: str
    debtor: str
    debt_type: str
    officer: str
    balance: Decimal  # ledger referred less payments, the active judgment's total less payments since, or rent arrears
    paid: Decimal  # payments recorded in the register
    next_hearing: dt.datetime | None
    version: int


def list_cases(db: Register | Session | str | None, on: dt.date | None = None) -> list[CaseRow]:
    """Every case with its balance, payments and next hearing — one query, plus each possession case's
    rent account (its arrears on ``on``, default today)."""
    now = dt.datetime.now()
    today = on or now.date()
    paid = select(Payment.case_id, func.sum(Payment.amount).label("paid")).group_by(Payment.case_id).subquery()
    judged = (
        select(
            Order.case_id, func.sum(Order.amount + Order.costs).label("total"), func.min(Order.made_on).label("since")
        )
        .where(Order.status == "active", Order.amount.is_not(None))
        .group_by(Order.case_id)
        .subquery()
    )
    paid_since = (
        select(Payment.case_id, func.sum(Payment.amount).label("paid"))
        .join(judged, judged.c.case_id == Payment.case_id)
        .where(Payment.paid_on >= judged.c.since)
        .group_by(Payment.case_id)
        .subquery()
    )
    hearing = (
        select(Hearing.case_id, func.min(Hearing.starts_at).label("next"))
        .where(Hearing.starts_at >= now, Hearing.status == "listed")
        .group_by(Hearing.case_id)
        .subquery()
    )
    query = (
        select(Case, paid.c.paid, judged.c.total, paid_since.c.paid, hearing.c.next)
        .outerjoin(paid, paid.c.case_id == Case.id)
        .outerjoin(judged, judged.c.case_id == Case.id)
        .outerjoin(paid_since, paid_since.c.case_id == Case.id)
        .outerjoin(hearing, hearing.c.case_id == Case.id)
        .order_by(Case.reference)
    )
    rows = []
    with session_for(db) as session:
        tenancies = possession_cases_facts(session, today)
        for case, paid_all, total, since, next_hearing in session.execute(query):
            paid_all = Decimal(paid_all or 0).quantize(Decimal("0.01"))
            if case.id in tenancies:
                balance = rent_arrears(tenancies[case.id], today)
            elif total is not None:
                balance = Decimal(total) - Decimal(since or 0)
            else:
                balance = case.balance - paid_all
            rows.append(
                CaseRow(
                    case.reference,
                    case.debtor_name,
                    case.debt_type,
                    case.officer_name,
                    balance.quantize(Decimal("0.01")),
                    paid_all,
                    next_hearing,
                    case.version,
                )
            )
    return rows


def rent_arrears(facts: PossessionFacts, on: dt.date) -> Decimal:
    """A possession case's arrears at the close of ``on``: its rent account, charges and all, not the sum
    referred (before the account opens, the arrears it brought forward)."""
    return balance_at(facts.account, max(on, facts.account.opened_on))
