"""Case files: a case read from YAML with every field checked, and written back.

Why YAML: officers and reviewers read and correct case files by hand, and
docassemble interviews are YAML too. Every problem is reported as
``file: field.path: problem — fix`` (``CaseFileError``), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

import yaml

from ..files import write_atomically
from ..law.money import MAX_AMOUNT, money_str
from .fields import Fields, load_yaml
from .model import (
    FREQUENCIES,
    Address,
    Agreement,
    AgreementKind,
    BreathingSpace,
    Case,
    Claimant,
    Debt,
    Debtor,
    DebtorKind,
    DebtType,
    EntryKind,
    Event,
    EventKind,
    Instalments,
    Interest,
    InterestBasis,
    Judgment,
    LedgerEntry,
    Property,
)

MAX_CASE_FILE_BYTES = 2_000_000
MAX_LEDGER_ENTRIES = 5_000  # a decade of weekly rent is ~520; more is a wrong export
MAX_NAME = 300  # the register's party name column, and far more than any claim form box
BREATHING_SPACE_KINDS = ("standard", "mental_health_crisis")


def read_case(path: str | os.PathLike[str], today: dt.date | None = None) -> Case:
    """Read and validate a case file; ``today`` bounds dates that cannot be in the future."""
    data = load_yaml(path, "case file", max_bytes=MAX_CASE_FILE_BYTES)
    return case_from_dict(data, str(path), today)


def case_from_dict(data: Any, source: str = "case", today: dt.date | None = None) -> Case:
    """Build a ``Case`` from parsed YAML/JSON, checking every field and refusing unknown ones."""
    top = Fields(data, source, today=today or dt.date.today())
    debtors = [_debtor(f) for f in top.items("debtors", required=True)]
    if len(debtors) > 2:
        raise top.fail("debtors", f"has {len(debtors)} debtors", "courtpack handles one or two defendants a claim")
    ledger = [_entry(f) for f in top.items("ledger", required=True, limit=MAX_LEDGER_ENTRIES)]
    if not any(e.kind is EntryKind.CHARGE for e in ledger):
        raise top.fail("ledger", "has no charges", "record what is owed as entries of kind 'charge'")
    interest = top.section("interest", None)
    judgment = top.section("judgment", None)
    version = top.number("version", None, low=1, high=10**9)
    case = Case(
        reference=top.reference("reference"),
        claimant=_claimant(top.section("claimant")),
        debtors=debtors,
        debt=_debt(top.section("debt")),
        ledger=ledger,
        interest=_interest(interest) if interest else Interest(),
        events=[_event(f) for f in top.items("events")],
        properties=[_property(f) for f in top.items("properties")],
        judgment=_judgment(judgment) if judgment else None,
        preferred_court=top.text("preferred_court", ""),
        version=version,
    )
    top.refuse_unknown()
    if case.balance() > MAX_AMOUNT:
        raise top.fail(
            "ledger", f"comes to {case.balance():,}, more than courtpack accepts (£{MAX_AMOUNT:,})", "check the amounts"
        )
    return case


def _address(f: Fields) -> Address:
    lines = f.strings("lines")
    if not lines:
        raise f.fail("lines", "is missing", "give the street address as a list of lines")
    return Address(lines=lines, town=f.text("town"), postcode=f.postcode("postcode"))


def _claimant(f: Fields) -> Claimant:
    reply = f.section("reply_address", None)
    return Claimant(
        name=f.text("name"),
        address=_address(f.section("address")),
        officer_name=f.text("officer_name"),
        officer_phone=f.text("officer_phone"),
        officer_email=f.text("officer_email"),
        officer_position=f.text("officer_position", "Debt Recovery Officer"),
        department=f.text("department", ""),
        fee_account=f.text("fee_account", ""),
        solicitor_conducted=f.flag("solicitor_conducted"),
        legal_representative=f.text("legal_representative", ""),
        payment_instructions=f.long_text("payment_instructions", ""),
        reply_address=_address(reply) if reply else None,
    )


def _debtor(f: Fields) -> Debtor:
    kind = f.choice("kind", DebtorKind)
    spaces = tuple(
        BreathingSpace(
            start=b.date("start", past=True),
            end=b.date("end", None),
            kind=b.one_of("kind", BREATHING_SPACE_KINDS, "standard"),
        )
        for b in f.items("breathing_spaces")
    )
    debtor = Debtor(
        kind=kind,
        address=_address(f.section("address")),
        title=f.text("title", ""),
        first_names=f.text("first_names", ""),
        surname=f.text("surname", ""),
        trading_name=f.text("trading_name", ""),
        company_name=f.text("company_name", ""),
        company_number=f.text("company_number", ""),
        email=f.text("email", ""),
        phone=f.text("phone", ""),
        vulnerability=f.long_text("vulnerability", ""),
        breathing_spaces=spaces,
        employer=f.text("employer", ""),
    )
    if kind in (DebtorKind.COMPANY, DebtorKind.PARTNERSHIP) and not debtor.company_name:
        raise f.fail("company_name", "is missing", f"a {kind.value} is sued in its own name")
    if kind in (DebtorKind.INDIVIDUAL, DebtorKind.SOLE_TRADER) and not debtor.surname:
        raise f.fail("surname", "is missing", "an individual is sued by title and full name")
    if len(debtor.name) > MAX_NAME:
        raise f.fail(
            "surname" if debtor.is_individual else "company_name",
            f"makes a name of {len(debtor.name)} characters, over the {MAX_NAME} a claim form holds",
            "shorten it",
        )
    if debtor.email and "@" not in debtor.email:
        raise f.fail("email", f"{debtor.email!r} is not an email address")
    return debtor


def _debt(f: Fields) -> Debt:
    agreement = f.section("agreement", None)
    prop = f.section("property_address", None)
    return Debt(
        type=f.choice("type", DebtType),
        description=f.long_text("description"),
        agreement=_agreement(agreement) if agreement else Agreement(AgreementKind.NONE),
        property_address=_address(prop) if prop else None,
        cca_regulated=f.flag("cca_regulated"),
    )


def _agreement(f: Fields) -> Agreement:
    kind = f.choice("kind", AgreementKind)
    # a written or oral agreement must be dated; a statutory debt has none
    optional = {"default": None} if kind is AgreementKind.NONE else {}
    made_on = f.date("date", past=True, **optional)
    agreement = Agreement(
        kind=kind,
        date=made_on,
        parties=f.strings("parties"),
        description=f.long_text("description", ""),
        made_by=f.text("made_by", ""),
        place=f.text("place", ""),
    )
    if kind is AgreementKind.ORAL and not (agreement.made_by and agreement.place):
        raise f.fail(
            "made_by",
            "an oral agreement needs who made it and where (made_by, place)",
            "the protocol requires both in the letter of claim",
        )
    return agreement


def _entry(f: Fields) -> LedgerEntry:
    return LedgerEntry(
        date=f.date("date", past=True),
        description=f.text("description"),
        amount=f.money("amount"),
        kind=f.choice("kind", EntryKind),
    )


def _interest(f: Fields) -> Interest:
    basis = f.choice("basis", InterestBasis)
    rate = f.rate("rate", None)
    if basis is InterestBasis.CONTRACTUAL and rate is None:
        raise f.fail("rate", "is missing", "a contractual rate must be stated as a percentage a year")
    return Interest(basis=basis, rate=rate, from_date=f.date("from_date", None, past=True))


def _event(f: Fields) -> Event:
    return Event(date=f.date("date", past=True), kind=f.choice("kind", EventKind), note=f.long_text("note", ""))


def _property(f: Fields) -> Property:
    return Property(
        address=_address(f.section("address")),
        title_number=f.text("title_number", ""),
        debtor_interest=f.text("debtor_interest", "sole legal and beneficial owner"),
        other_owners=f.strings("other_owners"),
        other_creditors=f.strings("other_creditors"),
    )


def _judgment(f: Fields) -> Judgment:
    plan = f.section("instalments", None)
    instalments = None
    if plan:
        instalments = Instalments(
            amount=plan.money("amount"),
            frequency=plan.one_of("frequency", FREQUENCIES),
            first_payment=plan.date("first_payment"),
        )
    return Judgment(
        claim_number=f.reference("claim_number"),
        court=f.text("court"),
        date=f.date("date", past=True),
        amount=f.money("amount"),
        costs=f.money("costs", default=_ZERO, positive=False),
        paid_since=f.money("paid_since", default=_ZERO, positive=False),
        instalments=instalments,
    )


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as plain YAML-ready data (the inverse of ``case_from_dict``); empty fields omitted."""
    plain: dict[str, Any] = _plain(case)
    return plain


def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write a case file atomically: a failure never leaves a half-written file."""
    text = yaml.safe_dump(case_to_dict(case), sort_keys=False, allow_unicode=True)
    write_atomically(path, text.encode("utf-8"))


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        out = {}
        for f in fields(value):
            item = _plain(getattr(value, f.name))
            if item not in (None, "", [], {}) and not (f.name == "kind" and item == "none"):
                out[f.name] = item
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return money_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


_ZERO = Decimal("0.00")
