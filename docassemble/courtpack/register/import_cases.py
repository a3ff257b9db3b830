"""Cases from an income system's export: ``courtpack register import-cases FILE --mapping MAP``.

Why: an officer's caseload lives in the council's income systems (housing rent, sundry debtors, the
finance system's receivables); nobody should retype it. A mapping (``kind: cases``, see
docs/imports.md) says which column holds what; rows are grouped by account, one case per account,
with the debtor, the debt, and the ledger (each charge on its due date, payments as paid). The
claimant comes from the council settings. Reading rows, dates and amounts is ``readers``' job and
the mapping's shared settings (sheet, header row, date format, encoding) mean what they mean for
``payments import``.

All or nothing: every row is checked (through the case file's own validation, so an imported case
is exactly as valid as a typed one) before anything is written; a bad row is named by file, row
and column. Idempotent: an account whose case already holds the same facts is left alone.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.casefile import case_from_dict, case_to_dict
from ..errors import CaseFileError
from . import audit
from .cases import add_case
from .cases_mapping import CASE_FIELDS, MAX_ROWS, CasesMapping, read_cases_mapping
from .db import Register, session_for
from .errors import ImportRowsError, RegisterError, RowProblem
from .mapping import CaseReference, Mapping
from .models import Account, Case
from .readers import _Bad, _text, parse_amount, parse_date, read_rows
from .settings import claimant_data, council_settings

__all__ = ["CASE_FIELDS", "CasesImportResult", "import_cases", "read_cases_mapping", "statement_rows"]


@dataclass
class CasesImportResult:
    source: str
    rows: int = 0
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.source}: {self.rows} row(s) read; {len(self.added)} case(s) added"
            + (f" ({', '.join(self.added)})" if self.added else "")
            + f", {len(self.updated)} updated, {len(self.unchanged)} already in the register unchanged"
        )


def _fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), ""), text).strip()


def _debtor(values: dict[str, str], mapping: CasesMapping) -> dict[str, Any]:
    kind = mapping.debtor_kinds.get(values.get("debtor_kind", ""), values.get("debtor_kind") or "")
    kind = kind or str(mapping.defaults["debtor_kind"])
    lines = [values[k] for k in ("address_1", "address_2", "address_3") if values.get(k)]
    debtor: dict[str, Any] = {
        "kind": kind,
        "address": {"lines": lines, "town": values.get("town", ""), "postcode": values.get("postcode", "")},
    }
    for name in (
        "title",
        "first_names",
        "surname",
        "trading_name",
        "company_number",
        "email",
        "phone",
        "vulnerability",
    ):
        if values.get(name):
            debtor[name] = values[name]
    if kind in ("company", "partnership"):
        debtor["company_name"] = values.get("name", "")
    return debtor


def _case_data(
    account: str, first: dict[str, str], ledger: list[dict[str, str]], mapping: CasesMapping, claimant: dict[str, Any]
) -> dict[str, Any]:
    debt_type = mapping.debt_types.get(first.get("debt_type", ""), first.get("debt_type") or "")
    debt: dict[str, Any] = {
        "type": debt_type or str(mapping.defaults["debt_type"]),
        "description": first.get("description") or _fill(str(mapping.defaults["description"] or ""), first),
    }
    agreement = mapping.defaults.get("agreement")
    if agreement:
        debt["agreement"] = {**agreement, **({"date": first["agreement_date"]} if first.get("agreement_date") else {})}
    if first.get("property_1"):
        debt["property_address"] = {
            "lines": [first[k] for k in ("property_1", "property_2") if first.get(k)],
            "town": first.get("property_town", ""),
            "postcode": first.get("property_postcode", ""),
        }
    officer = mapping.defaults.get("officer") or {}
    data: dict[str, Any] = {
        "reference": mapping.reference_template.replace("{account}", account),
        "claimant": {
            **claimant,
            "officer_name": first.get("officer_name") or officer.get("name", ""),
            "officer_position": officer.get("position", ""),
            **({"officer_email": first["officer_email"]} if first.get("officer_email") else {}),
        },
        "debtors": [_debtor(first, mapping)],
        "debt": debt,
        "ledger": ledger,
    }
    if mapping.defaults.get("interest"):
        data["interest"] = {"basis": str(mapping.defaults["interest"])}
    return data


def _rows(
    file: Path, reader: Mapping, problems: list[RowProblem], source_rows: dict[str, list[int]], parse: Any
) -> dict[str, list[Any]]:
    """Rows grouped by account, each parsed by ``parse``; bad rows become problems."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    count = 0
    for number, raw in read_rows(file, reader):
        count += 1
        if count > MAX_ROWS:
            raise RegisterError(f"{file}: has over {MAX_ROWS:,} rows; split it into smaller files")
        account = _text(raw.get("account"))
        if not account:
            problems.append(RowProblem(number, reader.column_of("account"), "the account number is missing"))
            continue
        try:
            grouped[account].append(parse(raw, number))
            source_rows[account].append(number)
        except _Bad as bad:
            problems.append(RowProblem(number, bad.column, bad.reason))
    return grouped


def _charge_row(mapping: CasesMapping) -> Any:
    reader = mapping.rows

    def parse(raw: dict[str, Any], number: int) -> dict[str, Any]:
        values = {k: _text(v) for k, v in raw.items() if k not in ("charge_date", "charge_amount", "agreement_date")}
        if raw.get("agreement_date") not in (None, ""):
            values["agreement_date"] = parse_date(
                raw["agreement_date"], reader, reader.column_of("agreement_date")
            ).isoformat()
        charge = None
        if "charge_amount" in reader.fields:
            column = reader.column_of("charge_amount")
            amount = parse_amount(raw.get("charge_amount"), column)
            if amount is None or amount <= 0:
                raise _Bad(column, "the amount owed must be more than £0.00")
            due = parse_date(raw.get("charge_date"), reader, reader.column_of("charge_date"))
            charge = {
                "date": due.isoformat(),
                "description": values.get("charge_description") or "Charge",
                "amount": f"{amount:.2f}",
                "kind": "charge",
            }
        return {"values": values, "charge": charge, "row": number}

    return parse


def _ledger_row(mapping: CasesMapping) -> Any:
    reader = mapping.ledger

    def parse(raw: dict[str, Any], number: int) -> dict[str, Any]:
        column = reader.column_of("amount")
        amount = parse_amount(raw.get("amount"), column)
        if amount is None or amount == 0:
            raise _Bad(column, "the amount is missing")
        if mapping.charges_are == "negative":
            amount = -amount
        day = parse_date(raw.get("date"), reader, reader.column_of("date"))
        return {
            "date": day.isoformat(),
            "description": _text(raw.get("description")) or "Transaction",
            "amount": f"{abs(amount):.2f}",
            "kind": "charge" if amount > 0 else "payment",
            "row": number,
        }

    return parse


def import_cases(
    db: Register | Session | str | os.PathLike[str] | None,
    path: str | os.PathLike[str],
    mapping_path: str | os.PathLike[str],
    who: str | None = None,
) -> CasesImportResult:
    """Create or update one case per account in the export; nothing is written if any row is bad."""
    file = Path(path)
    if not file.is_file():
        raise RegisterError(f"{file}: no such file to import")
    mapping = read_cases_mapping(mapping_path)
    result = CasesImportResult(str(file))
    problems: list[RowProblem] = []
    rows_of: dict[str, list[int]] = defaultdict(list)
    main = _rows(file, mapping.rows, problems, rows_of, _charge_row(mapping))
    result.rows = sum(len(v) for v in main.values())
    if problems:
        raise ImportRowsError(str(file), problems, "nothing was imported; correct these rows and import the file again")
    extra: dict[str, list[Any]] = {}
    if mapping.ledger is not None and mapping.ledger_file is not None:
        if not mapping.ledger_file.is_file():
            raise RegisterError(f"{mapping.ledger_file}: the transactions file named in {mapping_path} is missing")
        ledger_problems: list[RowProblem] = []
        extra = _rows(mapping.ledger_file, mapping.ledger, ledger_problems, defaultdict(list), _ledger_row(mapping))
        if ledger_problems:
            raise ImportRowsError(
                str(mapping.ledger_file),
                ledger_problems,
                "nothing was imported; correct these rows and import both files again",
            )
    with session_for(db, who) as session:
        settings = council_settings(session, mapping.council)
        claimant = claimant_data(settings, "", "")
        built = []
        for account, rows in main.items():
            ledger = [r["charge"] for r in rows if r["charge"]]
            ledger += [{k: v for k, v in r.items() if k != "row"} for r in extra.get(account, [])]
            ledger.sort(key=lambda e: e["date"])
            data = _case_data(account, rows[0]["values"], ledger, mapping, claimant)
            try:
                built.append((account, case_from_dict(data, f"account {account}")))
            except CaseFileError as err:
                problems.append(
                    RowProblem(
                        rows_of[account][0],
                        _column(mapping, err.path),
                        f"account {account}: {err.path}: {err.problem}" + (f" — {err.fix}" if err.fix else ""),
                    )
                )
        if problems:
            raise ImportRowsError(str(file), problems, "nothing was imported; correct these rows and import again")
        for account, facts in built:
            _save(session, mapping, account, facts, result, who)
        audit.log(
            session,
            "import",
            "cases",
            {
                "file": file.name,
                "mapping": Path(str(mapping_path)).name,
                "system": mapping.rows.system,
                "rows": result.rows,
                "added": result.added,
                "updated": result.updated,
            },
        )
    return result


_PATH_FIELDS = {
    "debtors[0].address.postcode": "postcode",
    "debtors[0].address.town": "town",
    "debtors[0].address.lines": "address_1",
    "debtors[0].surname": "surname",
    "debtors[0].company_name": "name",
    "debtors[0].email": "email",
    "debt.type": "debt_type",
    "debt.description": "description",
    "debt.property_address.postcode": "property_postcode",
    "debt.agreement.date": "agreement_date",
    "claimant.officer_name": "officer_name",
}


def _column(mapping: CasesMapping, path: str) -> str:
    name = _PATH_FIELDS.get(path)
    return mapping.rows.column_of(name) if name and name in mapping.rows.fields else ""


def _save(
    session: Session, mapping: CasesMapping, account: str, facts: Any, result: CasesImportResult, who: str | None
) -> None:
    existing = session.scalar(select(Case).where(Case.reference == facts.reference))
    wanted = json.dumps(case_to_dict(facts), sort_keys=True)
    if existing is not None and existing.casefile == wanted:
        result.unchanged.append(facts.reference)
        return
    info = add_case(session, facts, who=who)
    (result.added if info.created else result.updated).append(facts.reference)
    link = session.scalar(select(Account).where(Account.system == mapping.rows.system, Account.number == account))
    if link is None:
        session.add(
            Account(
                system=mapping.rows.system,
                number=account,
                case_id=info.id,
                name=facts.debtor.name,
                balance=facts.balance(),
                balance_on=facts.ledger[-1].date,
            )
        )
    elif link.case_id != info.id:
        link.case_id = info.id
    session.flush()


def statement_rows(
    path: str | os.PathLike[str],
    name: str,
    *,
    date_column: str,
    description_column: str,
    amount_column: str,
    date_format: str = "%d/%m/%Y",
    charges_are: str = "positive",
    header_row: int = 1,
) -> list[dict[str, str]]:
    """An account statement (CSV or XLSX) read through the columns the officer named: case-file ledger rows.

    ``name`` is the file's name as the officer knows it (for messages). All rows or none: a bad row is
    an ``ImportRowsError`` naming the row and column.
    """
    columns = {date_column.strip(): "date", description_column.strip(): "description", amount_column.strip(): "amount"}
    if len(columns) != 3 or "" in columns:
        raise RegisterError(f"{name}: name three different columns for the date, the description and the amount")
    if charges_are not in ("positive", "negative"):
        raise RegisterError(f"{name}: charges are shown as 'positive' or 'negative' amounts, not {charges_are!r}")
    reader = Mapping(
        source=f"the columns named for {name}",
        kind="cases",
        system="statement",
        columns=columns,
        case_reference=CaseReference("date"),
        date_formats=[date_format],
        header_row=header_row,
    )
    parse = _ledger_row(CasesMapping(reader, "{account}", {}, {}, {}, ledger=reader, charges_are=charges_are))
    rows, problems = [], []
    for number, raw in read_rows(Path(path), reader):
        if len(rows) >= MAX_ROWS:
            raise RegisterError(f"{name}: has over {MAX_ROWS:,} rows; a statement for one case is shorter")
        try:
            row = parse(raw, number)
        except _Bad as bad:
            problems.append(RowProblem(number, bad.column, bad.reason))
            continue
        rows.append({k: v for k, v in row.items() if k != "row"})
    if problems:
        raise ImportRowsError(
            name, problems, "nothing was read; correct these rows in the statement and upload it again"
        )
    if not rows:
        raise RegisterError(f"{name}: has no rows under its column names")
    return rows
