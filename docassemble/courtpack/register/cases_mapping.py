"""The mapping of an income system's export to cases (``kind: cases``, docs/imports.md): which column
holds what, and how to read a separate transactions file.

Why apart from ``import_cases``: reading and checking a mapping is one job (every problem named by
file and key before any row is read); turning rows into cases is another.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..case.model import DebtorKind, DebtType
from .errors import MappingError
from .mapping import CaseReference, Mapping

__all__ = ["CASE_FIELDS", "LEDGER_FIELDS", "MAX_ROWS", "CasesMapping", "read_cases_mapping"]

CASE_FIELDS = {
    "account",
    "reference",
    "debtor_kind",
    "title",
    "first_names",
    "surname",
    "name",
    "company_number",
    "trading_name",
    "address_1",
    "address_2",
    "address_3",
    "town",
    "postcode",
    "email",
    "phone",
    "vulnerability",
    "debt_type",
    "description",
    "property_1",
    "property_2",
    "property_town",
    "property_postcode",
    "agreement_date",
    "officer_name",
    "officer_email",
    "charge_date",
    "charge_description",
    "charge_amount",
}
LEDGER_FIELDS = {"account", "date", "description", "amount"}
SETTINGS = {
    "kind",
    "system",
    "sheet",
    "header_row",
    "date_format",
    "delimiter",
    "encoding",
    "columns",
    "reference_template",
    "debt_type",
    "debt_types",
    "debtor_kind",
    "debtor_kinds",
    "description",
    "agreement",
    "interest",
    "officer",
    "ledger",
    "amounts",
    "council",
}
MAX_ROWS = 200_000


@dataclass
class CasesMapping:
    rows: Mapping  # how to read the main file (readers' settings and the column -> field map)
    reference_template: str
    defaults: dict[str, Any]  # debt_type, debtor_kind, description, agreement, interest, officer
    debt_types: dict[str, str]
    debtor_kinds: dict[str, str]
    ledger: Mapping | None = None  # a separate transactions file (charges and payments)
    ledger_file: Path | None = None
    charges_are: str = "positive"
    council: str | None = None  # the claimant's legal name, where the register holds several councils


def _reader(source: str, data: dict[str, Any], allowed: set[str], system: str, where: str) -> Mapping:
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise MappingError(source, f"{where}columns", "is missing", "map each source column to a field")
    columns = {str(k).strip(): str(v).strip() for k, v in columns.items()}
    for column, name in columns.items():
        if name not in allowed:
            raise MappingError(
                source,
                f"{where}columns.{column}",
                f"field {name!r} is not known",
                f"use one of: {', '.join(sorted(allowed))}",
            )
    if len(set(columns.values())) != len(columns):
        raise MappingError(
            source, f"{where}columns", "maps two columns to the same field", "map each field from one column"
        )
    if "account" not in columns.values():
        raise MappingError(
            source,
            f"{where}columns",
            "has no column for 'account'",
            "map the column holding the account (tenancy, customer) number to 'account'",
        )
    formats = data.get("date_format", ["%d/%m/%Y", "%Y-%m-%d"])
    header_row = data.get("header_row", 1)
    if not isinstance(header_row, int) or header_row < 1:
        raise MappingError(source, f"{where}header_row", f"{header_row!r} is not a row number", "e.g. 1")
    return Mapping(
        source=source,
        kind="cases",
        system=system,
        columns=columns,
        case_reference=CaseReference("account"),
        date_formats=[str(f) for f in (formats if isinstance(formats, list) else [formats])],
        sheet=data.get("sheet"),
        header_row=header_row,
        delimiter=str(data.get("delimiter", ",")),
        encoding=str(data.get("encoding", "utf-8-sig")),
    )


def read_cases_mapping(path: str | os.PathLike[str]) -> CasesMapping:
    """Read and check a ``kind: cases`` mapping (its shape is in docs/imports.md)."""
    source = str(path)
    file = Path(path)
    if not file.is_file():
        raise MappingError(source, "", "no such mapping file", "give the YAML file describing the export")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        raise MappingError(source, "", "is not valid UTF-8 YAML", "check the indentation and quotes") from None
    if not isinstance(data, dict) or data.get("kind") != "cases":
        raise MappingError(
            source,
            "kind",
            "must be 'cases' for import-cases",
            "payments and accounts exports go through `courtpack payments import`",
        )
    unknown = sorted(set(data) - SETTINGS)
    if unknown:
        raise MappingError(source, unknown[0], "is not a setting of a cases mapping", "see docs/imports.md")
    system = str(data.get("system") or "").strip()
    if not re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", system):
        raise MappingError(source, "system", "is missing or not a short name", "e.g. housing-rent")
    template = str(data.get("reference_template") or "")
    if "{account}" not in template or not re.fullmatch(r"[A-Za-z0-9{}_-]{1,40}", template):
        raise MappingError(
            source, "reference_template", f"{template!r} must build a reference from {{account}}", "e.g. SD-{account}"
        )
    rows = _reader(source, data, CASE_FIELDS, system, "")
    fields = set(rows.columns.values())
    for name, choices, column in (
        ("debt_type", {t.value for t in DebtType}, "debt_type"),
        ("debtor_kind", {k.value for k in DebtorKind}, "debtor_kind"),
    ):
        fixed = data.get(name)
        values = {str(k): str(v) for k, v in (data.get(f"{name}s") or {}).items()}
        if fixed is None and column not in fields:
            raise MappingError(
                source,
                name,
                "is missing",
                f"give one of {', '.join(sorted(choices))}, or map a "
                f"column to '{column}' with a '{name}s' table of its values",
            )
        for value in [*([str(fixed)] if fixed is not None else []), *values.values()]:
            if value not in choices:
                raise MappingError(source, name, f"{value!r} is not known", f"use one of: {', '.join(sorted(choices))}")
    officer = data.get("officer") or {}
    if "officer_name" not in fields and not (isinstance(officer, dict) and officer.get("name")):
        raise MappingError(
            source,
            "officer",
            "names no officer",
            "give officer: {name, position}, or map the column holding each account's officer to 'officer_name'",
        )
    if not isinstance(officer, dict) or not officer.get("position"):
        raise MappingError(source, "officer.position", "is missing", "e.g. Debt Recovery Officer")
    if "charge_amount" not in fields and not data.get("ledger"):
        raise MappingError(
            source,
            "columns",
            "gives no charges",
            "map charge_date and charge_amount (one row per invoice), or name a transactions file under 'ledger'",
        )
    mapping = CasesMapping(
        rows,
        template,
        {k: data.get(k) for k in ("debt_type", "debtor_kind", "description", "agreement", "interest", "officer")},
        {str(k): str(v) for k, v in (data.get("debt_types") or {}).items()},
        {str(k): str(v) for k, v in (data.get("debtor_kinds") or {}).items()},
    )
    mapping.council = str(data["council"]) if data.get("council") else None
    ledger = data.get("ledger")
    if ledger:
        if not isinstance(ledger, dict) or not ledger.get("file"):
            raise MappingError(source, "ledger.file", "is missing", "name the transactions export beside the mapping")
        mapping.ledger = _reader(source, ledger, LEDGER_FIELDS, system, "ledger.")
        mapping.ledger_file = file.parent / str(ledger["file"])
        mapping.charges_are = str((ledger.get("amounts") or {}).get("charges_are", "positive"))
        if mapping.charges_are not in ("positive", "negative"):
            raise MappingError(
                source,
                "ledger.amounts.charges_are",
                f"{mapping.charges_are!r} is not known",
                "use positive or negative",
            )
    return mapping
