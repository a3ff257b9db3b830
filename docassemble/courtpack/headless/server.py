"""The one adapter between courtpack and docassemble's running server (web app or Celery worker).

Why one module: docassemble's functions change between releases and some are only meaningful
inside a request; keeping every call here (pinned to docassemble.base 1.10.5) means the rest of
courtpack asks plain questions — who is signed in, which session is this, store this file — and
can be read and tested without a server. docassemble is imported inside each function, so
importing this module imports nothing of docassemble.

Only the public functions docassemble documents for interview authors are used
(``docassemble.base.util`` / ``functions``), never its thread internals.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterable
from hashlib import sha256
from pathlib import Path
from typing import Any, NoReturn

from .context import ROLES, Actor, NotSignedInError

__all__ = [
    "action_url",
    "create_task_session",
    "file_number",
    "file_url",
    "interface",
    "progress_get",
    "progress_set",
    "reject_answer",
    "session_id",
    "sign",
    "signed_in_actor",
    "store_file",
]

log = logging.getLogger(__name__)


def signed_in_actor() -> Actor:
    """The signed-in user (email) and the courtpack roles (privileges) they hold; refuses anonymous visitors."""
    from docassemble.base.functions import user_info, user_logged_in, user_privileges

    if not user_logged_in():
        raise NotSignedInError("sign in first: courtpack's tasks are for signed-in council staff only")
    email = str(user_info().email or "").strip()
    if not email:
        raise NotSignedInError(
            "your account has no email address, so the register cannot record who acted; "
            "ask your administrator to add one"
        )
    held = frozenset(str(p) for p in user_privileges()) & set(ROLES)
    return Actor(user=email, roles=held)


def interface() -> str:
    """``web``, ``api``, ``json``… — how this request reached docassemble."""
    from docassemble.base.functions import interface as da_interface

    return str(da_interface())


def session_id() -> str:
    """This interview session's id (the key that ties a produced file to the session that made it)."""
    from docassemble.base.util import current_context

    return str(current_context().session)


def _secret() -> bytes:
    from docassemble.base.config import daconfig

    key = str(daconfig.get("secretkey") or "")
    if not key:
        raise RuntimeError("docassemble's configuration has no secretkey; courtpack cannot sign its files")
    return key.encode("utf-8")


def sign(*parts: object) -> str:
    """An HMAC (the server's secret key) over ``parts``: a record a visitor cannot forge or copy to another session."""
    message = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hmac.new(_secret(), message, sha256).hexdigest()


def store_file(path: Path, filename: str | None = None) -> Any:
    """Copy a finished file into docassemble's storage as a private DAFile of this session."""
    from docassemble.base.util import DAFile

    stored = DAFile()
    stored.set_random_instance_name()
    stored.initialize(filename=filename or path.name)
    stored.copy_into(str(path))
    stored.commit()
    stored.set_attributes(private=True)
    return stored


def file_number(stored: Any) -> int:
    return int(stored.number)


def file_url(stored: Any) -> str:
    return str(stored.url_for(attachment=True))


def progress_set(key: str, text: str) -> None:
    from docassemble.base.util import DARedis

    DARedis().set_data(key, text, expire=3600)


def progress_get(key: str) -> str | None:
    from docassemble.base.util import DARedis

    value = DARedis().get_data(key)
    return str(value) if value is not None else None


def create_task_session(interview: str, variables: dict[str, Any]) -> str:
    """A new session of ``interview`` with ``variables`` already set; returns its URL (for a redirect)."""
    from docassemble.base.functions import create_session, interview_url, set_session_variables

    session = create_session(interview)
    set_session_variables(interview, session, variables, overwrite=True)
    return str(interview_url(i=interview, session=session, local=True))


def uploaded_paths(upload: Any) -> Iterable[tuple[Path, str]]:
    """(path on the server, name on the officer's computer) for each file of a docassemble upload."""
    items = list(upload) if hasattr(upload, "elements") else [upload]
    for item in items:
        path = Path(item.path())
        yield path, Path(str(getattr(item, "filename", "") or path.name)).name


def action_url(action: str, **arguments: Any) -> str:
    """A link that runs event ``action`` of this session with ``arguments`` (docassemble ``url_action``).

    The arguments reach the event as ``action_argument(...)``; a visitor can edit them, so the event
    must check them (the start page's ``open_task`` checks the role and the case again).
    """
    from docassemble.base.util import url_action

    return str(url_action(action, **arguments))


def reject_answer(message: str) -> NoReturn:
    """Refuse a typed answer on its screen (a ``validate:`` function's way of saying what to fix)."""
    from docassemble.base.util import DAValidationError

    raise DAValidationError(message)
