"""Referral pack for a High Court Enforcement Officer: an instruction letter plus the same facts as JSON and CSV.

Why only for a writ: a County Court warrant of control is executed by the court's own enforcement
agents, so nobody private is instructed for it; a private agent acts on a High Court writ (the
judgment transferred up on N293A) or under the council's own statutory powers. The letter goes
to the agent the officer names — never to an unnamed "appointed enforcement agent".

Why machine-readable: enforcement agencies load instructions into their case systems; a JSON
record and a one-row CSV (same field names) save rekeying and the errors that come with it.
Vulnerability notes travel with the instruction so the agent can follow the Taking Control of
Goods National Standards from the first visit.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from ...case import Case
from ...case.figures import JudgmentPosition
from ...errors import DocumentError
from ...law.dates import format_date
from ...law.money import format_money, money_str
from .._output import OutputSet
from ..render import Template, safe_file_name
from .requests import LABELS

FIELDS = (
    "reference",
    "claim_number",
    "court",
    "judgment_date",
    "route",
    "debtor_name",
    "debtor_kind",
    "debtor_address",
    "debtor_postcode",
    "debtor_phone",
    "debtor_email",
    "company_number",
    "judgment_amount",
    "paid_since",
    "outstanding",
    "judgment_interest",
    "daily_interest",
    "total_due",
    "as_at",
    "vulnerability",
    "creditor",
    "creditor_contact",
    "creditor_email",
    "creditor_phone",
)


def referral_record(case: Case, position: JudgmentPosition, route: str) -> dict[str, str]:
    """The flat record (strings) written to both the JSON and the CSV."""
    judgment = position.judgment
    debtor = case.debtor
    return {
        "reference": case.reference,
        "claim_number": judgment.claim_number,
        "court": judgment.court,
        "judgment_date": judgment.date.isoformat(),
        "route": route,
        "debtor_name": debtor.name,
        "debtor_kind": debtor.kind.value,
        "debtor_address": debtor.address.one_line(),
        "debtor_postcode": debtor.address.postcode,
        "debtor_phone": debtor.phone,
        "debtor_email": debtor.email,
        "company_number": debtor.company_number,
        "judgment_amount": money_str(judgment.amount + judgment.costs),
        "paid_since": money_str(judgment.paid_since),
        "outstanding": money_str(position.outstanding),
        "judgment_interest": money_str(position.interest.interest),
        "daily_interest": money_str(position.interest.daily_rate),
        "total_due": money_str(position.total_due),
        "as_at": position.on.isoformat(),
        "vulnerability": debtor.vulnerability,
        "creditor": case.claimant.name,
        "creditor_contact": case.claimant.officer_name,
        "creditor_email": case.claimant.officer_email,
        "creditor_phone": case.claimant.officer_phone,
    }


def _csv_text(record: dict[str, str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerow(record)
    return buffer.getvalue()


AGENT_ROUTES = ("writ_of_control",)


def write_referral_pack(
    case: Case,
    position: JudgmentPosition,
    route: str,
    out: OutputSet,
    *,
    letter_date: dt.date,
    agent_name: str,
    agent_address: str,
    signatory_name: str,
    signatory_position: str,
) -> list[Path]:
    """Instruction letter (DOCX) + JSON + CSV, staged in ``out``; the caller converts the DOCX with its batch."""
    if route not in AGENT_ROUTES:
        raise DocumentError(
            f"case {case.reference}: an instruction letter is for a High Court writ of control; a "
            "County Court warrant of control is executed by the court's own enforcement agents"
        )
    if not agent_name.strip() or not agent_address.strip():
        raise DocumentError(
            f"case {case.reference}: agent_name and agent_address are needed — name the High Court "
            "Enforcement Officer the writ goes to and give their address"
        )
    record = referral_record(case, position, route)
    stem = safe_file_name(f"{case.reference} enforcement referral")
    data_json = out.stage(f"{stem}.json")
    data_json.write_text(json.dumps(record, indent=2), encoding="utf-8")
    data_csv = out.stage(f"{stem}.csv")
    data_csv.write_text(_csv_text(record), encoding="utf-8")
    interest = position.interest
    details = [
        {"label": "Claim number", "value": position.judgment.claim_number},
        {"label": "Court", "value": position.judgment.court},
        {"label": "Date of judgment", "value": format_date(position.judgment.date)},
        {"label": "Debtor", "value": case.debtor.name},
        {"label": "Debtor's address", "value": case.debtor.address.one_line()},
        {"label": "Amount of judgment", "value": format_money(position.judgment.amount + position.judgment.costs)},
        {"label": "Paid since judgment", "value": format_money(position.judgment.paid_since)},
        {"label": f"Due on {format_date(position.on)}", "value": format_money(position.total_due)},
    ]
    context: dict[str, Any] = {
        "claimant": case.claimant,
        "claimant_address": case.claimant.address.one_line(),
        "letter_date": letter_date,
        "reference": case.reference,
        "agent_name": agent_name.strip(),
        "agent_address": agent_address.strip(),
        "debtor": case.debtor,
        "judgment": position.judgment,
        "route_label": LABELS.get(route, route),
        "data_file": data_json.name,
        "details": details,
        "interest_sentence": (
            f"{interest.basis}; it runs at {format_money(interest.daily_rate)} a day."
            if interest.interest
            else interest.basis
        ),
        "vulnerability": case.debtor.vulnerability,
        "minimum_arrangement": "an amount agreed with us in writing",
        "signatory_name": signatory_name or case.claimant.officer_name,
        "signatory_position": signatory_position or case.claimant.officer_position,
    }
    letter = Template("enforcement_instruction_letter.docx").render(
        context, out.stage(f"{safe_file_name(case.reference + ' enforcement instruction letter')}.docx")
    )
    return [letter, data_json, data_csv]
