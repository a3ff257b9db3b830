"""Glue for ``statutory_demand.yml``: a statutory demand on a case in the register, and petition readiness.

Why from the register ("one case, one story"): the creditor is the council's settings, the debtor
is the case's debtor, and the debt is what the register shows is still owed — the liability orders
less the payments since (council tax, business rates), the judgment less the payments since (a
County Court judgment), or the case's balance (payable immediately). Nothing the demand states is
typed again, and a demand that would be untrue on the register's facts is refused with the reason:
a disputed debt (a defence is recorded), a breathing space, a debt under the petition threshold.
The demand is recorded as a document of the case with the facts it states; its service is a step
(``statutory_demand_served``), which the petition readiness check reads back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.figures import breathing_space_for
from ..case.model import LIABILITY_ORDER_DEBTS, DebtorKind
from ..documents.insolvency.demand import (
    DemandItem,
    DemandRequest,
    Judgment,
    Signatory,
    demand_parties,
    write_demand,
)
from ..errors import NotReadyError
from ..law import insolvency
from ..law.dates import format_date
from ..law.money import format_money, money_str
from ..register.steps import DEMAND_SERVICE_METHODS
from .acting import acting_user, require
from .cases import register_url
from .common import as_date, record_documents, refuse_during_breathing_space

__all__ = [
    "DEMAND_SERVICE_CHOICES",
    "DemandPlan",
    "demand_plan",
    "demand_refusal",
    "demand_summary",
    "make_case_demand",
    "orders_refusal",
    "petition_check",
    "petition_summary",
    "recorded_demand",
    "same_debtor_choices",
    "signatory_choices",
]

DEMAND_SERVICE_CHOICES = [
    {"personal": "Personally (handed to the debtor)"},
    {"left_at_address": "Left at the debtor's address"},
    {"first_class_post": "First class post"},
    {"registered_office": "Left at the company's registered office"},
]
NO_INTEREST = (
    "No interest or other charge is included; the amount is limited to what was due on the date of this demand."
)


@dataclass(frozen=True, kw_only=True)
class DemandPlan:
    """What the register says the demand is: its variant, the debtor's kind, and (judgment / balance) the debt."""

    reference: str
    route: str  # liability_orders | judgment_debt | payable_immediately
    debtor_kind: str  # individual | company
    amount: Decimal | None  # None for liability orders (worked out per order by liability_demand)
    on: dt.date
    judgment: Judgment | None = None
    paid_since: Decimal = Decimal("0.00")
    judgment_total: Decimal = Decimal("0.00")


def _debtor_kind(case: Case) -> str:
    kind = case.debtor.kind
    if kind is DebtorKind.PARTNERSHIP:
        raise NotReadyError(
            f"case {case.reference}: the debtor is a partnership; a statutory demand is served on each partner "
            "as an individual — add each partner as a case of their own"
        )
    return "company" if kind is DebtorKind.COMPANY else "individual"


def _story(reference: str, on: dt.date) -> Any:
    from ..register.steps import case_facts

    return case_facts(register_url(), reference, on)


def _case_on(reference: str, on: dt.date) -> Case:
    """The case as the register held it on the demand's date (its judgment and payments to then)."""
    from ..register.case_records import case_as_at

    return case_as_at(register_url(), reference, on)


def _refuse_below_threshold(reference: str, debtor_kind: str, amount: Decimal, on: dt.date) -> None:
    if amount <= 0:
        raise NotReadyError(f"case {reference}: the register shows nothing owed on {format_date(on)}; no demand")
    check = insolvency.threshold_check(debtor_kind, amount, on)
    if not check.meets:
        raise NotReadyError(
            f"case {reference}: a statutory demand for {format_money(amount)} is refused — {check.basis} "
            "Recover it another way."
        )


def demand_plan(case: Case, demand_date: Any) -> DemandPlan:
    """The demand the register supports for ``case`` on ``demand_date``, or a ``NotReadyError`` saying why none.

    Refused in one sentence naming the case: a breathing space (no enforcement step, Debt Respite
    Scheme regs 7 and 8), a defence recorded against a debt not yet reduced to judgment (a disputed
    debt is for the court, not a demand), or a debt under the petition threshold.
    """
    on = as_date(demand_date, "demand_date")
    debtor_kind = _debtor_kind(case)
    refuse_during_breathing_space(case, on, "enforcement", "serve a statutory demand")
    if case.debt.type in LIABILITY_ORDER_DEBTS:
        from .liability_cases import liability_order_of

        # no order, or one paid: refused now; the other cases chosen and their total against the
        # threshold are checked once chosen (orders_refusal)
        order = liability_order_of(_story(case.reference, on), case.reference.split("-", 1)[1], case.debtor.name, "")
        if order.outstanding <= 0:
            raise NotReadyError(f"case {case.reference}: the liability order has been paid; there is nothing to demand")
        return DemandPlan(
            reference=case.reference, route="liability_orders", debtor_kind=debtor_kind, amount=None, on=on
        )
    held = _case_on(case.reference, on)
    story = _story(case.reference, on)
    if held.judgment is not None:
        j = held.judgment
        if not j.court or not j.claim_number:
            raise NotReadyError(
                f"case {case.reference}: the register does not hold the judgment's court and claim number; record "
                "the claim_issued step (claim number and court) first"
            )
        owed = j.outstanding
        _refuse_below_threshold(case.reference, debtor_kind, owed, on)
        return DemandPlan(
            reference=case.reference,
            route="judgment_debt",
            debtor_kind=debtor_kind,
            amount=owed,
            on=on,
            judgment=Judgment(date=j.date, court=j.court, claim_number=j.claim_number),
            paid_since=j.paid_since,
            judgment_total=j.amount + j.costs,
        )
    defence = story.latest("defence")
    if defence is not None:
        raise NotReadyError(
            f"case {case.reference}: a defence was filed on {format_date(defence.happened_on)}, so the debt is "
            "disputed; a statutory demand is refused until the court gives judgment"
        )
    paid = sum((amount for day, amount in story.payments if day <= on), Decimal("0.00"))
    owed = held.balance(on) - paid
    _refuse_below_threshold(case.reference, debtor_kind, owed, on)
    return DemandPlan(
        reference=case.reference,
        route="payable_immediately",
        debtor_kind=debtor_kind,
        amount=owed,
        on=on,
        paid_since=paid,
    )


def demand_refusal(case: Case, demand_date: Any) -> str:
    """Why the register's facts allow no demand on ``case`` (one sentence), or "" when one may be made."""
    try:
        demand_plan(case, demand_date)
    except NotReadyError as refusal:
        return str(refusal)
    return ""


def _order_cases(case: Case, also: Any) -> list[str]:
    """The case and the other cases ticked (docassemble checkboxes: a dict of reference -> ticked; or a list)."""
    if hasattr(also, "items"):
        ticked = [str(ref) for ref, on in also.items() if on]
    else:
        ticked = [str(ref) for ref in (also or ())]
    return [case.reference, *sorted({r for r in ticked if r != case.reference})]


def orders_refusal(case: Case, plan: DemandPlan, also: Any) -> str:
    """Why the liability orders chosen cannot found a demand (one sentence), or "": each must still be owed,
    and together they must meet the petition threshold on the demand's date."""
    from .liability_cases import liability_order_of

    total = Decimal("0.00")
    try:
        for reference in _order_cases(case, also):
            order = liability_order_of(_story(reference, plan.on), reference.split("-", 1)[1], case.debtor.name, "")
            if order.outstanding <= 0:
                raise NotReadyError(f"case {reference}: the liability order has been paid; leave it out of the demand")
            total += order.outstanding
        _refuse_below_threshold(" and ".join(_order_cases(case, also)), plan.debtor_kind, total, plan.on)
    except NotReadyError as refusal:
        return str(refusal)
    return ""


def same_debtor_choices(case: Case) -> list[dict[str, str]]:
    """Other council tax or business rates cases in the register owed by the same debtor (one demand may cover them)."""
    from ..register import list_cases

    return [
        {row.reference: f"{row.reference} ({row.debt_type.replace('_', ' ')})"}
        for row in list_cases(register_url())
        if row.reference != case.reference and row.debtor == case.debtor.name and row.debt_type == case.debt.type.value
    ]


def _settings(case: Case) -> Any:
    from ..register.settings import council_settings

    return council_settings(register_url(), case.claimant.name)


def signatory_choices(case: Case) -> list[str]:
    """Who may sign for the council: the signatories in its settings in the register."""
    return [s.name for s in _settings(case).signatories]


def demand_summary(plan: DemandPlan) -> str:
    """What the demand will state, for the screen before the dates are asked."""
    if plan.route == "liability_orders":
        return "The demand states each liability order the register holds and what is still owed under it."
    if plan.route == "judgment_debt" and plan.judgment is not None:
        return (
            f"The judgment of {format_date(plan.judgment.date)} (claim {plan.judgment.claim_number}, "
            f"{plan.judgment.court}) for {format_money(plan.judgment_total)}, less {format_money(plan.paid_since)} "
            f"paid since: **{format_money(plan.amount or Decimal(0))}** still owing."
        )
    return f"The case's balance on {format_date(plan.on)}: **{format_money(plan.amount or Decimal(0))}**, payable now."


def _request(
    case: Case, plan: DemandPlan, *, assumed_service: dt.date, set_aside_court: str, signer: Any
) -> DemandRequest:
    settings = _settings(case)
    debtor = case.debtor
    amount = plan.amount or Decimal("0.00")
    if plan.route == "judgment_debt" and plan.judgment is not None:
        j = plan.judgment
        description = (
            f"The sum still owing under the judgment of {j.court} made on {format_date(j.date)} in claim "
            f"{j.claim_number} for {format_money(plan.judgment_total)}"
            + (f", less {format_money(plan.paid_since)} paid since" if plan.paid_since else "")
        )
        consideration = f"{case.debt.description[:1].upper()}{case.debt.description[1:]}, for which judgment was given."
    else:
        description = f"{case.debt.type.label.capitalize()}: {case.debt.description}" + (
            f", less {format_money(plan.paid_since)} paid" if plan.paid_since else ""
        )
        consideration = f"{case.debt.description[:1].upper()}{case.debt.description[1:]}."
    creditor, debtor_party = demand_parties(settings, signer.name, signer.position, debtor)
    return DemandRequest(
        reference=f"{case.reference}-SD",
        debtor_kind=plan.debtor_kind,
        kind="judgment_debt" if plan.route == "judgment_debt" else "payable_immediately",
        creditor=creditor,
        debtor=debtor_party,
        items=(DemandItem(description=description, amount=amount),),
        consideration=consideration,
        judgment=plan.judgment if plan.route == "judgment_debt" else None,
        interest_statement=NO_INTEREST,
        demand_date=plan.on,
        assumed_service=assumed_service,
        set_aside_court=set_aside_court if plan.debtor_kind == "individual" else "",
        signatory=Signatory(name=signer.name, position=signer.position),
    )


def make_case_demand(
    case: Case,
    plan: DemandPlan,
    *,
    assumed_service: Any,
    service_method: Any,
    set_aside_court: Any,
    signatory_name: Any,
    output_dir: Any,
    also: Any = (),
) -> list[str]:
    """Write the demand and its service record, and record both as documents of the case (and of ``also``)."""
    require("statutory_demand")
    served = as_date(assumed_service, "assumed_service")
    if served < plan.on:
        raise NotReadyError(
            f"case {case.reference}: assumed_service is before the demand's date; give the day you expect to serve it"
        )
    method = str(service_method or "")
    if method not in DEMAND_SERVICE_METHODS:
        raise NotReadyError(
            f"case {case.reference}: service_method {method!r} is not known; use one of: "
            f"{', '.join(DEMAND_SERVICE_METHODS)}"
        )
    expected = {"expected_service": served.isoformat(), "expected_method": method}
    court = " ".join(str(set_aside_court or "").split())
    out = Path(str(output_dir))
    if plan.route == "liability_orders":
        from .liability_demand import demand_on_orders

        output = demand_on_orders(
            register_url(),
            _order_cases(case, also),
            demand_date=plan.on,
            assumed_service=served,
            set_aside_court=court,
            signatory=str(signatory_name),
            out_dir=out,
            who=acting_user(),
            stated=expected,
        )
        return [str(output.docx), str(output.record)]
    signer = _settings(case).signatory(str(signatory_name))
    output = write_demand(_request(case, plan, assumed_service=served, set_aside_court=court, signer=signer), out)
    facts = {
        "demand_kind": plan.route,
        "debtor_kind": plan.debtor_kind,
        "demand_amount": money_str(plan.amount or 0),
        **expected,
    }
    if plan.route == "judgment_debt" and plan.judgment is not None:
        facts |= {
            "claim_number": plan.judgment.claim_number,
            "judgment_date": plan.judgment.date.isoformat(),
            "judgment_total": money_str(plan.judgment_total),
            "paid_since_judgment": money_str(plan.paid_since),
        }
    else:
        facts["balance"] = money_str(plan.amount or 0)
    documents = [str(output.docx), str(output.record)]
    record_documents(case, "statutory demand", documents, facts=facts, as_at=plan.on)
    return documents


def petition_summary(case: Case, plan: DemandPlan, assumed_service: Any, petition_date: Any) -> str:
    """Whether a petition would be open on ``petition_date``, reading the demand's service from the register (Markdown).

    Why from the register: the petition relies on the demand having been served and the 21 days
    having passed; that is the ``statutory_demand_served`` step, recorded when it happens — until
    then the check says no, and gives the date a petition could follow the expected service.
    """
    on = as_date(petition_date, "petition_date")
    result, served = petition_check(register_url(), case.reference, on)
    lines = [result.basis]
    if served is None:
        expected = insolvency.demand_dates(plan.debtor_kind, as_date(assumed_service, "assumed_service"))
        lines.append(
            f"If it is served on {format_date(expected.served)}, a petition may be presented from "
            f"**{format_date(expected.petition_from)}**; record the service as a step of the case when it happens."
        )
    elif result.earliest and not result.open:
        lines.append(f"Earliest date on these facts: **{format_date(result.earliest)}**.")
    lines += result.warnings
    return "\n\n".join(lines)


@dataclass(frozen=True)
class RecordedDemand:
    """The latest statutory demand recorded on a case: its date, amount and debtor kind, as it stated them."""

    date: dt.date
    amount: Decimal
    debtor_kind: str


def recorded_demand(db: Any, reference: str) -> RecordedDemand:
    """The latest demand the register holds for ``reference``; refused when none has been written."""
    from ..register.generated import documents_for

    stated = [
        d.facts for d in documents_for(db, reference) if d.kind == "statutory demand" and d.facts.get("demand_amount")
    ]
    if not stated:
        raise NotReadyError(
            f"case {reference}: no statutory demand is recorded for it; write the demand first (statutory_demand)"
        )
    facts = stated[-1]
    return RecordedDemand(
        date=dt.date.fromisoformat(facts["as_at"]),
        amount=Decimal(facts["demand_amount"]),
        debtor_kind=facts.get("debtor_kind", "individual"),
    )


def petition_check(db: Any, reference: str, on: dt.date) -> tuple[insolvency.PetitionReadiness, dt.date | None]:
    """Whether a petition on the case's recorded demand is open on ``on``, and the day the demand was served.

    Everything comes from the register as at ``on``: the demand (its amount and date), its service
    (the ``statutory_demand_served`` step on or after the demand's date), the payments since the
    demand (paid in full: not open), a defence with no judgment (disputed), a breathing space.
    """
    from ..register.case_records import case_as_at
    from ..register.steps import case_facts

    demand = recorded_demand(db, reference)
    case = case_as_at(db, reference, on)
    story = case_facts(db, reference, on)
    service = [s for s in story.all("statutory_demand_served") if s.happened_on >= demand.date]
    served = service[-1].happened_on if service else None
    paid = sum((amount for day, amount in story.payments if demand.date < day <= on), Decimal("0.00"))
    owed = demand.amount - paid
    result = insolvency.petition_readiness(
        debtor_kind=demand.debtor_kind,
        debt=owed if owed > 0 else demand.amount,
        served=served,
        on=on,
        paid_or_secured=owed <= 0,
        disputed=story.latest("defence") is not None and story.judgment is None,
        breathing_space=breathing_space_for(case, on),
        tax_debt=case.debt.type in LIABILITY_ORDER_DEBTS,
    )
    return result, served
