"""CPR 45 fixed commencement costs and fixed costs on judgment."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.costs import commencement_costs, fixed_costs, judgment_costs

ON = dt.date(2025, 6, 1)


@pytest.mark.parametrize(("claim", "court", "claimant"), [
    ("24.99", "0.00", "0.00"), ("25.00", "0.00", "0.00"), ("25.01", "50.00", "60.00"), ("500.00", "50.00", "60.00"),
    ("500.01", "70.00", "80.00"), ("1000.00", "70.00", "80.00"), ("1000.01", "80.00", "90.00"),
    ("5000.00", "80.00", "90.00"), ("5000.01", "100.00", "110.00"), ("250000", "100.00", "110.00"),
])
def test_commencement_costs_bands(claim, court, claimant):
    assert commencement_costs(claim, ON).costs == Decimal(court)
    assert commencement_costs(claim, ON, service="claimant").costs == Decimal(claimant)


def test_further_defendants_at_separate_addresses():
    result = commencement_costs("1311.41", ON, further_defendants=2)
    assert result.costs == Decimal("110.00")
    assert "£15.00 for each of 2" in result.basis


def test_nothing_without_a_legal_representative():
    result = commencement_costs("1311.41", ON, legal_representative=False)
    assert result.costs == Decimal("0.00")
    assert "not conducted by a legal representative" in result.basis
    assert judgment_costs("1311.41", "default-defence", ON, legal_representative=False).costs == Decimal("0.00")


@pytest.mark.parametrize(("stage", "low", "high"), [
    ("default-acknowledgment", "22.00", "30.00"), ("default-defence", "25.00", "35.00"),
    ("admission-accepted", "40.00", "55.00"), ("admission-court-decides", "55.00", "70.00"),
    ("summary-judgment", "175.00", "210.00"),
])
def test_judgment_costs(stage, low, high):
    assert judgment_costs("5000.00", stage, ON).costs == Decimal(low)
    assert judgment_costs("5000.01", stage, ON).costs == Decimal(high)
    assert fixed_costs("100", stage, ON).costs == Decimal(low)


def test_sources_and_old_table():
    assert "(verify" in commencement_costs("100", ON).source
    assert "before 1 October 2023" in commencement_costs("100", dt.date(2023, 9, 30)).source
    assert commencement_costs("100", dt.date(2023, 9, 30)).costs == Decimal("50.00")


def test_bad_inputs():
    with pytest.raises(LawError, match="service"):
        commencement_costs("100", ON, service="post")
    with pytest.raises(LawError, match="stage"):
        fixed_costs("100", "trial", ON)
    with pytest.raises(LawError, match="claim value"):
        fixed_costs("-100", "issue", ON)
    with pytest.raises(LawError, match="further defendants"):
        commencement_costs("100", ON, further_defendants=-1)
