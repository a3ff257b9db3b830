"""The start page's work list as Markdown, for ``start.yml`` (each row starts its task with the case loaded).

Why here and not in ``start.yml``: the rows, their order and the wording are decided in
``register.worklist``; this only lays them out. ``link`` turns (task, reference) into a link — on the
server the start page passes its own (``web.interview_link`` with the register reference), headless
the rows are plain text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ..law.dates import format_date
from ..register.db import resolve_url
from ..register.worklist import bundles_awaiting_review, caseload_by_stage, hearings_soon, officer_worklist

__all__ = ["work_list_markdown"]


def _plain(task: str, reference: str) -> str:
    return f"{reference} ({task})"


def work_list_markdown(user: str, roles: Iterable[str], on: dt.date | None = None,
                       link: Callable[[str, str], str] = _plain) -> str:
    """The sections of the work list the user's roles call for, as Markdown."""
    day = on or dt.date.today()
    held = set(roles)
    url = resolve_url()
    parts: list[str] = []
    if held & {"officer", "admin"}:
        items = officer_worklist(url, user, day)
        parts.append("### Your cases\n\n" + ("\n".join(
            f"* {'**Overdue:** ' if i.overdue else ''}{link(i.task, i.reference)} — {i.debtor} ({i.stage}): "
            f"{i.next_action} {format_date(i.due) if i.due else 'now'}" for i in items) or "No cases."))
        rows = hearings_soon(url, day, user)
        parts.append("### Hearings in the next 14 days\n\n" + ("\n".join(
            f"* {link('hearing_check', r.reference)} — {r.when}, {r.court}: {r.compliance_status}" for r in rows)
            or "None."))
    if held & {"legal_reviewer", "admin"}:
        bundles = bundles_awaiting_review(url)
        parts.append("### Bundles awaiting review\n\n" + ("\n".join(
            f"* {link('court_bundle', b.reference)} — {b.file_name}, by {b.created_by}" for b in bundles) or "None."))
    if held & {"manager", "admin"}:
        parts.append("### Caseload by stage\n\n| Stage | Cases |\n|---|---|\n" + "\n".join(
            f"| {stage} | {count} |" for stage, count in caseload_by_stage(url, day)))
    return "\n\n".join(parts)
