"""The catalogue of courtpack's tasks: which interview does what, and which roles may run it.

Why one table: the start page's menu, the role check at the top of every interview and the tests
of who is refused all read ``TASKS``, so a task offered to a role is exactly a task that role may run.
Roles are docassemble privileges (``server/setup_accounts.py``): ``officer`` (cases, letters, claims,
enforcement, statements, liability orders), ``legal_reviewer`` (reviews claims and bundles, charging
orders, statutory demands) and ``manager`` (council settings, reports, write-offs, hearings); ``admin``
may run everything.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourtpackError
from ..headless.context import ROLES
from ..resources import data_dir

__all__ = [
    "PACKAGE",
    "START",
    "TASKS",
    "Task",
    "available_tasks",
    "interview_id",
    "interview_link",
    "roles_for",
    "start_menu_buttons",
    "task_choices",
    "task_menu_markdown",
    "task_title",
    "tasks_by_role",
]

log = logging.getLogger(__name__)
PACKAGE = "docassemble.courtpack"
START = "start"
# every courtpack role may open the start page; what it offers depends on the roles held
START_ROLES = ("officer", "legal_reviewer", "manager")


@dataclass(frozen=True)
class Task:
    name: str  # the interview file's stem: interviews/<name>.yml
    title: str
    roles: tuple[str, ...]  # who may run this task (admin may run every task)
    needs_case: bool = True  # starts from a case in the register; False: from the register itself
    what: str = ""


TASKS = (
    Task(
        "letter_before_claim",
        "Letter before claim",
        ("officer",),
        what="Letter of Claim (PAPDC) or PD-PAC letter with its enclosures",
    ),
    Task(
        "money_claim",
        "Money claim",
        ("officer", "legal_reviewer"),
        what="claim form N1 and particulars, with interest, fee and costs worked out",
    ),
    Task(
        "default_judgment",
        "Judgment",
        ("officer", "legal_reviewer"),
        what="request for judgment in default or on admission",
    ),
    Task(
        "charging_order",
        "Charging order",
        ("legal_reviewer",),
        what="application for a charging order, with the title details",
    ),
    Task(
        "enforcement",
        "Enforcement",
        ("officer", "legal_reviewer"),
        what="writ/warrant requests, attachment of earnings, and the enforcement agent referral pack",
    ),
    Task(
        "witness_statement",
        "Witness statement",
        ("officer", "legal_reviewer"),
        what="witness statement with its exhibits",
    ),
    Task(
        "court_bundle",
        "Bundle",
        ("legal_reviewer", "officer"),
        what="indexed, paginated hearing bundle (a legal reviewer marks it reviewed)",
    ),
    Task(
        "possession_notice",
        "Possession notice",
        ("officer",),
        what="notice of seeking possession (or notice of proceedings) for rent arrears, with its dates",
    ),
    Task(
        "possession_claim",
        "Possession claim",
        ("officer", "legal_reviewer"),
        what="N5 and N119 with the rent statement, refused until the notice and protocol allow it",
    ),
    Task(
        "possession_order",
        "Possession hearing and order",
        ("officer", "legal_reviewer"),
        what="the presenting officer's hearing pack, then the order and its terms as made",
    ),
    Task(
        "warrant_of_possession",
        "Warrant of possession",
        ("officer", "legal_reviewer"),
        what="on a breach: N325/N325A warrant request or N244 to fix the date, refused while terms are kept",
    ),
    Task(
        "new_case",
        "New case",
        ("officer",),
        needs_case=False,
        what="enter a case (debtors, account, agreement) into the register without writing a file",
    ),
    Task(
        "edit_case", "Edit a case", ("officer",), what="change the debtor's contact details or add charges and payments"
    ),
    Task(
        "case_step",
        "Record a step",
        ("officer", "legal_reviewer"),
        what="record what happened (claim issued, judgment, payment, hearing...) with its facts",
    ),
    Task(
        "statutory_demand",
        "Statutory demand",
        ("officer", "legal_reviewer"),
        what="statutory demand (bankruptcy or winding-up) and whether a petition would be open",
    ),
    Task(
        "liability_orders",
        "Liability orders",
        ("officer",),
        needs_case=False,
        what="council tax or business rates: summonses for a hearing, the hearing's result, the step after an order",
    ),
    Task(
        "council_settings",
        "Council settings",
        ("manager",),
        needs_case=False,
        what="the council's details, signatories and enforcement agents every document reads",
    ),
    Task(
        "performance_report",
        "Performance report",
        ("manager",),
        needs_case=False,
        what="the month's caseload, money, timeliness and ageing as XLSX and PDF",
    ),
    Task(
        "writeoff",
        "Write-off",
        ("manager",),
        needs_case=False,
        what="write-off recommendation for sign-off, approved within your delegated authority",
    ),
    Task(
        "hearing_check",
        "Hearing check",
        ("officer", "manager"),
        needs_case=False,
        what="before a hearing: is the debtor complying with every order?",
    ),
)
# actions on the start page, and the roles that may take them (checked in Python, not by the buttons shown)
ACTIONS = {"batch": ("officer",), "review": ("legal_reviewer",), "import_cases": ("officer", "manager")}
TITLES = {
    START: "courtpack",
    "batch": "Batch letters before claim",
    "review": "Marking a bundle reviewed",
    "import_cases": "Importing cases from an income system",
}


def roles_for(name: str) -> tuple[str, ...]:
    """The roles that may run interview (or start-page action) ``name``; a name courtpack does not know has none."""
    if name == START:
        return START_ROLES
    if name in ACTIONS:
        return ACTIONS[name]
    return next((t.roles for t in TASKS if t.name == name), ())


def interview_id(name: str) -> str:
    """``letter_before_claim`` -> ``docassemble.courtpack:data/questions/letter_before_claim.yml``."""
    return f"{PACKAGE}:data/questions/{name}.yml"


def interview_link(name: str) -> str:
    return f"/interview?i={interview_id(name)}"


def available_tasks(folder: Path | None = None) -> list[Task]:
    """The tasks whose interview file is in the installed package (others are not offered)."""
    try:
        questions = folder or data_dir("questions")
    except CourtpackError as err:
        log.error("no interviews are offered: %s", err)
        return []
    return [t for t in TASKS if (questions / f"{t.name}.yml").is_file()]


def tasks_by_role(privileges: Iterable[str], folder: Path | None = None) -> dict[str, list[Task]]:
    """Role title -> the tasks of that role the user holds (admin: every role)."""
    held = set(privileges)
    everything = "admin" in held
    tasks = available_tasks(folder)
    return {
        title: [t for t in tasks if role in t.roles]
        for role, title in ROLES.items()
        if role != "admin" and (everything or role in held)
    }


def task_menu_markdown(privileges: Iterable[str], folder: Path | None = None) -> str:
    """The start page's list of tasks by role, each linking to its interview (Markdown)."""
    groups = tasks_by_role(privileges, folder)
    if not any(groups.values()):
        return (
            "You have none of courtpack's roles (officer, legal reviewer, manager). "
            "Ask your administrator to give you one in User List."
        )
    lines = []
    for title, tasks in groups.items():
        lines += [f"#### {title}", ""]
        lines += [f"* [{t.title}]({interview_link(t.name)}) — {t.what}" for t in tasks]
        lines.append("")
    return "\n".join(lines)


def task_choices(privileges: Iterable[str], folder: Path | None = None) -> list[dict[str, str]]:
    """Radio choices (interview name -> title) of the tasks the user may start from a case."""
    seen: dict[str, str] = {}
    for tasks in tasks_by_role(privileges, folder).values():
        for t in tasks:
            if t.needs_case:
                seen.setdefault(t.name, f"{t.title} — {t.what}")
    return [{name: label} for name, label in seen.items()]


def start_menu_buttons(privileges: Iterable[str]) -> list[dict[str, str]]:
    """The start page's buttons: batch letters for officers, bundle review for legal reviewers, and
    importing cases from an income system's export for officers and managers."""
    held = set(privileges)
    buttons = [{"case_task": "Start a task for a case"}]
    if "admin" in held or held & set(ACTIONS["batch"]):
        buttons.append({"batch": "Batch letters before claim"})
    if "admin" in held or held & set(ACTIONS["review"]):
        buttons.append({"review": "Mark a bundle reviewed"})
    if "admin" in held or held & set(ACTIONS["import_cases"]):
        buttons.append({"import_cases": "Import cases from an income system"})
    return buttons


def task_title(task_name: str) -> str:
    return next((t.title for t in TASKS if t.name == task_name), TITLES.get(task_name, task_name))
