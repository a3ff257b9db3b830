"""Who may run the case, settings, report and venue tasks, written out from the teams' duties (USERS.md)
rather than read from ``TASKS``; and the start page's work list links each row through its checked action."""

from __future__ import annotations

import pytest

from docassemble.courtpack.headless.context import Actor, NotAllowedError
from docassemble.courtpack.interview_glue import acting, tasks

OFFICER = Actor("olu@council.example.com", frozenset({"officer"}))
REVIEWER = Actor("rae@council.example.com", frozenset({"legal_reviewer"}))
MANAGER = Actor("mo@council.example.com", frozenset({"manager"}))
ADMIN = Actor("ada@council.example.com", frozenset({"admin"}))
ALLOWED = {
    "new_case": {"officer"},
    "edit_case": {"officer"},
    "case_step": {"officer", "legal_reviewer"},
    "council_settings": {"manager"},
    "performance_report": {"manager"},
    "writeoff": {"manager"},
    "statutory_demand": {"officer", "legal_reviewer"},
    "liability_orders": {"officer"},
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
@pytest.mark.parametrize("actor", [OFFICER, REVIEWER, MANAGER], ids=lambda a: a.user.split("@")[0])
def test_each_task_allows_its_roles_and_refuses_the_others(name, actor):
    if actor.roles & ALLOWED[name]:
        assert acting.refusal_for(name, actor) == ""
    else:
        with pytest.raises(NotAllowedError, match=f"^only a .* you are signed in as {actor.user}, who is not"):
            acting.require(name, actor)
    assert acting.refusal_for(name, ADMIN) == ""


def test_only_tasks_about_one_case_are_offered_from_a_case():
    """A work-list row or "Start a task for a case" opens these with ``case_reference`` set; the rest start
    from the register itself or from uploaded files (a statutory demand is on one case's recorded debt)."""
    from_case = {t.name for t in tasks.TASKS if t.needs_case and t.name in ALLOWED}
    assert from_case == {"edit_case", "case_step", "statutory_demand"}  # a demand is on one case's debt


def test_the_menu_lists_a_managers_tasks(tmp_path):
    for name in ("council_settings", "performance_report", "writeoff", "new_case"):
        (tmp_path / f"{name}.yml").write_text("---\n")
    text = tasks.task_menu_markdown(["manager"], tmp_path)
    assert "[Council settings](/interview?i=docassemble.courtpack:data/questions/council_settings.yml)" in text
    assert "[Write-off](" in text and "[Performance report](" in text
    assert "New case" not in text  # an officer's task
