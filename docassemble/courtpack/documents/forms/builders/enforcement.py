"""Values for the enforcement requests: N323, N293A, N337, N349, N316/N316A and N379."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ....case import Case
from ....case.figures import JudgmentPosition
from ....case.model import Property
from ....law.charging_order import instalment_order_after_change
from ....law.fees import court_fee
from . import claimant_block, name_and_address, signer


def _common(
    case: Case, position: JudgmentPosition, on: dt.date, signatory_name: str = "", signatory_position: str = ""
) -> dict[str, Any]:
    judgment = position.judgment
    debtor = case.debtor
    return {
        "court": judgment.court,
        "claim_number": judgment.claim_number,
        "claimant": claimant_block(case),
        "defendant": name_and_address(debtor.name, debtor.address),
        "your_ref": case.reference,
        "judgment_date": judgment.date,
        "judgment_amount": judgment.amount + judgment.costs,
        "sot_date": on,
        "address_for_documents": case.claimant.address,
        **signer(case, signatory_name, signatory_position),
    }


def n323_values(
    case: Case, position: JudgmentPosition, on: dt.date, *, warrant_amount: Decimal | None = None, **sign: str
) -> dict[str, Any]:
    fee = court_fee("warrant_of_control", on).fee
    amount = warrant_amount or position.total_due
    return {
        **_common(case, position, on, **sign),
        "warrant_address": name_and_address(case.debtor.name, case.debtor.address),
        "vulnerability": case.debtor.vulnerability,
        "instalment_order": "yes" if position.judgment.instalments else "no",
        "balance_due": position.total_due,
        "warrant_amount": amount,
        "fee": fee,
        "legal_costs": None,
        "total": amount + fee,
    }


def n293a_values(
    case: Case,
    position: JudgmentPosition,
    on: dt.date,
    *,
    other_enforcement: str,
    enforcement_officer: str = "",
    **sign: str,
) -> dict[str, Any]:
    """N293A: "other enforcement" is what the officer said is pending, never assumed to be none."""
    values = _common(case, position, on, **sign)
    pending = other_enforcement.strip()
    return {
        **values,
        "paid_since": position.judgment.paid_since,
        "balance_due": position.outstanding,
        "judgment_interest": position.interest.interest,
        "other_enforcement": "pending" if pending else "none",
        "other_enforcement_details": pending,
        "writ_address": name_and_address(case.debtor.name, case.debtor.address),
        "levy_amount": position.total_due,
        "fee": court_fee("writ_of_control", on).fee,
        "enforcement_officer": enforcement_officer.strip(),
        "vulnerability": case.debtor.vulnerability,
    }


def n337_values(
    case: Case, position: JudgmentPosition, on: dt.date, *, employer: str = "", works_number: str = "", **sign: str
) -> dict[str, Any]:
    fee = court_fee("attachment_of_earnings", on).fee
    return {
        **_common(case, position, on, **sign),
        "debtor_name_address": name_and_address(case.debtor.name, case.debtor.address),
        "employer": employer or case.debtor.employer,
        "works_number": works_number,
        "balance_due": position.total_due,
        "fee": fee,
        "total": position.total_due + fee,
    }


def n349_values(
    case: Case,
    position: JudgmentPosition,
    on: dt.date,
    *,
    third_party: str,
    account_details: str,
    belief: str,
    **sign: str,
) -> dict[str, Any]:
    """N349: the third party, the account as the officer gave it, and the officer's own grounds of belief."""
    return {
        **_common(case, position, on, **sign),
        "debtor_name_address": name_and_address(case.debtor.name, case.debtor.address),
        "balance_due": position.total_due,
        "third_party": third_party,
        "account_details": account_details,
        "belief": belief,
        "fee": court_fee("third_party_debt_order", on).fee,
    }


def n316_values(
    case: Case, position: JudgmentPosition, on: dt.date, *, officer_name: str, officer_position: str, **sign: str
) -> dict[str, Any]:
    """N316 for an individual debtor; N316A (same boxes) for an officer of a company debtor."""
    debtor = case.debtor
    person = (
        name_and_address(officer_name, debtor.address)
        if officer_name
        else name_and_address(debtor.name, debtor.address)
    )
    return {
        **_common(case, position, on, **sign),
        "person_name_address": person,
        "officer_position": officer_position,
        "paid_since": position.judgment.paid_since,
        "balance_due": position.total_due,
        "fee": court_fee("order_to_obtain_information", on).fee,
    }


def n379_values(
    case: Case,
    position: JudgmentPosition,
    on: dt.date,
    prop: Property,
    *,
    other_creditors: str = "",
    persons_to_serve: str = "",
    other_applications: str = "",
    **sign: str,
) -> dict[str, Any]:
    judgment = position.judgment
    instalments = judgment.instalments is not None
    creditors = other_creditors.strip() or "\n".join(prop.other_creditors) or "None known"
    serve = persons_to_serve.strip() or "\n".join(
        [
            f"{case.debtor.name} (the judgment debtor)",
            *[f"{o} (co-owner)" for o in prop.other_owners],
            *[f"{c} (creditor)" for c in prop.other_creditors],
        ]
    )
    return {
        **_common(case, position, on, **sign),
        "debtor_name_address": name_and_address(case.debtor.name, case.debtor.address),
        "judgment_court": judgment.court,
        "paid_since": judgment.paid_since,
        "interest_to_date": position.interest.interest,
        "amount_due": position.total_due,
        "instalment_order": "yes" if instalments else "no",
        "instalment_order_after_2012": ("yes" if instalment_order_after_change(judgment.date) else "no")
        if instalments
        else "na",
        "property_address": "\n".join(prop.address.as_lines()),
        "title_number": prop.title_number,
        "debtor_interest": prop.debtor_interest,
        "other_owners": "\n".join(prop.other_owners),
        "other_creditors": creditors,
        "persons_to_serve": serve,
        "other_applications": other_applications,
        "fee": court_fee("charging_order", on).fee,
        "fee_account": case.claimant.fee_account,
    }


def n180_values(
    case: Case,
    *,
    court: str,
    claim_number: str,
    hearing_centre: str,
    witnesses: int = 1,
    on: dt.date | None = None,
    **sign: str,
) -> dict[str, Any]:
    s = signer(case, sign.get("signatory_name", ""), sign.get("signatory_position", ""))
    return {
        "court": court,
        "claim_number": claim_number,
        "completed_by": case.claimant.name,
        "party_number": "first",
        "party_role": "claimant",
        "full_name": case.claimant.name,
        "address_for_service": case.claimant.address,
        "phone": case.claimant.officer_phone,
        "email": case.claimant.officer_email,
        "small_claims_agreed": "yes",
        "paper_determination": "yes",
        "mediation_name": case.claimant.officer_name,
        "mediation_phone": case.claimant.officer_phone,
        "mediation_email": case.claimant.officer_email,
        "mediation_dates_to_avoid": "no",
        "mediation_interpreter": "no",
        "mediation_vulnerable": "no",
        "hearing_centre": hearing_centre,
        "expert": "no",
        "witnesses": str(witnesses),
        "unavailable": "no",
        "interpreter": "no",
        "vulnerable": "no",
        "welsh_advised": "yes",
        "hearing_language": "english",
        "documents_language": "english",
        "signature": s["signatory_name"],
        "signed_as_legal_rep": s["signed_by"] == "legal_representative",
        "signed_party_number": "first",
        "signed_party_role": "claimant",
        "date": on,
    }
