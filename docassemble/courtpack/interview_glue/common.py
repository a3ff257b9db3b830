"""Helpers every interview uses: loading the case, reading answered dates, refusals.

Answers arrive as docassemble types in a browser (``DADateTime``) and as plain
strings or dates headless; everything is normalised here before it reaches the
case model or the law.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path
from typing import Any

from ..case import Case, read_case
from ..case.figures import breathing_space_for
from ..errors import CourtpackError, NotReadyError
from ..law.dates import format_date, parse_iso_date

__all__ = [
    "as_date", "current_user", "download_links", "load_case", "record_documents", "refuse_during_breathing_space",
]


def load_case(case_source: Any) -> Case:
    """The case an interview works on, from a case file path."""
    return read_case(Path(str(case_source)))


def as_date(value: Any, field: str = "date") -> dt.date:
    """An answered date (DADateTime, datetime, date or ISO text) as a ``date``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_iso_date(str(value))
    except ValueError as err:
        raise CourtpackError(f"{field}: {err}") from None


def refuse_during_breathing_space(case: Case, on: dt.date, step: str, doing: str) -> None:
    """Stop ``doing`` when any debtor is in a breathing space (Debt Respite Scheme regs 7 and 8)."""
    status = breathing_space_for(case, on)
    if not (status.active and step in status.blocked_steps):
        return
    names = " and ".join(d.name for d in case.debtors if any(b.start == status.window.start
                                                             for b in d.breathing_spaces))
    until = f"until {format_date(status.ends)}" if status.ends else "until the debt adviser ends it"
    raise NotReadyError(f"case {case.reference}: {names} is in a breathing space {until}, so "
                        f"courtpack will not {doing} on {format_date(on)}. {status.basis}")


def record_documents(case: Case, kind: str, documents: list[str], who: str | None = None) -> None:
    """Record each produced document (name, SHA-256, who, when) in the register, when one is configured.

    The register is the one named by ``COURTPACK_DATABASE_URL`` (the server and the demo set it);
    a plain headless run with no register configured records nothing.
    """
    if not os.environ.get("COURTPACK_DATABASE_URL"):
        return
    from ..register import add_case, open_register, record_document

    author = who or current_user()
    register = open_register()
    try:
        with register.transaction(author) as session:  # all recorded, or none
            add_case(session, case, who=author)
            for path in documents:
                record_document(session, case.reference, kind, path, who=author)
    finally:
        register.dispose()


def current_user() -> str:
    """The signed-in docassemble user's email on the server; the operating-system user headless."""
    try:
        from docassemble.base.functions import get_user_info

        info = get_user_info()
    except Exception:  # noqa: BLE001 - outside a docassemble request there is no user to ask about
        info = None
    if info and info.get("email"):
        return str(info["email"])
    return getpass.getuser()


def download_links(documents: list[str]) -> str:
    """The end screen's list of documents, as Markdown.

    Headless runs list the file names (the caller has the paths); on the docassemble
    server each file becomes a stored DAFile with a download link.
    """
    from . import web  # server helpers; imports docassemble's web parts only when called there

    if web.on_server():
        return web.stored_download_links(documents)
    names = [Path(path).name for path in documents]
    return "\n".join(f"* {name}" for name in names)
