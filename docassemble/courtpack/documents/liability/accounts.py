"""Council tax and business rates accounts from a council's export, read through a mapping file.

Why its own small reader: the register's mappings (``register/mapping.py``) import payments and
case balances for County Court cases; a liability order batch needs different facts per account
(the property charged, the year, the date the oldest unpaid sum fell due, the notice dates) and
no register case. The mapping file has the same shape officers already know::

    kind: liability_accounts
    tax: council_tax                  # council_tax | business_rates
    date_format: "%d/%m/%Y"
    columns:                          # source column -> field
      Account Ref: account
      Liable Party: name
      Correspondence Address: address
      Property Address: property
      Arrears: balance
      Year: year
      Earliest Due: due_date
      Final Notice Date: final_notice

Required fields: account, name, address, property, balance, year, due_date, final_notice.
Optional: employer, owner (Y/N: owns an interest in the dwelling), breathing_space_until (a date).
A row with a bad value stops the whole batch with the row, column and fix named; nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from ...errors import CaseFileError
from ...law.liability_orders import DEBT_TYPES
from ...law.money import to_money

REQUIRED = ("account", "name", "address", "property", "balance", "year", "due_date", "final_notice")
OPTIONAL = ("employer", "owner", "breathing_space_until")
FIELDS = REQUIRED + OPTIONAL


@dataclass(frozen=True)
class LiabilityMapping:
    source: str
    tax: str
    columns: dict[str, str]  # source column -> field
    date_formats: tuple[str, ...]
    delimiter: str = ","
    encoding: str = "utf-8-sig"


@dataclass(frozen=True, kw_only=True)
class Account:
    account: str
    name: str
    address: str
    property: str
    balance: Decimal
    year: str
    due_date: dt.date
    final_notice: dt.date
    employer: str
    owner: bool
    breathing_space_until: dt.date | None  # last day of a notified breathing space, if any


def read_liability_mapping(path: str | Path) -> LiabilityMapping:
    source = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise CaseFileError(source, "", f"cannot be read ({err.strerror})", "check the path") from None
    except yaml.YAMLError as err:
        raise CaseFileError(source, "", f"is not valid YAML ({err})", "check the indentation") from None
    if not isinstance(data, dict):
        raise CaseFileError(source, "", "must be a set of named fields", "see examples/council_tax/mapping.yaml")
    if data.get("kind") != "liability_accounts":
        raise CaseFileError(
            source,
            "kind",
            f"{data.get('kind')!r} is not liability_accounts",
            "a liability order batch needs `kind: liability_accounts`",
        )
    tax = data.get("tax", "council_tax")
    if tax not in DEBT_TYPES:
        raise CaseFileError(source, "tax", f"{tax!r} is not known", f"use one of: {', '.join(DEBT_TYPES)}")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise CaseFileError(source, "columns", "is missing", "map each export column to a field")
    for column, target in columns.items():
        if target not in FIELDS:
            raise CaseFileError(
                source, f"columns.{column}", f"{target!r} is not a field", f"use one of: {', '.join(FIELDS)}"
            )
    missing = [name for name in REQUIRED if name not in columns.values()]
    if missing:
        raise CaseFileError(
            source,
            "columns",
            f"no column is mapped to {', '.join(missing)}",
            "add a line `Export Column: field` for each",
        )
    formats = data.get("date_format", ["%d/%m/%Y", "%Y-%m-%d"])
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    return LiabilityMapping(
        source, tax, {str(k): str(v) for k, v in columns.items()}, formats, str(data.get("delimiter", ","))
    )


def read_accounts(path: str | Path, mapping: LiabilityMapping) -> list[Account]:
    """Every account in the export; any bad row stops the read with its line and column named."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding=mapping.encoding)
    except OSError as err:
        raise CaseFileError(source, "", f"cannot be read ({err.strerror})", "check the path") from None
    except UnicodeDecodeError:
        raise CaseFileError(source, "", f"is not {mapping.encoding} text", "export it as CSV (UTF-8)") from None
    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle, delimiter=mapping.delimiter)
        absent = [c for c in mapping.columns if c not in (reader.fieldnames or [])]
        if absent:
            raise CaseFileError(
                source, "header", f"has no column {absent[0]!r}", f"check the export or the mapping {mapping.source}"
            )
        accounts = [_account(source, line, row, mapping) for line, row in enumerate(reader, start=2)]
    if not accounts:
        raise CaseFileError(source, "", "has no accounts", "export at least one account")
    seen: set[str] = set()
    for account in accounts:
        if account.account in seen:
            raise CaseFileError(
                source,
                f"account {account.account}",
                "appears twice",
                "one row per account: add the years together in the export",
            )
        seen.add(account.account)
    return accounts


def _account(source: str, line: int, row: dict[str, str], mapping: LiabilityMapping) -> Account:
    values = {field: (row.get(column) or "").strip() for column, field in mapping.columns.items()}

    def where(field: str) -> str:
        column = next(c for c, f in mapping.columns.items() if f == field)
        return f"line {line}, column {column!r}"

    for field in REQUIRED:
        if not values.get(field):
            raise CaseFileError(source, where(field), "is empty", f"fill in the {field.replace('_', ' ')}")
    try:
        balance = to_money(values["balance"])
    except ValueError as err:
        raise CaseFileError(source, where("balance"), str(err)) from None
    if balance <= 0:
        raise CaseFileError(
            source,
            where("balance"),
            f"{balance} is not an amount owed",
            "leave accounts in credit or paid up out of the batch",
        )
    return Account(
        account=values["account"],
        name=values["name"],
        address=values["address"],
        property=values["property"],
        balance=balance,
        year=values["year"],
        due_date=_date(source, where("due_date"), values["due_date"], mapping),
        final_notice=_date(source, where("final_notice"), values["final_notice"], mapping),
        employer=values.get("employer", ""),
        owner=values.get("owner", "").lower() in ("y", "yes", "true", "owner", "1"),
        breathing_space_until=_date(source, where("breathing_space_until"), values["breathing_space_until"], mapping)
        if values.get("breathing_space_until")
        else None,
    )


def _date(source: str, where: str, text: str, mapping: LiabilityMapping) -> dt.date:
    for fmt in mapping.date_formats:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CaseFileError(
        source, where, f"{text!r} is not a date", f"write it as {mapping.date_formats[0]}, e.g. 10/01/2026 for %d/%m/%Y"
    )
