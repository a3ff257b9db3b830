"""The start page's work list as Markdown, for ``start.yml`` (each row starts its task with the case loaded).

Why here and not in ``start.yml``: the rows, their order and the wording are decided in
``register.worklist``; this only lays them out. ``link`` turns (task, reference) into a link — on the
server ``task_link``: a link to the start page's own ``open_task`` action, which checks the role and the
case again and opens a new session of the task with ``case_reference`` already set (the same way
"Start a task for a case" does). Why not a link straight to the task's interview with the reference
in its URL: the interviews read ``case_reference`` only from the register's list, never from
``url_args``, so nothing in a URL can choose what a step works on. Headless the rows are plain text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ..headless import server
from ..headless.context import running_headless
from ..law.dates import format_date
from ..register.worklist import bundles_awaiting_review, caseload_by_stage, hearings_soon, officer_worklist
from .cases import register_url
from .tasks import task_title

__all__ = ["OPEN_TASK", "start_page_work_list", "task_link", "work_list_markdown"]

OPEN_TASK = "open_task"  # the start page's event that opens a task for a case (start.yml)


def _plain(task: str, reference: str) -> str:
    return f"{reference} ({task})"


def task_link(task: str, reference: str) -> str:
    """``[FTA-2025-0142](…)``: opens ``task`` for the case through the start page's ``open_task`` action."""
    url = server.action_url(OPEN_TASK, task=task, reference=reference)
    return f'[{reference}]({url} "{task_title(task)}")'


def start_page_work_list(user: str, roles: Iterable[str]) -> str:
    """The signed-in user's work list for the start page: linked rows on the server, plain rows headless."""
    if register_url(required=False) is None:
        return "No case register is configured, so there is no work list."
    return work_list_markdown(user, roles, link=_plain if running_headless() is not None else task_link)


def work_list_markdown(
    user: str, roles: Iterable[str], on: dt.date | None = None, link: Callable[[str, str], str] = _plain
) -> str:
    """The sections of the work list the user's roles call for, as Markdown."""
    day = on or dt.date.today()
    held = set(roles)
    url = register_url()
    parts: list[str] = []
    if held & {"officer", "admin"}:
        items = officer_worklist(url, user, day)
        parts.append(
            "### Your cases\n\n"
            + (
                "\n".join(
                    f"* {'**Overdue:** ' if i.overdue else ''}{link(i.task, i.reference)} — {i.debtor} ({i.stage}): "
                    f"{i.next_action} {format_date(i.due) if i.due else 'now'}"
                    for i in items
                )
                or "No cases."
            )
        )
        rows = hearings_soon(url, day, user)
        parts.append(
            "### Hearings in the next 14 days\n\n"
            + (
                "\n".join(
                    f"* {link('hearing_check', r.reference)} — {r.when}, {r.court}: {r.compliance_status}" for r in rows
                )
                or "None."
            )
        )
    if held & {"legal_reviewer", "admin"}:
        bundles = bundles_awaiting_review(url)
        parts.append(
            "### Bundles awaiting review\n\n"
            + (
                "\n".join(f"* {link('court_bundle', b.reference)} — {b.file_name}, by {b.created_by}" for b in bundles)
                or "None."
            )
        )
    if held & {"manager", "admin"}:
        parts.append(
            "### Caseload by stage\n\n| Stage | Cases |\n|---|---|\n"
            + "\n".join(f"| {stage} | {count} |" for stage, count in caseload_by_stage(url, day))
        )
    return "\n\n".join(parts)
