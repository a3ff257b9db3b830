"""Interest: s.69, contractual, Late Payment Act, judgment interest."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.interest import (
    contractual_interest,
    interest_for,
    late_payment_compensation,
    late_payment_rate,
    late_payment_reference_date,
    statutory_interest,
)

D = dt.date


def test_issue_example():
    result = statutory_interest("1234.56", D(2024, 4, 1), D(2025, 1, 10))
    assert (result.interest, result.daily_rate, result.days) == (Decimal("76.85"), Decimal("0.27"), 284)
    assert result.basis.startswith(
        "8% a year simple interest under s.69 County Courts Act 1984 on £1,234.56 "
        "from 1 April 2024 to 10 January 2025 (284 days)"
    )


def test_rounds_only_at_the_end():
    # daily rate 0.27 x 284 would be 76.68; the whole calculation gives 76.85
    result = statutory_interest("1234.56", D(2024, 4, 1), D(2025, 1, 10))
    assert result.interest != result.daily_rate * result.days


def test_leap_year_still_divides_by_365():
    result = statutory_interest("1000.00", D(2024, 1, 1), D(2025, 1, 1))
    assert result.days == 366
    assert result.interest == Decimal("80.22")


def test_zero_days():
    assert statutory_interest("1000", D(2025, 1, 1), D(2025, 1, 1)).interest == Decimal("0.00")


def test_other_statutory_rate_and_contractual():
    assert statutory_interest("1000", D(2025, 1, 1), D(2026, 1, 1), "4").interest == Decimal("40.00")
    result = contractual_interest("7725.00", "4", D(2025, 6, 24), D(2025, 10, 1))
    assert (result.interest, result.daily_rate, result.days) == (Decimal("83.81"), Decimal("0.85"), 99)
    assert "under the agreement" in result.basis


def test_bad_inputs():
    with pytest.raises(LawError, match="principal"):
        statutory_interest("-1", D(2025, 1, 1), D(2025, 2, 1))
    with pytest.raises(LawError, match="before the 'from' date"):
        statutory_interest("100", D(2025, 2, 1), D(2025, 1, 1))
    with pytest.raises(LawError, match="rate"):
        contractual_interest("100", "-3", D(2025, 1, 1), D(2025, 2, 1))
    with pytest.raises(LawError, match="needs the rate"):
        interest_for("contractual", "100", D(2025, 1, 1), D(2025, 2, 1))
    with pytest.raises(LawError, match="not known"):
        interest_for("compound", "100", D(2025, 1, 1), D(2025, 2, 1))
    with pytest.raises(LawError):
        statutory_interest(1.5, D(2025, 1, 1), D(2025, 2, 1))  # floats are refused


def test_late_payment_reference_rate():
    assert late_payment_reference_date(D(2025, 3, 1)) == D(2024, 12, 31)
    assert late_payment_reference_date(D(2025, 7, 1)) == D(2025, 6, 30)
    assert late_payment_reference_date(D(2025, 6, 30)) == D(2024, 12, 31)
    assert late_payment_rate(D(2025, 3, 1)).rate == Decimal("12.75")  # 4.75 + 8
    assert late_payment_rate(D(2025, 7, 1)).rate == Decimal("12.25")  # 4.25 + 8
    assert late_payment_rate(D(2024, 1, 15)).rate == Decimal("13.25")  # 5.25 + 8
    assert late_payment_rate(D(2021, 3, 1)).rate == Decimal("8.10")  # 0.10 + 8
    assert "SI 2002/1675" in late_payment_rate(D(2025, 3, 1)).source


def test_late_payment_interest():
    result = interest_for("late_payment", "1000.00", D(2025, 3, 1), D(2025, 4, 1))
    assert result.rate == Decimal("12.75")
    assert result.interest == Decimal("10.83")  # 1000 x 12.75% x 31 / 365 = 10.829
    with pytest.raises(LawError, match="fixed by law"):
        interest_for("late_payment", "1000.00", D(2025, 3, 1), D(2025, 4, 1), "5")


@pytest.mark.parametrize(
    ("debt", "fixed"),
    [
        ("999.99", "40.00"),
        ("1000.00", "70.00"),
        ("9999.99", "70.00"),
        ("10000.00", "100.00"),
    ],
)
def test_late_payment_compensation_bands(debt, fixed):
    assert late_payment_compensation(debt, D(2025, 1, 1)).amount == Decimal(fixed)
