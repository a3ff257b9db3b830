"""Column-mapping files: how to read one council income system's CSV or Excel export.

Why a mapping file: every system (housing rent, sundry debtors, the council's finance system)
exports different column names, date formats and sign conventions. The officer describes the
export once, in YAML, and imports it every week::

    kind: payments                 # payments | accounts
    system: housing-rent           # recorded as each payment's source; part of its identity
    sheet: Transactions            # XLSX only (default: the first sheet)
    header_row: 1                  # the row holding the column names
    date_format: "%d/%m/%Y"        # or a list of formats; Excel date cells are read as dates
    columns:                       # source column -> field
      Tenancy Ref: account
      Trans Date: date
      Amount: amount
      Receipt No: external_ref
      Pay Method: method
    amounts:
      payments_are: negative       # positive (default) | negative: how a payment appears in `amount`
      otherwise: skip              # skip (charges, refunds...) | error
      owed_is: positive            # accounts: how a balance owed appears (positive | negative)
    only_when: {type: [RCP, DD]}   # optional: import only rows whose field has one of these values
    case_reference:
      field: account               # the field holding it
      lookup: accounts             # direct (default): the register reference itself
                                   # accounts: an account number linked by an accounts import
      pattern: "(FTA-\\d{4}-\\d{4})"  # optional: take the reference out of longer text
      template: "FTA-{value}"      # optional: build the reference from the value
      unmatched: skip              # error (default) | skip: rows for accounts that are not court cases

Payments fields: date, amount (or credit and debit columns), external_ref, method, type,
description, account. Accounts fields: account, name, balance, balance_on, type.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import MappingError

KINDS = ("payments", "accounts")
PAYMENT_FIELDS = {"date", "amount", "credit", "debit", "external_ref", "method", "type", "description", "account",
                  "reference"}
ACCOUNT_FIELDS = {"account", "name", "balance", "balance_on", "type", "reference"}
LOOKUPS = ("direct", "accounts")


@dataclass
class CaseReference:
    field: str
    lookup: str = "direct"
    pattern: re.Pattern[str] | None = None
    template: str = "{value}"


@dataclass
class Mapping:
    source: str
    kind: str
    system: str
    columns: dict[str, str]  # source column -> field
    case_reference: CaseReference
    date_formats: list[str] = field(default_factory=lambda: ["%d/%m/%Y", "%Y-%m-%d"])
    sheet: str | None = None
    header_row: int = 1
    delimiter: str = ","
    encoding: str = "utf-8-sig"
    payments_are: str = "positive"
    otherwise: str = "skip"
    owed_is: str = "positive"
    unmatched: str = "error"
    only_when: dict[str, set[str]] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)

    def column_of(self, name: str) -> str:
        """The source column that feeds a field (for error messages)."""
        return next((column for column, f in self.columns.items() if f == name), name)

    @property
    def fields(self) -> set[str]:
        return set(self.columns.values())


def read_mapping(path: str | os.PathLike[str]) -> Mapping:
    source = str(path)
    file = Path(path)
    if not file.is_file():
        raise MappingError(source, "", "no such mapping file", "give the YAML file describing the export's columns")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        raise MappingError(source, "", "is not valid UTF-8 YAML", "check the indentation and quotes") from None
    if not isinstance(data, dict):
        raise MappingError(source, "", "must be a set of named settings", "start from a file in examples/imports/")

    def fail(key: str, problem: str, fix: str = "") -> MappingError:
        return MappingError(source, key, problem, fix)

    kind = str(data.get("kind", "payments"))
    if kind not in KINDS:
        raise fail("kind", f"{kind!r} is not known", f"use one of: {', '.join(KINDS)}")
    system = str(data.get("system") or "").strip()
    if not system or not re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", system):
        raise fail("system", "is missing or not a short name", "name the income system, e.g. housing-rent")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise fail("columns", "is missing", "map each source column to a field, e.g. 'Trans Date: date'")
    allowed = PAYMENT_FIELDS if kind == "payments" else ACCOUNT_FIELDS
    columns = {str(k).strip(): str(v).strip() for k, v in columns.items()}
    for column, name in columns.items():
        if name not in allowed:
            raise fail(f"columns.{column}", f"field {name!r} is not known for {kind}",
                       f"use one of: {', '.join(sorted(allowed))}")
    fields = set(columns.values())
    if len(fields) != len(columns):
        raise fail("columns", "maps two columns to the same field", "map each field from one column")
    needed = {"date"} if kind == "payments" else {"account"}
    if kind == "payments" and not ({"amount"} & fields or {"credit"} & fields):
        raise fail("columns", "has no amount", "map the amount column to 'amount' (or a credit column to 'credit')")
    for name in needed - fields:
        raise fail("columns", f"has no column for {name!r}", f"map the export's {name} column to '{name}'")

    ref = data.get("case_reference") or {}
    if not isinstance(ref, dict):
        raise fail("case_reference", "must be a set of settings (field, lookup, pattern, template)")
    ref_field = str(ref.get("field") or "reference")
    if ref_field not in fields:
        raise fail("case_reference.field", f"{ref_field!r} is not a mapped field",
                   "map the column holding the case reference (or account number) and name its field here")
    lookup = str(ref.get("lookup", "direct"))
    if lookup not in LOOKUPS:
        raise fail("case_reference.lookup", f"{lookup!r} is not known", f"use one of: {', '.join(LOOKUPS)}")
    if kind == "accounts" and lookup != "direct":
        raise fail("case_reference.lookup", "an accounts import links accounts to cases by the case reference",
                   "map the column holding the register's case reference and use lookup: direct")
    pattern = None
    if ref.get("pattern"):
        try:
            pattern = re.compile(str(ref["pattern"]))
        except re.error as err:
            raise fail("case_reference.pattern", f"is not a valid regular expression ({err})") from None
    template = str(ref.get("template", "{value}"))
    if "{value}" not in template:
        raise fail("case_reference.template", "must contain {value}", "e.g. 'FTA-{value}'")

    amounts = data.get("amounts") or {}
    payments_are = str(amounts.get("payments_are", "positive"))
    otherwise = str(amounts.get("otherwise", "skip"))
    if payments_are not in ("positive", "negative"):
        raise fail("amounts.payments_are", f"{payments_are!r} is not known", "use positive or negative")
    if otherwise not in ("skip", "error"):
        raise fail("amounts.otherwise", f"{otherwise!r} is not known", "use skip or error")
    owed_is = str(amounts.get("owed_is", "positive"))
    if owed_is not in ("positive", "negative"):
        raise fail("amounts.owed_is", f"{owed_is!r} is not known", "use positive or negative")
    unmatched = str(ref.get("unmatched", "error"))
    if unmatched not in ("skip", "error"):
        raise fail("case_reference.unmatched", f"{unmatched!r} is not known",
                   "use error (default) or skip (the export covers accounts that are not court cases)")
    formats = data.get("date_format", ["%d/%m/%Y", "%Y-%m-%d"])
    formats = [str(f) for f in (formats if isinstance(formats, list) else [formats])]
    only_when = data.get("only_when") or {}
    if not isinstance(only_when, dict) or any(k not in fields for k in only_when):
        raise fail("only_when", "must name mapped fields and the values to import",
                   "e.g. only_when: {type: [RCP, DD]}")
    header_row = data.get("header_row", 1)
    if not isinstance(header_row, int) or header_row < 1:
        raise fail("header_row", f"{header_row!r} is not a row number", "give the row holding the column names, e.g. 1")
    return Mapping(
        source=source, kind=kind, system=system, columns=columns,
        case_reference=CaseReference(ref_field, lookup, pattern, template), date_formats=formats,
        sheet=data.get("sheet"), header_row=header_row, delimiter=str(data.get("delimiter", ",")),
        encoding=str(data.get("encoding", "utf-8-sig")), payments_are=payments_are, otherwise=otherwise,
        owed_is=owed_is, unmatched=unmatched,
        only_when={str(k): {str(v).strip() for v in (vs if isinstance(vs, list) else [vs])}
                   for k, vs in only_when.items()},
        methods={str(k): str(v) for k, v in (data.get("methods") or {}).items()},
    )
