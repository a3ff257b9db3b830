"""Refusal screens, driven headlessly as a named user with a role: every interview refuses the roles
that may not run it (the Python check at the top of its mandatory block, not only its metadata),
before anything is written or recorded."""

from __future__ import annotations

import pytest

from docassemble.courtpack.headless.context import Actor, NotAllowedError, StepContext, headless_step
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.interview_glue.batch import run_batch_letters
from docassemble.courtpack.register import open_register
from docassemble.courtpack.register.generated import documents_for

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow


def actor(role: str) -> Actor:
    return Actor(f"{role}@council.example.com", frozenset({role}))


# (interview, a role it refuses), from the teams' duties: letters are an officer's, charging orders a
# legal reviewer's, reports a manager's
REFUSED = [
    ("letter_before_claim", "legal_reviewer"),
    ("letter_before_claim", "manager"),
    ("money_claim", "manager"),
    ("default_judgment", "manager"),
    ("charging_order", "officer"),
    ("charging_order", "manager"),
    ("enforcement", "manager"),
    ("witness_statement", "manager"),
    ("court_bundle", "manager"),
    ("hearing_check", "legal_reviewer"),
    # cases are entered and changed by officers; settings, reports and write-offs are a manager's
    ("new_case", "legal_reviewer"),
    ("new_case", "manager"),
    ("edit_case", "legal_reviewer"),
    ("edit_case", "manager"),
    ("case_step", "manager"),
    ("council_settings", "officer"),
    ("council_settings", "legal_reviewer"),
    ("performance_report", "officer"),
    ("performance_report", "legal_reviewer"),
    ("writeoff", "officer"),
    ("writeoff", "legal_reviewer"),
    ("statutory_demand", "manager"),
    ("liability_orders", "legal_reviewer"),
    ("liability_orders", "manager"),
]


@pytest.mark.parametrize(("interview", "role"), REFUSED)
def test_the_interview_refuses_a_role_that_may_not_run_it(tmp_path, monkeypatch, interview, role):
    db = tmp_path / "register.db"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{db}")
    who = actor(role)
    with pytest.raises(NotAllowedError) as refused:
        run_interview(interview, {}, tmp_path / "out", case_source=EXAMPLES / "CR-2025-0310.yaml", actor=who)
    assert str(refused.value).startswith("only a ")
    assert f"you are signed in as {who.user}, who is not" in str(refused.value)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    register = open_register(str(db))
    assert documents_for(register, "CR-2025-0310") == []
    register.dispose()


def test_a_permitted_role_gets_past_the_check_to_the_first_question(tmp_path, monkeypatch):
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{tmp_path / 'register.db'}")
    from docassemble.courtpack.errors import InterviewIncomplete

    with pytest.raises(InterviewIncomplete) as stopped:
        run_interview(
            "charging_order",
            {},
            tmp_path / "out",
            case_source=EXAMPLES / "CR-2025-0310.yaml",
            actor=actor("legal_reviewer"),
        )
    assert stopped.value.variable == "judgment_claim_number"  # the example case has no judgment yet


@pytest.mark.parametrize(
    ("choice", "role"),
    [
        ("batch", "manager"),
        ("batch", "legal_reviewer"),
        ("review", "officer"),
        ("review", "manager"),
        ("not_a_choice", "officer"),
    ],
)
def test_the_start_page_refuses_an_action_posted_by_the_wrong_role(tmp_path, choice, role):
    """The button is not shown to them, but posting its value must be refused too."""
    with pytest.raises(NotAllowedError):
        run_interview(
            "start",
            {"menu_choice": choice},
            tmp_path / "out",
            actor=actor(role),
            register_url=f"sqlite:///{tmp_path / 'register.db'}",
        )


def test_the_batch_task_itself_refuses_a_manager(tmp_path):
    """The background task checks the role again: an action name can be requested directly."""
    step = StepContext(actor=actor("manager"), output_dir=tmp_path / "out")
    with headless_step(step), pytest.raises(NotAllowedError, match="only a debt recovery officer"):
        run_batch_letters(["FTA-2025-0142"], "2026-01-10", "courtpack:batch:test")
    assert not (tmp_path / "out").exists()


def test_the_start_page_shows_an_officers_work_list_and_asks_what_to_do(tmp_path, monkeypatch):
    """The menu screen renders the work list from the register (plain rows headless) before asking."""
    from docassemble.courtpack.errors import InterviewIncomplete
    from docassemble.courtpack.headless.context import StepContext, headless_step
    from docassemble.courtpack.interview_glue.work_list import start_page_work_list

    url = f"sqlite:///{tmp_path / 'register.db'}"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    # the example case's officer (its officer_email), who holds the officer role
    officer = Actor("commercial.income@leeds.example.gov.uk", frozenset({"officer"}))
    with pytest.raises(InterviewIncomplete) as stopped:
        run_interview("start", {}, tmp_path / "out", case_source=EXAMPLES / "CR-2025-0310.yaml", actor=officer)
    assert stopped.value.variable == "menu_choice"
    with headless_step(StepContext(actor=officer, output_dir=tmp_path / "out", register_url=url)):
        text = start_page_work_list(officer.user, officer.roles)
    # nothing recorded yet, so the next action is the letter before claim, to be done now (no date to wait for)
    assert text.splitlines()[:3] == [
        "### Your cases",
        "",
        "* CR-2025-0310 (letter_before_claim) — Kirkgate Coffee Roasters Ltd (new): Send the letter before claim now",
    ]


def test_without_a_register_the_start_page_says_there_is_no_work_list(tmp_path, monkeypatch):
    from docassemble.courtpack.headless.context import StepContext, headless_step
    from docassemble.courtpack.interview_glue.work_list import start_page_work_list

    monkeypatch.delenv("COURTPACK_DATABASE_URL", raising=False)
    with headless_step(StepContext(actor=actor("officer"), output_dir=tmp_path)):
        assert start_page_work_list("officer@council.example.com", {"officer"}) == (
            "No case register is configured, so there is no work list."
        )
