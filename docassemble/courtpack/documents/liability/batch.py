"""A liability order batch: notices, summonses, the complaint list and schedule, and the batch record.

Why one run for the whole list: a council lays hundreds of complaints before one hearing. The
summons dates are the law's (served at least 14 whole days before the hearing; complaint at least
7 days after the final notice; nothing more than six years past due), so the batch refuses a
hearing date that is too soon for every account, and leaves out — with the reason — each account
that the law does not allow yet. Everything is written to a staging folder and moved into place
only when the whole batch has rendered: a template error halfway leaves nothing behind.

The batch record (``batch.json`` in the output folder) is the state that the hearing result and
the next steps update: it keeps, per account, the facts each document stated.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ...case.fields import Fields
from ...errors import CaseFileError, NotReadyError
from ...law import liability_orders as lo
from ...law.breathing_space import BreathingSpaceWindow, breathing_space_status
from ...law.dates import format_date
from ...law.money import money_str
from ..render import Template, safe_file_name
from .accounts import Account

BATCH_FILE = "batch.json"
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


def load_settings(path: str | Path) -> Settings:
    """The council's details, the court and its agreed costs scale (a YAML file kept with the mappings)."""
    source = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise CaseFileError(source, "", f"cannot be read ({err.strerror})", "check the path") from None
    except yaml.YAMLError as err:
        raise CaseFileError(source, "", f"is not valid YAML ({err})", "check the indentation") from None
    f = Fields(data, source)
    c, court, costs = f.section("council"), f.section("court"), f.section("costs")
    return Settings(
        council=Council(
            name=c.text("name"),
            department=c.text("department"),
            address=c.text("address"),
            phone=c.text("phone"),
            email=c.text("email"),
            payment_instructions=c.text("payment_instructions"),
            officer=c.text("officer"),
            officer_position=c.text("officer_position"),
        ),
        court=Court(name=court.text("name"), address=court.text("address")),
        costs=lo.CostsScale(summons=costs.money("summons"), liability_order=costs.money("liability_order")),
        summons_prefix=f.text("summons_prefix", "LO"),
    )


@dataclass(frozen=True)
class Exclusion:
    account: str
    reason: str


@dataclass(frozen=True)
class BatchResult:
    summonses: tuple[Path, ...]
    complaint_list: Path
    schedule: Path
    record: Path
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
) -> BatchResult:
    """Summonses for every eligible account, the complaint list (CSV) and schedule (DOCX), and the batch record."""
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
    if (out_dir / BATCH_FILE).exists():
        raise CaseFileError(
            str(out_dir), BATCH_FILE, "already holds a batch", "use a new output folder for each hearing"
        )
    included: list[Account] = []
    excluded: list[Exclusion] = []
    for account in accounts:
        reason = _eligible(tax, account, issued)
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
            number = _summons_number(settings, hearing, line)
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
        _write_list(staging / "complaint list.csv", rows, settings, hearing, hearing_time)
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
        record = _record(tax, settings, issued, served, hearing, hearing_time, rows, excluded, names)
        (staging / BATCH_FILE).write_text(json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8")
        moved = [*names, "complaint list.csv", "complaint schedule.docx", BATCH_FILE]
        for name in moved:  # the record last: its presence means the batch is complete
            os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BatchResult(
        tuple(out_dir / n for n in names),
        out_dir / "complaint list.csv",
        out_dir / "complaint schedule.docx",
        out_dir / BATCH_FILE,
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


def _record(
    tax: str,
    settings: Settings,
    issued: dt.date,
    served: lo.DayRule,
    hearing: dt.date,
    hearing_time: str,
    rows: list[dict[str, Any]],
    excluded: list[Exclusion],
    names: list[str],
) -> dict[str, Any]:
    return {
        "tax": tax,
        "court": settings.court.name,
        "issued": issued.isoformat(),
        "served": served.date.isoformat(),
        "hearing": hearing.isoformat(),
        "hearing_time": hearing_time,
        "costs": {
            "summons": money_str(settings.costs.summons),
            "liability_order": money_str(settings.costs.liability_order),
        },
        "accounts": {
            r["account"]: {
                "line": r["line"],
                "summons_number": r["summons_number"],
                "name": r["name"],
                "address": r["address"],
                "property": r["property"],
                "year": r["year"],
                "balance": money_str(r["balance"]),
                "costs": money_str(r["costs"]),
                "status": "summoned",
                "summons_file": name,
                "order": None,
            }
            for r, name in zip(rows, names, strict=True)
        },
        "excluded": [{"account": e.account, "reason": e.reason} for e in excluded],
    }
