"""Exhibit marks in the case register: they run on across all of a witness's statements (PD 32
18.4-18.6), survive the process, and two statements made at once never share a mark."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from docassemble.courtpack.documents.witness import initials
from docassemble.courtpack.errors import DocumentError
from docassemble.courtpack.interview_glue.witness import RegisterMarks
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.exhibit_models import WitnessStatementMarks

from ..register.conftest import PostgresSchema

DAY = dt.date(2025, 6, 2)


def make(marks, reference, witness, exhibits, number=None):
    """Reserve, then record, as the writer does around making the documents."""
    reservation = marks.reserve(reference, witness, exhibits, number)
    marks.record(reservation, DAY, f"statement {reservation.number}.pdf", [f"exhibit {m}" for m in reservation.marks])
    return reservation.number, list(reservation.marks)


def rows(register):
    with register.transaction() as session:
        table = WitnessStatementMarks
        return session.execute(
            select(
                table.case_reference, table.witness, table.number, table.first_exhibit, table.exhibits, table.status
            ).order_by(table.case_reference, table.witness, table.number)
        ).all()


def test_marks_continue_across_statements(marks, register):
    # first statement: 3 exhibits, PS1-PS3; the second starts at 3 + 1 = 4 and has 2: PS4, PS5
    assert make(marks, "FTA-2025-0142", "Priya Shah", 3) == (1, ["PS1", "PS2", "PS3"])
    assert make(marks, "FTA-2025-0142", "Priya Shah", 2) == (2, ["PS4", "PS5"])
    assert make(marks, "FTA-2025-0142", "Tom Reid", 1) == (1, ["TR1"])  # another witness starts again
    assert make(marks, "RR-2025-0077", "Priya Shah", 1) == (1, ["PS1"])  # another case starts again
    assert marks.preview("FTA-2025-0142", "Priya Shah", 2).marks == ("PS6", "PS7")  # 5 used, next is 6
    assert [tuple(r) for r in rows(register)] == [
        ("FTA-2025-0142", "Priya Shah", 1, 1, 3, "recorded"),
        ("FTA-2025-0142", "Priya Shah", 2, 4, 2, "recorded"),
        ("FTA-2025-0142", "Tom Reid", 1, 1, 1, "recorded"),
        ("RR-2025-0077", "Priya Shah", 1, 1, 1, "recorded"),
    ]


def test_marks_outlive_the_process(register_url):
    with Register(register_url) as first:
        make(RegisterMarks(first), "C", "Priya Shah", 2)
    with Register(register_url) as again:  # a rebuilt server opening the same register
        assert make(RegisterMarks(again), "C", "Priya Shah", 1) == (2, ["PS3"])


def test_remaking_a_statement_keeps_its_number(marks):
    make(marks, "C", "Priya Shah", 3)
    make(marks, "C", "Priya Shah", 2)
    # the latest (2nd, from PS4) may change its exhibits: 4 of them are PS4-PS7
    assert make(marks, "C", "Priya Shah", 4, number=2) == (2, ["PS4", "PS5", "PS6", "PS7"])
    assert make(marks, "C", "Priya Shah", 3, number=1) == (1, ["PS1", "PS2", "PS3"])
    with pytest.raises(RegisterError, match="statement 1 of Priya Shah had 3 exhibit"):
        marks.reserve("C", "Priya Shah", 2, 1)
    with pytest.raises(RegisterError, match="has no statement 7"):
        marks.reserve("C", "Priya Shah", 1, 7)


def test_a_failed_statement_gives_its_marks_back(marks, register):
    make(marks, "C", "Priya Shah", 1)
    failed = marks.reserve("C", "Priya Shah", 2)
    assert (failed.number, failed.marks) == (2, ("PS2", "PS3"))
    marks.release(failed)
    assert make(marks, "C", "Priya Shah", 1) == (2, ["PS2"])  # PS2 again: nothing was used up
    remade = marks.reserve("C", "Priya Shah", 5, number=2)
    marks.release(remade)  # a failed re-make leaves the statement as it was: 1 exhibit, PS2
    assert [tuple(r)[2:] for r in rows(register)] == [(1, 1, 1, "recorded"), (2, 2, 1, "recorded")]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_register_url(request, register_url):
    """SQLite serialises writers; PostgreSQL lets both inserts race to the unique key (the retry)."""
    if request.param == "sqlite":
        yield register_url
        return
    schema = PostgresSchema()
    try:
        yield schema.url
    finally:
        schema.drop()


def test_statements_made_at_once_never_share_marks(any_register_url):
    """Two officers (two threads, each with its own register handle) reserve at the same moment."""
    register_url = any_register_url
    start = threading.Barrier(2)

    def officer() -> list[tuple[int, tuple[str, ...]]]:
        with Register(register_url) as own:
            marks = RegisterMarks(own)
            start.wait()
            return [(r.number, r.marks) for r in (marks.reserve("C", "Priya Shah", 2) for _ in range(15))]

    Register(register_url).dispose()  # migrate once, so the threads race on the marks alone
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(officer) for _ in range(2)]
        both = [taken for future in futures for taken in future.result()]  # re-raises a thread's error
    # 30 statements of 2 exhibits each: numbers 1..30 and marks PS1..PS60, each exactly once
    assert sorted(number for number, _ in both) == list(range(1, 31))
    assert sorted(int(m[2:]) for _, pair in both for m in pair) == list(range(1, 61))
    for number, pair in both:  # statement n has exhibits 2n-1 and 2n
        assert pair == (f"PS{2 * number - 1}", f"PS{2 * number}")


def test_initials():
    assert initials("Priya Shah") == "PS"
    assert initials("mary-jane van dyke") == "MJVD"
    with pytest.raises(DocumentError, match="has no initials"):
        initials("  ")
