"""Judgment interest: County Courts Act 1984 s.74 and the County Courts (Interest on Judgment Debts) Order 1991."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.judgment_interest import InstalmentOrder, judgment_interest

D = dt.date
GIVEN, YEAR_ON = D(2025, 1, 1), D(2026, 1, 1)  # 365 days apart


def test_only_judgments_ordering_5000_or_more():
    small = judgment_interest("4999.99", GIVEN, YEAR_ON)
    assert small.interest == Decimal("0.00") and "art 1(2)" in small.basis
    # 5000 x 8% x 365 / 365 = 400.00
    assert judgment_interest("5000.00", GIVEN, YEAR_ON).interest == Decimal("400.00")
    assert "s.74" in small.source and "SI 1991/1184" in small.source and "Judgments Act 1838 s.17" not in small.source


def test_the_5000_test_is_on_the_sum_ordered_not_todays_balance():
    # ordered £6,000; £1,500 paid the day judgment was given leaves £4,500, which still carries interest:
    # 4500 x 8% x 365 / 365 = 360.00
    result = judgment_interest("6000.00", GIVEN, YEAR_ON, payments=[(GIVEN, "1500.00")])
    assert result.interest == Decimal("360.00")


def test_interest_on_the_balance_as_dated_payments_reduce_it():
    # £6,000 from 1 January; £1,000 paid 1 July; to 31 December 2025:
    # £1,000 for 181 days: 1000 x 0.08 x 181 / 365 = 39.671 -> 39.67
    # £5,000 for 364 days: 5000 x 0.08 x 364 / 365 = 398.904 -> 398.90; total 438.57
    result = judgment_interest("6000.00", GIVEN, D(2025, 12, 31), payments=[(D(2025, 7, 1), "1000.00")])
    assert result.interest == Decimal("438.57")
    assert result.daily_rate == Decimal("1.10")  # 5000 x 0.08 / 365 = 1.0959


def test_instalment_order_interest_only_on_overdue_instalments():
    # £6,000 at £500 a month from 1 February 2025; only the February instalment paid (on time); to 1 May:
    # March instalment overdue 61 days: 500 x 0.08 x 61 / 365 = 6.685 -> 6.68 (half-up of 6.6849)
    # April instalment overdue 30 days: 500 x 0.08 x 30 / 365 = 3.288 -> 3.29
    # May instalment falls due on 1 May: 0 days. Total 9.97; the £4,000 not yet due carries nothing.
    order = InstalmentOrder(Decimal("500.00"), "monthly", D(2025, 2, 1))
    result = judgment_interest("6000.00", GIVEN, D(2025, 5, 1), payments=[(D(2025, 2, 1), "500.00")], instalments=order)
    assert result.interest == Decimal("9.97")
    assert result.daily_rate == Decimal("0.33")  # 1500 overdue x 0.08 / 365 = 0.3288
    kept = judgment_interest(
        "6000.00",
        GIVEN,
        D(2025, 5, 1),
        instalments=order,
        payments=[
            (D(2025, 2, 1), "500.00"),
            (D(2025, 3, 1), "500.00"),
            (D(2025, 4, 1), "500.00"),
            (D(2025, 5, 1), "500.00"),
        ],
    )
    assert kept.interest == Decimal("0.00")  # every instalment paid on its due date


def test_weekly_instalments_and_a_payment_in_advance():
    # £5,200 at £100 a week from 6 January 2025; £300 paid on 6 January covers three instalments;
    # instalments fall due 6, 13, 20 and 27 January: to 27 January only the last is unpaid, for 0 days
    order = InstalmentOrder(Decimal("100.00"), "weekly", D(2025, 1, 6))
    result = judgment_interest(
        "5200.00", GIVEN, D(2025, 1, 27), payments=[(D(2025, 1, 6), "300.00")], instalments=order
    )
    assert result.interest == Decimal("0.00")
    # to 3 February: 27 January overdue 7 days, 3 February 0 days: 100 x 0.08 x 7 / 365 = 0.153 -> 0.15
    later = judgment_interest("5200.00", GIVEN, D(2025, 2, 3), payments=[(D(2025, 1, 6), "300.00")], instalments=order)
    assert later.interest == Decimal("0.15")


def test_enforcement_stops_interest_unless_it_produces_nothing():
    # £7,300 from 1 January, enforcement taken 11 January: to the end of that day, 10 days:
    # 7300 x 0.08 x 10 / 365 = 16.00
    stopped = judgment_interest("7300.00", GIVEN, YEAR_ON, enforcement_started=D(2025, 1, 11))
    assert (stopped.interest, stopped.daily_rate) == (Decimal("16.00"), Decimal("0.00"))
    assert "stopped when enforcement was taken on 11 January 2025" in stopped.basis
    # produced no payment: as if never taken, 7300 x 0.08 = 584.00 for the year
    unproductive = judgment_interest(
        "7300.00", GIVEN, YEAR_ON, enforcement_started=D(2025, 1, 11), enforcement_unproductive=True
    )
    assert unproductive.interest == Decimal("584.00")


def test_no_interest_on_cca_regulated_and_late_payment_debts_below_5000():
    cca = judgment_interest("8000.00", GIVEN, YEAR_ON, cca_regulated=True)
    assert cca.interest == Decimal("0.00") and "Consumer Credit Act" in cca.basis
    # a Late Payment Act debt carries interest whatever its size: 4000 x 0.08 = 320.00
    assert judgment_interest("4000.00", GIVEN, YEAR_ON, late_payment_debt=True).interest == Decimal("320.00")


def test_bad_inputs():
    with pytest.raises(LawError, match="before the judgment"):
        judgment_interest("6000", GIVEN, D(2024, 12, 31))
    with pytest.raises(LawError, match="frequency"):
        judgment_interest("6000", GIVEN, YEAR_ON, instalments=InstalmentOrder(Decimal("10"), "daily", GIVEN))
    with pytest.raises(LawError, match="judgment amount"):
        judgment_interest("0", GIVEN, YEAR_ON)


def test_breathing_space_days_carry_no_judgment_interest():
    # £7,300 for the year 2025 less a 60-day breathing space (1 March - 29 April): 305 days:
    # 7300 x 0.08 x 305 / 365 = 488.00
    result = judgment_interest("7300.00", GIVEN, YEAR_ON, breathing_spaces=[(D(2025, 3, 1), D(2025, 4, 29))])
    assert result.interest == Decimal("488.00") and "SI 2020/1311" in result.source
