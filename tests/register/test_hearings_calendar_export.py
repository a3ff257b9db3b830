"""Hearings with compliance and tasks, the iCalendar export, and CSV/XLSX tables (demo data)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import icalendar
import pytest
from openpyxl import load_workbook

from docassemble.courtpack.register.compliance import compliance
from docassemble.courtpack.register.demo import load_demo
from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.export import compliance_tables, hearings_table, write_tables
from docassemble.courtpack.register.hearings import hearing_compliance, upcoming_hearings, update_hearing
from docassemble.courtpack.register.ics import export_calendar

from .conftest import AS_AT, EXAMPLES


def test_upcoming_hearings_with_compliance_and_tasks(demo_db):
    rows = upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=60), on=AS_AT)
    assert [(r.reference, r.starts_at, r.compliance_status) for r in rows] == [
        ("FTA-2025-0142", dt.datetime(2026, 1, 22, 10, 0), "in arrears"),
        ("RR-2025-0077", dt.datetime(2026, 1, 30, 11, 30), "complying"),
        ("CR-2025-0310", dt.datetime(2026, 2, 12, 14, 0), "in arrears"),
    ]
    fta, rr, cr = rows
    assert fta.tasks[0] == "2 instalments unpaid: £200.00 in arrears since 13 November 2025"
    assert (
        "Debtor: file and serve a statement of means (Standard Financial Statement) by 15 January 2026 (due)"
        in fta.tasks
    )
    assert rr.tasks == [] and rr.arrears == Decimal("0.00")
    assert cr.arrears == Decimal("7408.47")
    assert "Objections to the charging order due by 12 January 2026" in cr.tasks
    assert upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=13), on=AS_AT)[-1].reference == "FTA-2025-0142"


def test_hearing_outcome_and_single_hearing_check(demo_db):
    rows = upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=60), on=AS_AT)
    update_hearing(
        demo_db, rows[1].hearing_id, status="vacated", outcome="order reconsidered on the papers", who="test"
    )
    assert len(upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=60))) == 2
    assert len(upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=60), include_all=True)) == 3
    row = hearing_compliance(demo_db, rows[0].hearing_id, AS_AT)
    assert row.orders[0].missed == 2 and row.when == "22 January 2026 at 10:00"
    with pytest.raises(RegisterError, match="no hearing 9999"):
        hearing_compliance(demo_db, 9999, AS_AT)
    with pytest.raises(RegisterError, match="before it starts"):
        upcoming_hearings(demo_db, AS_AT, AS_AT - dt.timedelta(days=1))


def test_demo_loading_is_idempotent(demo_db):
    before = compliance(demo_db, AS_AT)
    result = load_demo(demo_db, EXAMPLES, None, AS_AT)
    assert result.payments_added == 0
    assert compliance(demo_db, AS_AT) == before


def test_calendar_export_parses_with_stable_uids(demo_db, tmp_path):
    first = export_calendar(demo_db, tmp_path / "a.ics")
    calendar = icalendar.Calendar.from_ical(first.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    by_summary = {str(e["SUMMARY"]): e for e in events}
    hearing = next(e for s, e in by_summary.items() if s.startswith("FTA-2025-0142 hearing"))
    assert hearing.decoded("DTSTART") == dt.datetime(2026, 1, 22, 10, 0, tzinfo=dt.timezone.utc)  # GMT in January
    assert hearing.decoded("DTEND") - hearing.decoded("DTSTART") == dt.timedelta(minutes=30)
    assert str(hearing["LOCATION"]) == "County Court at Bromley"
    deadline = next(e for s, e in by_summary.items() if "statement of means" in s)
    assert deadline.decoded("DTSTART") == dt.date(2026, 1, 15)
    assert any("objections" in s for s in by_summary)
    assert not any("certificate of service" in s for s in by_summary)  # met: not a deadline any more
    second = export_calendar(demo_db, tmp_path / "b.ics")
    uids = lambda path: sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))  # noqa: E731
    assert uids(first) == uids(second) and len(set(uids(first))) == len(events)
    text = first.read_bytes().decode("utf-8")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


def test_summer_time_hearing_is_written_in_utc(db, tmp_path):
    from docassemble.courtpack.register.hearings import record_hearing

    from .helpers import new_case

    ref = new_case(db)
    record_hearing(
        db, ref, dt.datetime(2026, 7, 1, 10, 0), "County Court at Leeds", "disposal hearing", key="h1", who="test"
    )
    event = icalendar.Calendar.from_ical(export_calendar(db, tmp_path / "c.ics").read_bytes()).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.timezone.utc)
    assert str(event["UID"]) == f"hearing-{ref}-h1@courtpack.register"


def test_csv_and_xlsx_exports(demo_db, tmp_path):
    rows = upcoming_hearings(demo_db, AS_AT, AS_AT + dt.timedelta(days=60), on=AS_AT)
    csv_path = write_tables([hearings_table(rows)], "csv", tmp_path / "h.csv")
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "22 January 2026,10:00,FTA-2025-0142" in text and '"£7,408.47"' in text
    xlsx = write_tables(compliance_tables(compliance(demo_db, AS_AT)), "xlsx", tmp_path / "c.xlsx")
    book = load_workbook(xlsx)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    fta = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "FTA-2025-0142")
    assert fta[header.index("Arrears")].value == 200 and fta[header.index("Arrears")].number_format.startswith('"£"')
    # as_at - 20 weeks = Saturday 23 August 2025; a judgment is entered on a court day: Friday 22 August
    assert fta[header.index("Made")].value.date() == dt.date(2025, 8, 22)
    assert fta[header.index("Made")].number_format == "d mmmm yyyy"
    assert book.sheetnames[1].startswith("Directions")
    with pytest.raises(RegisterError, match="needs a file name"):
        write_tables([hearings_table(rows)], "xlsx", None)
