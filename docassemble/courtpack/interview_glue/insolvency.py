"""Glue for ``statutory_demand.yml``: the demand from typed answers, its dates, and petition readiness.

Why typed answers rather than a file: on the server nothing a user types may be used as a path,
so the interview asks for the demand's facts and builds the same ``DemandRequest`` the command
line reads from YAML. Who may use it is checked at the top of the interview (``acting.refusal_for``)
and again before the demand is written (``require``), whichever way the step is reached.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ..documents.insolvency.demand import (
    Creditor,
    Debtor,
    DemandItem,
    DemandRequest,
    Judgment,
    Signatory,
    write_demand,
)
from ..errors import CaseFileError
from ..law import insolvency
from ..law.breathing_space import BreathingSpaceWindow, breathing_space_status
from ..law.dates import format_date
from ..law.money import to_money
from .acting import require
from .common import as_date

__all__ = ["demand_from_answers", "make_demand", "petition_summary"]


def _money(value: Any, field: str) -> Decimal:
    try:
        return to_money(str(value))
    except ValueError as err:
        raise CaseFileError("answers", field, str(err), "give the amount, e.g. 5093.75") from None


def demand_from_answers(
    *,
    reference: Any,
    debtor_kind: Any,
    kind: Any,
    creditor_name: Any,
    creditor_address: Any,
    contact_name: Any,
    contact_phone: Any,
    contact_email: Any,
    debtor_name: Any,
    debtor_address: Any,
    company_number: Any,
    debt_description: Any,
    debt_amount: Any,
    consideration: Any,
    judgment_date: Any,
    judgment_court: Any,
    demand_date: Any,
    assumed_service: Any,
    set_aside_court: Any,
    signatory_name: Any,
    signatory_position: Any,
) -> DemandRequest:
    judgment = None
    if str(kind) == "judgment_debt":
        judgment = Judgment(
            date=as_date(judgment_date, "judgment_date"), court=str(judgment_court).strip(), claim_number=""
        )
    return DemandRequest(
        reference=str(reference).strip(),
        debtor_kind=str(debtor_kind),
        kind=str(kind),
        creditor=Creditor(
            name=str(creditor_name),
            address=str(creditor_address),
            contact_name=str(contact_name),
            phone=str(contact_phone),
            email=str(contact_email),
        ),
        debtor=Debtor(
            name=str(debtor_name), address=str(debtor_address), other_names="", company_number=str(company_number or "")
        ),
        items=(DemandItem(description=str(debt_description), amount=_money(debt_amount, "debt_amount")),),
        consideration=str(consideration),
        judgment=judgment,
        interest_statement="No interest or other charge is included.",
        demand_date=as_date(demand_date, "demand_date"),
        assumed_service=as_date(assumed_service or demand_date, "assumed_service"),
        set_aside_court=str(set_aside_court or ""),
        signatory=Signatory(name=str(signatory_name), position=str(signatory_position)),
    )


def make_demand(request: DemandRequest, output_dir: Any) -> list[str]:
    """The demand (DOCX) and its service record (JSON), written to the step's folder."""
    require("statutory_demand")
    output = write_demand(request, Path(str(output_dir)))
    return [str(output.docx), str(output.record)]


def petition_summary(request: DemandRequest, served: Any, on: Any, breathing_space_until: Any = None) -> str:
    """Whether a petition would be open on ``on`` if the demand was served on ``served`` (Markdown)."""
    day = as_date(on, "petition_date")
    windows = []
    if breathing_space_until:
        until = as_date(breathing_space_until, "breathing_space_until")
        windows.append(BreathingSpaceWindow(min(day, until), until))
    result = insolvency.petition_readiness(
        debtor_kind=request.debtor_kind,
        debt=request.amount,
        served=as_date(served, "served"),
        on=day,
        breathing_space=breathing_space_status(windows, day),
    )
    lines = [result.basis]
    if result.earliest and not result.open:
        lines.append(f"Earliest date on these facts: **{format_date(result.earliest)}**.")
    lines += result.warnings
    return "\n\n".join(lines)
