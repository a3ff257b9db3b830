"""performance_report.yml and writeoff.yml driven headlessly with docassemble's real engine, as a named
manager; an officer is turned away by the interview's role check and by the glue's own check."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import select

from docassemble.courtpack.errors import InterviewIncomplete
from docassemble.courtpack.headless.context import Actor, NotAllowedError, StepContext, headless_step
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.interview_glue.reports import writeoff_approve
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.reporting import generate_caseload
from docassemble.courtpack.register.reporting_models import WriteOff
from docassemble.courtpack.register.tracing import add_fact
from docassemble.courtpack.register.writeoff_policy import grant_authority

from .conftest import AS_AT, add_case

pytestmark = pytest.mark.slow
MANAGER = Actor("mo.manager@council.example.com", frozenset({"manager"}))
OFFICER = Actor("olu.officer@council.example.com", frozenset({"officer"}))


@pytest.fixture
def register_db(tmp_path):
    path = str(tmp_path / "register.db")
    register = Register(path)
    with register.transaction("t") as s:
        generate_caseload(s, 120, AS_AT)
        add_case(s, "WO-1", "600.00", dt.date(2025, 6, 2), debtor="Dee Ceased")
    register.dispose()
    add_fact(path, "WO-1", "deceased", dt.date(2025, 9, 1), estate="none", who="officer")
    return f"sqlite:///{path}"


@pytest.mark.parametrize("interview", ["performance_report", "writeoff"])
def test_an_officer_is_refused_before_anything_is_read_or_written(register_db, tmp_path, interview):
    with pytest.raises(NotAllowedError, match=f"only a team leader / manager can do this.*{OFFICER.user}"):
        run_interview(
            interview,
            {
                "report_month": "2026-01-15",
                "team": "North",
                "writeoff_date": "2026-01-31",
                "selected_cases": ["WO-1"],
                "approve_now": True,
            },
            tmp_path / "out",
            actor=OFFICER,
            register_url=register_db,
        )
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_the_glue_refuses_an_officer_too(register_db, tmp_path):
    """The approval is checked where it is made, not only at the interview's door."""
    step = StepContext(actor=OFFICER, output_dir=tmp_path / "out", register_url=register_db)
    with headless_step(step), pytest.raises(NotAllowedError, match=OFFICER.user):
        writeoff_approve(["WO-1"], "2026-01-31")
    register = Register(register_db)
    with register.transaction() as s:
        assert s.scalars(select(WriteOff)).all() == []
    register.dispose()


def test_performance_report_interview_produces_xlsx_and_pdf(register_db, tmp_path):
    answers = {"report_month": "2026-01-15", "team": "North"}
    result = run_interview("performance_report", answers, tmp_path / "out", actor=MANAGER, register_url=register_db)
    assert result.title == "The performance report is ready"
    names = sorted(p.name for p in result.documents)
    assert names == [
        "performance 2026-01-01 to 2026-01-31 North.pdf",
        "performance 2026-01-01 to 2026-01-31 North.xlsx",
    ]
    cases = openpyxl.load_workbook(next(p for p in result.documents if p.suffix == ".xlsx"))["Cases"]
    assert {row[4].value for row in cases.iter_rows(min_row=2)} == {"North"}


def test_performance_report_interview_asks_for_the_team(register_db, tmp_path):
    with pytest.raises(InterviewIncomplete) as caught:
        run_interview(
            "performance_report", {"report_month": "2026-01-15"}, tmp_path, actor=MANAGER, register_url=register_db
        )
    assert caught.value.variable == "team"


@pytest.mark.parametrize(("level", "approved"), [("team_leader", True), ("officer", False)])
def test_writeoff_interview_recommends_and_approves_within_authority(register_db, tmp_path, level, approved):
    # headless, the acting user is the run's named manager; £600 needs a team leader (£100 < £600 <= £1,000)
    grant_authority(register_db, MANAGER.user, level, who="head.of.service@council.example.com")
    answers = {"writeoff_date": "2026-01-31", "selected_cases": ["WO-1"], "approve_now": True}
    result = run_interview("writeoff", answers, tmp_path / "out", actor=MANAGER, register_url=register_db)
    assert result.title == "The write-off recommendation is ready"
    assert sorted(p.name for p in result.documents) == [
        "write-off recommendation 2026-01-31.docx",
        "write-off recommendation 2026-01-31.pdf",
    ]
    pdf = next(p for p in result.documents if p.suffix == ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Write-off recommendation: WO-1" in text and "Dee Ceased" in text and "£600.00" in text
    assert "team leader" in text and "Write-off schedule as at 31 January 2026" in text
    register = Register(register_db)
    with register.transaction() as s:
        rows = s.scalars(select(WriteOff)).all()
    register.dispose()
    assert [(r.amount, r.approved_by) for r in rows] == ([(Decimal("600.00"), MANAGER.user)] if approved else [])
