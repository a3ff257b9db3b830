"""Who is acting, and may they do this? The role check at the top of every interview.

Why in Python as well as in each interview's ``required privileges``: the metadata stops a
visitor at the door of the web page, but a session can also be driven over the REST API or
made by another interview; the check here runs whichever way the interview is reached, for the
user docassemble says is signed in (or the named user of a headless run).
"""

from __future__ import annotations

import logging

from ..headless import server
from ..headless.context import ROLES, Actor, NotAllowedError, NotSignedInError, running_headless
from .tasks import roles_for, task_title

__all__ = ["Actor", "NotAllowedError", "acting_user", "current_actor", "refusal_for", "require"]

log = logging.getLogger(__name__)


def current_actor() -> Actor:
    """The headless run's named user, or else the user signed in to the docassemble server."""
    step = running_headless()
    if step is not None:
        return step.actor
    return server.signed_in_actor()


def acting_user() -> str:
    """The name the register records for what is done now (an email on the server)."""
    return current_actor().user


def refusal_for(name: str, actor: Actor | None = None) -> str:
    """'' when the actor may run ``name`` (an interview or a start-page action); else one sentence why not."""
    try:
        who = actor or current_actor()
    except NotSignedInError as err:
        return str(err)
    needed = roles_for(name)
    if not needed:
        log.info("refused %s to %s: courtpack has no such task", name, who.user)
        return f"courtpack has no task called {name!r}, so nobody may run it"
    if who.holds(*needed):
        return ""
    wanted = " or ".join(ROLES[r].lower() for r in needed)
    log.info("refused %s to %s (roles held: %s)", name, who.user, ", ".join(sorted(who.roles)) or "none")
    return (
        f"only a {wanted} can do this ({task_title(name).lower()}); you are signed in as {who.user}, "
        f"who is not — ask your administrator for the role if you need it"
    )


def require(name: str, actor: Actor | None = None) -> Actor:
    """The actor, when they may run ``name``; otherwise ``NotAllowedError`` with the reason."""
    reason = refusal_for(name, actor)
    if reason:
        raise NotAllowedError(reason)
    return actor or current_actor()
