"""Glue for ``performance_report.yml`` and ``writeoff.yml``: the manager's report and write-off sign-off.

Why a role check in each entry point as well as at the top of the interviews: the background worker
and the screens' choice lists call these functions directly, and a report or a write-off must never
reach anyone but a manager (or admin) — headless runs included, which act as their named user.
The register is the step's (``cases.register_url``), never a path typed on screen.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import CourtpackError
from ..headless.context import running_headless
from ..law.dates import format_date
from ..law.money import format_money
from ..register import Register, open_register
from .acting import acting_user, require
from .cases import register_url
from .common import as_date
from .progress import set_progress
from .storage import keep, step_output

__all__ = [
    "ALL_TEAMS",
    "make_performance_report",
    "make_writeoff_recommendation",
    "month_bounds",
    "run_performance_report",
    "team_choices",
    "use_background",
    "writeoff_approve",
    "writeoff_candidates_markdown",
    "writeoff_choices",
]

ALL_TEAMS = "(all teams)"  # a radio choice needs a non-empty value
REPORT, WRITEOFF = "performance_report", "writeoff"  # the tasks (interview_glue.tasks) and their roles


def use_background() -> bool:
    """The server builds the report in its background worker (progress shown); headless runs build it here."""
    return running_headless() is None


@contextlib.contextmanager
def _register() -> Iterator[Register]:
    register = open_register(register_url())
    try:
        yield register
    finally:
        register.dispose()


def month_bounds(month: Any) -> tuple[dt.date, dt.date]:
    """The first and last day of the month containing ``month``."""
    from ..register.reporting.money import months

    day = as_date(month, "month")
    first = day.replace(day=1)
    ((_, _, length),) = months(first, first)
    return first, first.replace(day=length)


def team_choices() -> list[dict[str, str]]:
    """ "All teams" and each team with officers in it, as radio choices."""
    from ..register.db import session_for
    from ..register.reporting.targets import teams

    require(REPORT)
    with _register() as register, session_for(register) as session:
        names = sorted(set(teams(session).values()))
    return [{ALL_TEAMS: "All teams"}, *({name: name} for name in names)]


def make_performance_report(
    start: Any, end: Any, team: Any, output_dir: Any, progress: Callable[[str], None] | None = None
) -> list[str]:
    """The performance report as XLSX and PDF, for the period and team chosen on screen."""
    require(REPORT)
    say = progress or (lambda _text: None)
    from ..register.reporting import performance_report
    from ..register.reporting.pdf import write_pdf
    from ..register.reporting.xlsx import write_xlsx

    first, last = as_date(start, "start"), as_date(end, "end")
    chosen = None if str(team or ALL_TEAMS).strip() in ("", ALL_TEAMS) else str(team).strip()
    folder = Path(str(output_dir))
    stem = f"performance {first.isoformat()} to {last.isoformat()}" + (f" {chosen}" if chosen else "")
    stem = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in stem)  # team names are user text
    say("Reading the register…")
    with _register() as register:
        report = performance_report(register, first, last, chosen)
    say(f"Writing the spreadsheet ({len(report.lines):,} cases)…")
    xlsx = write_xlsx(report, folder / f"{stem}.xlsx")
    say("Writing the PDF…")
    pdf = write_pdf(report, folder / f"{stem}.pdf")
    say("Done.")
    return [str(xlsx), str(pdf)]


def run_performance_report(start: str, end: str, team: str, key: str) -> dict[str, Any]:
    """The background task's body (Celery worker): progress to Redis, the signed stored files back to the session.

    The worker runs as the user who started it, so the manager check holds here too; the report is
    made in the step's private folder, removed when the task ends.
    """
    with step_output() as output_dir:
        files = keep(
            make_performance_report(start, end, team, output_dir, progress=lambda text: set_progress(key, text))
        )
    return {"files": files}


def writeoff_candidates_markdown(on: Any) -> str:
    require(WRITEOFF)
    from ..register.writeoff import candidates

    with _register() as register:
        found = candidates(register, as_date(on, "on"))
    if not found:
        return f"No case is a write-off candidate on {format_date(as_date(on, 'on'))} under the policy in force."
    lines = ["| Case | Debtor | Outstanding | Reason | Authority needed |", "|---|---|---|---|---|"]
    for c in found:
        lines.append(
            f"| {c.reference} | {c.debtor} | {format_money(c.outstanding)} | {c.reason_label} | {c.authority_label} |"
        )
    return "\n".join(lines)


def writeoff_choices(on: Any) -> list[dict[str, str]]:
    require(WRITEOFF)
    from ..register.writeoff import candidates

    with _register() as register:
        found = candidates(register, as_date(on, "on"))
    if not found:
        raise CourtpackError(
            f"no case is a write-off candidate on {format_date(as_date(on, 'on'))}; record trace "
            "attempts and debtor facts first (courtpack trace add / writeoff fact)"
        )
    return [
        {
            c.reference: f"{c.reference} — {c.debtor} — {format_money(c.outstanding)} — {c.reason_label} "
            f"({c.authority_label})"
        }
        for c in found
    ]


def _chosen(selected: Any) -> list[str]:
    if isinstance(selected, dict) or hasattr(selected, "true_values"):
        values = selected.true_values() if hasattr(selected, "true_values") else [k for k, v in selected.items() if v]
        return [str(v) for v in values]
    return [str(v) for v in (selected or [])]


def make_writeoff_recommendation(selected: Any, on: Any, output_dir: Any) -> list[str]:
    """The recommendation (DOCX + PDF) for the cases ticked, recorded on each case."""
    require(WRITEOFF)
    from ..register.reporting.recommendation import write_recommendation

    refs = _chosen(selected)
    with _register() as register:
        paths = write_recommendation(register, refs, Path(str(output_dir)), as_date(on, "on"), acting_user())
    return [str(p) for p in paths]


def writeoff_approve(selected: Any, on: Any) -> str:
    """Approve the ticked write-offs as the signed-in user (each refused without that user's authority)."""
    require(WRITEOFF)
    from ..register.writeoff import approve

    day, user, lines = as_date(on, "on"), acting_user(), []
    with _register() as register:
        for ref in _chosen(selected):
            try:
                row = approve(register, ref, user, day)
                lines.append(f"* {ref}: {format_money(row.amount)} written off by {user}.")
            except CourtpackError as err:
                lines.append(f"* {ref}: not approved — {err}")
    return "\n".join(lines)
