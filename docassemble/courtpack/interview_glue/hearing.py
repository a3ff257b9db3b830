"""Glue for ``hearing_check.yml``: pick a hearing, see compliance, produce the pre-hearing check."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import CourtpackError
from ..law.dates import format_date
from ..law.money import format_money
from ..register import (
    Register,
    hearing_for_check,
    open_register,
    pre_hearing_report,
    upcoming_hearings,
)
from .acting import acting_user
from .common import as_date

__all__ = ["LOOK_AHEAD_DAYS", "compliance_summary", "hearing_choices", "make_hearing_report"]

LOOK_AHEAD_DAYS = 28


def hearing_choices(register_db: Any, on: Any, days: int = LOOK_AHEAD_DAYS) -> list[dict[str, str]]:
    """Hearings from ``on`` for ``days`` days, as docassemble radio choices (id -> description)."""
    day = as_date(on, "check_date")
    with _register(register_db) as register:
        rows = upcoming_hearings(register, day, day + dt.timedelta(days=days), on=day)
    if not rows:
        raise CourtpackError(
            f"there are no hearings in the register between {format_date(day)} and "
            f"{format_date(day + dt.timedelta(days=days))}; add one with `courtpack register hearing`"
        )
    return [
        {
            str(row.hearing_id): f"{row.when} — {row.reference} {row.debtor} — {row.kind}, {row.court} "
            f"({row.compliance_status})"
        }
        for row in rows
    ]


def compliance_summary(register_db: Any, hearing_id: Any, on: Any) -> str:
    """The compliance summary shown before the report is produced (Markdown)."""
    with _register(register_db) as register:
        row = hearing_for_check(register, int(hearing_id), as_date(on, "check_date"))
    lines = [
        f"**{row.reference} — {row.debtor}**, {row.kind} at {row.court} on {row.when}.",
        "",
        f"Compliance on {format_date(row.on)}: **{row.compliance_status}**"
        + (f", arrears {format_money(row.arrears)}" if row.arrears else "")
        + ".",
    ]
    for order in row.orders:
        missed = (
            f"; {order.missed} instalment(s) missed since {format_date(order.first_missed)}"
            if order.first_missed
            else ""
        )
        lines.append(
            f"* Order of {format_date(order.made_on)}: {order.terms}; due to date "
            f"{format_money(order.due_to_date)}, paid {format_money(order.paid)}{missed}."
        )
    lines.extend(f"* Direction: {d}" for d in row.directions)
    lines.extend(f"* To do: {task}" for task in row.tasks)
    return "\n".join(lines)


def make_hearing_report(register_db: Any, hearing_id: Any, on: Any, output_dir: Any) -> list[str]:
    """The pre-hearing check report (DOCX and PDF), recorded in the register once, under the acting user."""
    day = as_date(on, "check_date")
    with _register(register_db) as register:
        # pre_hearing_report records both files itself, once, under the signed-in user
        paths = pre_hearing_report(register, int(hearing_id), day, Path(str(output_dir)), who=acting_user())
    return [str(p) for p in paths]


@contextlib.contextmanager
def _register(register_db: Any) -> Iterator[Register]:
    """The register the officer named, or the configured one (``COURTPACK_DATABASE_URL``) when blank."""
    register = open_register(str(register_db or "").strip() or None)
    try:
        yield register
    finally:
        register.dispose()
