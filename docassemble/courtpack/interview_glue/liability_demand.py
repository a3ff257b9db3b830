"""A statutory demand on the liability orders the register holds for one debtor.

Why from the register: a demand states each liability order (court, date, costs) and the sum still
owed under it; those are recorded facts of the cases (``record-orders`` and the payments since), so
the demand is built from them rather than retyped into a YAML file, and it is refused in one
sentence when a case has no order. The demand itself (content, dates, threshold) is
``documents/insolvency/demand.py``, as for a demand written from a file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select

from ..case.casefile import case_from_dict
from ..case.model import LIABILITY_ORDER_DEBTS, DebtorKind
from ..documents.insolvency.demand import (
    DemandItem,
    DemandOutput,
    DemandRequest,
    Signatory,
    demand_parties,
    write_demand,
)
from ..law import liability_orders as lo
from ..law.dates import format_date
from ..law.money import format_money, money_str
from ..register.db import session_for
from ..register.errors import RegisterError
from ..register.generated import record_document
from ..register.models import Case
from ..register.steps import case_facts
from .liability_cases import Db, council_for_liability, liability_order_of

__all__ = ["demand_on_orders"]

CONSIDERATION = {
    "council_tax": (
        "Council tax the debtor is liable to pay under the Local Government Finance Act 1992, for which "
        f"liability orders were made ({lo.CT} regs 34 and 49)."
    ),
    "business_rates": (
        "Non-domestic rates the debtor is liable to pay under the Local Government Finance Act 1988, for "
        f"which liability orders were made ({lo.NDR} reg 12)."
    ),
}


def demand_on_orders(
    db: Db,
    references: list[str],
    *,
    demand_date: dt.date,
    assumed_service: dt.date,
    set_aside_court: str,
    signatory: str,
    out_dir: Path,
    who: str | None = None,
    stated: Mapping[str, str] | None = None,
) -> DemandOutput:
    """The demand for what is still owed under the liability orders of ``references`` (one debtor).

    Each case records the demand (and its service record) with the facts it states; ``stated`` adds
    the interview's own (the expected service day and method).
    """
    if not references:
        raise RegisterError("name at least one case with a liability order, e.g. CT-5100203")
    with session_for(db, who) as session:
        items, cases = [], []
        for reference in references:
            case = session.scalar(select(Case).where(Case.reference == reference))
            if case is None:
                raise RegisterError(f"no case {reference!r} in the register; check the reference")
            facts = case_from_dict(json.loads(case.casefile), f"case {reference}")
            if facts.debt.type not in LIABILITY_ORDER_DEBTS:
                raise RegisterError(f"{reference} is a {facts.debt.type.label} case; it has no liability order")
            story = case_facts(session, reference, demand_date)
            order = liability_order_of(story, reference.split("-", 1)[1], facts.debtor.name, "")
            if order.outstanding <= 0:
                raise RegisterError(f"{reference}: the liability order has been paid; leave it out of the demand")
            summons = next(
                s
                for s in story.all("summons_issued")
                if s.facts["summons_number"] == story.fact("liability_order", "summons_number")
            )
            where = facts.debt.property_address.one_line() if facts.debt.property_address else ""
            items.append(
                DemandItem(
                    description=(
                        f"{facts.debt.type.label.capitalize()} {summons.facts['year']}"
                        + (f" for {where}" if where else "")
                        + f", under a liability order of {summons.facts['court']} made on {format_date(order.made)} "
                        f"for {format_money(order.amount)} (including {format_money(order.costs)} costs)"
                        + (f", less {format_money(order.paid_since)} paid since" if order.paid_since else "")
                    ),
                    amount=order.outstanding,
                )
            )
            cases.append(facts)
        first = cases[0]
        others = sorted({c.debtor.name for c in cases} - {first.debtor.name})
        if others:
            raise RegisterError(
                f"{references[0]} is owed by {first.debtor.name} but another case by {others[0]}; a statutory "
                "demand is for one debtor"
            )
        kinds = {c.debt.type for c in cases}
        if len(kinds) > 1:
            raise RegisterError("give council tax and business rates cases in separate demands")
        council = council_for_liability(session, first.claimant.name)
        signer = council.signatory(signatory)
        company = first.debtor.kind is DebtorKind.COMPANY
        creditor, debtor = demand_parties(council, signer.name, signer.position, first.debtor)
        request = DemandRequest(
            reference=f"{references[0]}-SD",
            debtor_kind="company" if company else "individual",
            kind="payable_immediately",
            creditor=creditor,
            debtor=debtor,
            items=tuple(items),
            consideration=CONSIDERATION[first.debt.type.value],
            judgment=None,
            interest_statement="No interest or other charge is included; the amount is limited to what was due on "
            "the date of this demand.",
            demand_date=demand_date,
            assumed_service=assumed_service,
            set_aside_court="" if company else set_aside_court,
            signatory=Signatory(name=signer.name, position=signer.position),
        )
        output = write_demand(request, out_dir)
        for reference, facts, item in zip(references, cases, items, strict=True):
            stated = {
                "as_at": demand_date.isoformat(),
                "claimant": facts.claimant.name,
                "debtors": facts.debtor.name,
                "demand_kind": request.kind,
                "debtor_kind": request.debtor_kind,
                "demand_amount": money_str(request.amount),
                "case_amount": money_str(item.amount),  # what this case's order still carries
                **(stated or {}),
            }
            for path in (output.docx, output.record):
                record_document(session, reference, "statutory demand", path, facts=stated)
        return output
