"""hearing_check.yml: pick a hearing from the register, see compliance, produce the report."""

from __future__ import annotations

import datetime as dt

import pytest

from docassemble.courtpack.errors import CourtpackError, InterviewIncomplete
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.register import load_demo, open_register, upcoming_hearings

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow
AS_AT = dt.date(2026, 1, 10)


@pytest.fixture
def register_db(tmp_path):
    db = str(tmp_path / "register.db")
    load_demo(db, EXAMPLES, as_at=AS_AT)
    return db


def test_report_for_the_first_hearing(register_db, tmp_path):
    register = open_register(register_db)
    first = upcoming_hearings(register, AS_AT, AS_AT + dt.timedelta(days=28), on=AS_AT)[0]
    register.dispose()
    answers = {"register_db": register_db, "check_date": AS_AT.isoformat(), "hearing_id": str(first.hearing_id),
               "summary_seen": True}
    result = run_interview("hearing_check", answers, tmp_path / "out")
    assert result.title == "The pre-hearing check is ready"
    assert sorted(p.name for p in result.documents) == [
        f"{first.reference} pre-hearing check 10 January 2026.docx",
        f"{first.reference} pre-hearing check 10 January 2026.pdf"]
    register = open_register(register_db)
    from docassemble.courtpack.register.generated import documents_for

    recorded = [d.file_name for d in documents_for(register, first.reference)]
    register.dispose()
    assert f"{first.reference} pre-hearing check 10 January 2026.pdf" in recorded


@pytest.mark.parametrize(("answers", "variable"), [
    ({}, "check_date"),
    ({"check_date": "2026-01-10"}, "hearing_id"),
])
def test_stops_at_the_missing_answer(register_db, tmp_path, answers, variable):
    with pytest.raises(InterviewIncomplete) as caught:
        run_interview("hearing_check", {"register_db": register_db, **answers}, tmp_path)
    assert caught.value.variable == variable


def test_no_hearings_in_the_window_is_explained(register_db, tmp_path):
    with pytest.raises(CourtpackError, match="there are no hearings in the register between 1 June 2030"):
        run_interview("hearing_check", {"register_db": register_db, "check_date": "2030-06-01"}, tmp_path)


def test_letters_are_recorded_when_a_register_is_configured(tmp_path, monkeypatch):
    db = tmp_path / "register.db"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{db}")
    run_interview("letter_before_claim", {"letter_date": "2025-04-07", "instalments_status": "none",
                                          "letter_checked": True}, tmp_path / "out",
                  case_source=EXAMPLES / "FTA-2025-0142.yaml")
    from docassemble.courtpack.register.generated import documents_for

    register = open_register(str(db))
    recorded = sorted((d.kind, d.file_name) for d in documents_for(register, "FTA-2025-0142"))
    register.dispose()
    assert recorded == [("letter before claim", "FTA-2025-0142 letter of claim pack.pdf"),
                        ("letter before claim", "FTA-2025-0142 letter of claim.docx")]
