"""Run a courtpack interview with docassemble's real engine, in this process.

How: load the configuration and register ``HeadlessHost`` before importing
``docassemble.base.parse``; parse the interview file; put the answers into the
interview's variables; then ``assemble`` — docassemble asks for what is still
missing exactly as it would in a browser. If it stops at the screen with
``id: end screen`` the interview is complete and its documents (the variable
``documents``, a list of paths) are returned; otherwise ``InterviewIncomplete``
names the question and the variable it seeks.

Interviews receive two variables from the caller: ``case_source`` (the case
file) and ``output_dir`` (where documents go), plus any answers.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CourtpackError, InterviewIncomplete
from ..resources import interview_path
from . import environment

PACKAGE = "docassemble.courtpack"
END_SCREEN_ID = "end screen"
_lock = threading.Lock()
_engine: dict[str, Any] = {}


@dataclass
class InterviewResult:
    """What an interview produced: its end screen's text and its documents."""

    interview: str
    title: str
    documents: list[Path]


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

        _engine.update(parse=parse, thread_context=thread_context, source_class=InterviewSourceFile,
                       update_locale=update_locale)
        return _engine


def _current_info(yaml_filename: str) -> dict[str, Any]:
    user = {"is_anonymous": True, "is_authenticated": False, "email": None, "theid": None,
            "the_user_id": "t1", "roles": ["user"], "firstname": "", "lastname": "", "nickname": None,
            "country": "GB", "subdivisionfirst": None, "subdivisionsecond": None, "subdivisionthird": None,
            "organization": None, "timezone": "Europe/London", "language": "en", "location": None,
            "session_uid": "headless", "device_id": "headless", "login_method": None}
    return {"user": user, "session": "headless", "secret": None, "yaml_filename": yaml_filename,
            "url": "http://localhost/interview", "url_root": "http://localhost/", "encrypted": False,
            "interface": "api", "arguments": {}, "headers": {}, "clientip": "127.0.0.1",
            "method": "POST"}


def run_interview(name: str, answers: dict[str, Any], output_dir: Path, case_source: Path | None = None
                  ) -> InterviewResult:
    """Drive ``name`` to its end screen with ``answers``; raise if a question is left unanswered."""
    engine = _load_engine()
    parse = engine["parse"]
    ctx = engine["thread_context"]
    path = interview_path(name)
    yaml_filename = f"{PACKAGE}:data/questions/{path.name}"
    source = engine["source_class"](filepath=str(path), path=yaml_filename)
    source.update()
    output_dir.mkdir(parents=True, exist_ok=True)
    with ctx.global_context(ctx.empty_globals()):
        engine["update_locale"]()
        interview = parse.Interview(source=source)
        user_dict = parse.get_initial_dict()
        user_dict["_internal"]["starttime"] = dt.datetime.now(dt.timezone.utc)
        with ctx.user_dict_context(user_dict):
            values = dict(answers)
            values["output_dir"] = str(output_dir)
            if case_source is not None:
                values["case_source"] = str(case_source)
            user_dict.update(values)
            status = parse.InterviewStatus(current_info=_current_info(yaml_filename))
            interview.assemble(user_dict, status)
            question = status.question
            if question is None:
                raise CourtpackError(f"{name}: the interview ended without a screen")
            if getattr(question, "id", None) != END_SCREEN_ID:
                raise InterviewIncomplete(path.stem, _question_text(status), _sought_variable(status))
            documents = [Path(p) for p in user_dict.get("documents", [])]
            return InterviewResult(interview=path.stem, title=_question_text(status), documents=documents)


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
