"""The case register: cases, orders, hearings, payments, documents and the audit log (SQLAlchemy 2).

Public API (what the CLI, the interviews and other layers call)::

    open_register(db=None) -> Register                 # COURTPACK_DATABASE_URL / --db / ./courtpack.db
    add_case(db, casefile, who=None, expected_version=None) -> CaseInfo
    record_order(db, ref, OrderSpec(...)) / load_orders_file(db, path, as_at) / record_hearing(db, ref, ...)
    import_file(db, path, mapping, good_rows_only=False) -> ImportResult
    compliance(db, on, reference=None) -> ComplianceReport
    upcoming_hearings(db, from_date, to_date, on=None) -> list[HearingRow]
    hearing_compliance(db, hearing_id, on=None) -> HearingRow
    pre_hearing_report(db, hearing_id, on, out_dir) -> [docx, pdf]
    export_calendar(db, out) -> Path
    record_document(session_or_db, case_ref, kind, path, who=None) -> DocumentRecord
    load_demo(db, examples_dir, out_dir=None, as_at=None) -> DemoResult

``db`` is a ``Register``, a URL, a SQLite file path, or None; functions that change the register
also accept an open ``Session`` to join the caller's transaction. Submodules are imported on first
use so that ``import docassemble.courtpack.register`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Register": "db", "open_register": "db", "resolve_url": "db",
    "add_case": "cases", "get_case": "cases", "list_cases": "cases", "add_payment": "cases", "CaseInfo": "cases",
    "OrderSpec": "orders", "InstalmentTerms": "orders", "DirectionSpec": "orders", "ChargingSpec": "orders",
    "record_order": "orders", "load_orders_file": "orders", "mark_direction_met": "orders",
    "record_hearing": "hearings", "update_hearing": "hearings", "upcoming_hearings": "hearings",
    "hearing_compliance": "hearings", "HearingRow": "hearings",
    "compliance": "compliance", "ComplianceReport": "compliance", "OrderCompliance": "compliance",
    "DirectionStatus": "compliance",
    "import_file": "importer", "ImportResult": "importer", "read_mapping": "mapping",
    "export_calendar": "ics", "pre_hearing_report": "report", "record_document": "generated",
    "load_demo": "demo", "ConcurrentUpdateError": "errors", "ImportRowsError": "errors", "RegisterError": "errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
