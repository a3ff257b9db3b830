"""CPR 55.5(3) worked by hand: 28 clear days from issue, 8 weeks standard, service 21 clear days before."""

from __future__ import annotations

import datetime as dt

from docassemble.courtpack.law.possession import hearing_check


def test_hearing_window_and_service_deadline() -> None:
    # issued Mon 3 Mar 2025: 28 clear days (4 Mar .. 31 Mar) -> hearing from Tue 1 Apr 2025;
    # 8 weeks = 56 days -> normally by Mon 28 Apr; hearing Mon 7 Apr: 21 clear days before it
    # (17 Mar .. 6 Apr) -> served by Sun 16 Mar 2025
    got = hearing_check(dt.date(2025, 3, 3), dt.date(2025, 4, 7))
    assert (got.earliest_hearing, got.latest_standard_hearing, got.serve_by) == (
        dt.date(2025, 4, 1),
        dt.date(2025, 4, 28),
        dt.date(2025, 3, 16),
    )
    assert got.problems == ()


def test_too_early_a_hearing_is_a_problem() -> None:
    got = hearing_check(dt.date(2025, 3, 3), dt.date(2025, 3, 31))  # 27 clear days only
    assert len(got.problems) == 1 and "earliest is 1 April 2025" in got.problems[0]


def test_a_late_listing_is_flagged() -> None:
    got = hearing_check(dt.date(2025, 3, 3), dt.date(2025, 4, 29))  # 57 days after issue
    assert len(got.problems) == 1 and "more than 8 weeks" in got.problems[0]
