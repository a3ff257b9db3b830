"""After a breach: the warrant request (N325 outright, N325A suspended) or the N244 to fix a date.

Why three routes: an outright order is enforced once its date for possession has passed (N325); for
an order suspended on payment terms no permission is needed since 1 October 2018 (CPR 83.2(3)(e) as
amended after Cardiff CC v Lee [2016] EWCA Civ 1034), but HMCTS's form for that request is still N325A,
which certifies the breach and attaches the payments due and made under the order; a postponed order has
no date for possession at all until the court fixes one on the landlord's application (N244, PD 55A
section IV). Whether the terms are broken is the compliance engine's decision, made before this
module runs; what is certified here is only what that decision found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import NotReadyError
from ...law.dates import format_date
from ...law.money import format_money
from .._output import OutputSet
from ..forms import load_spec, write_form
from ..forms.builders import claimant_block, defendants_block, signer
from ..render import safe_file_name
from .requests import FixDateRequest, TenancyFacts, WarrantRequest
from .statement import write_statement

__all__ = ["fix_date_values", "warrant_form", "warrant_values", "write_fix_date_application", "write_warrant_request"]


def warrant_form(kind: str) -> str:
    """The form for enforcing an order of this kind; a postponed order is refused (fix a date first)."""
    if kind == "outright":
        return "N325"
    if kind == "suspended":
        return "N325A"
    raise NotReadyError(
        f"a {kind} order cannot be enforced by warrant: "
        + (
            "apply on N244 for the court to fix the date for possession first (PD 55A section IV)"
            if kind == "postponed"
            else "the court has not yet ordered possession"
        )
    )


def _occupiers(tenancy: TenancyFacts) -> str:
    return "\n".join([*tenancy.tenants, *tenancy.occupiers])


def warrant_values(request: WarrantRequest) -> tuple[str, dict[str, Any]]:
    """(form number, values); refused when the certificate would not be true on the register's facts."""
    case, order = request.case, request.order
    number = warrant_form(order.kind)
    values: dict[str, Any] = {
        "court": request.court,
        "claim_number": request.claim_number,
        "claimant": claimant_block(case),
        "defendants": defendants_block(case),
        "your_ref": case.reference,
        "land": "\n".join(request.tenancy.property_lines),
        "order_date": order.date,
        "order_terms": order.description,
        "fee": request.fee,
        "legal_costs": request.legal_costs,
        "total": request.fee + request.legal_costs,
        "occupiers": _occupiers(request.tenancy),
        "risk_information": request.risk_information.strip() or "None known to the claimant.",
        **signer(case, request.signatory.name, request.signatory.position),
        "sot_date": request.request_date,
        "address_for_documents": case.claimant.address,
    }
    if number == "N325":
        if order.possession_date is None or order.possession_date >= request.request_date:
            when = format_date(order.possession_date) if order.possession_date else "no date"
            raise NotReadyError(
                f"case {case.reference}: the order gives possession by {when}, so the defendant cannot yet be "
                "certified as not having vacated; request the warrant after that date"
            )
        values.update(not_vacated=True, possession_date=order.possession_date)
    else:
        if not request.breach.strip():
            raise NotReadyError(
                f"case {case.reference}: the terms of the suspended order of {format_date(order.date)} are being "
                "kept, so there is no breach to certify on N325A"
            )
        values.update(terms_breached=True, breach_details=request.breach.strip(), statement_attached=True)
    return number, values


def write_warrant_request(request: WarrantRequest, out: OutputSet, mode: str = "auto") -> list[Path]:
    number, values = warrant_values(request)
    reference = request.case.reference
    form = write_form(load_spec(number), values, out.scratch, reference, mode=mode)
    statement = write_statement(
        request.statement,
        "Statement of payments due and made under the order",
        out.stage(safe_file_name(f"{reference} statement of payments since the order.pdf")),
        f"{reference} attached to {number}",
    )
    return [form, statement]


def fix_date_values(request: FixDateRequest) -> dict[str, Any]:
    """N244 asking the court to fix the date for possession under a postponed order (PD 55A section IV)."""
    case, order = request.case, request.order
    if order.kind != "postponed":
        raise NotReadyError(
            f"case {case.reference}: the order of {format_date(order.date)} is {order.kind}, not postponed; "
            "an application to fix the date for possession is only for a postponed order"
        )
    if not request.breach.strip():
        raise NotReadyError(
            f"case {case.reference}: the terms of the postponed order of {format_date(order.date)} are being kept, "
            "so there is no breach on which to ask the court to fix a date for possession"
        )
    if request.warning_letter > request.application_date:
        raise NotReadyError(
            f"case {case.reference}: the letter warning the tenant of this application is dated "
            f"{format_date(request.warning_letter)}, after the application; check the dates"
        )
    statement = request.statement
    evidence = "\n".join(
        [
            f"1. On {format_date(order.date)} the court made a postponed order for possession of "
            f"{request.tenancy.address} on these terms: {order.description}",
            f"2. The defendant has not kept those terms: {request.breach.strip()}",
            f"3. The arrears on {format_date(statement.to_date)} are {format_money(statement.closing_balance)}. "
            "A statement of the payments due and made since the order is attached.",
            f"4. On {format_date(request.warning_letter)} the claimant wrote to the defendant saying that it intended "
            "to apply for a date for possession to be fixed, giving the breach and what the defendant should do, and "
            "inviting a reply; a copy of that letter and any reply will be filed with this application.",
        ]
    )
    sign = signer(case, request.signatory.name, request.signatory.position)
    lawyer = sign["signed_by"] == "legal_representative"
    return {
        "court": request.court,
        "claim_number": request.claim_number,
        "fee_account": case.claimant.fee_account,
        "claimant_name": f"{case.claimant.name} (ref. {case.reference})",
        "defendant_name": " and ".join(request.tenancy.tenants),
        "application_date": request.application_date,
        "applicant_name": case.claimant.legal_representative if lawyer else case.claimant.name,
        "applicant_role": "legal_representative" if lawyer else "claimant",
        "represents": case.claimant.name if lawyer else "",
        "order_sought": (
            f"An order fixing the date on which the defendant must give the claimant possession of "
            f"{request.tenancy.address}, under the postponed order for possession of "
            f"{format_date(order.date)}, because the defendant has broken its terms (PD 55A section IV)."
        ),
        "draft_order": "no",
        "dealt_with": "without_hearing",
        "serve_on": "The defendant" + ("s" if len(request.tenancy.tenants) > 1 else ""),
        "relying_on": "evidence_below",
        "evidence": evidence,
        "vulnerable": "no",
        "believer": "applicant_believes",
        "sot_date": request.application_date,
        **sign,
        "address_for_documents": case.claimant.address,
        "phone": case.claimant.officer_phone,
        "email": case.claimant.officer_email,
        "your_ref": case.reference,
    }


def write_fix_date_application(request: FixDateRequest, out: OutputSet, mode: str = "auto") -> list[Path]:
    values = fix_date_values(request)
    reference = request.case.reference
    form = write_form(
        load_spec("N244"),
        values,
        out.scratch,
        reference,
        mode=mode,
        file_name=safe_file_name(f"{reference} N244 application to fix the date for possession.pdf"),
    )
    statement = write_statement(
        request.statement,
        "Statement of payments due and made under the order",
        out.stage(safe_file_name(f"{reference} statement of payments since the order.pdf")),
        f"{reference} attached to N244",
    )
    return [form, statement]
