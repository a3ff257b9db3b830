"""Notice dates worked by hand from HA 1985 s.83(4)-(5), HA 1996 ss.128-129 and PEA 1977 s.5.

Rule applied: the date named is the first rent day at least 4 weeks (a month for a monthly tenancy) after
service; proceedings from the day after it; a secure notice lapses 12 months after the date named.
"""

from __future__ import annotations

import datetime as dt

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.possession import notice_dates, notice_window

MONDAY_RENT_DAY = dt.date(2023, 4, 3)  # a Monday


def test_secure_weekly_by_hand() -> None:
    # handed over Mon 6 Jan 2025; + 28 days = Mon 3 Feb 2025, itself a rent day (Monday)
    got = notice_dates("secure", dt.date(2025, 1, 6), rent_day=MONDAY_RENT_DAY, frequency="weekly", method="hand")
    assert got.served_on == dt.date(2025, 1, 6)
    assert got.earliest_date_specified == dt.date(2025, 2, 3)
    assert got.proceedings_from == dt.date(2025, 2, 4)  # the day after the date named
    assert got.lapses_on == dt.date(2026, 2, 3)  # 12 months after 3 Feb 2025
    assert got.last_issue_date == dt.date(2026, 2, 2)
    assert got.review_by is None
    assert "s.83" in got.source


def test_secure_weekly_by_post_moves_the_dates() -> None:
    # posted Mon 6 Jan 2025: deemed served the 2nd business day after, Wed 8 Jan;
    # + 28 days = Wed 5 Feb; the next Monday rent day is 10 Feb 2025
    got = notice_dates("secure", dt.date(2025, 1, 6), rent_day=MONDAY_RENT_DAY, frequency="weekly", method="post")
    assert got.served_on == dt.date(2025, 1, 8)
    assert got.earliest_date_specified == dt.date(2025, 2, 10)
    assert got.proceedings_from == dt.date(2025, 2, 11)
    assert got.lapses_on == dt.date(2026, 2, 10)


def test_letterbox_counts_from_the_next_day() -> None:
    # through the letterbox Fri 10 Jan 2025 -> served Sat 11 Jan; + 28 = Sat 8 Feb; next Monday 10 Feb
    got = notice_dates(
        "flexible", dt.date(2025, 1, 10), rent_day=MONDAY_RENT_DAY, frequency="weekly", method="letterbox"
    )
    assert got.served_on == dt.date(2025, 1, 11)
    assert got.earliest_date_specified == dt.date(2025, 2, 10)


def test_introductory_monthly_with_review_period() -> None:
    # rent due on the 1st; handed over Wed 15 Jan 2025; a month later = 15 Feb; next rent day 1 Mar 2025
    got = notice_dates("introductory", dt.date(2025, 1, 15), rent_day=dt.date(2024, 6, 1), frequency="monthly")
    assert got.notice == "notice of proceedings"
    assert got.earliest_date_specified == dt.date(2025, 3, 1)
    assert got.proceedings_from == dt.date(2025, 3, 2)
    assert got.lapses_on is None  # s.128 sets no lapse
    # 14 days beginning with the day of service: 15 Jan + 13 = 28 Jan 2025
    assert got.review_by == dt.date(2025, 1, 28)


def test_demoted_fortnightly() -> None:
    # rent fortnightly from Mon 6 Jan 2025 (rent days 6 Jan, 20 Jan, 3 Feb, 17 Feb ...);
    # served Tue 7 Jan; + 28 = Tue 4 Feb; next rent day Mon 17 Feb 2025
    got = notice_dates("demoted", dt.date(2025, 1, 7), rent_day=dt.date(2025, 1, 6), frequency="fortnightly")
    assert got.earliest_date_specified == dt.date(2025, 2, 17)
    assert got.review_by == dt.date(2025, 1, 20)  # 7 Jan + 13


def test_window_of_a_served_notice() -> None:
    window = notice_window("secure", dt.date(2024, 2, 29))
    assert window.proceedings_from == dt.date(2024, 3, 1)
    assert window.lapses_on == dt.date(2025, 2, 28)  # 12 months after 29 Feb 2024, clamped to 28 Feb
    assert window.last_issue_date == dt.date(2025, 2, 27)


def test_unknown_tenancy_is_refused() -> None:
    with pytest.raises(LawError, match="tenancy type 'assured' is not known"):
        notice_dates("assured", dt.date(2025, 1, 6), rent_day=MONDAY_RENT_DAY, frequency="weekly")


def test_monthly_rent_on_the_last_day_of_the_month() -> None:
    # rent due on the 31st (28/29th in February, 30th in 30-day months); handed over 15 Feb 2025:
    # a month later is 15 Mar; the next rent day is 31 Mar 2025
    got = notice_dates("secure", dt.date(2025, 2, 15), rent_day=dt.date(2025, 1, 31), frequency="monthly")
    assert got.earliest_date_specified == dt.date(2025, 3, 31)
    assert got.lapses_on == dt.date(2026, 3, 31)
