"""Glue for ``liability_orders.yml``: the summons batch, the hearing's result and the steps after, on the server.

Why the register: the council, its magistrates' court and the costs scale agreed with it are the
council's settings in the register (entered once by a manager), so the interview never asks for a
settings file; every account becomes a case and every step is recorded on it
(``liability_cases.py``, the same code the command line runs). Only the income system's export and
its mapping arrive as uploaded files (docassemble's own storage); headless runs pass file paths.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..documents.liability.accounts import read_accounts, read_liability_mapping
from ..documents.liability.batch import BatchResult
from ..errors import CaseFileError, CourtpackError
from ..law.dates import format_date
from ..law.money import to_money
from .acting import acting_user, require
from .cases import register_url
from .common import as_date
from .liability_cases import (
    HearingResult,
    council_for_liability,
    issue_summonses,
    record_hearing_result,
    take_next_step,
)
from .new_case import uploaded_file

__all__ = [
    "batch_documents",
    "batch_summary",
    "hearing_summary",
    "liability_settings_problem",
    "make_liability_batch",
    "make_next_step",
    "record_hearing_answers",
]


def liability_settings_problem() -> str:
    """'' when the register's council settings can serve a liability order batch; else what to do, plainly."""
    try:
        council_for_liability(register_url())
    except CourtpackError as err:
        return (
            f"{err}. Until then this task cannot produce notices or summonses: the council's name, its "
            "magistrates' court and the costs agreed with the court come from those settings."
        )
    return ""


def _file(value: Any, field: str) -> Path:
    """The path of an uploaded file (docassemble's storage on the server; a path headless)."""
    return uploaded_file(value, field)[0]


def make_liability_batch(
    export: Any, mapping: Any, issued: Any, hearing: Any, hearing_time: Any, output_dir: Any
) -> BatchResult:
    """The summonses, complaint list and schedule for one hearing, each summons recorded on its case."""
    require("liability_orders")
    spec = read_liability_mapping(_file(mapping, "accounts_mapping"))
    return issue_summonses(
        register_url(),
        read_accounts(_file(export, "accounts_export"), spec),
        tax=spec.tax,
        issued=as_date(issued, "issued"),
        hearing=as_date(hearing, "hearing"),
        hearing_time=str(hearing_time or "10:00"),
        out_dir=Path(str(output_dir)),
        who=acting_user(),
    )


def batch_documents(result: BatchResult) -> list[str]:
    """The batch's files in the order the end screen lists them: complaint list, schedule, then the summonses."""
    return [str(result.complaint_list), str(result.schedule), *(str(p) for p in result.summonses)]


def batch_summary(result: BatchResult) -> str:
    lines = [
        f"{len(result.summonses)} summonses for the hearing, each recorded on its case in the register; "
        f"{result.hearing_rule.basis}"
    ]
    if result.excluded:
        lines.append("Left out:")
        lines += [f"- {e.account}: {e.reason}" for e in result.excluded]
    lines.append(f"Summonses are taken to be served on {format_date(result.served.date)}.")
    return "\n".join(lines)


def _withdrawn(text: Any) -> dict[str, str]:
    """'5100201 = paid in full' lines -> account -> reason."""
    out: dict[str, str] = {}
    for number, line in enumerate(str(text or "").splitlines(), start=1):
        if not line.strip():
            continue
        account, sep, reason = line.partition("=")
        if not sep or not account.strip() or not reason.strip():
            raise CaseFileError(
                "answers",
                f"accounts with no order, line {number}",
                f"{line.strip()!r} is not ACCOUNT = REASON",
                "write one account a line, e.g. 5100201 = paid in full",
            )
        out[account.strip()] = reason.strip()
    return out


def record_hearing_answers(hearing: Any, withdrawn: Any, tax: Any) -> HearingResult:
    """Record the court's decisions at the hearing on every case summoned to it."""
    require("liability_orders")
    return record_hearing_result(
        register_url(),
        hearing=as_date(hearing, "hearing_date"),
        withdrawn=_withdrawn(withdrawn),
        tax=str(tax or "council_tax"),
        who=acting_user(),
    )


def hearing_summary(result: HearingResult) -> str:
    lines = [f"Hearing of {format_date(result.hearing)}: {len(result.made)} liability order(s) recorded."]
    if result.withdrawn:
        lines.append("No order (the reason is recorded on each case):")
        lines += [f"- {reference}" for reference in result.withdrawn]
    return "\n".join(lines)


def make_next_step(reference: Any, step: Any, net_earnings: Any, pay_period: Any, on: Any, output_dir: Any) -> Path:
    """The document for the step after a case's liability order, read from and recorded in the register."""
    require("liability_orders")
    earnings = None
    if step == "attachment_of_earnings":
        try:
            earnings = to_money(str(net_earnings))
        except ValueError as err:
            raise CaseFileError("answers", "net earnings", str(err), "give the amount, e.g. 1450.00") from None
    return take_next_step(
        register_url(),
        str(reference).strip(),
        step=str(step),
        on=as_date(on, "on"),
        out_dir=Path(str(output_dir)),
        net_earnings=earnings,
        pay_period=str(pay_period or "monthly"),
        who=acting_user(),
    )
