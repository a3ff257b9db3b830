"""CPR 45 fixed costs: which commencement column, the £15 per further defendant, judgment bands, non-lawyers."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.costs import commencement_costs, fixed_costs, judgment_costs

ON = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("claim", "first", "personal"),
    [
        # "exceeds £25" — £25.00 itself gets nothing; each band's top figure stays in that band
        ("24.99", "0.00", "0.00"),
        ("25.00", "0.00", "0.00"),
        ("25.01", "50.00", "60.00"),
        ("500.00", "50.00", "60.00"),
        ("500.01", "70.00", "80.00"),
        ("1000.00", "70.00", "80.00"),
        ("1000.01", "80.00", "90.00"),
        ("5000.00", "80.00", "90.00"),
        ("5000.01", "100.00", "110.00"),
        ("250000", "100.00", "110.00"),
    ],
)
def test_columns_by_service(claim, first, personal):
    # the court serving, or the claimant posting, takes the first column; only personal service by the
    # claimant on a sole defendant takes the higher one
    assert commencement_costs(claim, ON).costs == Decimal(first)
    assert commencement_costs(claim, ON, service="claimant-post").costs == Decimal(first)
    assert commencement_costs(claim, ON, service="claimant-personal").costs == Decimal(personal)


def test_personal_service_on_two_defendants_takes_first_column_plus_15_each():
    # claim £1,311.41: band £1,000.01-£5,000; two defendants, so not the sole-defendant column: £80;
    # the second defendant served personally at a separate address adds £15: 80 + 15 = £95
    result = commencement_costs("1311.41", ON, service="claimant-personal", defendants=2, personally_served_elsewhere=1)
    assert result.costs == Decimal("95.00")
    assert "£15.00 for each of 1 further defendant" in result.basis
    # three defendants, two of them served personally elsewhere: 80 + 2 x 15 = £110
    assert commencement_costs(
        "1311.41", ON, service="claimant-personal", defendants=3, personally_served_elsewhere=2
    ).costs == Decimal("110.00")
    # two defendants at the same address, personally served: no £15, and still the first column: £80
    assert commencement_costs("1311.41", ON, service="claimant-personal", defendants=2).costs == Decimal("80.00")


def test_court_or_postal_service_never_adds_15():
    # two defendants served by the court: first column £80, nothing added
    assert commencement_costs("1311.41", ON, service="court", defendants=2).costs == Decimal("80.00")
    with pytest.raises(LawError, match="claimant-personal"):
        commencement_costs("1311.41", ON, service="claimant-post", defendants=2, personally_served_elsewhere=1)


def test_council_without_a_lawyer_is_a_litigant_in_person():
    result = commencement_costs("1311.41", ON, legal_representative=False)
    assert result.costs == Decimal("0.00") and result.legal_representative is False
    assert "litigant in person" in result.basis
    assert "CPR 45.4" in result.source and "CPR 46.5(6)" in result.source
    assert judgment_costs("1311.41", "default-defence", ON, legal_representative=False).costs == Decimal("0.00")
    assert commencement_costs("1311.41", ON).legal_representative is True


@pytest.mark.parametrize(
    ("stage", "low", "high"),
    [
        ("default-acknowledgment", "22.00", "30.00"),
        ("default-defence", "25.00", "35.00"),
        ("admission-accepted", "40.00", "55.00"),
        ("admission-court-decides", "55.00", "70.00"),
        ("summary-judgment", "175.00", "210.00"),
    ],
)
def test_judgment_costs_banded_on_the_judgment(stage, low, high):
    # a judgment of £5,000.00 is in the lower band; £5,000.01 "exceeds £5,000"
    assert judgment_costs("5000.00", stage, ON).costs == Decimal(low)
    assert judgment_costs("5000.01", stage, ON).costs == Decimal(high)
    assert fixed_costs("100", stage, ON).costs == Decimal(low)
    assert "for a judgment of £5,000.01" in judgment_costs("5000.01", stage, ON).basis


def test_sources_and_old_table():
    assert "SI 2023/572" in commencement_costs("100", ON).source
    assert "before 1 October 2023" in commencement_costs("100", dt.date(2023, 9, 30)).source
    assert commencement_costs("100", dt.date(2023, 9, 30)).costs == Decimal("50.00")


def test_bad_inputs():
    with pytest.raises(LawError, match="service"):
        commencement_costs("100", ON, service="claimant")  # the old value: say how the claimant served
    with pytest.raises(LawError, match="stage"):
        fixed_costs("100", "trial", ON)
    with pytest.raises(LawError, match="claim value"):
        fixed_costs("-100", "issue", ON)
    with pytest.raises(LawError, match="does not add up"):
        commencement_costs("100", ON, defendants=1, personally_served_elsewhere=1)
    with pytest.raises(LawError, match="does not add up"):
        commencement_costs("100", ON, defendants=0)
