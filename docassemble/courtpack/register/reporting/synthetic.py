"""A generated caseload for scale tests and the benchmark: deterministic from a seed.

Why in the package: the test that the report's totals equal independent SQL sums, the benchmark
and a manager trying the report on an empty register all need the same realistic spread of
cases (referred over eight years, letters, claims, judgments with instalments, enforcement,
charging orders, payments), and a seed makes each run the same. Rows are inserted in bulk (Core
``insert``), with one audit entry saying what was generated.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .. import audit
from ..models import Case, Document, LedgerEntry, Order, Payment
from ..reporting_models import CostEntry, TeamMember

DEBT_TYPES = (
    "former_tenant_arrears",
    "rechargeable_repairs",
    "commercial_rent",
    "sundry",
    "benefit_overpayment",
    "garage_rent",
)
TEAMS = {
    "Asha Patel": "North",
    "Ben Okafor": "North",
    "Cara Jones": "North",
    "Dan Smith": "North",
    "Eve Walsh": "South",
    "Femi Ade": "South",
    "Gail Rose": "South",
    "Hugo Lee": "South",
}
ENFORCEMENT_FILES = (
    "N323 warrant of control.pdf",
    "N337 attachment of earnings.pdf",
    "N349 third party debt.pdf",
    "N316 order to obtain information.pdf",
    "referral pack.pdf",
)


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)).scaleb(-2)


def generate_caseload(session: Session, cases: int, as_at: dt.date, seed: int = 14, prefix: str = "GEN") -> int:
    """Insert ``cases`` generated cases referred before ``as_at``; returns the number of payments."""
    rng = random.Random(seed)  # noqa: S311 - test data, reproducible by design
    officers = sorted(TEAMS)
    existing = set(session.scalars(select(TeamMember.officer_name)))
    new_members = [{"officer_name": o, "team": t} for o, t in TEAMS.items() if o not in existing]
    if new_members:
        session.execute(insert(TeamMember), new_members)
    case_rows, plans = [], []
    for i in range(cases):
        age = rng.randint(0, 730) if rng.random() < 0.7 else rng.randint(731, 2900)
        referred = as_at - dt.timedelta(days=age)
        balance = _money(rng, 40, 6000)
        case_rows.append(
            {
                "reference": f"{prefix}-{i:06d}",
                "claimant": "London Borough of Example",
                "debtor_name": f"Debtor {i:06d}",
                "debt_type": rng.choice(DEBT_TYPES),
                "officer_name": rng.choice(officers),
                "balance": balance,
                "created_at": dt.datetime.combine(referred, dt.time(9, 30)),
                "version": 1,
            }
        )
        plans.append((referred, balance))
    session.execute(insert(Case), case_rows)
    ids = dict(session.execute(select(Case.reference, Case.id).where(Case.reference.like(f"{prefix}-%"))).all())
    ledger, docs, orders, payments, costs = [], [], [], [], []
    for row, (referred, balance) in zip(case_rows, plans, strict=True):
        cid = ids[row["reference"]]
        ledger.append(
            {
                "case_id": cid,
                "entry_date": referred - dt.timedelta(days=rng.randint(20, 900)),
                "description": "debt referred",
                "amount": balance,
                "kind": "charge",
            }
        )
        due = balance
        step = referred + dt.timedelta(days=rng.randint(3, 16) if rng.random() < 0.8 else rng.randint(17, 60))
        if rng.random() < 0.85 and step <= as_at:
            docs.append(_doc(cid, "letter before claim", step, "letter before claim.pdf"))
            step += dt.timedelta(days=rng.randint(32, 110))
            if rng.random() < 0.6 and step <= as_at:
                docs.append(_doc(cid, "claim", step, "N1 claim form.pdf"))
                costs.append(
                    {
                        "case_id": cid,
                        "entry_date": step,
                        "direction": "paid_out",
                        "description": "issue fee",
                        "amount": Decimal("115.00"),
                    }
                )
                step += dt.timedelta(days=rng.randint(20, 90))
                if rng.random() < 0.7 and step <= as_at:
                    due = balance + Decimal("115.00")
                    orders.append(
                        {
                            "case_id": cid,
                            "key": f"j{cid}",
                            "kind": "judgment",
                            "made_on": step,
                            "amount": balance,
                            "costs": Decimal("115.00"),
                            "frequency": "monthly",
                            "instalment_amount": max(Decimal("10.00"), (due / 12).quantize(Decimal("1"))),
                            "first_payment": step + dt.timedelta(days=30),
                            "status": "active",
                            "version": 1,
                            "court": "County Court at Example",
                            "claim_number": f"K{cid:07d}",
                        }
                    )
                    costs.append(
                        {
                            "case_id": cid,
                            "entry_date": step,
                            "direction": "recovered",
                            "description": "issue fee awarded",
                            "amount": Decimal("115.00"),
                        }
                    )
                    if rng.random() < 0.65:  # keeps to the order's monthly instalments
                        order = orders[-1]
                        payments.extend(
                            _instalments(
                                cid, order["first_payment"], order["instalment_amount"], due, as_at, len(payments)
                            )
                        )
                        continue
                    later = step + dt.timedelta(days=rng.randint(60, 200))
                    if rng.random() < 0.3 and later <= as_at:
                        docs.append(_doc(cid, "enforcement", later, rng.choice(ENFORCEMENT_FILES)))
                    if rng.random() < 0.05 and later <= as_at:
                        orders.append(
                            {
                                "case_id": cid,
                                "key": f"c{cid}",
                                "kind": "charging_order",
                                "made_on": later,
                                "amount": None,
                                "costs": Decimal("0.00"),
                                "frequency": None,
                                "instalment_amount": None,
                                "first_payment": None,
                                "status": "active",
                                "version": 1,
                                "court": "County Court at Example",
                                "claim_number": f"K{cid:07d}",
                            }
                        )
        paid = Decimal("0.00")
        for _ in range(rng.choice((0, 0, 1, 2, 3, 4, 6, 8))):
            amount = min(_money(rng, 5, 250), due - paid)
            if amount <= 0:
                break
            day = referred + dt.timedelta(days=rng.randint(0, max(0, (as_at - referred).days)))
            payments.append(
                {
                    "case_id": cid,
                    "paid_on": day,
                    "amount": amount,
                    "method": "card",
                    "source": "generated",
                    "dedupe_key": f"gen:{cid}:{len(payments)}",
                }
            )
            paid += amount
    for table, rows in (
        (LedgerEntry, ledger),
        (Document, docs),
        (Order, orders),
        (Payment, payments),
        (CostEntry, costs),
    ):
        if rows:
            session.execute(insert(table), rows)
    audit.log(session, "generate", "cases", {"cases": cases, "payments": len(payments), "seed": seed})
    return len(payments)


def _instalments(
    case_id: int, first: dt.date, amount: Decimal, total: Decimal, as_at: dt.date, numbered_from: int
) -> list[dict]:
    from ..orders import add_months

    out, paid, k = [], Decimal("0.00"), 0
    while paid < total and add_months(first, k) <= as_at:
        pay = min(amount, total - paid)
        out.append(
            {
                "case_id": case_id,
                "paid_on": add_months(first, k),
                "amount": pay,
                "method": "standing order",
                "source": "generated",
                "dedupe_key": f"gen:{case_id}:{numbered_from + k}",
            }
        )
        paid, k = paid + pay, k + 1
    return out


def _doc(case_id: int, kind: str, day: dt.date, name: str) -> dict:
    return {
        "case_id": case_id,
        "kind": kind,
        "file_name": name,
        "sha256": "0" * 64,
        "created_by": "generated",
        "created_at": dt.datetime.combine(day, dt.time(10, 0)),
    }
