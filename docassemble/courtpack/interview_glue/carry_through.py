"""Carry one case from claim to enforcement headlessly: money claim, default judgment, enforcement
(and a charging order where the debtor owns land). The demo and end-to-end tests call this.

Why through the interviews: it proves the interviews themselves (docassemble's real engine) reach
their end screens with sensible answers, not just the Python below them.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from ..case import read_case
from ..case.figures import judgment_position
from ..case.model import EventKind
from ..law.default_judgment import default_judgment_timing
from .enforcement import judgment_from_answers

__all__ = ["carry_case_through"]

ISSUE_DAYS_BEFORE = 80  # the claim is issued this long before ``as_at``...
LETTER_DAYS_BEFORE_ISSUE = 40  # ...after a letter before claim sent this long before issue (protocol: 30 days)
JUDGMENT_DAYS_AFTER_REQUEST = 7  # the court enters judgment about a week after the request


def carry_case_through(case_path: Path, out_dir: Path, as_at: dt.date) -> list[Path]:
    """Run money_claim -> default_judgment -> enforcement (-> charging_order) for one case file.

    Returns every document written, all under ``out_dir/<reference>/``.
    """
    from ..headless.runner import run_interview

    case = read_case(Path(case_path))
    target = Path(out_dir) / case.reference
    issue = as_at - dt.timedelta(days=ISSUE_DAYS_BEFORE)
    letter = case.latest_event(EventKind.LETTER_BEFORE_CLAIM_SENT)
    letter_date = letter.date if letter else issue - dt.timedelta(days=LETTER_DAYS_BEFORE_ISSUE)
    signer = {"signatory_name": case.claimant.officer_name, "signatory_position": case.claimant.officer_position}
    written: list[Path] = []

    claim = run_interview("money_claim", {
        "letter_before_claim_date": letter_date.isoformat(), "issue_date": issue.isoformat(),
        "hearing_centre": case.preferred_court or f"County Court at {case.claimant.address.town}",
        "human_rights": False, "claimant_vulnerable": False, "claim_checked": True, **signer}, target, case_path)
    written += claim.documents

    claim_number = f"{issue:%y}{case.reference.split('-')[-1]}CP"  # as the CNBC would allocate
    timing = default_judgment_timing(issue)
    request = timing.earliest_request
    judgment_answers = run_interview("default_judgment", {
        "claim_number": claim_number, "issue_date": issue.isoformat(), "service_method": "court",
        "acknowledged": False, "timing_seen": True, "request_date": request.isoformat(),
        "payment_terms": "forthwith", "paid_since": 0, **signer}, target, case_path)
    written += judgment_answers.documents
    note = next(p for p in judgment_answers.documents if p.suffix == ".json")
    amount = Decimal(json.loads(note.read_text(encoding="utf-8"))["amount_payable"])
    judgment_date = request + dt.timedelta(days=JUDGMENT_DAYS_AFTER_REQUEST)
    judgment = {"judgment_claim_number": claim_number, "judgment_court": "Civil National Business Centre",
                "judgment_date": judgment_date.isoformat(), "judgment_amount": str(amount),
                "judgment_paid_since": "0.00"}

    position = judgment_position(case, judgment_from_answers(claim_number, "Civil National Business Centre",
                                                             judgment_date, amount), as_at)
    open_routes = {o.route for o in position.assessment.options if o.allowed}
    chosen = [r for r in ("warrant_of_control", "writ_of_control") if r in open_routes][:1]
    chosen += [r for r in ("order_to_obtain_information",) if r in open_routes]
    enforcement = run_interview("enforcement", {
        **judgment, "as_at": as_at.isoformat(), "debtor_employed": bool(case.debtor.employer),
        "routes_seen": True, "chosen_routes": chosen, "officer_name": "The company secretary",
        "officer_position": "Company secretary", "other_enforcement": "",
        "agent_name": "Example HCEO Ltd (demo High Court Enforcement Officer)",
        "agent_address": case.claimant.address.one_line(), **signer}, target, case_path)
    written += enforcement.documents

    if any(p.title_number for p in case.properties):
        charging = run_interview("charging_order", {
            **judgment, "application_date": as_at.isoformat(), "title_number": "", "debtor_interest": "",
            "other_creditors": "", "persons_to_serve": "", "interim_order_date": as_at.isoformat(), **signer},
            target, case_path)
        written += charging.documents
    return written
