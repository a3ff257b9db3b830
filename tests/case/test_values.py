"""The one money parser and the one date parser: what they accept, worked by hand, and what they refuse."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.law.dates import add_months, check_range, parse_date, parse_datetime
from docassemble.courtpack.law.money import MAX_AMOUNT, to_money

TODAY = dt.date(2026, 1, 10)


@pytest.mark.parametrize(
    ("text", "decimal", "thousands", "pounds"),
    [
        ("1,234.56", ".", ",", "1234.56"),  # the usual UK form
        ("£12", ".", ",", "12.00"),
        ("-5.5", ".", ",", "-5.50"),
        ("10,00", ",", ".", "10.00"),  # a semicolon-CSV's ten pounds, never one thousand
        ("1.234,56", ",", ".", "1234.56"),
        ("1 234,56", ",", " ", "1234.56"),
        ("1234", ".", "", "1234.00"),
        (".5", ".", ",", "0.50"),
    ],
)
def test_amounts_read_only_with_the_declared_marks(text, decimal, thousands, pounds):
    assert to_money(text, decimal=decimal, thousands=thousands) == Decimal(pounds)


@pytest.mark.parametrize(
    ("value", "decimal", "thousands", "problem"),
    [
        ("1,2,3", ".", ",", "is not an amount of money"),  # commas not in threes
        ("10,00", ".", ",", "is not an amount of money"),  # a decimal comma where "." was declared
        ("1e400", ".", ",", "is not an amount of money"),
        ("NaN", ".", ",", "is not an amount of money"),
        ("12.345", ".", ",", "fractions of a penny"),
        (10**23, ".", ",", "more than the most courtpack accepts"),
        ("12345678901234567.89", ".", ",", "more than the most courtpack accepts"),
        ("10000000.01", ".", ",", "more than the most courtpack accepts"),  # £10,000,000.00 + 1p
        (0.1, ".", ",", "must be written as a string"),
        ("", ".", ",", "is not an amount of money"),
        ("£", ".", ",", "is not an amount of money"),
        ("1" * 60, ".", ",", "too long"),
    ],
)
def test_amounts_refused(value, decimal, thousands, problem):
    with pytest.raises(ValueError, match=problem):
        to_money(value, decimal=decimal, thousands=thousands)


def test_the_ceiling_itself_is_accepted():
    assert to_money("10,000,000.00") == MAX_AMOUNT


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-01-10", dt.date(2025, 1, 10)),
        (dt.datetime(2025, 1, 10, 23, 30), dt.date(2025, 1, 10)),
        # 23:30 at +00:00 on 30 June is 00:30 on 1 July in London (BST, UTC+1)
        ("2025-06-30T23:30:00+00:00", dt.date(2025, 7, 1)),
        # 00:30 at +01:00 on 1 July is 00:30 BST, still 1 July
        ("2025-07-01T00:30:00+01:00", dt.date(2025, 7, 1)),
        # 01:00 at +02:00 on 10 January is 23:00 GMT on 9 January
        ("2025-01-10T01:00:00+02:00", dt.date(2025, 1, 9)),
    ],
)
def test_dates_and_offsets(value, day):
    assert parse_date(value) == day


def test_datetime_offset_is_converted_to_uk_time():
    # 16:30 at +01:00 in January is 15:30 GMT
    assert parse_datetime("2026-01-09T16:30+01:00") == dt.datetime(2026, 1, 9, 15, 30)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2026-02-30", "is not a date that exists"),
        ("2026-13-01", "is not a date that exists"),
        ("10/01/2025", "is not a date in the form YYYY-MM-DD"),
        ("", "the date is missing"),
        (True, "is not a date"),
        ("x" * 100, "is not a date"),
    ],
)
def test_dates_refused(value, problem):
    with pytest.raises(ValueError, match=problem):
        parse_date(value)


def test_mapping_formats():
    assert parse_date("13/01/2025", ["%d/%m/%Y"]) == dt.date(2025, 1, 13)
    with pytest.raises(ValueError, match="is not a date in the form dd/mm/yyyy"):
        parse_date("01/13/2025", ["%d/%m/%Y"])


@pytest.mark.parametrize(
    ("day", "past", "problem"),
    [
        (dt.date(1989, 12, 31), True, "before 1990"),
        (dt.date(2026, 1, 11), True, "in the future"),  # the day after TODAY
        (dt.date(2036, 1, 11), False, "more than 10 years ahead"),  # TODAY + 10 years + 1 day
        (dt.date(9999, 12, 31), False, "more than 10 years ahead"),
    ],
)
def test_implausible_dates(day, past, problem):
    assert problem in check_range(day, today=TODAY, past=past)


def test_plausible_dates():
    assert check_range(TODAY, today=TODAY, past=True) is None
    assert check_range(dt.date(2036, 1, 10), today=TODAY, past=False) is None  # exactly 10 years ahead


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),  # clamped to February's end
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),  # leap year
        (dt.date(2025, 11, 15), 2, dt.date(2026, 1, 15)),  # across the year end
        (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)),
        (dt.date(2025, 12, 31), 0, dt.date(2025, 12, 31)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected
