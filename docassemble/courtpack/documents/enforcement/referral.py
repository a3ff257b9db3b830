"""Referral pack for an enforcement agent: an instruction letter plus the same facts as JSON and CSV.

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
from ...law.dates import format_date
from ...law.money import format_money, money_str
from ..render import Template, atomic_save, safe_file_name
from .requests import LABELS

FIELDS = ("reference", "claim_number", "court", "judgment_date", "route", "debtor_name", "debtor_kind",
          "debtor_address", "debtor_postcode", "debtor_phone", "debtor_email", "company_number",
          "judgment_amount", "paid_since", "outstanding", "judgment_interest", "daily_interest", "total_due",
          "as_at", "vulnerability", "creditor", "creditor_contact", "creditor_email", "creditor_phone")


def referral_record(case: Case, position: JudgmentPosition, route: str) -> dict[str, str]:
    """The flat record (strings) written to both the JSON and the CSV."""
    judgment = position.judgment
    debtor = case.debtor
    return {
        "reference": case.reference, "claim_number": judgment.claim_number, "court": judgment.court,
        "judgment_date": judgment.date.isoformat(), "route": route, "debtor_name": debtor.name,
        "debtor_kind": debtor.kind.value, "debtor_address": debtor.address.one_line(),
        "debtor_postcode": debtor.address.postcode, "debtor_phone": debtor.phone, "debtor_email": debtor.email,
        "company_number": debtor.company_number, "judgment_amount": money_str(judgment.amount + judgment.costs),
        "paid_since": money_str(judgment.paid_since), "outstanding": money_str(position.outstanding),
        "judgment_interest": money_str(position.interest.interest),
        "daily_interest": money_str(position.interest.daily_rate), "total_due": money_str(position.total_due),
        "as_at": position.on.isoformat(), "vulnerability": debtor.vulnerability, "creditor": case.claimant.name,
        "creditor_contact": case.claimant.officer_name, "creditor_email": case.claimant.officer_email,
        "creditor_phone": case.claimant.officer_phone,
    }


def _csv_text(record: dict[str, str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerow(record)
    return buffer.getvalue()


def write_referral_pack(case: Case, position: JudgmentPosition, route: str, out_dir: Path, *, letter_date: dt.date,
                        agent_name: str, agent_address: str, signatory_name: str = "", signatory_position: str = ""
                        ) -> list[Path]:
    """Instruction letter (DOCX) + JSON + CSV; the caller converts the DOCX with its batch."""
    out_dir = Path(out_dir)
    record = referral_record(case, position, route)
    stem = safe_file_name(f"{case.reference} enforcement referral")
    data_json = atomic_save(lambda tmp: tmp.write_text(json.dumps(record, indent=2), encoding="utf-8"),
                            out_dir / f"{stem}.json")
    data_csv = atomic_save(lambda tmp: tmp.write_text(_csv_text(record), encoding="utf-8"), out_dir / f"{stem}.csv")
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
        "claimant": case.claimant, "claimant_address": case.claimant.address.one_line(), "letter_date": letter_date,
        "reference": case.reference, "agent_name": agent_name, "agent_address": agent_address,
        "debtor": case.debtor, "judgment": position.judgment, "route_label": LABELS.get(route, route),
        "data_file": data_json.name, "details": details,
        "interest_sentence": (f"{interest.basis}; it runs at {format_money(interest.daily_rate)} a day."
                              if interest.interest else interest.basis),
        "vulnerability": case.debtor.vulnerability, "minimum_arrangement": "an amount agreed with us in writing",
        "signatory_name": signatory_name or case.claimant.officer_name,
        "signatory_position": signatory_position or case.claimant.officer_position,
    }
    letter = Template("enforcement_instruction_letter.docx").render(
        context, out_dir / f"{safe_file_name(case.reference + ' enforcement instruction letter')}.docx")
    return [letter, data_json, data_csv]
