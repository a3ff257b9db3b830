"""The pre-hearing check report (DOCX + PDF) and the Alembic migrations."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from docx import Document

from docassemble.courtpack.register.chart import png_bytes
from docassemble.courtpack.register.db import Register, upgrade
from docassemble.courtpack.register.generated import documents_for
from docassemble.courtpack.register.hearings import hearing_compliance, upcoming_hearings
from docassemble.courtpack.register.models import Base
from docassemble.courtpack.register.report import pre_hearing_report, schedule

from .conftest import AS_AT


def pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: apt-get install -y poppler-utils", pytrace=False)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_pre_hearing_report(demo_db, tmp_path):
    hearing = upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=60), on=AS_AT)[0]
    docx, pdf = pre_hearing_report(demo_db, hearing.hearing_id, AS_AT, tmp_path, who="priya")
    assert docx.name == "FTA-2025-0142 pre-hearing check 10 January 2026.docx"
    assert pdf.name == "FTA-2025-0142 pre-hearing check 10 January 2026.pdf"
    text = pdf_text(pdf)
    for expected in (
        "Pre-hearing check: FTA-2025-0142",
        "£2,189.40",
        "£100.00 monthly, first payment 13 September 2025",
        "13 November 2025",
        "unpaid",
        "HR-7730155",
        "Balance over time",
        "£200.00",
    ):
        assert expected in text, expected
    document = Document(docx)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "£400.00 (4 instalment(s))" in cells and "2, the first due 13 November 2025" in cells
    assert len(document.inline_shapes) == 1  # the chart, as a PNG
    assert [(d.kind, d.created_by) for d in documents_for(demo_db, "FTA-2025-0142")] == [
        ("pre-hearing check", "priya"),
        ("pre-hearing check", "priya"),
    ]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no scratch left behind


def test_chart_png_renders():
    from decimal import Decimal

    from docassemble.courtpack.register.chart import Series, balance_chart

    png = png_bytes(balance_chart([Series("a", [(dt.date(2025, 1, 1), Decimal("100"))])], dt.date(2025, 2, 1)))
    assert png and png.startswith(b"\x89PNG")


def test_schedule_listing_agrees_with_sql(demo_db):
    hearing = upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=60), on=AS_AT)[1]
    order = hearing_compliance(demo_db, hearing.hearing_id, AS_AT).orders[0]
    due = [i for i in schedule(order, AS_AT) if i.due <= AS_AT]
    assert len(due) == order.instalments_due == 14 and due[-1].due_so_far == order.due_to_date


def test_migrations_match_the_models_and_rerun_harmlessly(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        diff = [d for d in compare_metadata(context, Base.metadata)]
        assert diff == []
        assert context.get_current_revision() == "0004"  # the newest migration (exhibit marks)
    upgrade(db.engine)
    Register(db.url).dispose()
