"""The server helpers' pure parts (no server needed): tasks by role, start menu, headless download list."""

from __future__ import annotations

from docassemble.courtpack.interview_glue import web
from docassemble.courtpack.interview_glue.common import download_links


def test_tasks_are_listed_only_when_their_interview_exists(tmp_path):
    (tmp_path / "letter_before_claim.yml").write_text("---\n")
    (tmp_path / "hearing_check.yml").write_text("---\n")
    groups = web.tasks_by_role(["officer"], tmp_path)
    assert list(groups) == ["Debt recovery officer"]
    assert [t.name for t in groups["Debt recovery officer"]] == ["letter_before_claim", "hearing_check"]
    assert web.tasks_by_role(["manager"], tmp_path) == {"Team leader / manager": [web.TASKS[-1]]}
    assert set(web.tasks_by_role(["admin"], tmp_path)) == set(web.ROLES.values())
    # hearing checks start from the register's hearings, not from one case
    assert [next(iter(c)) for c in web.task_choices(["officer"], tmp_path)] == ["letter_before_claim"]


def test_menu_links_each_interview_by_its_package_path(tmp_path):
    (tmp_path / "letter_before_claim.yml").write_text("---\n")
    text = web.task_menu_markdown(["officer"], tmp_path)
    assert "(/interview?i=docassemble.courtpack:data/questions/letter_before_claim.yml)" in text
    assert "none of courtpack's roles" in web.task_menu_markdown(["user"], tmp_path)


def test_start_menu_offers_batch_to_officers_and_review_to_legal_reviewers():
    assert [next(iter(b)) for b in web.start_menu_buttons(["officer"])] == ["case_task", "batch"]
    assert [next(iter(b)) for b in web.start_menu_buttons(["legal_reviewer"])] == ["case_task", "review"]
    assert [next(iter(b)) for b in web.start_menu_buttons(["manager"])] == ["case_task"]


def test_checked_keeps_ticked_boxes():
    assert web.checked({"A-1": True, "B-2": False, "C-3": True}) == ["A-1", "C-3"]


def test_headless_download_links_stay_bullets(tmp_path):
    assert not web.on_server()
    assert download_links([str(tmp_path / "a b.pdf"), "/x/y.docx"]) == "* a b.pdf\n* y.docx"
