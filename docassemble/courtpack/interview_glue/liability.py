"""Glue for ``liability_orders.yml``: a liability order batch from uploaded files.

Why uploads: the export, its mapping and the council's settings reach the server as uploaded
files (docassemble's own storage), never as paths a user types; headless runs pass file paths.
The batch itself is ``documents/liability/batch.py``, the same code the command line runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..documents.liability.accounts import read_accounts, read_liability_mapping
from ..documents.liability.batch import BatchResult, load_settings, summons_batch
from ..law.dates import format_date
from .acting import require
from .common import as_date
from .new_case import uploaded_file

__all__ = ["batch_documents", "batch_summary", "make_liability_batch"]


def _file(value: Any, field: str) -> Path:
    """The path of an uploaded file (docassemble's storage on the server; a path headless)."""
    return uploaded_file(value, field)[0]


def make_liability_batch(
    export: Any, mapping: Any, settings: Any, issued: Any, hearing: Any, hearing_time: Any, output_dir: Any
) -> BatchResult:
    """The summonses, complaint list and schedule for one hearing, written to the step's folder."""
    require("liability_orders")
    spec = read_liability_mapping(_file(mapping, "accounts_mapping"))
    return summons_batch(
        read_accounts(_file(export, "accounts_export"), spec),
        tax=spec.tax,
        settings=load_settings(_file(settings, "council_settings")),
        issued=as_date(issued, "issued"),
        hearing=as_date(hearing, "hearing"),
        hearing_time=str(hearing_time or "10:00"),
        out_dir=Path(str(output_dir)),
    )


def batch_documents(result: BatchResult) -> list[str]:
    """The batch's files in the order the end screen lists them: complaint list, schedule, then the summonses."""
    return [str(result.complaint_list), str(result.schedule), *(str(p) for p in result.summonses)]


def batch_summary(result: BatchResult) -> str:
    lines = [f"{len(result.summonses)} summonses for the hearing; {result.hearing_rule.basis}"]
    if result.excluded:
        lines.append("Left out:")
        lines += [f"- {e.account}: {e.reason}" for e in result.excluded]
    lines.append(f"Summonses are taken to be served on {format_date(result.served.date)}.")
    return "\n".join(lines)
