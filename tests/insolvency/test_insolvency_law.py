"""Statutory demand periods, petition thresholds and petition readiness, worked by hand from the Act and Rules."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law import insolvency
from docassemble.courtpack.law.breathing_space import BreathingSpaceWindow, breathing_space_status

D = dt.date


def test_demand_dates_individual():
    # Served Wed 14 Jan 2026. r.10.4(2): set aside "within 18 days from the date of service": 14 + 18 = 1 Feb.
    # s.268(1)(a): "at least 3 weeks have elapsed since the demand was served": 15 Jan..4 Feb are the 21 days,
    # so comply by 4 Feb and a petition from 5 Feb.
    dates = insolvency.demand_dates("individual", D(2026, 1, 14))
    assert (dates.set_aside_by, dates.comply_by, dates.petition_from) == (D(2026, 2, 1), D(2026, 2, 4), D(2026, 2, 5))
    # r.10.9: four months after 14 Jan is 14 May
    assert dates.late_petition_after == D(2026, 5, 14)


def test_demand_dates_company_across_month_end():
    # Left at the registered office 20 Feb 2026 (not a leap year): +21 days = 13 March; petition from 14 March.
    dates = insolvency.demand_dates("company", D(2026, 2, 20))
    assert (dates.comply_by, dates.petition_from) == (D(2026, 3, 13), D(2026, 3, 14))


@pytest.mark.parametrize(
    ("kind", "debt", "on", "meets", "level"),
    [
        ("individual", "5000.00", D(2026, 1, 1), True, "5000.00"),  # s.267(4): "equal to or exceeds" £5,000
        ("individual", "4999.99", D(2026, 1, 1), False, "5000.00"),
        ("individual", "750.00", D(2015, 9, 30), True, "750.00"),  # the day before SI 2015/922 the level was £750
        ("individual", "750.00", D(2015, 10, 1), False, "5000.00"),  # art 3: by the date the petition is presented
        ("company", "750.00", D(2026, 1, 1), False, "750.00"),  # s.123(1)(a): "exceeding £750" — not equal
        ("company", "750.01", D(2026, 1, 1), True, "750.00"),
        ("company", "9000.00", D(2022, 1, 10), False, "10000.00"),  # temporary £10,000 (SI 2021/1091 row)
    ],
)
def test_thresholds(kind, debt, on, meets, level):
    check = insolvency.threshold_check(kind, debt, on)
    assert check.meets is meets
    assert check.level == Decimal(level)


def test_petition_open_after_the_21_days():
    result = insolvency.petition_readiness(
        debtor_kind="individual", debt="5093.75", served=D(2026, 1, 14), on=D(2026, 2, 5)
    )
    assert result.open and result.reasons == ()
    assert result.basis == "A bankruptcy petition is open on 5 February 2026."


def test_petition_refused_inside_the_21_days():
    result = insolvency.petition_readiness(
        debtor_kind="individual", debt="5093.75", served=D(2026, 1, 14), on=D(2026, 2, 4)
    )
    assert not result.open
    assert result.earliest == D(2026, 2, 5)
    assert "a petition may be presented from 5 February 2026" in result.reasons[0]


def test_petition_refused_below_threshold():
    result = insolvency.petition_readiness(
        debtor_kind="individual", debt="4200.00", served=D(2026, 1, 14), on=D(2026, 3, 1)
    )
    assert not result.open
    assert result.reasons == (
        "£4,200.00 does not meet the bankruptcy petition threshold on 1 March 2026: the "
        "debt must be at least £5,000.00.",
    )


def test_petition_refused_during_breathing_space():
    # Standard breathing space from 1 Feb 2026: treated as active to 1 Feb + 60 days = 2 April 2026.
    space = breathing_space_status([BreathingSpaceWindow(D(2026, 2, 1))], D(2026, 2, 10))
    result = insolvency.petition_readiness(
        debtor_kind="individual", debt="6000", served=D(2026, 1, 14), on=D(2026, 2, 10), breathing_space=space
    )
    assert not result.open
    assert any("breathing space is active until 2 April 2026" in r for r in result.reasons)
    assert result.earliest == D(2026, 4, 3)


def test_petition_refused_while_set_aside_pending_and_without_demand():
    pending = insolvency.petition_readiness(
        debtor_kind="individual", debt="6000", served=D(2026, 1, 14), on=D(2026, 3, 1), set_aside_applied=True
    )
    assert pending.reasons == ("An application to set the demand aside is outstanding: wait for the court's decision.",)
    none = insolvency.petition_readiness(debtor_kind="company", debt="6000", served=None, on=D(2026, 3, 1))
    assert not none.open and none.reasons[0].startswith("No statutory demand has been served")


def test_breathing_space_does_not_bar_a_company_petition():
    space = breathing_space_status([BreathingSpaceWindow(D(2026, 2, 1))], D(2026, 2, 10))
    result = insolvency.petition_readiness(
        debtor_kind="company", debt="800", served=D(2026, 1, 14), on=D(2026, 2, 10), breathing_space=space
    )
    assert result.open


def test_late_petition_and_old_tax_warn():
    # served 14 Jan 2026; four months on is 14 May; on 15 May the petition needs reasons for the delay.
    # Council tax due 1 April 2019 is six years old from 1 April 2025.
    result = insolvency.petition_readiness(
        debtor_kind="individual",
        debt="6000",
        served=D(2026, 1, 14),
        on=D(2026, 5, 15),
        oldest_due=D(2019, 4, 1),
        tax_debt=True,
    )
    assert result.open
    assert len(result.warnings) == 2


def test_service_after_check_date_is_refused():
    with pytest.raises(LawError, match="after 2026-01-01"):
        insolvency.petition_readiness(debtor_kind="individual", debt="6000", served=D(2026, 1, 14), on=D(2026, 1, 1))


def test_judgment_demand_needs_judgment_details():
    with pytest.raises(LawError, match=r"r.10.1\(1\)\(e\)"):
        insolvency.demand_kind_check("judgment_debt", None, None)
