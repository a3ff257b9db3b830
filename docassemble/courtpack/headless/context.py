"""Who is acting, and where a step's files go, for one run of an interview.

Why one notion: the register's audit log, the documents it records and every role check must
name the same person. On the docassemble server that is the signed-in user (``server.py`` asks
docassemble); headless (the CLI, tests, the demo) it is the user the caller named — ``--as`` or
``COURTPACK_USER`` — never the operating-system account by accident. A headless run sets its
``StepContext`` here for the length of the run; nothing else sets it.

No docassemble import here: the glue reads this module in unit tests without a server.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import CourtpackError

__all__ = [
    "ENV_ROLE",
    "ENV_USER",
    "ROLES",
    "Actor",
    "NotAllowedError",
    "NotSignedInError",
    "StepContext",
    "actor_from_environment",
    "headless_step",
    "running_headless",
]

ENV_USER = "COURTPACK_USER"
ENV_ROLE = "COURTPACK_ROLE"
# courtpack's roles (docassemble privileges made by server/setup_accounts.py); admin holds them all
ROLES = {
    "officer": "Debt recovery officer",
    "legal_reviewer": "Legal reviewer",
    "manager": "Team leader / manager",
    "admin": "Administrator",
}
DEFAULT_HEADLESS_ROLE = "officer"


class NotAllowedError(CourtpackError):
    """The acting user lacks the role a step needs (the message names the role and the user)."""


class NotSignedInError(NotAllowedError):
    """Nobody is signed in (or named, headless), so nobody can be recorded as having acted."""


@dataclass(frozen=True)
class Actor:
    """The person acting: an email (or a name headless) and the courtpack roles they hold."""

    user: str
    roles: frozenset[str]

    def holds(self, *roles: str) -> bool:
        """True when the actor holds any of ``roles``; an administrator holds every role."""
        return "admin" in self.roles or bool(self.roles & set(roles))


@dataclass(frozen=True)
class StepContext:
    """A headless run: who acts, the folder its documents go to, the register and document store it uses."""

    actor: Actor
    output_dir: Path
    register_url: str | None = None  # None: COURTPACK_DATABASE_URL
    document_store: Path | None = None  # None: COURTPACK_HOME/documents
    as_at: dt.date | None = None  # the case as the register held it on this day (None: everything recorded)


_step: contextvars.ContextVar[StepContext | None] = contextvars.ContextVar("courtpack_step", default=None)


def running_headless() -> StepContext | None:
    """The headless run in progress in this thread, or None (on the server, or outside any run)."""
    return _step.get()


@contextlib.contextmanager
def headless_step(step: StepContext) -> Iterator[StepContext]:
    """Run the block as ``step`` (the headless runner wraps each interview run in this)."""
    token = _step.set(step)
    try:
        yield step
    finally:
        _step.reset(token)


def actor_from_environment(user: str | None = None, role: str | None = None) -> Actor:
    """The named user of a headless run: ``user`` or ``COURTPACK_USER``; ``role`` or ``COURTPACK_ROLE`` (officer).

    Refuses to guess: with no name given, nobody can be recorded as having acted.
    """
    name = " ".join(str(user or os.environ.get(ENV_USER, "")).split())
    if not name:
        raise NotSignedInError(
            "name who is acting: give --as EMAIL (or set COURTPACK_USER), so the register "
            "records the person who produced the documents"
        )
    wanted = str(role or os.environ.get(ENV_ROLE, "") or DEFAULT_HEADLESS_ROLE).strip()
    if wanted not in ROLES:
        raise NotAllowedError(
            f"role {wanted!r} is not one of courtpack's roles ({', '.join(ROLES)}); give --role with one of them"
        )
    return Actor(user=name, roles=frozenset({wanted}))
