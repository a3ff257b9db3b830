"""Server-side helpers: the start page, roles, background tasks and downloads on the docassemble server.

Why a module of its own: these only make sense inside docassemble's web app (a signed-in user,
stored files, Celery tasks, other interview sessions); the headless runner and the command line
never import it. docassemble is imported inside the functions that need it, so this module can be
imported — and its pure parts tested — without a server.

Roles are docassemble privileges made by ``scripts/server.sh`` (``server/setup_accounts.py``):
``officer`` (letters, claims, enforcement, statements), ``legal_reviewer`` (reviews claims and
bundles, charging orders) and ``manager`` (reports, hearings). ``admin`` sees everything.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import CourtpackError
from ..resources import data_dir
from .common import current_user

__all__ = [
    "PACKAGE", "ROLES", "TASKS", "BatchResult", "NotAllowedError", "Task", "add_uploaded_case",
    "available_tasks", "batch_letters", "case_choices", "case_file_from_register", "case_summary",
    "cases_folder", "checked", "current_privileges", "file_links", "interview_id",
    "interview_link", "mark_bundle_reviewed", "on_server", "progress_key", "progress_text", "register_url",
    "require_privilege", "run_batch_letters", "set_progress", "start_menu_buttons", "start_task_session",
    "store_file", "stored_download_links", "task_choices", "task_menu_markdown", "task_title", "tasks_by_role",
    "zip_files",
]

PACKAGE = "docassemble.courtpack"
ROLES = {"officer": "Debt recovery officer", "legal_reviewer": "Legal reviewer", "manager": "Team leader / manager"}


@dataclass(frozen=True)
class Task:
    name: str  # the interview file's stem: interviews/<name>.yml
    title: str
    roles: tuple[str, ...]  # who does this task (the start page groups tasks by these)
    needs_case: bool = True  # starts from a case (register or case file); False: from the register itself
    what: str = ""


TASKS = (
    Task("letter_before_claim", "Letter before claim", ("officer",),
         what="Letter of Claim (PAPDC) or PD-PAC letter with its enclosures"),
    Task("money_claim", "Money claim", ("officer", "legal_reviewer"),
         what="claim form N1 and particulars, with interest, fee and costs worked out"),
    Task("default_judgment", "Judgment", ("officer", "legal_reviewer"),
         what="request for judgment in default or on admission"),
    Task("charging_order", "Charging order", ("legal_reviewer",),
         what="application for a charging order, with the title details"),
    Task("enforcement", "Enforcement", ("officer", "legal_reviewer"),
         what="writ/warrant requests, attachment of earnings, and the enforcement agent referral pack"),
    Task("witness_statement", "Witness statement", ("officer", "legal_reviewer"),
         what="witness statement with its exhibits"),
    Task("court_bundle", "Bundle", ("legal_reviewer", "officer"),
         what="indexed, paginated hearing bundle (a legal reviewer marks it reviewed)"),
    Task("hearing_check", "Hearing check", ("officer", "manager"), needs_case=False,
         what="before a hearing: is the debtor complying with every order?"),
)


# ---------------------------------------------------------------- where we are


def on_server() -> bool:
    """True inside docassemble's web app or its Celery worker (never in headless runs)."""
    return "docassemble.webapp.config" in sys.modules


def interview_id(name: str) -> str:
    """``letter_before_claim`` -> ``docassemble.courtpack:data/questions/letter_before_claim.yml``."""
    return f"{PACKAGE}:data/questions/{name}.yml"


def interview_link(name: str) -> str:
    return f"/interview?i={interview_id(name)}"


def available_tasks(folder: Path | None = None) -> list[Task]:
    """The tasks whose interview file is in the installed package (others are not offered)."""
    try:
        questions = folder or data_dir("questions")
    except CourtpackError:
        return []
    return [t for t in TASKS if (questions / f"{t.name}.yml").is_file()]


def tasks_by_role(privileges: Iterable[str], folder: Path | None = None) -> dict[str, list[Task]]:
    """Role title -> the tasks of that role the user holds (admin: every role)."""
    held = set(privileges)
    everything = "admin" in held or "developer" in held
    tasks = available_tasks(folder)
    return {title: [t for t in tasks if role in t.roles]
            for role, title in ROLES.items() if everything or role in held}


def current_privileges() -> list[str]:
    from docassemble.base.functions import user_privileges

    return list(user_privileges())


def task_menu_markdown(privileges: Iterable[str], folder: Path | None = None) -> str:
    """The start page's list of tasks by role, each linking to its interview (Markdown)."""
    groups = tasks_by_role(privileges, folder)
    if not any(groups.values()):
        return ("You have none of courtpack's roles (officer, legal reviewer, manager). "
                "Ask your administrator to give you one in User List.")
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
    """The start page's buttons: batch letters for officers, bundle review for legal reviewers."""
    held = set(privileges)
    buttons = [{"case_task": "Start a task for a case"}]
    if held & {"officer", "admin"}:
        buttons.append({"batch": "Batch letters before claim"})
    if held & {"legal_reviewer", "admin"}:
        buttons.append({"review": "Mark a bundle reviewed"})
    return buttons


# ---------------------------------------------------------------- cases


def register_url() -> str:
    url = os.environ.get("COURTPACK_DATABASE_URL", "")
    if not url:
        raise CourtpackError("this server has no case register: set COURTPACK_DATABASE_URL in its environment "
                             "(scripts/server.sh does) and restart it")
    return url


def case_choices() -> list[dict[str, str]]:
    """The register's cases as radio choices: reference -> "reference — debtor (type), balance"."""
    from ..law.money import format_money
    from ..register import list_cases

    rows = list_cases(register_url())
    return [{row.reference: f"{row.reference} — {row.debtor} ({row.debt_type.replace('_', ' ')}), "
                            f"balance {format_money(row.balance)}"} for row in rows]


def cases_folder() -> Path:
    """Where case files written for interviews live (inside the server's run directory)."""
    home = Path(os.environ.get("COURTPACK_HOME") or tempfile.gettempdir())
    folder = home / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def case_file_from_register(reference: str, folder: Path | None = None) -> str:
    """Write the register's copy of a case to a case file (YAML) and return its path."""
    import json

    from ..register.cases import get_case
    from ..register.db import session_for

    with session_for(register_url()) as session:
        data = json.loads(get_case(session, reference).casefile)
    target = (folder or cases_folder()) / f"{reference}.yaml"
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        yaml.safe_dump(data, out, sort_keys=False, allow_unicode=True)
    os.replace(tmp, target)
    return str(target)


def add_uploaded_case(upload: Any, who: str | None = None) -> tuple[str, str]:
    """A case file uploaded by the officer: checked, added to the register; returns (reference, path)."""
    from ..case import read_case
    from ..register import add_case

    path = upload.path() if hasattr(upload, "path") else str(upload)
    case = read_case(path)  # a bad file is reported field by field before anything is stored
    add_case(register_url(), path, who=who or current_user())
    return case.reference, case_file_from_register(case.reference)


# ---------------------------------------------------------------- starting a task from a case


def task_title(task_name: str) -> str:
    return next((t.title for t in TASKS if t.name == task_name), task_name)


def case_summary(case_file: str) -> str:
    """``FTA-2025-0142 (Mr Daniel James Okafor)`` for a case file."""
    from ..case import read_case

    case = read_case(case_file)
    return f"{case.reference} ({case.debtor.name})"


def start_task_session(task_name: str, case_file: str) -> str:
    """A new session of the task's interview with its case already given; returns the URL to open."""
    from docassemble.base.functions import create_session, interview_url, set_session_variables

    if task_name not in {t.name for t in available_tasks()}:
        raise CourtpackError(f"there is no {task_name!r} interview on this server")
    target = interview_id(task_name)
    session_id = create_session(target)
    set_session_variables(target, session_id, {"case_source": case_file}, overwrite=True)
    return interview_url(i=target, session=session_id, local=True)


# ---------------------------------------------------------------- documents


def stored_download_links(documents: Iterable[Any]) -> str:
    """Each file as a stored DAFile in this session; Markdown bullet links to download them.

    The DAFiles are kept in the interview's answers (``_courtpack_files``), so showing the end
    screen again links the same stored files rather than storing them again.
    """
    from docassemble.base.thread_context import get_current_user_dict

    user_dict = get_current_user_dict()
    cache = user_dict.setdefault("_courtpack_files", {}) if user_dict is not None else {}
    lines = []
    for document in documents:
        path = Path(str(document))
        stamp = path.stat()
        key = f"{path}|{stamp.st_size}|{stamp.st_mtime_ns}"
        stored = cache.get(key)
        if stored is None:
            stored = store_file(path)
            cache[key] = stored
        lines.append(f"* [{path.name}]({stored.url_for(attachment=True)})")
    return "\n".join(lines)


def store_file(path: Path) -> Any:
    from docassemble.base.util import DAFile

    stored = DAFile()
    stored.set_random_instance_name()
    stored.initialize(filename=path.name)
    stored.copy_into(str(path))
    stored.commit()
    return stored


def zip_files(paths: Iterable[str], target: Path) -> str:
    """One ZIP of many documents (for a batch), written whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, suffix=".zip.tmp")
    os.close(handle)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                p = Path(path)
                archive.write(p, f"{p.parent.name}/{p.name}")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return str(target)


# ---------------------------------------------------------------- roles


class NotAllowedError(CourtpackError):
    """The signed-in user lacks the role a step needs."""


def require_privilege(privilege: str, doing: str) -> None:
    from docassemble.base.functions import user_has_privilege

    if not user_has_privilege(privilege):
        raise NotAllowedError(f"only a {ROLES.get(privilege, privilege).lower()} can {doing}; "
                              f"you are signed in as {current_user()}")


def mark_bundle_reviewed(case_reference: str, bundle: Any, note: str = "") -> Any:
    """Record that a legal reviewer reviewed this bundle (the exact file, by SHA-256). Legal reviewers only.

    ``bundle`` is a path or an uploaded file (DAFile/DAFileList), recorded under its original name.
    """
    require_privilege("legal_reviewer", f"mark the bundle for {case_reference} as reviewed")
    from ..register import record_document

    kind = "bundle reviewed" + (f": {note.strip()}" if note and note.strip() else "")
    who = current_user()
    path = Path(bundle.path() if hasattr(bundle, "path") else str(bundle))
    original = _upload_name(bundle) or path.name
    if original == path.name:
        return record_document(register_url(), case_reference, kind, path, who=who)
    with tempfile.TemporaryDirectory(prefix="courtpack-review-") as folder:
        named = Path(folder) / original
        shutil.copyfile(path, named)
        return record_document(register_url(), case_reference, kind, named, who=who)


def _upload_name(upload: Any) -> str:
    """The name a file had on the officer's computer (docassemble stores uploads as file.pdf)."""
    first = upload[0] if hasattr(upload, "elements") and len(upload.elements) else upload
    name = getattr(first, "filename", "") or ""
    return Path(str(name)).name


# ---------------------------------------------------------------- batch letters (a background task)


@dataclass
class BatchResult:
    documents: list[str]
    produced: list[str]  # references done
    refused: list[str]  # "reference: why" for cases that could not have a letter
    archive: str = ""


def checked(choices: Any) -> list[str]:
    """The ticked keys of a checkboxes answer (a DADict in the browser, a plain dict over the API)."""
    return [str(key) for key, ticked in choices.items() if ticked]


def progress_key(session_id: str) -> str:
    return f"courtpack:batch:{session_id}"


def set_progress(key: str, text: str) -> None:
    from docassemble.base.util import DARedis

    DARedis().set_data(key, text, expire=3600)


def progress_text(key: str) -> str:
    from docassemble.base.util import DARedis

    return DARedis().get_data(key) or "Waiting for the background worker to start…"


def batch_letters(references: Iterable[str], letter_date: Any, output_dir: str,
                  progress: Callable[[str], None] | None = None) -> BatchResult:
    """A letter before claim for each case (each recorded in the register); one ZIP of them all."""
    from .common import load_case
    from .letters import make_letter_pack

    refs = list(references)
    result = BatchResult([], [], [])
    for number, reference in enumerate(refs, start=1):
        if progress:
            progress(f"Producing letter {number} of {len(refs)}: {reference}…")
        try:
            case = load_case(case_file_from_register(reference))
            folder = Path(output_dir) / reference
            folder.mkdir(parents=True, exist_ok=True)
            result.documents += make_letter_pack(case, letter_date, None, folder)
            result.produced.append(reference)
        except CourtpackError as err:
            result.refused.append(f"{reference}: {err}")
    if result.documents:
        stamp = dt.date.today().isoformat()
        result.archive = zip_files(result.documents, Path(output_dir) / f"letters before claim {stamp}.zip")
    if progress:
        progress(f"Done: {len(result.produced)} of {len(refs)} letters produced.")
    return result


def run_batch_letters(references: Iterable[str], letter_date: Any, output_dir: str, key: str) -> dict[str, Any]:
    """The background task's body (Celery worker): progress to Redis, a plain result to save in the session.

    The files are stored (DAFile) here in the worker, so the web server that shows the links need
    not share the worker's disk (several servers: the files are in the shared object storage).
    """
    result = batch_letters(references, letter_date, output_dir, progress=lambda text: set_progress(key, text))
    paths = ([result.archive] if result.archive else []) + result.documents
    return {"documents": result.documents, "produced": result.produced, "refused": result.refused,
            "archive": result.archive, "files": [store_file(Path(p)) for p in paths]}


def file_links(files: Iterable[Any]) -> str:
    """Markdown download links for stored files (DAFile)."""
    return "\n".join(f"* [{f.filename}]({f.url_for(attachment=True)})" for f in files)
