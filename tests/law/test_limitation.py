"""Limitation Act 1980 periods, acknowledgment and part payment."""

import datetime as dt

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.limitation import (
    cause_for_debt_type,
    debt_limitation,
    earliest_live_accrual,
    last_day,
    limitation,
)

D = dt.date


def test_day_of_accrual_excluded():
    on_last_day = limitation("contract", D(2019, 6, 1), D(2025, 6, 1))
    assert on_last_day.last_day == D(2025, 6, 1)
    assert not on_last_day.barred
    assert "last day to issue" in on_last_day.warnings[0]
    assert limitation("contract", D(2019, 6, 1), D(2025, 6, 2)).barred


@pytest.mark.parametrize(
    ("cause", "years", "section"),
    [
        ("contract", 6, "s.5"),
        ("statute", 6, "s.9"),
        ("rent", 6, "s.19"),
        ("judgment", 6, "s.24"),
        ("specialty", 12, "s.8"),
    ],
)
def test_periods(cause, years, section):
    result = limitation(cause, D(2010, 3, 15), D(2010, 3, 15))
    assert result.last_day == D(2010 + years, 3, 15)
    assert section in result.source


def test_leap_day_accrual():
    assert last_day(D(2020, 2, 29), 6) == D(2026, 2, 28)
    assert last_day(D(2019, 2, 28), 6) == D(2025, 2, 28)
    assert last_day(D(2018, 2, 28), 6) == D(2024, 2, 28)  # the corresponding date, not the leap day after it


def test_acknowledgment_restarts_time():
    result = limitation("contract", D(2019, 6, 1), D(2026, 1, 1), [D(2021, 3, 10)])
    assert result.runs_from == D(2021, 3, 10)
    assert result.last_day == D(2027, 3, 10)
    assert not result.barred
    assert "s.29(5)" in result.source


def test_late_acknowledgment_does_not_revive():
    result = limitation("contract", D(2019, 6, 1), D(2025, 7, 1), [D(2025, 6, 2)])
    assert result.barred
    assert result.last_day == D(2025, 6, 1)
    assert any("does not revive" in w for w in result.warnings)
    # an acknowledgment on the last day is still in time
    assert limitation("contract", D(2019, 6, 1), D(2025, 7, 1), [D(2025, 6, 1)]).last_day == D(2031, 6, 1)


def test_short_time_warning():
    assert limitation("contract", D(2019, 6, 1), D(2025, 3, 15)).warnings
    assert not limitation("contract", D(2019, 6, 1), D(2025, 1, 1)).warnings


def test_unknown_cause():
    with pytest.raises(LawError, match="cause 'tort'"):
        limitation("tort", D(2019, 6, 1), D(2025, 1, 1))


def test_debt_types_and_ledgers():
    assert cause_for_debt_type("former_tenant_arrears") == "rent"
    assert cause_for_debt_type("garage_rent") == "rent"
    assert cause_for_debt_type("benefit_overpayment") == "statute"
    assert cause_for_debt_type("rechargeable_repairs") == "contract"
    rent = debt_limitation("rent", [D(2019, 1, 1), D(2019, 2, 1), D(2019, 2, 1)], [], D(2025, 1, 15))
    assert [r.barred for r in rent] == [True, False]
    # every invoice is its own cause of action (s.5): the 1 January 2019 invoice's last day was
    # 1 January 2025, so on 15 January 2025 it is barred while the 1 February 2019 invoice is not
    items = debt_limitation("contract", [D(2019, 1, 1), D(2019, 2, 1)], [], D(2025, 1, 15))
    assert [(r.accrued, r.barred) for r in items] == [(D(2019, 1, 1), True), (D(2019, 2, 1), False)]
    assert debt_limitation("contract", [], [], D(2025, 1, 1)) == ()


def test_earliest_live_accrual():
    assert earliest_live_accrual("contract", D(2025, 6, 1)) == D(2019, 6, 1)
    assert earliest_live_accrual("specialty", D(2025, 6, 1)) == D(2013, 6, 1)
