"""Importing accounts and payments from council income systems (CSV or XLSX + a mapping file).

The rules officers rely on:

* every row is checked before anything is written; a bad row is reported with the file, its row
  number (as the spreadsheet shows it), the column and the reason;
* a file with any bad row changes NOTHING — unless ``good_rows_only``, which imports the good rows
  and reports the bad ones;
* everything is applied in one transaction: all of it or none of it;
* importing the same file again adds nothing: a payment is identified by its system and external
  reference (receipt number) or, without one, by a hash of its fields (and how many identical rows
  came before it in the file, so two genuine £50 payments on one day both count once).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit
from .db import DuplicateRecordError, Register, open_register, session_for
from .errors import ConcurrentUpdateError, ImportRowsError, RegisterError, RowProblem
from .mapping import Mapping, read_mapping
from .models import Account, Case, Payment
from .readers import MAX_PATTERN_INPUT, _Bad, _reference, _text, _Unmatched, parse_amount, parse_date, read_rows

MAX_ROWS = 200_000  # years of a large council's receipts; more is the wrong export
MAX_PROBLEMS = 1_000  # past this many bad rows the file is the wrong one: stop reading it
RACE_ATTEMPTS = 30  # each lost race means another import committed, so this bounds 30 at once


@dataclass
class ImportResult:
    source: str
    kind: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    already_present: int = 0
    skipped: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    def summary(self) -> str:
        noun = "payment(s)" if self.kind == "payments" else "account(s)"
        if self.rows and not (self.added or self.updated or self.problems) and self.already_present:
            return (
                f"{self.source}: already imported — all {self.already_present} {noun} in it are already in the "
                f"register ({self.skipped} row(s) skipped); nothing was changed"
            )
        text = (
            f"{self.source}: {self.rows} row(s) read; {self.added} {noun} added"
            + (f", {self.updated} updated" if self.updated else "")
            + f", {self.already_present} already in the register, {self.skipped} skipped (not {self.kind})"
        )
        if self.problems:
            text += f"; {len(self.problems)} bad row(s) NOT imported:\n  " + "\n  ".join(
                p.describe(self.source) for p in self.problems
            )
        return text


# --- importing -----------------------------------------------------------------------------------------


def import_file(
    db: Register | Session | str | os.PathLike[str] | None,
    path: str | os.PathLike[str],
    mapping: Mapping | str | os.PathLike[str],
    good_rows_only: bool = False,
    *,
    who: str,
    shift_days: int = 0,
) -> ImportResult:
    """Import a payments or accounts export; all or nothing (see the module notes).

    Two officers (or a scheduled job) importing the same file at once both end cleanly: the one
    that loses the race retries on a fresh transaction, finds every row present and reports the
    file as already imported — never a raw database message. ``shift_days`` moves every date by
    that many days (the demo replays sample files at any date).
    """
    file = Path(path)
    if not file.is_file():
        raise RegisterError(f"{file}: no such file to import")
    mapping = mapping if isinstance(mapping, Mapping) else read_mapping(mapping)
    if isinstance(db, Session):
        return _import_once(db, file, mapping, good_rows_only, who, shift_days)
    register = open_register(db)
    try:
        for attempt in range(1, RACE_ATTEMPTS + 1):
            try:
                return _import_once(register, file, mapping, good_rows_only, who, shift_days)
            except (ConcurrentUpdateError, DuplicateRecordError):
                if attempt == RACE_ATTEMPTS:
                    raise ConcurrentUpdateError(f"{file}: the import") from None
        raise AssertionError("unreachable")  # pragma: no cover
    finally:
        if register is not db:
            register.dispose()


def _import_once(
    db: Register | Session, file: Path, mapping: Mapping, good_rows_only: bool, who: str, shift_days: int
) -> ImportResult:
    result = ImportResult(str(file), mapping.kind)
    with session_for(db, who) as session:
        cases = dict(session.execute(select(Case.reference, Case.id)).tuples().all())
        accounts = {}
        if mapping.case_reference.lookup == "accounts":
            accounts = dict(
                session.execute(select(Account.number, Account.case_id).where(Account.system == mapping.system))
                .tuples()
                .all()
            )
        parsed = []
        for number, values in read_rows(file, mapping):
            result.rows += 1
            if result.rows > MAX_ROWS:
                raise RegisterError(f"{file}: has over {MAX_ROWS:,} rows; split it into smaller files")
            try:
                row = _parse(values, mapping, cases, accounts)
                if row is not None and shift_days:
                    for name in ("paid_on", "balance_on"):
                        if row.get(name):
                            row[name] += dt.timedelta(days=shift_days)
            except _Unmatched as bad:
                if mapping.unmatched == "skip":
                    result.skipped += 1
                    continue
                result.problems.append(RowProblem(number, bad.column, bad.reason))
                continue
            except _Bad as bad:
                result.problems.append(RowProblem(number, bad.column, bad.reason))
                if len(result.problems) > MAX_PROBLEMS and not good_rows_only:
                    break
                continue
            if row is None:
                result.skipped += 1
            else:
                parsed.append(row)
        if result.problems and not good_rows_only:
            raise ImportRowsError(str(file), result.problems)
        if mapping.kind == "payments":
            _apply_payments(session, mapping, parsed, result)
        else:
            _apply_accounts(session, mapping, parsed, result)
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        audit.log(
            session,
            "import",
            mapping.kind,
            {
                "file": file.name,
                "sha256": digest,
                "mapping": Path(mapping.source).name,
                "system": mapping.system,
                "rows": result.rows,
                "added": result.added,
                "updated": result.updated,
                "already_present": result.already_present,
                "skipped": result.skipped,
                "bad_rows": [p.row for p in result.problems],
            },
        )
    return result


def _parse(
    values: dict[str, Any], mapping: Mapping, cases: dict[str, int], accounts: dict[str, int | None]
) -> dict[str, Any] | None:
    for name, allowed in mapping.only_when.items():
        if _text(values.get(name), mapping.column_of(name), limit=MAX_PATTERN_INPUT) not in allowed:
            return None
    if mapping.kind == "accounts":
        return _parse_account(values, mapping, cases)
    amount = _payment_amount(values, mapping)
    if amount is None:
        return None
    case_id = _case_id(values, mapping, cases, accounts)
    row = {
        "case_id": case_id,
        "paid_on": parse_date(values.get("date"), mapping, mapping.column_of("date")),
        "amount": amount,
        "external_ref": _text(values.get("external_ref"), mapping.column_of("external_ref"), 60),
        "method": _method(values, mapping),
    }
    return row


def _method(values: dict[str, Any], mapping: Mapping) -> str:
    code = _text(values.get("method"), mapping.column_of("method"), 60)
    return mapping.methods.get(code, code)


def _payment_amount(values: dict[str, Any], mapping: Mapping) -> Decimal | None:
    if "amount" in mapping.fields:
        column = mapping.column_of("amount")
        amount = parse_amount(values.get("amount"), column, mapping)
        if amount is None:
            raise _Bad(column, "the amount is missing")
        if mapping.payments_are == "negative":
            amount = -amount
    else:
        column = mapping.column_of("credit")
        amount = parse_amount(values.get("credit"), column, mapping) or Decimal("0.00")
        if not amount and "debit" in mapping.fields:
            debit = parse_amount(values.get("debit"), mapping.column_of("debit"), mapping) or Decimal("0.00")
            amount = -debit
    if amount > 0:
        return amount
    if amount < 0 and mapping.otherwise == "error":
        raise _Bad(column, f"{amount} is not a payment (a charge or a refund)")
    return None  # a charge, a refund or zero: not a payment


def _case_id(values: dict[str, Any], mapping: Mapping, cases: dict[str, int], accounts: dict[str, int | None]) -> int:
    reference = _reference(values, mapping)
    column = mapping.column_of(mapping.case_reference.field)
    if mapping.case_reference.lookup == "accounts":
        if reference not in accounts:
            raise _Unmatched(
                column,
                f"account {reference!r} is not in the register for {mapping.system}; import the accounts export first",
            )
        case_id = accounts[reference]
        if case_id is None:
            raise _Unmatched(column, f"account {reference!r} is not linked to a case")
        return case_id
    if reference not in cases:
        raise _Unmatched(column, f"no case {reference!r} in the register; add it with `courtpack register add`")
    return cases[reference]


def _parse_account(values: dict[str, Any], mapping: Mapping, cases: dict[str, int]) -> dict[str, Any]:
    number = _text(values.get("account"), mapping.column_of("account"), 60)
    if not number:
        raise _Bad(mapping.column_of("account"), "the account number is missing")
    case_id = None
    if _text(values.get(mapping.case_reference.field), limit=MAX_PATTERN_INPUT):  # blank: an account not (yet) in court
        reference = _reference(values, mapping)
        if reference not in cases:
            raise _Bad(
                mapping.column_of(mapping.case_reference.field),
                f"no case {reference!r} in the register; add it with `courtpack register add`",
            )
        case_id = cases[reference]
    balance = (
        parse_amount(values.get("balance"), mapping.column_of("balance"), mapping)
        if "balance" in mapping.fields
        else None
    )
    if balance is not None and mapping.owed_is == "negative":
        balance = -balance  # the register shows a balance owed as positive
    balance_on = (
        parse_date(values.get("balance_on"), mapping, mapping.column_of("balance_on"))
        if "balance_on" in mapping.fields
        else None
    )
    return {
        "number": number,
        "case_id": case_id,
        "name": _text(values.get("name"), mapping.column_of("name"), 300),
        "balance": balance,
        "balance_on": balance_on,
    }


def payment_key(system: str, row: dict[str, Any], occurrence: int) -> str:
    if row["external_ref"]:
        return f"{system}:ref:{row['external_ref']}"
    basis = "|".join(str(row[k]) for k in ("case_id", "paid_on", "amount", "method"))
    return f"{system}:hash:{hashlib.sha256(basis.encode()).hexdigest()[:40]}:{occurrence}"


def _apply_payments(session: Session, mapping: Mapping, rows: list[dict[str, Any]], result: ImportResult) -> None:
    seen: Counter[str] = Counter()
    keyed = []
    for row in rows:
        base = payment_key(mapping.system, row, 0)
        occurrence = seen[base]
        seen[base] += 1
        if row["external_ref"] and occurrence:
            result.already_present += 1  # the same receipt listed twice in one file
            continue
        keyed.append((payment_key(mapping.system, row, occurrence), row))
    existing: set[str] = set()
    keys = [k for k, _ in keyed]
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        existing.update(session.scalars(select(Payment.dedupe_key).where(Payment.dedupe_key.in_(chunk))))
    new = [Payment(source=mapping.system, dedupe_key=key, **row) for key, row in keyed if key not in existing]
    result.already_present += len(keyed) - len(new)
    result.added = len(new)
    session.add_all(new)
    session.flush()


def _apply_accounts(session: Session, mapping: Mapping, rows: list[dict[str, Any]], result: ImportResult) -> None:
    current = {a.number: a for a in session.scalars(select(Account).where(Account.system == mapping.system))}
    for row in rows:
        account = current.get(row["number"])
        if account is None:
            account = Account(system=mapping.system, **row)
            session.add(account)
            current[row["number"]] = account
            result.added += 1
            continue
        changed = False
        for name, value in row.items():
            if name == "case_id" and value is None:
                continue
            if getattr(account, name) != value:
                setattr(account, name, value)
                changed = True
        if changed:
            result.updated += 1
        else:
            result.already_present += 1
    session.flush()
