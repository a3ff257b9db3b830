"""The server helpers' pure parts (no server needed): tasks by role, who may do what, what a step may serve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docassemble.courtpack.headless.context import (
    Actor,
    NotAllowedError,
    NotSignedInError,
    StepContext,
    actor_from_environment,
    headless_step,
)
from docassemble.courtpack.interview_glue import acting, tasks
from docassemble.courtpack.interview_glue.batch import checked
from docassemble.courtpack.interview_glue.storage import download_links, keep, step_output

OFFICER = Actor("olu@council.example.com", frozenset({"officer"}))
REVIEWER = Actor("rhian@council.example.com", frozenset({"legal_reviewer"}))
MANAGER = Actor("mo@council.example.com", frozenset({"manager"}))
ADMIN = Actor("admin@council.example.com", frozenset({"admin"}))
NOBODY = Actor("someone@council.example.com", frozenset())

# who may run what, written out from the teams' duties (not read from TASKS): the refusal of every other pair
ALLOWED = {
    "letter_before_claim": {"officer"},
    "money_claim": {"officer", "legal_reviewer"},
    "default_judgment": {"officer", "legal_reviewer"},
    "charging_order": {"legal_reviewer"},
    "enforcement": {"officer", "legal_reviewer"},
    "witness_statement": {"officer", "legal_reviewer"},
    "court_bundle": {"officer", "legal_reviewer"},
    "hearing_check": {"officer", "manager"},
    "start": {"officer", "legal_reviewer", "manager"},
    "batch": {"officer"},
    "review": {"legal_reviewer"},
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
@pytest.mark.parametrize("actor", [OFFICER, REVIEWER, MANAGER, NOBODY], ids=lambda a: a.user.split("@")[0])
def test_every_role_rule_allows_its_roles_and_refuses_the_others(name, actor):
    reason = acting.refusal_for(name, actor)
    if actor.roles & ALLOWED[name]:
        assert reason == ""
        assert acting.require(name, actor) is actor
    else:
        assert reason.startswith("only a ") and f"you are signed in as {actor.user}" in reason
        with pytest.raises(NotAllowedError, match=actor.user):
            acting.require(name, actor)


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_an_administrator_may_do_everything(name):
    assert acting.refusal_for(name, ADMIN) == ""


def test_an_interview_courtpack_does_not_know_is_refused_to_everyone():
    for actor in (ADMIN, OFFICER):
        assert acting.refusal_for("no_such_task", actor) == (
            "courtpack has no task called 'no_such_task', so nobody may run it"
        )


def test_a_headless_run_names_its_user_or_is_refused(monkeypatch):
    monkeypatch.delenv("COURTPACK_USER", raising=False)
    monkeypatch.delenv("COURTPACK_ROLE", raising=False)
    with pytest.raises(NotSignedInError, match="give --as EMAIL"):
        actor_from_environment()
    assert actor_from_environment("olu@council.example.com") == Actor("olu@council.example.com", frozenset({"officer"}))
    monkeypatch.setenv("COURTPACK_USER", "mo@council.example.com")
    monkeypatch.setenv("COURTPACK_ROLE", "manager")
    assert actor_from_environment() == MANAGER
    with pytest.raises(NotAllowedError, match="'root' is not one of courtpack's roles"):
        actor_from_environment(role="root")


def test_tasks_are_listed_only_when_their_interview_exists(tmp_path):
    (tmp_path / "letter_before_claim.yml").write_text("---\n")
    (tmp_path / "hearing_check.yml").write_text("---\n")
    groups = tasks.tasks_by_role(["officer"], tmp_path)
    assert list(groups) == ["Debt recovery officer"]
    assert [t.name for t in groups["Debt recovery officer"]] == ["letter_before_claim", "hearing_check"]
    assert tasks.tasks_by_role(["manager"], tmp_path) == {"Team leader / manager": [tasks.TASKS[-1]]}
    assert list(tasks.tasks_by_role(["admin"], tmp_path)) == [
        "Debt recovery officer",
        "Legal reviewer",
        "Team leader / manager",
    ]
    # hearing checks start from the register's hearings, not from one case
    assert [next(iter(c)) for c in tasks.task_choices(["officer"], tmp_path)] == ["letter_before_claim"]


def test_menu_links_each_interview_by_its_package_path(tmp_path):
    (tmp_path / "letter_before_claim.yml").write_text("---\n")
    text = tasks.task_menu_markdown(["officer"], tmp_path)
    assert "(/interview?i=docassemble.courtpack:data/questions/letter_before_claim.yml)" in text
    assert "none of courtpack's roles" in tasks.task_menu_markdown(["user"], tmp_path)


def test_start_menu_offers_batch_to_officers_and_review_to_legal_reviewers():
    assert [next(iter(b)) for b in tasks.start_menu_buttons(["officer"])] == ["case_task", "batch", "import_cases"]
    assert [next(iter(b)) for b in tasks.start_menu_buttons(["legal_reviewer"])] == ["case_task", "review"]
    assert [next(iter(b)) for b in tasks.start_menu_buttons(["manager"])] == ["case_task", "import_cases"]


def test_checked_keeps_ticked_boxes():
    assert checked({"A-1": True, "B-2": False, "C-3": True}) == ["A-1", "C-3"]


def test_a_step_keeps_only_files_it_produced_in_its_own_folder(tmp_path):
    outside = tmp_path / "secrets.env"
    outside.write_text("SECRETKEY=x\n")
    step = StepContext(actor=OFFICER, output_dir=tmp_path / "out")
    with headless_step(step), step_output() as folder:
        made = folder / "FTA-2025-0142 letter.pdf"
        made.write_bytes(b"%PDF-1.4\n")
        assert keep([made]) == [str(made.resolve())]
        for forged in (outside, "/etc/passwd", folder / ".." / "secrets.env", folder / "missing.pdf"):
            with pytest.raises(NotAllowedError, match="was not produced by this step"):
                keep([forged])
    with pytest.raises(NotAllowedError, match="only be kept inside a step's output folder"):
        keep([made])  # after the step: nothing more is kept


def test_headless_download_links_stay_bullets(tmp_path):
    with headless_step(StepContext(actor=OFFICER, output_dir=tmp_path)):
        assert download_links([str(tmp_path / "a b.pdf"), "/x/y.docx"]) == "* a b.pdf\n* y.docx"


def test_nothing_outside_headless_imports_docassemble():
    """One adapter (headless/server.py) and the headless runner are the only code that imports docassemble."""
    package = Path(__file__).resolve().parents[2] / "docassemble" / "courtpack"
    imports = re.compile(r"^\s*(from|import)\s+docassemble\.(base|webapp)\b", re.MULTILINE)
    offenders = [
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "headless" not in p.parts and imports.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
