"""CPFO fee 1.1 issue fee bands and enforcement fees."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.fees import FEE_CODES, court_fee, issue_fee

ON = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("claim", "fee"),
    [
        ("0.01", "35.00"),
        ("300.00", "35.00"),
        ("300.01", "50.00"),
        ("500.00", "50.00"),
        ("500.01", "70.00"),
        ("1000.00", "70.00"),
        ("1000.01", "80.00"),
        ("1311.41", "80.00"),
        ("1500.00", "80.00"),
        ("1500.01", "115.00"),
        ("3000.00", "115.00"),
        ("3000.01", "205.00"),
        ("5000.00", "205.00"),
        ("5000.01", "455.00"),
        ("10000.00", "455.00"),
        ("10000.01", "500.00"),
        ("12345.67", "617.28"),
        ("200000.00", "10000.00"),
        ("200000.01", "10000.00"),
        ("1000000.00", "10000.00"),
    ],
)
def test_issue_fee_bands(claim, fee):
    assert issue_fee(claim, ON).fee == Decimal(fee)


def test_five_percent_band_rounds_down():
    # 5% of 10,000.19 is 500.0095: half-up would give 500.01
    assert issue_fee("10000.19", ON).fee == Decimal("500.00")
    assert "rounded down" in issue_fee("10000.19", ON).basis


def test_unstated_value():
    result = issue_fee(None, ON)
    assert result.fee == Decimal("10000.00")
    assert "not stated" in result.basis


def test_issue_fee_cites_the_table_in_force():
    assert "8 April 2025" in issue_fee("100", dt.date(2025, 4, 8)).source
    assert "SI 2015/576" in issue_fee("100", dt.date(2025, 4, 7)).source
    assert "SI 2025/351" in issue_fee("100", ON).source
    with pytest.raises(LawError, match="no issue fee table"):
        issue_fee("100", dt.date(2014, 1, 1))


def test_issue_fee_refuses_bad_claims():
    with pytest.raises(LawError, match="claim value"):
        issue_fee("-10", ON)
    with pytest.raises(LawError, match=r"more than 0\.00"):
        issue_fee("0", ON)
    with pytest.raises(LawError, match="fractions of a penny"):
        issue_fee("10.001", ON)


@pytest.mark.parametrize(
    ("code", "fee", "number"),
    [
        ("warrant_of_control", "138.00", "8.1(a)"),
        ("warrant_of_control_bulk", "94.00", "8.1(b)"),
        ("writ_of_control", "80.00", "7.1"),
        ("charging_order", "135.00", "8.4(b)"),
        ("application_on_notice", "313.00", "2.4"),
        ("application_without_notice", "123.00", "2.5"),
    ],
)
def test_other_fees_from_8_april_2025(code, fee, number):
    result = court_fee(code, dt.date(2025, 4, 8))
    assert result.fee == Decimal(fee)
    assert f"fee {number}" in result.source and "SI 2025/351" in result.source


def test_warrant_has_two_fees_and_order_to_obtain_information_is_not_the_2016_figure():
    assert court_fee("warrant_of_control", ON).fee != court_fee("warrant_of_control_bulk", ON).fee
    assert court_fee("order_to_obtain_information", ON).fee != Decimal("55.00")  # £55 was the 2016 fee


def test_every_fee_code_resolves_and_unknown_fails():
    assert {"third_party_debt_order", "order_to_obtain_information", "attachment_of_earnings"} <= set(FEE_CODES)
    for code in FEE_CODES:
        assert court_fee(code, ON).fee > 0
    with pytest.raises(LawError, match="not known"):
        court_fee("bailiff", ON)
    with pytest.raises(LawError, match="no fee for a warrant"):
        court_fee("warrant_of_control", dt.date(2025, 4, 7))
