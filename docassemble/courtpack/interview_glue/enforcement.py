"""Glue for ``enforcement.yml`` (and the judgment answers ``charging_order.yml`` shares).

Every route is shown with allowed/blocked and the reason from law.enforcement; the chosen
requests are produced, and for a warrant or writ a referral pack for the enforcement agent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..case import Case
from ..case.figures import JudgmentPosition, judgment_position
from ..case.model import DebtorKind, Judgment
from ..documents.enforcement.referral import write_referral_pack
from ..documents.enforcement.requests import (
    CHOICES,
    LABELS,
    EnforcementRequest,
    refuse_blocked,
    route_views,
    write_requests,
)
from ..errors import CourtpackError, NotReadyError
from ..law.dates import format_date
from ..law.money import format_money
from .common import as_date, record_documents
from .money_claim import as_bool, as_choices, as_money

__all__ = ["AGENT_ROUTES", "ROUTE_CHOICES", "blocked_reason", "enforcement_documents", "is_company",
           "judgment_from_answers", "position_for", "routes_table", "wants"]

AGENT_ROUTES = ("warrant_of_control", "writ_of_control")
ROUTE_CHOICES = [{route: LABELS[route]} for route in CHOICES]


def judgment_from_answers(claim_number: Any, court: Any, date: Any, amount: Any, paid_since: Any = None,
                          costs: Any = None) -> Judgment:
    """The judgment as answered (used when the case file does not hold one yet)."""
    number = str(claim_number or "").strip()
    if not number:
        raise CourtpackError("judgment_claim_number: give the claim number shown on the judgment")
    return Judgment(claim_number=number, court=str(court or "").strip() or "County Court Money Claims Centre",
                    date=as_date(date, "judgment_date"), amount=as_money(amount, "judgment_amount"),
                    costs=as_money(costs, "judgment_costs"), paid_since=as_money(paid_since, "judgment_paid_since"))


def position_for(case: Case, judgment: Judgment, as_at: Any, employed: Any = False, in_arrears: Any = False
                 ) -> JudgmentPosition:
    return judgment_position(case, judgment, as_date(as_at, "as_at"), employed=as_bool(employed),
                             instalments_in_arrears=as_bool(in_arrears))


def is_company(case: Case) -> bool:
    return case.debtor.kind is DebtorKind.COMPANY


def routes_table(case: Case, position: JudgmentPosition, permission_granted: Any = False) -> str:
    """Markdown table: every route, open or not, why, and the court fee."""
    rows = ["| Form | Route | Open? | Why / notes | Fee |", "|---|---|---|---|---|"]
    for view in route_views(case, position, as_bool(permission_granted)):
        fee = format_money(view.fee) if view.fee is not None else "—"
        why = " ".join(view.reasons) or "—"
        rows.append(f"| {view.form} | {view.label} | {'open' if view.allowed else 'blocked'} | {why} | {fee} |")
    head = (f"Due on {format_date(position.on)}: **{format_money(position.total_due)}** "
            f"({position.interest.basis})")
    return head + "\n\n" + "\n".join(rows)


def wants(chosen: Any, *routes: str) -> bool:
    picked = as_choices(chosen)
    return any(r in picked for r in routes)


def blocked_reason(case: Case, position: JudgmentPosition, chosen: Any, permission_granted: Any = False) -> str:
    """'' when every chosen route is open; else the refusal (shown, or raised headless)."""
    try:
        refuse_blocked(case, route_views(case, position, as_bool(permission_granted)), as_choices(chosen),
                       position.on)
    except NotReadyError as err:
        return str(err)
    return ""


def enforcement_documents(case: Case, position: JudgmentPosition, chosen: Any, output_dir: Any, *,
                          permission_granted: Any = False, answers: dict[str, Any] | None = None) -> list[str]:
    """Write the chosen requests, a referral pack for a warrant or writ, and convert DOCX to PDF."""
    from ..documents.convert import convert_to_pdf

    options = {k: str(v) for k, v in (answers or {}).items() if v not in (None, "")}
    routes = as_choices(chosen)
    out = Path(str(output_dir))
    files = write_requests(case, position, EnforcementRequest(routes, as_bool(permission_granted), options), out,
                           position.on)
    agent_route = next((r for r in routes if r in AGENT_ROUTES), None)
    if agent_route is not None:
        pack = write_referral_pack(case, position, agent_route, out, letter_date=position.on,
                                   agent_name=options.get("agent_name", "The enforcement agent"),
                                   agent_address=options.get("agent_address", ""),
                                   signatory_name=options.get("signatory_name", ""),
                                   signatory_position=options.get("signatory_position", ""))
        pdfs = convert_to_pdf([pack[0]], out)
        files += [pack[0], *pdfs, *pack[1:]]
    documents = [str(p) for p in files]
    record_documents(case, "enforcement", documents)
    return documents
