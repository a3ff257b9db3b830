"""CPR 2.8 clear days, business days and deemed service (CPR 6.14, 6.26), worked examples."""

import datetime as dt

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.calendar import (
    add_business_days,
    add_years,
    bank_holidays,
    business_days_between,
    court_issued_deemed_service,
    deadline,
    deemed_service,
    is_bank_holiday,
    is_business_day,
    latest_day_before,
    next_business_day,
    on_or_next_business_day,
)

D = dt.date


def test_2026_bank_holidays_match_gov_uk():
    assert sorted(bank_holidays(2026)) == [
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    ]


def test_one_off_bank_holidays():
    assert is_bank_holiday(D(2022, 9, 19))  # State Funeral of Queen Elizabeth II
    assert is_bank_holiday(D(2023, 5, 8))  # Coronation of King Charles III
    assert not is_bank_holiday(D(2022, 9, 20))


def test_business_days():
    assert is_business_day(D(2025, 12, 24))
    assert not is_business_day(D(2025, 12, 25))  # Christmas Day
    assert not is_business_day(D(2025, 4, 18))  # Good Friday
    assert not is_business_day(D(2026, 12, 26))  # Saturday
    assert not is_business_day(D(2026, 12, 28))  # Boxing Day substitute
    assert next_business_day(D(2025, 12, 24)) == D(2025, 12, 29)
    assert on_or_next_business_day(D(2025, 12, 24)) == D(2025, 12, 24)
    assert add_business_days(D(2026, 4, 2), 1) == D(2026, 4, 7)  # over Easter 2026
    assert add_business_days(D(2026, 4, 7), -1) == D(2026, 4, 2)
    assert add_business_days(D(2026, 4, 7), 0) == D(2026, 4, 7)
    assert business_days_between(D(2025, 12, 22), D(2025, 12, 31)) == 5


def test_short_period_skips_christmas_2025():
    # Tue 23, Wed 24, (Thu 25, Fri 26, weekend), Mon 29, Tue 30, Wed 31
    assert deadline(D(2025, 12, 22), 5).date == D(2025, 12, 31)


def test_short_period_skips_easter_2025():
    # Wed 16, Thu 17, (Good Friday, weekend, Easter Monday), Tue 22
    assert deadline(D(2025, 4, 15), 3).date == D(2025, 4, 22)


def test_short_period_skips_19_september_2022():
    assert deadline(D(2022, 9, 15), 2).date == D(2022, 9, 20)


def test_short_period_skips_2026_boxing_day_substitute():
    # Thu 24, (Fri 25, weekend, Mon 28 substitute), Tue 29
    assert deadline(D(2026, 12, 23), 2).date == D(2026, 12, 29)


def test_long_period_counts_calendar_days_cpr_example():
    # CPR 2.8 example: served 2 October, 14 days -> 16 October (2023: a Monday)
    assert deadline(D(2023, 10, 2), 14).date == D(2023, 10, 16)


def test_long_period_ending_on_closed_day_runs_to_next_open_day():
    result = deadline(D(2025, 12, 12), 14)  # 26 Dec 2025, Boxing Day
    assert result.date == D(2025, 12, 29)
    assert "court office is closed" in result.basis
    assert deadline(D(2026, 3, 20), 14).date == D(2026, 4, 7)  # Good Friday -> after Easter Monday
    assert deadline(D(2022, 9, 5), 14).date == D(2022, 9, 20)  # one-off holiday


def test_leap_years():
    assert deadline(D(2024, 2, 15), 14).date == D(2024, 2, 29)
    assert deadline(D(2023, 2, 15), 14).date == D(2023, 3, 1)
    assert add_years(D(2020, 2, 29), 6) == D(2026, 2, 28)
    assert add_years(D(2020, 2, 29), 4) == D(2024, 2, 29)


def test_deadline_refuses_zero_days():
    with pytest.raises(LawError, match="at least 1 day"):
        deadline(D(2025, 1, 1), 0)


def test_latest_day_before_cpr_example():
    # CPR 2.8 example: 3 days' notice of a hearing on Friday 20 October -> Monday 16 October
    assert latest_day_before(D(2023, 10, 20), 3).date == D(2023, 10, 16)
    # 7 clear days before Tue 6 Jan 2026 -> 29 Dec 2025 (Mon)
    assert latest_day_before(D(2026, 1, 6), 7).date == D(2025, 12, 29)
    # 7 clear days before Fri 2 Jan 2026 would be Wed 24 Dec 2025
    assert latest_day_before(D(2026, 1, 2), 7).date == D(2025, 12, 24)


@pytest.mark.parametrize(
    ("method", "sent", "expected"),
    [
        ("post", dt.datetime(2025, 12, 23, 15, 0), D(2025, 12, 29)),  # 25th not a business day
        ("post", dt.datetime(2025, 1, 2, 9, 0), D(2025, 1, 6)),  # Saturday -> Monday
        ("post", dt.datetime(2025, 1, 6, 9, 0), D(2025, 1, 8)),
        ("dx", dt.datetime(2026, 4, 1, 9, 0), D(2026, 4, 7)),  # Good Friday, Easter Monday
        ("email", dt.datetime(2025, 12, 23, 15, 0), D(2025, 12, 23)),
        ("email", dt.datetime(2025, 12, 23, 16, 29, 59), D(2025, 12, 23)),
        ("email", dt.datetime(2025, 12, 23, 16, 30), D(2025, 12, 24)),  # 4.30 pm is not "before 4.30 pm"
        ("email", dt.datetime(2025, 12, 24, 16, 31), D(2025, 12, 29)),
        ("email", dt.datetime(2025, 12, 27, 10, 0), D(2025, 12, 29)),  # Saturday
        ("personal", dt.datetime(2026, 4, 3, 10, 0), D(2026, 4, 7)),  # Good Friday
        ("personal", dt.datetime(2022, 9, 19, 9, 0), D(2022, 9, 20)),
        ("delivery", dt.datetime(2025, 6, 2, 16, 0), D(2025, 6, 2)),
    ],
)
def test_deemed_service_other_documents(method, sent, expected):
    result = deemed_service("other", method, sent)
    assert result.date == expected
    assert "6.26" in result.source


@pytest.mark.parametrize(
    ("method", "sent", "expected"),
    [
        ("post", dt.datetime(2025, 12, 23, 15, 0), D(2025, 12, 29)),  # Wed 24 is the first, Mon 29 the second
        ("email", dt.datetime(2025, 12, 23, 18, 0), D(2025, 12, 29)),  # time of day does not matter
        ("personal", dt.datetime(2025, 1, 4, 10, 0), D(2025, 1, 7)),  # a Saturday step
        ("post", dt.datetime(2026, 4, 2, 10, 0), D(2026, 4, 8)),
    ],
)
def test_deemed_service_claim_form(method, sent, expected):
    result = deemed_service("claim-form", method, sent)
    assert result.date == expected
    assert "6.14" in result.source


def test_deemed_service_refuses_unknown_method_and_document():
    with pytest.raises(LawError, match="method 'pigeon'"):
        deemed_service("other", "pigeon", dt.datetime(2025, 1, 1, 9))
    with pytest.raises(LawError, match="document"):
        deemed_service("letter", "post", dt.datetime(2025, 1, 1, 9))


def test_court_issued_claim_deemed_served_five_days_after_issue():
    result = court_issued_deemed_service(D(2025, 6, 2))
    assert result.date == D(2025, 6, 7)
    assert "CPR 6.14" in result.source
