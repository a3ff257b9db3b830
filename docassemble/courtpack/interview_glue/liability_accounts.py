"""Council tax and business rates accounts from an income system's export, as register cases.

Why its own module: an export gives one line per account ("10 Elm Road, London SE13 1AB", "Mr Ben
Smith"), while a register case holds a checked address (lines, town, postcode) and a debtor by
title and names, with the council as claimant from the register's settings. Turning one into the
other, once, here, means the notices, summonses and every later step read the same case.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.casefile import case_from_dict
from ..case.fields import normalise_postcode
from ..documents.liability.accounts import Account
from ..law import liability_orders as lo
from ..law.money import money_str
from ..register.cases import add_case
from ..register.errors import RegisterError
from ..register.models import Case
from ..register.settings import CouncilSettings, claimant_data

__all__ = ["PREFIXES", "case_reference", "debtor_name", "ensure_case"]

PREFIXES = {"council_tax": "CT", "business_rates": "BR"}
COMPANY = re.compile(r"\b(ltd|limited|plc|llp|l\.l\.p\.)\.?$", re.IGNORECASE)
TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr")


def case_reference(tax: str, account: str) -> str:
    """The register case for an account: ``CT-5100203`` (council tax), ``BR-…`` (business rates)."""
    return f"{PREFIXES[tax]}-{account}"


def _address(reference: str, field: str, text: str) -> dict[str, Any]:
    """'10 Elm Road, London SE13 1AB' -> lines, town and postcode (income systems export one line)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    last = parts[-1].split() if parts else []
    postcode = normalise_postcode(" ".join(last[-2:])) if len(last) >= 2 else None
    if postcode is None:
        raise RegisterError(
            f"case {reference}, {field}: {text!r} does not end with a UK postcode; correct the export so it "
            "reads like '10 Elm Road, London SE13 1AB'"
        )
    town_words = last[:-2]
    lines = parts[:-1]
    if not town_words and len(lines) >= 2:
        town_words = [lines.pop()]
    if not town_words or not lines:
        raise RegisterError(
            f"case {reference}, {field}: {text!r} needs a street, a town and a postcode; correct the export "
            "so it reads like '10 Elm Road, London SE13 1AB'"
        )
    return {"lines": lines, "town": " ".join(town_words), "postcode": postcode}


def _debtor(reference: str, account: Account) -> dict[str, Any]:
    name = " ".join(account.name.split())
    address = _address(reference, "address", account.address)
    if COMPANY.search(name):
        return {"kind": "company", "company_name": name, "address": address}
    words = name.split()
    title = words.pop(0).rstrip(".") if len(words) > 2 and words[0].rstrip(".") in TITLES else ""
    debtor: dict[str, Any] = {
        "kind": "individual",
        "surname": words[-1],
        "first_names": " ".join(words[:-1]),
        "address": address,
    }
    if title:
        debtor["title"] = title
    if account.employer:
        debtor["employer"] = account.employer
    return debtor


def debtor_name(reference: str, account: Account) -> str:
    """The debtor's name as the case states it (what the recorded documents are checked against)."""
    debtor = _debtor(reference, account)
    if debtor["kind"] == "company":
        return debtor["company_name"]
    return " ".join(p for p in (debtor.get("title", ""), debtor["first_names"], debtor["surname"]) if p)


def _charge(tax: str, account: Account) -> dict[str, Any]:
    return {
        "date": account.due_date.isoformat(),
        "description": f"{lo.DEBT_LABELS[tax].capitalize()} {account.year}",
        "amount": money_str(account.balance),
        "kind": "charge",
    }


def _case_data(tax: str, account: Account, council: CouncilSettings) -> dict[str, Any]:
    reference = case_reference(tax, account.account)
    liability = council.liability()
    prop = _address(reference, "property", account.property)
    data: dict[str, Any] = {
        "reference": reference,
        "claimant": claimant_data(council, liability.officer, liability.officer_position),
        "debtors": [_debtor(reference, account)],
        "debt": {
            "type": tax,
            "description": f"{lo.DEBT_LABELS[tax].capitalize()} for {account.property} (account {account.account})",
            "property_address": prop,
        },
        "ledger": [_charge(tax, account)],
    }
    if account.owner:  # the export says the debtor owns an interest in the dwelling (charging orders)
        data["properties"] = [{"address": prop, "debtor_interest": "owner (from the council tax record)"}]
    return data


def ensure_case(session: Session, tax: str, account: Account, council: CouncilSettings) -> tuple[str, bool]:
    """The account's case (and whether it was added now): added on first sight; a later year's arrears
    join its ledger."""
    reference = case_reference(tax, account.account)
    who = session.info["who"]
    existing = session.scalar(select(Case).where(Case.reference == reference))
    if existing is None:
        add_case(session, case_from_dict(_case_data(tax, account, council), f"account {account.account}"), who=who)
        return reference, True
    if existing.debt_type != tax:
        raise RegisterError(
            f"case {reference} is a {existing.debt_type.replace('_', ' ')} case, not {lo.DEBT_LABELS[tax]}; "
            "check the account number and the mapping's tax"
        )
    facts = case_from_dict(json.loads(existing.casefile), f"case {reference}")
    charge = case_from_dict({**_case_data(tax, account, council), "reference": reference}).ledger[0]
    if charge not in facts.ledger:
        add_case(session, replace(facts, ledger=[*facts.ledger, charge]), who=who, expected_version=existing.version)
    return reference, False
