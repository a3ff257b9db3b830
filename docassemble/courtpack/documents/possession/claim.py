"""N5 (claim form for possession) and N119 (particulars, rented residential premises), with the rent statement.

Why the statement is a separate attachment: N119 para 4(a) refers to "the attached rent
statement", and PD 55A para 2.3(2) asks for the schedule from the first date of default (or two
years before issue, if later) — far more rows than the form's box holds. N119 itself states the
amount due at issue, the arrears in weeks of rent and the daily rate (PD 55A para 2.3).

Why a statement of truth is refused here, not signed: N119 states that the notice was served on a
date and that protocol steps were taken; if the register does not hold those facts the officer
would be verifying what nobody recorded.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ...errors import NotReadyError
from ...law.dates import format_date
from ...law.money import format_money
from .._output import OutputSet
from ..forms import load_spec, write_form
from ..forms.builders import claimant_block, defendants_block, signer
from ..render import safe_file_name
from .requests import ClaimRequest, ProtocolStep, RentStatement, TenancyFacts
from .statement import write_statement

__all__ = ["arrears_paragraph", "n5_values", "n119_values", "steps_paragraph", "write_claim"]


UNTICKED_N5 = (
    "ground_other_breach",
    "ground_forfeiture",
    "ground_mortgage_arrears",
    "ground_mortgage_breach",
    "ground_trespass",
    "asb_assault",
    "asb_damage",
)


def _property(tenancy: TenancyFacts) -> str:
    return "\n".join(tenancy.property_lines)


def arrears_paragraph(
    arrears: Decimal, weeks: Decimal, word: str, on: str, statement: RentStatement, rent: Decimal, frequency: str
) -> str:
    """The arrears in the words N119 para 4 and PD 55A para 2.3(1) ask for."""
    return (
        f"The arrears of rent on {on} (the date of issue) are {format_money(arrears)}, which is "
        f"{weeks} {word} of rent at the current rent of {format_money(rent)} a {frequency}. "
        f"Details are shown on the attached rent statement, which sets out every sum due and every payment "
        f"made from {format_date(statement.from_date)} to {format_date(statement.to_date)}, with Housing "
        f"Benefit and Universal Credit housing costs shown apart ({format_money(statement.total_benefit)} "
        f"in the period), and the running total of the arrears (PD 55A para 2.3(2))."
    )


def steps_paragraph(steps: tuple[ProtocolStep, ...]) -> str:
    return "\n".join(f"{format_date(step.date)}: {step.text}" for step in sorted(steps, key=lambda s: s.date))


def _refuse_unverifiable(request: ClaimRequest) -> None:
    reference = request.case.reference
    if not request.protocol_steps:
        raise NotReadyError(
            f"case {reference}: the particulars would state the protocol steps taken, but the register holds "
            "none; record them (contact, rent statements, benefit help, payment proposals) before the claim"
        )
    if request.arrears <= 0:
        raise NotReadyError(
            f"case {reference}: the rent account shows no arrears on {format_date(request.issue_date)}, "
            "so there is no rent arrears claim to verify"
        )
    if request.notice_served > request.issue_date:
        raise NotReadyError(
            f"case {reference}: the notice was served on {format_date(request.notice_served)}, after the "
            f"issue date {format_date(request.issue_date)}; check the dates in the register"
        )


def n5_values(request: ClaimRequest) -> dict[str, Any]:
    case = request.case
    sign = signer(case, request.signatory.name, request.signatory.position)
    return {
        "court": request.court,
        "fee_account": case.claimant.fee_account,
        "claimant": claimant_block(case),
        "defendants": defendants_block(case),
        "property": _property(request.tenancy),
        "residential": "includes",
        "particulars_attached": True,
        "money_claim": True,
        "ground_rent_arrears": True,
        **dict.fromkeys(UNTICKED_N5, False),
        "demotion_claim": "no",
        "human_rights": "yes" if request.human_rights else "no",
        "court_fee": request.court_fee,
        "legal_costs": request.legal_costs,
        "total": request.court_fee + request.legal_costs,
        **sign,
        "sot_date": request.issue_date,
        "address_for_documents": case.claimant.address,
        "phone": case.claimant.officer_phone,
        "email": case.claimant.officer_email,
        "your_ref": case.reference,
    }


def n119_values(request: ClaimRequest) -> dict[str, Any]:
    case, tenancy = request.case, request.tenancy
    occupiers = [*tenancy.tenants, *tenancy.occupiers]
    return {
        "court": request.court,
        "claimant": claimant_block(case),
        "defendants": defendants_block(case),
        "property": _property(tenancy),
        "occupiers": "\n".join(occupiers),
        "tenancy_kind": tenancy.kind.adjective,
        "tenancy_start": tenancy.start,
        "rent": tenancy.rent,
        "rent_frequency": tenancy.frequency,
        "daily_rate": tenancy.daily_rate,
        "reason_rent": True,
        "arrears_details": arrears_paragraph(
            request.arrears,
            request.arrears_weeks,
            request.arrears_period_word,
            format_date(request.issue_date),
            request.statement,
            tenancy.rent,
            tenancy.frequency,
        ),
        "statutory_grounds": f"{request.ground_heading}: “{request.ground_text}”",
        "steps_taken": steps_paragraph(request.protocol_steps),
        "notice_kind": request.notice_kind,
        "notice_served": request.notice_served,
        "defendant_circumstances": request.defendant_circumstances,
        "claimant_circumstances": request.claimant_circumstances,
        "forfeiture": "none",
        "ask_possession": True,
        "ask_arrears": True,
        "ask_use_occupation": True,
        "ask_costs": True,
        **signer(case, request.signatory.name, request.signatory.position),
        "sot_date": request.issue_date,
    }


def write_claim(request: ClaimRequest, out: OutputSet, mode: str = "auto") -> list[Path]:
    """Stage N5, N119 and the rent statement in ``out``; refused when the particulars cannot be verified."""
    _refuse_unverifiable(request)
    reference = request.case.reference
    n5 = write_form(load_spec("N5"), n5_values(request), out.scratch, reference, mode=mode)
    n119 = write_form(load_spec("N119"), n119_values(request), out.scratch, reference, mode=mode)
    statement = write_statement(
        request.statement,
        "Rent statement (PD 55A para 2.3(2))",
        out.stage(safe_file_name(f"{reference} rent statement for the claim.pdf")),
        f"{reference} rent statement attached to N119",
    )
    return [n5, n119, statement]
