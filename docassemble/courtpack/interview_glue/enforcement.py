"""Glue for ``enforcement.yml`` (and the judgment answers ``charging_order.yml`` shares).

Every route is shown with allowed/blocked and the reason from law.enforcement; the chosen
requests are produced, and for a writ a referral pack for the High Court Enforcement Officer
named (a County Court warrant is executed by the court's own agents). The answers become one
typed ``EnforcementAnswers`` here; nothing downstream reads a dict.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..case import Case
from ..case.figures import JudgmentPosition, judgment_position
from ..case.model import DebtorKind, Judgment
from ..documents._output import OutputSet
from ..documents.enforcement.referral import AGENT_ROUTES, write_referral_pack
from ..documents.enforcement.requests import (
    CHOICES,
    LABELS,
    EnforcementAnswers,
    PermissionRoute,
    Signatory,
    refuse_blocked,
    route_views,
    write_requests,
)
from ..documents.forms.courts import paper_claims_centre
from ..errors import CourtpackError, NotReadyError
from ..headless.context import running_headless
from ..law.dates import format_date
from ..law.money import format_money
from .cases import register_url
from .common import as_date, judgment_facts, record_documents
from .money_claim import as_bool, as_choices, as_money

__all__ = [
    "AGENT_ROUTES",
    "PERMISSION_ROUTE_CHOICES",
    "ROUTE_CHOICES",
    "blocked_reason",
    "enforcement_answers",
    "enforcement_documents",
    "is_company",
    "judgment_from_answers",
    "pending_enforcement",
    "position_for",
    "register_arrears",
    "routes_table",
    "wants",
]

ROUTE_CHOICES = [{route: LABELS[route]} for route in CHOICES]
PERMISSION_ROUTE_CHOICES = [{r.value: LABELS[r.value]} for r in PermissionRoute]


def judgment_from_answers(
    claim_number: Any, court: Any, date: Any, amount: Any, paid_since: Any = None, costs: Any = None
) -> Judgment:
    """The judgment as answered (used when the case file does not hold one yet)."""
    number = str(claim_number or "").strip()
    if not number:
        raise CourtpackError("judgment_claim_number: give the claim number shown on the judgment")
    day = as_date(date, "judgment_date")
    return Judgment(
        claim_number=number,
        court=str(court or "").strip() or paper_claims_centre(day).name,
        date=day,
        amount=as_money(amount, "judgment_amount"),
        costs=as_money(costs, "judgment_costs"),
        paid_since=as_money(paid_since, "judgment_paid_since"),
    )


def pending_enforcement(case: Case) -> str:
    """Other enforcement of the judgment the register holds as pending (N293A's question), in words; "" if none.

    Why from the register: the N293A is signed under a statement of truth, so its answer must be
    what the case's recorded steps show (an interim charging order not yet made final, a warrant
    with no outcome yet), never a box ticked by default.
    """
    from ..register.steps import case_facts

    step = running_headless()
    story = case_facts(register_url(), case.reference, step.as_at if step else None)
    lines = []
    for record in story.pending_enforcement():
        if record.step == "charging_order_interim":
            lines.append(
                f"Interim charging order made on {format_date(record.happened_on)} (title number "
                f"{record.facts['title_number']}), not yet made final"
            )
        else:
            kind = record.facts["type"].replace("_", " ")
            lines.append(
                f"{kind[:1].upper()}{kind[1:]} issued on {format_date(record.happened_on)} "
                f"(reference {record.facts['reference']}), no outcome yet"
            )
    return "; ".join(lines)


def register_arrears(case: Case, as_at: Any) -> bool | None:
    """Whether the register's instalment order under the judgment is in arrears on ``as_at``; None if it holds none.

    Why from the register: the N323, N293A and the other requests are signed under a statement of truth
    that the instalment order is in default. When the register holds the order, its payments decide
    (``register.compliance``), never an answer — a warrant asked for while the order is being kept to is
    refused with the reason (CPR 83.2 and 83.15 via ``law.enforcement``).
    """
    from ..register.compliance import IN_ARREARS, compliance

    url = register_url(required=False)
    if not url:
        return None
    orders = [
        o
        for o in compliance(url, as_date(as_at, "as_at"), case.reference).orders
        if o.kind == "judgment" and o.frequency is not None
    ]
    if not orders:
        return None
    return any(o.status == IN_ARREARS for o in orders)


def position_for(
    case: Case, judgment: Judgment, as_at: Any, employed: Any = False, in_arrears: Any = False
) -> JudgmentPosition:
    return judgment_position(
        case, judgment, as_date(as_at, "as_at"), employed=as_bool(employed), instalments_in_arrears=as_bool(in_arrears)
    )


def is_company(case: Case) -> bool:
    return case.debtor.kind is DebtorKind.COMPANY


def routes_table(case: Case, position: JudgmentPosition, permission_granted: Any = False) -> str:
    """Markdown table: every route, open or not, why, and the court fee."""
    rows = ["| Form | Route | Open? | Why / notes | Fee |", "|---|---|---|---|---|"]
    for view in route_views(case, position, as_bool(permission_granted)):
        fee = format_money(view.fee) if view.fee is not None else "—"
        why = " ".join(view.reasons) or "—"
        rows.append(f"| {view.form} | {view.label} | {'open' if view.allowed else 'blocked'} | {why} | {fee} |")
    head = f"Due on {format_date(position.on)}: **{format_money(position.total_due)}** ({position.interest.basis})"
    return head + "\n\n" + "\n".join(rows)


def wants(chosen: Any, *routes: str) -> bool:
    picked = as_choices(chosen)
    return any(r in picked for r in routes)


def blocked_reason(case: Case, position: JudgmentPosition, chosen: Any, permission_granted: Any = False) -> str:
    """'' when every chosen route is open; else the refusal (shown, or raised headless)."""
    try:
        refuse_blocked(case, route_views(case, position, as_bool(permission_granted)), as_choices(chosen), position.on)
    except NotReadyError as err:
        return str(err)
    return ""


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def enforcement_answers(
    *,
    chosen: Any,
    permission_granted: Any,
    third_party: Any,
    account_details: Any,
    belief: Any,
    employer: Any,
    officer_name: Any,
    officer_position: Any,
    other_enforcement: Any,
    permission_route: Any,
    delay_reasons: Any,
    agent_name: Any,
    agent_address: Any,
    signatory_name: Any,
    signatory_position: Any,
) -> EnforcementAnswers:
    """The interview's answers as one typed value: every keyword required (the YAML sets "" for what
    it did not ask), so a forgotten answer is an error, not an empty box."""
    route = _text(permission_route)
    try:
        permission = PermissionRoute(route) if route else None
    except ValueError:
        raise CourtpackError(
            f"permission_route: {route!r} is not a route; use {' or '.join(r.value for r in PermissionRoute)}"
        ) from None
    return EnforcementAnswers(
        routes=tuple(as_choices(chosen)),
        permission_granted=as_bool(permission_granted),
        third_party=_text(third_party),
        account_details=_text(account_details),
        belief=_text(belief),
        employer=_text(employer),
        officer_name=_text(officer_name),
        officer_position=_text(officer_position),
        other_enforcement=_text(other_enforcement),
        permission_route=permission,
        delay_reasons=_text(delay_reasons),
        agent_name=_text(agent_name),
        agent_address=_text(agent_address),
        signatory=Signatory(name=_text(signatory_name), position=_text(signatory_position)),
    )


def enforcement_documents(
    case: Case, position: JudgmentPosition, answers: EnforcementAnswers, output_dir: Any
) -> list[str]:
    """Write the chosen requests and, for a writ, the referral pack; convert the DOCX; all files or none."""
    from ..documents.convert import convert_to_pdf

    with OutputSet(Path(str(output_dir))) as out:
        files = write_requests(case, position, answers, out, position.on)
        agent_route = next((r for r in answers.routes if r in AGENT_ROUTES), None)
        if agent_route is not None:
            pack = write_referral_pack(
                case,
                position,
                agent_route,
                out,
                letter_date=position.on,
                agent_name=answers.agent_name,
                agent_address=answers.agent_address,
                signatory_name=answers.signatory.name,
                signatory_position=answers.signatory.position,
            )
            pdfs = convert_to_pdf([pack[0]], out.scratch)
            files += [pack[0], *pdfs, *pack[1:]]
    documents = [str(out.final(p)) for p in files]
    stated = judgment_facts(position)
    if "writ_of_control" in answers.routes:  # the N293A certifies whether other enforcement is pending
        stated["other_enforcement_pending"] = "yes" if answers.other_enforcement else "no"
    record_documents(case, "enforcement", documents, facts=stated, as_at=position.on)
    return documents
