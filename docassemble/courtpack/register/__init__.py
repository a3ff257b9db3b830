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
    council_settings(db, council=None) -> CouncilSettings / save_settings(db, settings, who, expected_version)
    record_step(db, ref, step, facts, who=None) -> StepRecord / case_facts(db, ref, as_at=None) -> CaseStory
    check_case(db, ref) -> [Problem] / import_cases(db, path, mapping) / export_case(db, ref, out, as_at=None)
    officer_worklist(db, officer, on) / hearings_soon(db, on, officer) / bundles_awaiting_review(db)
    caseload_by_stage(db, on)
    possession_facts(db, ref, as_at) -> PossessionFacts   # possession claims for rent arrears (issue 15)

``db`` is a ``Register``, a URL, a SQLite file path, or None; functions that change the register
also accept an open ``Session`` to join the caller's transaction. Submodules are imported on first
use so that ``import docassemble.courtpack.register`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Register": "db",
    "open_register": "db",
    "resolve_url": "db",
    "add_case": "cases",
    "get_case": "cases",
    "list_cases": "caseload",
    "add_payment": "cases",
    "CaseInfo": "cases",
    "OrderSpec": "orders",
    "InstalmentTerms": "orders",
    "DirectionSpec": "orders",
    "ChargingSpec": "orders",
    "record_order": "orders",
    "load_orders_file": "orders",
    "mark_direction_met": "orders",
    "record_hearing": "hearings",
    "update_hearing": "hearings",
    "upcoming_hearings": "hearings",
    "hearing_compliance": "hearings",
    "HearingRow": "hearings",
    "compliance": "compliance",
    "ComplianceReport": "compliance",
    "OrderCompliance": "compliance",
    "DirectionStatus": "compliance",
    "import_file": "importer",
    "ImportResult": "importer",
    "read_mapping": "mapping",
    "export_calendar": "ics",
    "pre_hearing_report": "report",
    "hearing_for_check": "report",
    "record_document": "generated",
    "load_demo": "demo",
    "ConcurrentUpdateError": "errors",
    "ImportRowsError": "errors",
    "RegisterError": "errors",
}

# issue 11: council settings, a case's recorded steps, the document check, imports of cases, work lists
_EXPORTS.update(
    {
        "council_settings": "settings",
        "save_settings": "settings",
        "CouncilSettings": "settings",
        "record_step": "steps",
        "case_facts": "steps",
        "CaseStory": "steps",
        "StepRecord": "steps",
        "check_case": "case_check",
        "import_cases": "import_cases",
        "export_case": "case_records",
        "case_as_at": "case_records",
        "officer_worklist": "worklist",
        "hearings_soon": "worklist",
        "bundles_awaiting_review": "worklist",
        "caseload_by_stage": "worklist",
    }
)

# issue 15: possession claims for rent arrears (steps in steps.ALL_STEPS; facts read back as PossessionFacts)
_EXPORTS.update({"possession_facts": "possession", "facts_from_story": "possession", "ALL_STEPS": "steps"})

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
