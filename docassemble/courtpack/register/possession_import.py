"""Import a tenancy's rent account from the housing rent system's export (CSV), checked against the rent.

Why checked, and all or nothing: the N119 schedule, the hearing statement and the order's compliance are
worked out from the register's rent account (charges from the recorded rent, credits from these rows). If
the export's rent charges disagree with the recorded rent (a rent change not yet recorded, a rent-free
week), the court would see two different arrears figures; so every charge row is compared with the rent
the register would charge, and any difference refuses the whole file, naming the rows. Credits become
``payment`` steps (the tenant), ``rent_credit`` steps (housing benefit, UC housing costs) and
``rent_adjustment`` steps, recorded in one transaction.

The layout (a header row; other columns are ignored): ``date`` (YYYY-MM-DD or DD/MM/YYYY), ``type`` (one
of ``TYPES``), ``amount`` (positive, pounds and pence), ``description`` (optional).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..case.tenancy import rent_charges
from ..law.dates import format_date, parse_date
from ..law.money import format_money, to_money
from .db import Register, session_for
from .errors import ImportRowsError, RegisterError, RowProblem
from .possession import facts_from_story
from .steps import case_facts, record_step

__all__ = ["TYPES", "RentImport", "import_rent_account"]

TYPES = ("rent", "payment", "housing_benefit", "universal_credit", "debit_adjustment", "credit_adjustment")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
MAX_ROWS = 20_000


@dataclass(frozen=True)
class RentImport:
    reference: str
    rent_rows_checked: int
    steps_recorded: int


@dataclass(frozen=True)
class _Row:
    number: int
    day: dt.date
    kind: str
    amount: Decimal
    description: str


def _read(path: Path) -> tuple[list[_Row], list[RowProblem]]:
    rows: list[_Row] = []
    problems: list[RowProblem] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("date", "type", "amount") if c not in (reader.fieldnames or [])]
        if missing:
            raise RegisterError(
                f"{path.name}: the header has no {missing[0]!r} column; the columns are date, type, amount"
            )
        for number, raw in enumerate(reader, start=2):
            if number > MAX_ROWS + 1:
                raise RegisterError(f"{path.name}: more than {MAX_ROWS} rows; split the export by year")
            try:
                day = parse_date(raw.get("date") or "", DATE_FORMATS)
            except ValueError as err:
                problems.append(RowProblem(number, "date", str(err)))
                continue
            kind = (raw.get("type") or "").strip().lower()
            if kind not in TYPES:
                problems.append(RowProblem(number, "type", f"{kind!r} is not one of {', '.join(TYPES)}"))
                continue
            try:
                amount = to_money(raw.get("amount") or "")
            except ValueError as err:
                problems.append(RowProblem(number, "amount", str(err)))
                continue
            if amount <= 0:
                problems.append(RowProblem(number, "amount", f"{amount} must be more than 0.00"))
                continue
            description = " ".join((raw.get("description") or "").split())[:200]
            rows.append(_Row(number, day, kind, amount, description))
    return rows, problems


def import_rent_account(
    db: Register | str | os.PathLike[str] | None,
    reference: str,
    path: str | os.PathLike[str],
    who: str | None = None,
    today: dt.date | None = None,
) -> RentImport:
    """Record the credits of a rent account export for case ``reference``, after checking its rent charges."""
    file = Path(path)
    if not file.is_file():
        raise RegisterError(f"{file}: the rent account export does not exist; give the path of the CSV file")
    rows, problems = _read(file)
    with session_for(db, who) as session:
        facts = facts_from_story(case_facts(session, reference))
        if facts is None:
            raise RegisterError(
                f"case {reference} has no tenancy recorded; record tenancy_recorded before importing its rent account"
            )
        rent = [r for r in rows if r.kind == "rent"]
        if rent:
            first, last = min(r.day for r in rent), max(r.day for r in rent)
            expected = {(c.day, c.debit) for c in rent_charges(facts.account.tenancy, first, last)}
            for r in rent:
                if (r.day, r.amount) not in expected:
                    problems.append(
                        RowProblem(
                            r.number,
                            "amount",
                            f"rent of {format_money(r.amount)} on {format_date(r.day)} is not what the recorded rent "
                            "charges that day; record the rent change (rent_changed) or correct the export",
                        )
                    )
        if problems:
            raise ImportRowsError(file.name, problems, "nothing was imported; correct these rows and import again")
        recorded = 0
        for r in rows:
            if r.kind == "rent":
                continue
            if r.kind == "payment":
                step, step_facts = "payment", {"date": r.day, "amount": r.amount, "method": r.description or "rent"}
            elif r.kind in ("housing_benefit", "universal_credit"):
                step, step_facts = "rent_credit", {"date": r.day, "amount": r.amount, "source": r.kind}
            else:
                direction = "debit" if r.kind == "debit_adjustment" else "credit"
                step = "rent_adjustment"
                step_facts = {
                    "date": r.day,
                    "amount": r.amount,
                    "direction": direction,
                    "description": r.description or f"{direction} adjustment",
                }
            record_step(session, reference, step, step_facts, today=today)
            recorded += 1
        return RentImport(reference, len(rent), recorded)
