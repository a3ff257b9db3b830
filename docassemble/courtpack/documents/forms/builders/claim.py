"""N1 claim form values and the particulars of claim wording, from a case and the claim figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ....case import Case
from ....case.model import AgreementKind, EventKind, InterestBasis
from ....errors import DocumentError
from ....law.claim import ClaimFigures
from ....law.dates import format_date
from ....law.interest import InterestItem
from ....law.money import format_money
from ..courts import paper_claims_centre
from . import claimant_block, defendants_block, name_and_address, signer

INTEREST_BASIS_WORDS = {
    InterestBasis.STATUTORY: "under section 69 of the County Courts Act 1984",
    InterestBasis.CONTRACTUAL: "under the terms of the agreement",
    InterestBasis.LATE_PAYMENT: "under the Late Payment of Commercial Debts (Interest) Act 1998",
}


def agreement_sentence(case: Case, copy_attached: bool = False) -> str:
    """PD 16 para 7.3 (a written agreement: a copy attached to or served with the particulars) and 7.4
    (an oral one: the words, by whom and to whom they were spoken, when and where). The particulars
    say "attached" only when a copy is attached: they are verified by a statement of truth."""
    agreement = case.debt.agreement
    parties = " and ".join(agreement.parties) if agreement.parties else f"the claimant and {case.debtor.name}"
    if agreement.kind is AgreementKind.WRITTEN:
        dated = f" dated {format_date(agreement.date)}" if agreement.date else ""
        return (
            f"By a written {agreement.description or 'agreement'}{dated} between {parties}, the defendant "
            "agreed to pay the sums that fell due under it. A copy of the agreement "
            f"{'is attached to' if copy_attached else 'will be served with'} these particulars of claim."
        )
    if agreement.kind is AgreementKind.ORAL:
        speaker = agreement.made_by or case.debtor.name
        listener = _spoken_to(case, speaker)
        when = f" on {format_date(agreement.date)}" if agreement.date else ""
        where = f" at {agreement.place}" if agreement.place else ""
        words = agreement.description or "that the defendant would pay the sums due"
        return f"By an oral agreement made{when}{where}, in words spoken by {speaker} to {listener}, {words}."
    return f"The sum is owed to the claimant by law: {agreement.description or case.debt.description}."


def _spoken_to(case: Case, speaker: str) -> str:
    """The other party to an oral agreement: a named party who is not the speaker, else the other side."""
    others = [p for p in case.debt.agreement.parties if p.strip().lower() != speaker.strip().lower()]
    if others:
        return " and ".join(others)
    said = speaker.strip().lower()
    debtor_spoke = any(said in d.name.lower() or d.name.lower() in said for d in case.debtors)  # "Mr" or not
    return case.claimant.name if debtor_spoke else case.debtor.name


def interest_paragraph(case: Case, figures: ClaimFigures, issue_date: dt.date) -> str:
    """CPR 16.4(2): basis, rate, period, amount to issue and the daily rate after it.

    Why item by item: s.69 interest runs on each sum from the day it fell due (and on a part paid
    before issue only until it was paid), so one start date on one balance would misstate it; each
    item is pleaded so that the court (and the debtor) can check the arithmetic.
    """
    result = figures.interest
    if result is None:
        return "The claimant does not claim interest."
    words = INTEREST_BASIS_WORDS.get(case.interest.basis, "")
    rate = f"{result.rate.normalize():f}%"
    after = (
        f"The interest to the date of issue is {format_money(result.interest)}, and it continues at the daily "
        f"rate of {format_money(result.daily_rate)} ({rate} a year on {format_money(result.principal)}, "
        "divided by 365) from the date of issue until judgment or sooner payment."
    )
    if not result.items:
        return (
            f"The claimant claims interest {words} at the rate of {rate} a year simple on "
            f"{format_money(result.principal)} from {format_date(result.from_date)} to "
            f"{format_date(issue_date)}, the date of issue, a period of {result.days} days. {after}"
        )
    items = "; ".join(_interest_item(item) for item in result.items)
    return (
        f"The claimant claims interest {words} at the rate of {rate} a year simple on each sum from the day it "
        f"fell due to {format_date(issue_date)}, the date of issue (on a part paid before then, to the day it "
        f"was paid): {items}. {after}"
    )


def _interest_item(item: InterestItem) -> str:
    paid = ", when it was paid" if item.paid else ""
    excluded = f", less {item.excluded_days} days in a breathing space" if item.excluded_days else ""
    return (
        f"{format_money(item.amount)} ({item.description}) from {format_date(item.due)} to "
        f"{format_date(item.until)}{paid}, {item.days} days{excluded}, {format_money(item.interest)}"
    )


def brief_details(case: Case, figures: ClaimFigures) -> str:
    text = f"The claimant claims {format_money(figures.principal)} for {case.debt.type.label}: {case.debt.description}"
    if figures.interest is not None:
        text += f", and interest {INTEREST_BASIS_WORDS.get(case.interest.basis, '')}"
    return text + ". See the attached particulars of claim."


def n1_values(
    case: Case,
    figures: ClaimFigures,
    *,
    issue_date: dt.date,
    hearing_centre: str = "",
    court: str = "",
    human_rights: bool = False,
    vulnerability: str = "",
    signatory_name: str = "",
    signatory_position: str = "",
) -> dict[str, Any]:
    """N1 boxes. The court is the paper claims centre in force on the issue date; the hearing
    centre is the one the officer names (or the case file's), never one made up from a town."""
    value = f"{format_money(figures.claim_value)}. The claimant expects to recover {figures.statement_of_value}."
    centre = hearing_centre.strip() or case.preferred_court.strip()
    if not centre:
        raise DocumentError(
            f"case {case.reference}: hearing_centre is empty — name the preferred County Court "
            "hearing centre (for an individual, normally the one for the defendant's address), "
            "or set preferred_court in the case file"
        )
    return {
        "court": court or paper_claims_centre(issue_date).name,
        "fee_account": case.claimant.fee_account,
        "claimants": claimant_block(case),
        "defendants": defendants_block(case),
        "brief_details": brief_details(case, figures),
        "value": value,
        "service_name_address": name_and_address(case.debtor.name, case.debtor.address),
        "amount_claimed": figures.claim_value,
        "court_fee": figures.fee.fee,
        "legal_costs": figures.costs.costs,
        "total": figures.total,
        "hearing_centre": centre,
        "vulnerable": "yes" if vulnerability.strip() else "no",
        "vulnerability_details": vulnerability.strip(),
        "human_rights": "yes" if human_rights else "no",
        "particulars_status": "attached",
        "particulars_text": "See the attached particulars of claim.",
        "believer": "claimant_believes",
        "signature": "",
        "sot_date": issue_date,
        **signer(case, signatory_name, signatory_position),
        "address_for_documents": case.claimant.address,
        "phone": case.claimant.officer_phone,
        "email": case.claimant.officer_email,
        "your_ref": case.reference,
    }


def particulars_context(
    case: Case,
    figures: ClaimFigures,
    issue_date: dt.date,
    *,
    court: str = "",
    claim_number: str = "",
    signatory_name: str = "",
    signatory_position: str = "",
    letter_date: dt.date | None = None,
    agreement_attached: bool = False,
) -> dict[str, Any]:
    """Everything the particulars template shows: numbered paragraphs, the account and the prayer."""
    rows = [
        {
            "date": e.date,
            "description": e.description,
            "charge": e.amount if e.kind.value == "charge" else None,
            "payment": e.amount if e.kind.value == "payment" else None,
            "balance": bal,
        }
        for e, bal in case.running_ledger()
        if e.date <= issue_date
    ]
    charges = sum((r["charge"] for r in rows if r["charge"] is not None), start=figures.principal * 0)
    payments = sum((r["payment"] for r in rows if r["payment"] is not None), start=figures.principal * 0)
    debtor = case.debtor
    paragraphs = [
        f"The claimant is {case.claimant.name}, a local authority. The defendant"
        f"{'s are' if len(case.debtors) > 1 else ' is'} {' and '.join(d.name for d in case.debtors)}.",
        agreement_sentence(case, agreement_attached),
        f"The claim is for {case.debt.type.label}: {case.debt.description}.",
        f"The account is summarised in the table below. Charges total {format_money(charges)} and payments "
        f"total {format_money(payments)}, leaving {format_money(figures.principal)} due, which the defendant has "
        "failed to pay despite requests.",
    ]
    letter = case.latest_event(EventKind.LETTER_BEFORE_CLAIM_SENT)
    sent = letter.date if letter is not None else letter_date
    if sent is not None:
        paragraphs.append(
            f"The claimant wrote to the defendant before starting this claim, on {format_date(sent)}, "
            "setting out the sum due and asking for payment."
        )
    paragraphs.append(interest_paragraph(case, figures, issue_date))
    prayer = [f"{format_money(figures.principal)} being the debt"]
    if figures.interest is not None:
        prayer.append(
            f"interest to the date of issue of {format_money(figures.interest.interest)}, and continuing "
            f"interest at {format_money(figures.interest.daily_rate)} a day until judgment or sooner payment"
        )
    if figures.compensation is not None:
        prayer.append(f"fixed compensation of {format_money(figures.compensation.amount)}")
    prayer.append("costs")
    return {
        "court": court or paper_claims_centre(issue_date).name,
        "claim_number": claim_number or "",
        "claimant": case.claimant,
        "defendants": case.debtors,
        "defendant_names": " and ".join(d.name for d in case.debtors),
        "debtor": debtor,
        "reference": case.reference,
        "paragraphs": paragraphs,
        "account": rows,
        "total_charges": charges,
        "total_payments": payments,
        "principal": figures.principal,
        "prayer": prayer,
        "issue_date": issue_date,
        **signer(case, signatory_name, signatory_position),
        "claimant_address": case.claimant.address.one_line(),
    }
