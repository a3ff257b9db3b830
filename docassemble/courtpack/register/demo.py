"""The register demo: the three example cases, their orders, hearings and payments, and the outputs.

Why dates move: the example orders are written relative to an "as at" date (``as_at - 20 weeks``)
and the sample import files carry real dates for the reference date 10 January 2026; the demo
moves those by the difference, so the story — one debtor in arrears, one complying, one with a
charging order on the way — is the same on any date given (default: today).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CaseFileError
from .cases import add_case
from .compliance import compliance
from .db import Register, open_register
from .export import compliance_tables, hearings_table, write_tables
from .hearings import upcoming_hearings
from .ics import export_calendar
from .importer import import_file
from .orders import load_orders_file
from .report import pre_hearing_report

EXAMPLES_AS_AT = dt.date(2026, 1, 10)  # the date the sample import files were written for
DEMO_CASES = ("FTA-2025-0142", "RR-2025-0077", "CR-2025-0310")
# (data file, mapping) in the order they must be imported: accounts link tenancies to cases first
DEMO_IMPORTS = (("housing-rent-accounts.csv", "housing-rent-accounts.yaml"),
                ("housing-rent-transactions.csv", "housing-rent-transactions.yaml"),
                ("sundry-debt-ledger.xlsx", "sundry-debt-ledger.yaml"),
                ("payments.csv", "payments.yaml"))
HEARING_WINDOW_DAYS = 56


@dataclass
class DemoResult:
    as_at: dt.date
    cases: list[str] = field(default_factory=list)
    payments_added: int = 0
    hearings: int = 0
    files: list[Path] = field(default_factory=list)


def load_demo(db: Register | str | os.PathLike[str] | None, examples_dir: str | os.PathLike[str],
              out_dir: str | os.PathLike[str] | None = None, as_at: dt.date | None = None,
              who: str = "courtpack demo") -> DemoResult:
    """Load the example cases, orders, hearings and payments; write the outputs into ``out_dir``.

    Loading is idempotent: running it twice on the same register (and date) changes nothing.
    Outputs: hearings.csv/.xlsx, compliance.csv/.xlsx, hearings.ics and a pre-hearing check
    (DOCX + PDF) for the first hearing.
    """
    as_at = as_at or dt.date.today()
    examples = Path(examples_dir)
    result = DemoResult(as_at)
    register = open_register(db)
    try:
        for reference in DEMO_CASES:
            case_file = examples / f"{reference}.yaml"
            if not case_file.is_file():
                raise CaseFileError(str(case_file), "", "example case file is missing", "restore examples/")
            add_case(register, case_file, who=who)
            load_orders_file(register, examples / "orders" / f"{reference}.yaml", as_at, who=who)
            result.cases.append(reference)
        shift = (as_at - EXAMPLES_AS_AT).days
        for data, mapping in DEMO_IMPORTS:
            imported = import_file(register, examples / "imports" / data, examples / "imports" / mapping,
                                   who=who, shift_days=shift)
            if imported.kind == "payments":
                result.payments_added += imported.added
        if out_dir is not None:
            result.files = write_outputs(register, Path(out_dir), as_at)
            result.hearings = len(upcoming_hearings(register, as_at, as_at + dt.timedelta(days=HEARING_WINDOW_DAYS),
                                                    on=as_at))
        return result
    finally:
        if register is not db:
            register.dispose()


def write_outputs(register: Register, out: Path, as_at: dt.date) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rows = upcoming_hearings(register, as_at, as_at + dt.timedelta(days=HEARING_WINDOW_DAYS), on=as_at)
    hearings = [hearings_table(rows)]
    report = compliance_tables(compliance(register, as_at))
    files = [write_tables(hearings, "csv", out / "hearings.csv"), write_tables(hearings, "xlsx", out / "hearings.xlsx"),
             write_tables(report, "csv", out / "compliance.csv"), write_tables(report, "xlsx", out / "compliance.xlsx"),
             export_calendar(register, out / "hearings.ics")]
    if rows:
        files += pre_hearing_report(register, rows[0].hearing_id, as_at, out, who="courtpack demo")
    return [Path(f) for f in files]
