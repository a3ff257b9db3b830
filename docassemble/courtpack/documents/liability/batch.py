"""A liability order batch: notices, summonses, the complaint list and schedule, and the batch record.

Why one run for the whole list: a council lays hundreds of complaints before one hearing. The
summons dates are the law's (served at least 14 whole days before the hearing; complaint at least
7 days after the final notice; nothing more than six years past due), so the batch refuses a
hearing date that is too soon for every account, and leaves out — with the reason — each account
that the law does not allow yet. Everything is written to a staging folder and moved into place
only when the whole batch has rendered: a template error halfway leaves nothing behind.

The batch returns one line per summons (account, summons number, file); the caller records them in
the register (``interview_glue/liability_cases.py``) through ``on_rendered``, which runs after every
document has rendered and before any is moved into place, so a register refusal leaves no files and
a rendering failure leaves no register change.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...errors import CaseFileError, NotReadyError
from ...law import liability_orders as lo
from ...law.breathing_space import BreathingSpaceWindow, breathing_space_status
from ...law.dates import format_date
from ...law.money import money_str
from ..render import Template, safe_file_name
from .accounts import Account

LIST_FILE = "complaint list.csv"
LIST_COLUMNS = (
    "line",
    "summons_number",
    "applicant",
    "account",
    "defendant_name",
    "defendant_address",
    "property",
    "year",
    "amount_outstanding",
    "costs",
    "total",
    "hearing_date",
    "hearing_time",
)


@dataclass(frozen=True, kw_only=True)
class Council:
    name: str
    department: str
    address: str
    phone: str
    email: str
    payment_instructions: str
    officer: str
    officer_position: str


@dataclass(frozen=True, kw_only=True)
class Court:
    name: str
    address: str


@dataclass(frozen=True, kw_only=True)
class Settings:
    council: Council
    court: Court
    costs: lo.CostsScale
    summons_prefix: str


@dataclass(frozen=True)
class Exclusion:
    account: str
    reason: str


@dataclass(frozen=True)
class SummonsLine:
    """One summons of the batch: what the register records for its account."""

    account: Account
    line: int
    summons_number: str
    file_name: str


@dataclass(frozen=True)
class BatchResult:
    summonses: tuple[Path, ...]
    complaint_list: Path
    schedule: Path
    lines: tuple[SummonsLine, ...]
    excluded: tuple[Exclusion, ...]
    served: lo.DayRule
    hearing_rule: lo.DayRule


Progress = Callable[[int], None]


def _eligible(tax: str, account: Account, issued: dt.date) -> str | None:
    """None if the account may be summoned on ``issued``; otherwise the reason it may not."""
    if account.breathing_space_until is not None:
        window = BreathingSpaceWindow(min(issued, account.breathing_space_until), account.breathing_space_until)
        space = breathing_space_status([window], issued)
        if space.active:
            return (
                f"A breathing space is active until {format_date(account.breathing_space_until)}: no complaint "
                "or summons without the court's permission."
            )
    complaint = lo.earliest_complaint(tax, account.final_notice)
    if issued < complaint.date:
        return complaint.basis
    last = lo.application_last_day(tax, account.due_date)
    if issued > last.date:
        return last.basis + " The complaint is too late for it."
    return None


def _after_order(tax: str) -> str:
    powers = [p for p in lo.POWERS if p.debt_type == tax and p.available]
    words = {
        "attachment_of_earnings": "ask your employer to take money from your wages",
        "attachment_of_benefits": "ask the Department for Work and Pensions to take money from your benefits",
        "taking_control_of_goods": "pass the debt to enforcement agents, whose fees are added to the debt",
        "charging_order": "apply for a charging order on your home",
        "bankruptcy_or_winding_up": "start bankruptcy or winding-up proceedings",
        "committal": "ask the court to consider sending you to prison",
    }
    return "If the order is made the council may " + "; ".join(words[p.power] for p in powers) + "."


def _summons_number(settings: Settings, hearing: dt.date, line: int) -> str:
    return f"{settings.summons_prefix}-{hearing:%Y%m%d}-{line:04d}"


def summons_batch(
    accounts: Iterable[Account],
    *,
    tax: str,
    settings: Settings,
    issued: dt.date,
    hearing: dt.date,
    hearing_time: str,
    out_dir: Path,
    progress: Progress | None = None,
    refused: Mapping[str, str] | None = None,
    first_number: int = 1,
    on_rendered: Callable[[tuple[SummonsLine, ...]], None] | None = None,
) -> BatchResult:
    """Summonses for every eligible account, the complaint list (CSV) and the schedule (DOCX).

    ``refused`` maps accounts the caller knows cannot be summoned (already summoned, say) to the
    reason; ``first_number`` continues the hearing's summons numbers after an earlier batch for the
    same hearing; ``on_rendered`` receives the summons lines once everything has rendered, before any file
    is moved into ``out_dir`` (an exception there leaves nothing behind).
    """
    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", hearing_time.strip()):
        raise CaseFileError(
            "batch", "hearing time", f"{hearing_time!r} is not a time of day", "write it as HH:MM, e.g. 10:00"
        )
    served = lo.summons_deemed_served(issued)
    hearing_rule = lo.earliest_hearing(tax, served.date)
    if hearing < hearing_rule.date:
        raise NotReadyError(
            f"hearing on {hearing.isoformat()} is too soon for summonses posted on "
            f"{issued.isoformat()}: {served.basis} {hearing_rule.basis} Choose a later hearing "
            f"or post the summonses earlier ({lo.latest_summons_served(tax, hearing).basis})"
        )
    if (out_dir / LIST_FILE).exists():
        raise CaseFileError(
            str(out_dir), LIST_FILE, "already holds a batch", "use a new output folder for each hearing"
        )
    included: list[Account] = []
    excluded: list[Exclusion] = []
    for account in accounts:
        reason = (refused or {}).get(account.account) or _eligible(tax, account, issued)
        if reason:
            excluded.append(Exclusion(account.account, reason))
        else:
            included.append(account)
    if not included:
        raise NotReadyError(
            "no account in the batch may be summoned on "
            f"{issued.isoformat()}: " + "; ".join(f"{e.account}: {e.reason}" for e in excluded[:3])
        )
    label = lo.DEBT_LABELS[tax]
    costs = settings.costs
    summons_template = Template("liability_summons.docx")
    shared = {
        "council": settings.council,
        "court": settings.court,
        "tax_label": label,
        "issued": issued,
        "hearing": hearing,
        "hearing_time": hearing_time,
        "summons_costs": costs.summons,
        "summons_days": lo.period(tax, "summons_to_hearing", issued).days,
        "after_order": _after_order(tax),
        "source": lo.SUMMONS_SOURCE[tax],
    }
    rows: list[dict[str, Any]] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    try:
        names: list[str] = []
        for line, account in enumerate(included, start=1):
            number = _summons_number(settings, hearing, first_number + line - 1)
            total = account.balance + costs.total
            context = {
                **shared,
                "account": account,
                "summons_number": number,
                "total": total,
                "amounts": [
                    {"label": f"{label.capitalize()} unpaid ({account.year})", "amount": account.balance},
                    {"label": "Costs of the summons", "amount": costs.summons},
                    {"label": "Costs of the liability order", "amount": costs.liability_order},
                ],
            }
            name = safe_file_name(f"{number} summons {account.account}") + ".docx"
            summons_template.render(context, staging / name)
            names.append(name)
            rows.append(
                {
                    "line": line,
                    "summons_number": number,
                    "account": account.account,
                    "name": account.name,
                    "address": account.address,
                    "property": account.property,
                    "year": account.year,
                    "balance": account.balance,
                    "costs": costs.total,
                    "total": total,
                }
            )
            if progress:
                progress(1)
        _write_list(staging / LIST_FILE, rows, settings, hearing, hearing_time)
        costs_text = lo.costs_basis(tax, costs)
        Template("liability_schedule.docx").render(
            {
                "council": settings.council,
                "court": settings.court,
                "tax_label": label,
                "hearing": hearing,
                "hearing_time": hearing_time,
                "issued": issued,
                "summons_costs": costs.summons,
                "order_costs": costs.liability_order,
                "rows": rows,
                "count": len(rows),
                "total_balance": sum((r["balance"] for r in rows), Decimal("0.00")),
                "total_costs": sum((r["costs"] for r in rows), Decimal("0.00")),
                "grand_total": sum((r["total"] for r in rows), Decimal("0.00")),
                "costs_basis": f"{costs_text[0]} ({costs_text[1]})",
            },
            staging / "complaint schedule.docx",
        )
        lines = tuple(
            SummonsLine(account, r["line"], r["summons_number"], name)
            for account, r, name in zip(included, rows, names, strict=True)
        )
        if on_rendered:
            on_rendered(lines)
        for name in [*names, "complaint schedule.docx", LIST_FILE]:  # the list last: it marks a complete batch
            os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BatchResult(
        tuple(out_dir / n for n in names),
        out_dir / LIST_FILE,
        out_dir / "complaint schedule.docx",
        lines,
        tuple(excluded),
        served,
        hearing_rule,
    )


def _write_list(
    target: Path, rows: list[dict[str, Any]], settings: Settings, hearing: dt.date, hearing_time: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LIST_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                r["line"],
                r["summons_number"],
                settings.council.name,
                r["account"],
                r["name"],
                r["address"],
                r["property"],
                r["year"],
                money_str(r["balance"]),
                money_str(r["costs"]),
                money_str(r["total"]),
                hearing.isoformat(),
                hearing_time,
            ]
        )
    target.write_text(buffer.getvalue(), encoding="utf-8")
