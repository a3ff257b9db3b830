"""Glue for ``warrant_of_possession.yml``: after a breach, N325/N325A or the N244 to fix a date.

Why the core decides the step: which document follows an order (N325 for an outright or suspended
order, N244 for a postponed one) and whether the terms are being kept come from
``case.possession_checks.enforcement_readiness``; this glue shows its answer and produces the document
only when it allows, recording the request as a step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..case import Case
from ..case.answers import answer_text
from ..case.possession_checks import enforcement_readiness
from ..documents._output import OutputSet
from ..documents.possession.from_facts import fix_date_request, warrant_request
from ..documents.possession.warrant import write_fix_date_application, write_warrant_request
from ..law.money import money_str
from .acting import acting_user
from .cases import register_url
from .common import as_date, record_documents
from .possession import possession_facts_for, signatory_of

__all__ = ["enforcement_step", "enforcement_summary", "make_enforcement_papers"]


def enforcement_step(case: Case, on: Any) -> str:
    """``n325_warrant``, ``n244_fix_date``, ``restore_claim`` or ``none``: what follows the recorded order."""
    return enforcement_readiness(possession_facts_for(case, on), as_date(on, "request_date")).step


def enforcement_summary(case: Case, on: Any) -> str:
    day = as_date(on, "request_date")
    readiness = enforcement_readiness(possession_facts_for(case, day), day)
    text = readiness.basis
    if readiness.compliance is not None:
        text += "\n\n" + readiness.compliance.basis
    if not readiness.ready:
        text += "\n\n**Not yet:**\n\n" + "\n".join(f"* {r}" for r in readiness.reasons)
    return text


def make_enforcement_papers(
    case: Case,
    *,
    request_date: Any,
    warning_letter: Any,
    risk_information: Any,
    signatory_name: Any,
    signatory_position: Any,
    output_dir: Any,
) -> list[str]:
    """The warrant request or the N244 (with the statement of payments), refused while the terms are kept."""
    day = as_date(request_date, "request_date")
    facts = possession_facts_for(case, day)
    sign = signatory_of(signatory_name, signatory_position)
    step = enforcement_readiness(facts, day).step
    with OutputSet(Path(str(output_dir))) as out:
        if step == "n244_fix_date":
            fix = fix_date_request(
                case,
                facts,
                application_date=day,
                warning_letter=as_date(warning_letter, "warning_letter"),
                signatory=sign,
            )
            write_fix_date_application(fix, out)
            claim_number, court, statement = fix.claim_number, fix.court, fix.statement
        else:
            request = warrant_request(
                case,
                facts,
                request_date=day,
                risk_information=answer_text(
                    risk_information or "", "risk_information", multiline=True, required=False
                ),
                signatory=sign,
            )
            write_warrant_request(request, out)
            claim_number, court, statement = request.claim_number, request.court, request.statement
    documents = [str(p) for p in out.placed]
    order = facts.order
    stated = {"claim_number": claim_number, "court": court, "rent_arrears": money_str(statement.closing_balance)}
    if order is not None:
        stated["order_kind"] = order.kind.value
        if order.possession_date is not None:
            stated["possession_date"] = order.possession_date.isoformat()
        if order.terms is not None:
            stated["order_instalment"] = money_str(order.terms.instalment)
    record_documents(case, "warrant of possession", documents, facts=stated, as_at=day)
    from ..register.steps import record_step

    record_step(register_url(), case.reference, "warrant_requested", {"date": day, "kind": step}, who=acting_user())
    return documents
