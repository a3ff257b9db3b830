"""N225 (request for judgment) and N244 (application, e.g. permission to enforce an old judgment)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ....case import Case
from ....case.figures import JudgmentPosition, interest_since_issue
from ....case.model import EntryKind, Judgment
from ....law.claim import ClaimFigures
from ....law.costs import judgment_costs
from ....law.dates import format_date
from ....law.default_judgment import JudgmentTiming
from ....law.money import format_money
from ..courts import paper_claims_centre
from . import claimant_block, defendants_block, signer

ZERO = Decimal("0.00")
DEFAULT_DELAY = "the defendant made payments from time to time and the claimant forbore to enforce while they continued"


def paid_since_issue(case: Case, issue_date: dt.date, to_date: dt.date) -> Decimal:
    return sum((e.amount for e in case.ledger if e.kind is EntryKind.PAYMENT and issue_date < e.date <= to_date), ZERO)


def n225_values(
    case: Case,
    figures: ClaimFigures,
    timing: JudgmentTiming,
    *,
    claim_number: str,
    issue_date: dt.date,
    request_date: dt.date,
    court: str = "",
    request_type: str = "default",
    payment_terms: str = "forthwith",
    paid_since: Decimal | None = None,
    signatory_name: str = "",
    signatory_position: str = "",
) -> dict[str, Any]:
    interest = interest_since_issue(case, issue_date, request_date)
    paid = paid_since if paid_since is not None else paid_since_issue(case, issue_date, request_date)
    since = interest.interest if interest else ZERO
    subtotal_1 = figures.claim_value + since + figures.fee.fee + figures.costs.costs
    # judgment costs are banded on the amount of the judgment (CPR 45 Table 2), not the amount claimed at issue
    costs = judgment_costs(
        subtotal_1, timing.stage, request_date, legal_representative=case.claimant.solicitor_conducted
    )
    subtotal_2 = subtotal_1 + costs.costs
    return {
        "court": court or paper_claims_centre(issue_date).name,
        "claim_number": claim_number,
        "claimant": claimant_block(case) + f"\nRef: {case.reference}",
        "defendant": defendants_block(case),
        "request_type": request_type,
        "deemed_service": timing.deemed_service,
        "response_deadline": timing.last_day,
        "payment_terms": payment_terms,
        "amount_of_claim": figures.claim_value,
        "interest_since": since,
        "interest_period": (
            f"from {format_date(issue_date)} to {format_date(request_date)} at "
            f"{interest.rate.normalize():f}% a year ({interest.days} days at "
            f"{format_money(interest.daily_rate)} a day)"
        )
        if interest
        else "",
        "court_fees": figures.fee.fee,
        "issue_costs": figures.costs.costs,
        "subtotal_1": subtotal_1,
        "judgment_costs": costs.costs,
        "subtotal_2": subtotal_2,
        "paid_since": paid,
        "amount_payable": subtotal_2 - paid,
        **{k: v for k, v in signer(case, signatory_name, signatory_position).items()},
        "sot_date": request_date,
        "your_ref": case.reference,
    }


def permission_values(
    case: Case,
    judgment: Judgment,
    position: JudgmentPosition,
    *,
    application_date: dt.date,
    route: str = "warrant_of_control",
    delay_reasons: str = "",
    signatory_name: str = "",
    signatory_position: str = "",
) -> dict[str, Any]:
    """N244 for permission under CPR 83.2(3)(a) to issue a writ or warrant on an old judgment."""
    what = "a writ of control" if route == "writ_of_control" else "a warrant of control"
    order = (
        f"Permission under CPR 83.2(3)(a) to issue {what} to enforce the judgment of "
        f"{format_date(judgment.date)}, because six years or more have passed since it was entered (since "
        f"{format_date(position.assessment.six_years_on)})."
    )
    evidence = "\n".join(
        [
            f"1. Judgment was entered against {case.debtor.name} on {format_date(judgment.date)} in the "
            f"{judgment.court} under claim number {judgment.claim_number}.",
            f"2. The amount originally due under the judgment was {format_money(judgment.amount + judgment.costs)}.",
            f"3. Since judgment {format_money(judgment.paid_since)} has been paid. The amount now due is "
            f"{format_money(position.outstanding)}"
            + (
                f", plus judgment interest of {format_money(position.interest.interest)}"
                if position.interest.interest
                else ""
            )
            + ".",
            f"4. The reasons for the delay in enforcing the judgment are: {delay_reasons.strip() or DEFAULT_DELAY}.",
            "5. The defendant remains liable for the judgment debt and the claimant asks for permission to enforce it.",
        ]
    )
    sign = signer(case, signatory_name, signatory_position)
    lawyer = sign["signed_by"] == "legal_representative"
    return {
        "court": judgment.court,
        "claim_number": judgment.claim_number,
        "fee_account": case.claimant.fee_account,
        "claimant_name": f"{case.claimant.name} (ref. {case.reference})",
        "defendant_name": case.debtor.name,
        "application_date": application_date,
        "applicant_name": case.claimant.legal_representative if lawyer else case.claimant.name,
        "applicant_role": "legal_representative" if lawyer else "claimant",
        "represents": case.claimant.name if lawyer else "",
        "order_sought": order,
        "draft_order": "no",
        "dealt_with": "without_hearing",
        "serve_on": "No one: the application is made without notice (CPR 83.2(4))",
        "relying_on": "evidence_below",
        "evidence": evidence,
        "vulnerable": "no",
        "believer": "applicant_believes",
        "sot_date": application_date,
        **sign,
        "address_for_documents": case.claimant.address,
        "phone": case.claimant.officer_phone,
        "email": case.claimant.officer_email,
        "your_ref": case.reference,
    }
