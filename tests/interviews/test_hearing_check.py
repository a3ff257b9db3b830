"""hearing_check.yml: pick a hearing from the register, see compliance, produce the report."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from docassemble.courtpack.errors import CourtpackError, InterviewIncomplete
from docassemble.courtpack.headless.context import Actor
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.register import load_demo, open_register, upcoming_hearings
from docassemble.courtpack.register.generated import documents_for
from docassemble.courtpack.register.models import AuditEntry

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow
AS_AT = dt.date(2026, 1, 10)
MANAGER = Actor("mo.manager@council.example.com", frozenset({"manager"}))


@pytest.fixture
def register_db(tmp_path):
    db = str(tmp_path / "register.db")
    load_demo(db, EXAMPLES, as_at=AS_AT)
    return db


def document_audit(register_db: str) -> list[tuple[str, str, str]]:
    """(who, action, entity) of every audit entry about a recorded document."""
    register = open_register(register_db)
    try:
        with register.transaction("tests") as session:
            rows = session.scalars(select(AuditEntry).where(AuditEntry.entity == "documents").order_by(AuditEntry.id))
            return [(r.who, r.action, r.entity) for r in rows]
    finally:
        register.dispose()


def test_report_for_the_first_hearing_is_recorded_once_under_the_manager(register_db, tmp_path):
    register = open_register(register_db)
    first = upcoming_hearings(register, AS_AT, AS_AT + dt.timedelta(days=28), on=AS_AT)[0]
    register.dispose()
    before = document_audit(register_db)
    answers = {"check_date": AS_AT.isoformat(), "hearing_id": str(first.hearing_id), "summary_seen": True}
    result = run_interview("hearing_check", answers, tmp_path / "out", actor=MANAGER, register_url=register_db)
    assert result.title == "The pre-hearing check is ready"
    docx = f"{first.reference} pre-hearing check 10 January 2026.docx"
    pdf = f"{first.reference} pre-hearing check 10 January 2026.pdf"
    assert sorted(p.name for p in result.documents) == [docx, pdf]
    register = open_register(register_db)
    recorded = [
        (d.kind, d.file_name, d.created_by)
        for d in documents_for(register, first.reference)
        if d.kind == "pre-hearing check"
    ]
    register.dispose()
    # the report's two files, each recorded once, by the manager who produced them (was: twice, two users)
    assert sorted(recorded) == [("pre-hearing check", docx, MANAGER.user), ("pre-hearing check", pdf, MANAGER.user)]
    assert document_audit(register_db)[len(before) :] == [(MANAGER.user, "create", "documents")] * 2


@pytest.mark.parametrize(
    ("answers", "variable"),
    [
        ({}, "check_date"),
        ({"check_date": "2026-01-10"}, "hearing_id"),
    ],
)
def test_stops_at_the_missing_answer(register_db, tmp_path, answers, variable):
    with pytest.raises(InterviewIncomplete) as caught:
        run_interview("hearing_check", answers, tmp_path, actor=MANAGER, register_url=register_db)
    assert caught.value.variable == variable


def test_no_hearings_in_the_window_is_explained(register_db, tmp_path):
    with pytest.raises(CourtpackError, match="there are no hearings in the register between 1 June 2030"):
        run_interview("hearing_check", {"check_date": "2030-06-01"}, tmp_path, actor=MANAGER, register_url=register_db)


def test_a_register_db_answer_is_not_a_way_to_another_database(register_db, tmp_path):
    """The register is the server's, never one named in the answers (a path read with the server's rights)."""
    other = tmp_path / "other.db"
    answers = {"register_db": str(other), "check_date": "2030-06-01"}
    with pytest.raises(CourtpackError, match="no hearings in the register"):
        run_interview("hearing_check", answers, tmp_path, actor=MANAGER, register_url=register_db)
    assert not other.exists()


def test_letters_are_recorded_once_under_the_named_user(tmp_path, monkeypatch):
    db = tmp_path / "register.db"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{db}")
    officer = Actor("olu.officer@council.example.com", frozenset({"officer"}))
    run_interview(
        "letter_before_claim",
        {"letter_date": "2025-04-07", "instalments_status": "none", "letter_checked": True, "letter_sent_by": "post"},
        tmp_path / "out",
        case_source=EXAMPLES / "FTA-2025-0142.yaml",
        actor=officer,
    )
    register = open_register(str(db))
    recorded = sorted((d.kind, d.file_name, d.created_by) for d in documents_for(register, "FTA-2025-0142"))
    register.dispose()
    assert recorded == [
        ("letter before claim", "FTA-2025-0142 letter of claim pack.pdf", officer.user),
        ("letter before claim", "FTA-2025-0142 letter of claim.docx", officer.user),
    ]
    assert document_audit(str(db)) == [(officer.user, "create", "documents")] * 2
