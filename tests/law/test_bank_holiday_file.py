"""Bank holidays are kept per version of the ``holidays`` library, so `calc` need not load it each time.

Expected days from the gov.uk list for England and Wales, 2026: New Year's Day Thu 1 Jan, Good Friday
3 Apr, Easter Monday 6 Apr, early May 4 May, spring 25 May, summer 31 Aug, Christmas Fri 25 Dec and
Boxing Day (Sat 26 Dec) substituted on Mon 28 Dec.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from docassemble.courtpack.law import calendar

D = dt.date
ENGLAND_2026 = [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31),
                D(2026, 12, 25), D(2026, 12, 28)]  # fmt: skip


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("COURTPACK_HOME", str(tmp_path))
    calendar._holidays_in.cache_clear()
    calendar._kept_years.cache_clear()
    yield tmp_path
    calendar._holidays_in.cache_clear()
    calendar._kept_years.cache_clear()


def test_a_year_is_worked_out_once_and_kept(home):
    assert sorted(calendar.bank_holidays(2026)) == ENGLAND_2026
    kept = json.loads(calendar._kept_file().read_text())
    assert [day for day, _name in kept["2026"]] == [d.isoformat() for d in ENGLAND_2026]
    assert list(home.glob("*.tmp")) == []


def test_a_fresh_process_answers_from_the_kept_file_without_loading_the_library(home):
    calendar.bank_holidays(2026)
    probe = (
        "import sys; sys.modules['holidays'] = None\n"  # importing the library would now fail
        "from docassemble.courtpack.law import calendar\n"
        "print(calendar.is_business_day(__import__('datetime').date(2026, 12, 28)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"  # Monday 28 December 2026: the substitute for Boxing Day


def test_a_damaged_file_is_worked_out_again(home):
    path = calendar._kept_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"2026": [["2026-01-0')  # cut short
    assert sorted(calendar.bank_holidays(2026)) == ENGLAND_2026
    assert json.loads(path.read_text())["2026"][0] == ["2026-01-01", "New Year's Day"]


def test_a_home_that_cannot_be_written_still_answers(home, monkeypatch):
    blocked = home / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("COURTPACK_HOME", str(blocked / "home"))
    assert calendar.is_bank_holiday(D(2026, 8, 31))
    assert not calendar.is_bank_holiday(D(2026, 8, 28))
