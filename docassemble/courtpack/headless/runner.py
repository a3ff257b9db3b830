"""Run a courtpack interview with docassemble's real engine, in this process.

How: load the configuration and register ``HeadlessHost`` before importing
``docassemble.base.parse``; parse the interview file; put the answers into the
interview's variables; then ``assemble`` — docassemble asks for what is still
missing exactly as it would in a browser. If it stops at the screen with
``id: end screen`` the interview is complete and its documents (the variable
``documents``, a list of paths) are returned; a refusal screen (``id: refused``,
``id: role refused``) becomes the error it shows; otherwise ``InterviewIncomplete``
names the question and the variable it seeks.

The run acts as a named user with a role (``Actor``: ``--as`` / ``COURTPACK_USER``, ``--role`` /
``COURTPACK_ROLE``), as a browser does — so the interviews' role checks and refusal screens run
headless too. The case is chosen by its register reference (``case_reference``); a case file given
instead is first imported into the register (the configured one, or a scratch register that lives
only as long as the run). Documents go to ``output_dir``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CourtpackError, InterviewIncomplete, NotReadyError
from ..resources import interview_path
from . import environment
from .context import Actor, NotAllowedError, StepContext, actor_from_environment, headless_step

PACKAGE = "docassemble.courtpack"
END_SCREEN_ID = "end screen"
REFUSALS = {"refused": NotReadyError, "role refused": NotAllowedError}
_lock = threading.Lock()
_engine: dict[str, Any] = {}


@dataclass
class InterviewResult:
    """What an interview produced: its end screen's text and its documents."""

    interview: str
    title: str
    documents: list[Path]
    engine_seconds: float = 0.0  # loading docassemble (0 when this process had loaded it already)
    interview_seconds: float = 0.0  # reading the interview and assembling it with the answers


def _load_engine() -> dict[str, Any]:
    """Import docassemble once per process, in the order it needs."""
    with _lock:
        if _engine:
            return _engine
        config_file = environment.prepare()
        import docassemble.base.config as da_config

        da_config.load(filename=str(config_file))
        from docassemble.base.plugin_manager import pm

        from .hooks import HeadlessHost

        pm.register(HeadlessHost(da_config.daconfig), name="courtpack-headless")
        import docassemble.base.parse as parse
        from docassemble.base import thread_context
        from docassemble.base.interview_source import InterviewSourceFile
        from docassemble.base.language.control import update_locale

        _engine.update(
            parse=parse, thread_context=thread_context, source_class=InterviewSourceFile, update_locale=update_locale
        )
        return _engine


def _current_info(yaml_filename: str, actor: Actor) -> dict[str, Any]:
    """What docassemble knows of the request: a signed-in user with the actor's roles, from a browser."""
    user = {
        "is_anonymous": False,
        "is_authenticated": True,
        "email": actor.user,
        "theid": 1,
        "the_user_id": 1,
        "roles": sorted(actor.roles),
        "firstname": "",
        "lastname": "",
        "nickname": None,
        "country": "GB",
        "subdivisionfirst": None,
        "subdivisionsecond": None,
        "subdivisionthird": None,
        "organization": None,
        "timezone": "Europe/London",
        "language": "en",
        "location": None,
        "session_uid": "headless",
        "device_id": "headless",
        "login_method": None,
    }
    return {
        "user": user,
        "session": "headless",
        "secret": None,
        "yaml_filename": yaml_filename,
        "url": "http://localhost/interview",
        "url_root": "http://localhost/",
        "encrypted": False,
        "interface": "web",
        "arguments": {},
        "headers": {},
        "clientip": "127.0.0.1",
        "method": "POST",
    }


def run_interview(
    name: str,
    answers: dict[str, Any],
    output_dir: Path,
    case_source: Path | None = None,
    *,
    reference: str | None = None,
    actor: Actor | None = None,
    register_url: str | None = None,
    as_at: dt.date | None = None,
) -> InterviewResult:
    """Drive ``name`` to its end screen with ``answers`` as ``actor``; raise if a question is left unanswered.

    ``reference`` chooses a case in the register; ``case_source`` (a case file) is imported into the
    register first. ``actor`` defaults to the named user of the environment (``COURTPACK_USER``).
    ``as_at`` runs the step on the case as the register held it that day (its recorded steps to then).
    """
    who = actor or actor_from_environment()
    with _register_for(case_source, register_url, who) as (url, store, imported):
        Path(output_dir).mkdir(parents=True, exist_ok=True)  # once the case file has been checked
        values = dict(answers)
        case_reference = reference or imported
        if case_reference:
            values["case_reference"] = case_reference
        step = StepContext(actor=who, output_dir=Path(output_dir), register_url=url, document_store=store, as_at=as_at)
        with headless_step(step):
            return _assemble(name, values, who)


@contextlib.contextmanager
def _register_for(
    case_source: Path | None, register_url: str | None, who: Actor
) -> Iterator[tuple[str | None, Path | None, str | None]]:
    """(register URL, document store, imported reference): a case file goes into the register first.

    With no register configured, a scratch SQLite register (and document store) is made for the run
    and removed after it, so a case file alone still runs an interview.
    """
    url = register_url or os.environ.get("COURTPACK_DATABASE_URL") or None
    if case_source is None:
        yield url, None, None
        return
    from ..case import read_case
    from ..register import add_case

    case = read_case(Path(case_source))  # a bad file is reported field by field before anything is stored
    if url:
        add_case(url, case, who=who.user)
        yield url, None, case.reference
        return
    with tempfile.TemporaryDirectory(prefix="courtpack-run-") as scratch:
        scratch_url = f"sqlite:///{Path(scratch) / 'register.db'}"
        add_case(scratch_url, case, who=who.user)
        yield scratch_url, Path(scratch) / "documents", case.reference


def _assemble(name: str, values: dict[str, Any], actor: Actor) -> InterviewResult:
    began = time.perf_counter()
    engine = _load_engine()
    loaded = time.perf_counter()
    parse = engine["parse"]
    ctx = engine["thread_context"]
    path = interview_path(name)
    yaml_filename = f"{PACKAGE}:data/questions/{path.name}"
    source = engine["source_class"](filepath=str(path), path=yaml_filename)
    source.update()
    with ctx.global_context(ctx.empty_globals()):
        engine["update_locale"]()
        interview = parse.Interview(source=source)
        user_dict = parse.get_initial_dict()
        user_dict["_internal"]["starttime"] = dt.datetime.now(dt.timezone.utc)
        with ctx.user_dict_context(user_dict):
            user_dict.update(values)
            status = parse.InterviewStatus(current_info=_current_info(yaml_filename, actor))
            interview.assemble(user_dict, status)
            question = status.question
            if question is None:
                raise CourtpackError(f"{name}: the interview ended without a screen")
            screen = getattr(question, "id", None)
            if screen in REFUSALS:
                raise REFUSALS[screen](_refusal_text(status))
            if screen != END_SCREEN_ID:
                raise InterviewIncomplete(path.stem, _question_text(status), _sought_variable(status))
            documents = [Path(str(p)) for p in user_dict.get("documents", [])]
            return InterviewResult(
                interview=path.stem,
                title=_question_text(status),
                documents=documents,
                engine_seconds=loaded - began,
                interview_seconds=time.perf_counter() - loaded,
            )


def _refusal_text(status: Any) -> str:
    """The refusal screen's explanation (its subquestion), as one line."""
    text = str(getattr(status, "subquestion_text", "") or "") or _question_text(status)
    return " ".join(text.split())


def _question_text(status: Any) -> str:
    return str(getattr(status, "question_text", "") or getattr(status.question, "id", "") or "").strip()


def _sought_variable(status: Any) -> str:
    """The variable docassemble was seeking when it stopped (what the answers file lacks)."""
    sought = getattr(status, "orig_sought", None) or getattr(status, "sought", None)
    if sought:
        return str(sought)
    from docassemble.base.parse import from_safeid

    for item in getattr(status.question, "fields", []) or []:
        if getattr(item, "saveas", None):
            return from_safeid(item.saveas)
    return "(a confirmation)"
