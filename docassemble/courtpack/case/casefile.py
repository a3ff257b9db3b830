"""Case files: a case read from YAML with every field checked, and written back.

Why YAML: officers and reviewers read and correct case files by hand, and
docassemble interviews are YAML too. Every problem is reported as
``file: field.path: problem — fix`` (``CaseFileError``), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import fields, is_dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from ..errors import CaseFileError
from ..law.money import money_str
from .fields import Fields
from .model import (
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
FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly")


def read_case(path: str | os.PathLike[str], today: dt.date | None = None) -> Case:
    """Read and validate a case file; ``today`` bounds dates that cannot be in the future."""
    file = Path(path)
    source = str(path)
    if not file.is_file():
        raise CaseFileError(source, "", "no such file", "check the path to the case file")
    if file.stat().st_size > MAX_CASE_FILE_BYTES:
        raise CaseFileError(source, "", f"is over {MAX_CASE_FILE_BYTES // 1_000_000} MB",
                            "a case file holds facts, not documents; attach documents separately")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise CaseFileError(source, "", "is not a text file", "save it as UTF-8 YAML") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise CaseFileError(source, "", f"is not valid YAML{line}",
                            "check the indentation and quotes there") from None
    if data is None:
        raise CaseFileError(source, "", "is empty", "start from one of the files in examples/")
    return case_from_dict(data, source, today)


def case_from_dict(data: Any, source: str = "case", today: dt.date | None = None) -> Case:
    """Build a ``Case`` from parsed YAML/JSON, checking every field."""
    today = today or dt.date.today()
    top = Fields(data, source)
    debtors = [_debtor(f, today) for f in top.items("debtors", required=True)]
    if len(debtors) > 2:
        raise top.fail("debtors", f"has {len(debtors)} debtors", "courtpack handles one or two defendants a claim")
    ledger = [_entry(f, today) for f in top.items("ledger", required=True)]
    if not any(e.kind is EntryKind.CHARGE for e in ledger):
        raise top.fail("ledger", "has no charges", "record what is owed as entries of kind 'charge'")
    interest = top.section("interest", None)
    case = Case(
        reference=_reference(top),
        claimant=_claimant(top.section("claimant")),
        debtors=debtors,
        debt=_debt(top.section("debt"), today),
        ledger=ledger,
        interest=_interest(interest, today) if interest else Interest(),
        events=[_event(f, today) for f in top.items("events")],
        properties=[_property(f) for f in top.items("properties")],
        judgment=_judgment(top.section("judgment"), today) if top.data.get("judgment") else None,
        preferred_court=top.text("preferred_court", ""),
    )
    return case


def _reference(top: Fields) -> str:
    reference = top.text("reference")
    if any(c in reference for c in '/\\:*?"<>|') or len(reference) > 40:
        raise top.fail("reference", f"{reference!r} cannot name files",
                       "use letters, digits and hyphens, e.g. FTA-2025-0142")
    return reference


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
        payment_instructions=f.text("payment_instructions", ""),
        reply_address=_address(reply) if reply else None,
    )


def _debtor(f: Fields, today: dt.date) -> Debtor:
    kind = f.choice("kind", DebtorKind)
    spaces = tuple(
        BreathingSpace(start=b.date("start"), end=b.date("end", None), kind=b.text("kind", "standard"))
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
        vulnerability=f.text("vulnerability", ""),
        breathing_spaces=spaces,
        employer=f.text("employer", ""),
    )
    if kind in (DebtorKind.COMPANY, DebtorKind.PARTNERSHIP) and not debtor.company_name:
        raise f.fail("company_name", "is missing", f"a {kind.value} is sued in its own name")
    if kind in (DebtorKind.INDIVIDUAL, DebtorKind.SOLE_TRADER) and not debtor.surname:
        raise f.fail("surname", "is missing", "an individual is sued by title and full name")
    if debtor.email and "@" not in debtor.email:
        raise f.fail("email", f"{debtor.email!r} is not an email address")
    return debtor


def _debt(f: Fields, today: dt.date) -> Debt:
    agreement = f.section("agreement", None)
    prop = f.section("property_address", None)
    return Debt(
        type=f.choice("type", DebtType),
        description=f.text("description"),
        agreement=_agreement(agreement, today) if agreement else Agreement(AgreementKind.NONE),
        property_address=_address(prop) if prop else None,
        cca_regulated=f.flag("cca_regulated"),
    )


def _agreement(f: Fields, today: dt.date) -> Agreement:
    kind = f.choice("kind", AgreementKind)
    # a written or oral agreement must be dated; a statutory debt has none
    optional = {"default": None} if kind is AgreementKind.NONE else {}
    made_on = f.date("date", not_after=today, **optional)
    agreement = Agreement(
        kind=kind,
        date=made_on,
        parties=f.strings("parties"),
        description=f.text("description", ""),
        made_by=f.text("made_by", ""),
        place=f.text("place", ""),
    )
    if kind is AgreementKind.ORAL and not (agreement.made_by and agreement.place):
        raise f.fail("made_by", "an oral agreement needs who made it and where (made_by, place)",
                     "the protocol requires both in the letter of claim")
    return agreement


def _entry(f: Fields, today: dt.date) -> LedgerEntry:
    return LedgerEntry(
        date=f.date("date", not_after=today),
        description=f.text("description"),
        amount=f.money("amount"),
        kind=f.choice("kind", EntryKind),
    )


def _interest(f: Fields, today: dt.date) -> Interest:
    basis = f.choice("basis", InterestBasis)
    rate = f.rate("rate", None)
    if basis is InterestBasis.CONTRACTUAL and rate is None:
        raise f.fail("rate", "is missing", "a contractual rate must be stated as a percentage a year")
    return Interest(basis=basis, rate=rate, from_date=f.date("from_date", None, not_after=today))


def _event(f: Fields, today: dt.date) -> Event:
    return Event(date=f.date("date", not_after=today), kind=f.choice("kind", EventKind), note=f.text("note", ""))


def _property(f: Fields) -> Property:
    return Property(
        address=_address(f.section("address")),
        title_number=f.text("title_number", ""),
        debtor_interest=f.text("debtor_interest", "sole legal and beneficial owner"),
        other_owners=f.strings("other_owners"),
        other_creditors=f.strings("other_creditors"),
    )


def _judgment(f: Fields, today: dt.date) -> Judgment:
    plan = f.section("instalments", None)
    instalments = None
    if plan:
        frequency = plan.text("frequency")
        if frequency not in FREQUENCIES:
            raise plan.fail("frequency", f"{frequency!r} is not known", f"use one of: {', '.join(FREQUENCIES)}")
        instalments = Instalments(amount=plan.money("amount"), frequency=frequency,
                                  first_payment=plan.date("first_payment"))
    return Judgment(
        claim_number=f.text("claim_number"),
        court=f.text("court"),
        date=f.date("date", not_after=today),
        amount=f.money("amount"),
        costs=f.money("costs", default=_ZERO, positive=False),
        paid_since=f.money("paid_since", default=_ZERO, positive=False),
        instalments=instalments,
    )


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as plain YAML-ready data (the inverse of ``case_from_dict``); empty fields omitted."""
    return _plain(case)


def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write a case file atomically: a failure never leaves a half-written file."""
    target = Path(path)
    text = yaml.safe_dump(case_to_dict(case), sort_keys=False, allow_unicode=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
