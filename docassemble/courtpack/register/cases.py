"""Cases in the register: added or updated from a case file, with their parties and ledger.

Why from the case file: the case file (``case.casefile``) is the one source of truth for the facts;
the register keeps a copy to track the case over time and to query across cases. Adding a case
that is already there updates it (same reference); passing the version the officer saw makes a
change made meanwhile by someone else a ``ConcurrentUpdateError`` instead of a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.casefile import case_to_dict, read_case
from ..case.fields import clean_text
from ..case.model import Case as CaseFacts
from ..case.model import Debtor
from ..law.dates import check_range
from ..law.money import MAX_AMOUNT
from .db import DuplicateRecordError, Register, session_for
from .errors import ConcurrentUpdateError, RegisterError
from .models import Case, LedgerEntry, Party, Payment, new_key

RACE_ATTEMPTS = 5


@dataclass(frozen=True)
class CaseInfo:
    reference: str
    id: int
    version: int
    created: bool


def get_case(session: Session, reference: str) -> Case:
    """The case with this reference, or a ``RegisterError`` saying how to add it."""
    case = session.scalar(select(Case).where(Case.reference == reference))
    if case is None:
        raise RegisterError(f"no case {reference!r} in the register; add it with: courtpack register add CASEFILE")
    return case


def add_case(
    db: Register | Session | str | None,
    source: str | os.PathLike[str] | CaseFacts,
    *,
    who: str,
    expected_version: int | None = None,
) -> CaseInfo:
    """Add a case from a case file (or a ``Case``), or update the one with the same reference.

    An update is checked against the register version the file was taken from (``expected_version``,
    else the file's own ``version:``, written by ``courtpack register export``): a file older than the
    register is refused with "reload the case", so one officer's run cannot undo another's change.
    A file that says no version may only repeat what the register already holds.
    """
    facts = source if isinstance(source, CaseFacts) else read_case(source)
    if isinstance(db, Session):
        return _add_case(db, facts, who, expected_version)
    for _ in range(RACE_ATTEMPTS - 1):
        try:
            return _add_case(db, facts, who, expected_version)
        except (DuplicateRecordError, ConcurrentUpdateError):
            # Someone wrote the case a moment ago: read again and judge against what they stored
            # (the same facts: nothing to do; a version this file predates: "reload the case").
            continue
    return _add_case(db, facts, who, expected_version)


def _add_case(
    db: Register | Session | str | None, facts: CaseFacts, who: str, expected_version: int | None
) -> CaseInfo:
    expected = expected_version if expected_version is not None else facts.version
    stored = _stored_facts(facts)
    with session_for(db, who) as session:
        case = session.scalar(select(Case).where(Case.reference == facts.reference))
        created = case is None
        if case is None:
            if expected_version is not None:
                raise RegisterError(
                    f"case {facts.reference!r} is not in the register, so it has no version "
                    f"{expected_version}; add it without --expect-version"
                )
            case = Case(reference=facts.reference)
            session.add(case)
        elif expected is not None and case.version != expected:
            raise ConcurrentUpdateError(f"Case {facts.reference}")
        elif expected is None and case.casefile != stored:
            raise RegisterError(
                f"case {facts.reference} is already in the register (version {case.version}) and this file "
                "differs from it but does not say which version it was based on, so it may be out of date; "
                f"reload the case with `courtpack register export {facts.reference} --out FILE`, make the "
                f"change there and add that file (or pass --expect-version {case.version})"
            )
        else:
            if case.casefile == stored:
                return CaseInfo(case.reference, case.id, case.version, False)
        _apply(case, facts, stored)
        session.flush()
        return CaseInfo(case.reference, case.id, case.version, created)


def _stored_facts(facts: CaseFacts) -> str:
    """The facts as the register keeps them: without the version the file was exported at."""
    plain = case_to_dict(facts)
    plain.pop("version", None)
    return json.dumps(plain, sort_keys=True)


def _apply(case: Case, facts: CaseFacts, stored: str) -> None:
    case.claimant = facts.claimant.name
    case.debtor_name = " and ".join(d.name for d in facts.debtors)
    case.debt_type = facts.debt.type.value
    case.description = facts.debt.description
    case.officer_name = facts.claimant.officer_name
    case.officer_email = facts.claimant.officer_email
    case.preferred_court = facts.preferred_court
    case.balance = facts.balance()
    case.casefile = stored
    case.updated_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # always bumps the version
    wanted = [
        _party(
            "claimant",
            0,
            facts.claimant.name,
            facts.claimant.address.one_line(),
            facts.claimant.address.postcode,
            facts.claimant.officer_email,
            facts.claimant.officer_phone,
        )
    ]
    wanted += [_debtor_party(i, d) for i, d in enumerate(facts.debtors)]
    _replace(
        case.parties,
        wanted,
        ("role", "position", "kind", "name", "address", "postcode", "email", "phone", "vulnerability"),
    )
    entries = [
        LedgerEntry(entry_date=e.date, description=e.description, amount=e.amount, kind=e.kind.value)
        for e in sorted(facts.ledger, key=lambda e: e.date)
    ]
    _replace(case.ledger, entries, ("entry_date", "description", "amount", "kind"))


def _replace(current: list, wanted: list, keys: tuple[str, ...]) -> None:
    """Replace a child collection only where it differs, so the audit log shows real changes."""

    def sig(obj: object) -> tuple:
        return tuple(getattr(obj, k) for k in keys)

    if [sig(o) for o in current] == [sig(o) for o in wanted]:
        return
    current[:] = wanted


def _party(
    role: str,
    position: int,
    name: str,
    address: str,
    postcode: str,
    email: str = "",
    phone: str = "",
    kind: str = "",
    vulnerability: str = "",
) -> Party:
    return Party(
        role=role,
        position=position,
        kind=kind,
        name=name,
        address=address,
        postcode=postcode,
        email=email,
        phone=phone,
        vulnerability=vulnerability,
    )


def _debtor_party(index: int, debtor: Debtor) -> Party:
    return _party(
        "debtor",
        index + 1,
        debtor.name,
        debtor.address.one_line(),
        debtor.address.postcode,
        debtor.email,
        debtor.phone,
        debtor.kind.value,
        debtor.vulnerability,
    )


def add_payment(
    db: Register | Session | str | None,
    reference: str,
    paid_on: dt.date,
    amount: Decimal,
    method: str = "",
    external_ref: str = "",
    *,
    who: str,
) -> int:
    """Record one payment by hand (imports use ``importer``). Returns its id."""
    if amount <= 0 or amount > MAX_AMOUNT:
        raise RegisterError(
            f"payment of {amount} for {reference}: a payment must be more than £0.00 and at most £{MAX_AMOUNT:,}"
        )
    problem = check_range(paid_on, today=dt.date.today(), past=True)
    if problem:
        raise RegisterError(f"payment for {reference}: {problem}")
    for name, text, limit in (("method", method, 60), ("receipt number", external_ref, 60)):
        problem = clean_text(text, limit)
        if problem:
            raise RegisterError(f"payment for {reference}: the {name} {problem}; correct it")
    with session_for(db, who) as session:
        case = get_case(session, reference)
        key = f"manual:ref:{external_ref}" if external_ref else f"manual:{new_key()}"
        payment = Payment(
            case_id=case.id,
            paid_on=paid_on,
            amount=amount,
            method=method,
            source="manual",
            external_ref=external_ref,
            dedupe_key=key,
        )
        session.add(payment)
        session.flush()
        return payment.id


def case_files_in(folder: Path) -> list[Path]:
    """The case files in a folder (``*.yaml``), in name order."""
    return sorted(p for p in folder.glob("*.yaml") if p.is_file())
