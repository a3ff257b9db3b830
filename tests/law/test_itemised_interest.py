"""s.69 interest item by item: each sum from the day it fell due, paid parts stop, breathing spaces excluded."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.interest import days_excluded, itemised_interest

D = dt.date


def test_each_sum_from_its_own_due_date():
    # £100 due 1 January and £200 due 1 July 2025, to 31 December 2025 at 8%:
    # 100 x 0.08 x 364 / 365 = 7.978 -> 7.98; 200 x 0.08 x 183 / 365 = 8.022 -> 8.02; total 16.00
    result = itemised_interest([(D(2025, 1, 1), "100.00", "A"), (D(2025, 7, 1), "200.00", "B")], [], D(2025, 12, 31))
    assert [(i.days, i.interest) for i in result.items] == [(364, Decimal("7.98")), (183, Decimal("8.02"))]
    assert result.interest == Decimal("16.00")
    assert result.daily_rate == Decimal("0.07")  # 300 x 0.08 / 365 = 0.0658
    # one start date on the whole £300 from the first due date would claim 300 x 0.08 x 364 / 365 = 23.93


def test_a_sum_paid_before_issue_carries_interest_only_until_paid():
    # £100 due 1 January, £100 due 1 March; £150 paid 1 February goes to the oldest first:
    # first £100 from 1 Jan to 1 Feb: 31 days: 100 x 0.08 x 31 / 365 = 0.679 -> 0.68
    # £50 of the second was paid before it fell due: 0 days -> 0.00
    # the other £50 from 1 March to 31 December: 305 days: 50 x 0.08 x 305 / 365 = 3.342 -> 3.34
    result = itemised_interest(
        [(D(2025, 1, 1), "100.00", "A"), (D(2025, 3, 1), "100.00", "B")], [(D(2025, 2, 1), "150.00")], D(2025, 12, 31)
    )
    assert [(i.amount, i.days, i.interest, i.paid) for i in result.items] == [
        (Decimal("100.00"), 31, Decimal("0.68"), True),
        (Decimal("50.00"), 0, Decimal("0.00"), True),
        (Decimal("50.00"), 305, Decimal("3.34"), False),
    ]
    assert result.interest == Decimal("4.02")
    assert result.principal == Decimal("50.00") and result.daily_rate == Decimal("0.01")  # 50 x 0.08 / 365


def test_days_in_a_breathing_space_carry_no_interest():
    # £1,000 due 1 January 2025 to 31 December 2025 = 364 days; breathing space 1 March to 29 April
    # inclusive = 31 + 29 = 60 days; 304 days left: 1000 x 0.08 x 304 / 365 = 66.630 -> 66.63
    result = itemised_interest(
        [(D(2025, 1, 1), "1000.00", "A")], [], D(2025, 12, 31), breathing_spaces=[(D(2025, 3, 1), D(2025, 4, 29))]
    )
    assert (result.items[0].days, result.items[0].excluded_days, result.interest) == (304, 60, Decimal("66.63"))
    assert "SI 2020/1311" in result.source and "breathing space" in result.basis
    # a space that began before the sum fell due only removes the days after it: 2 to 10 January = 9
    # 364 - 9 = 355: 1000 x 0.08 x 355 / 365 = 77.808 -> 77.81
    early = itemised_interest(
        [(D(2025, 1, 1), "1000.00", "A")], [], D(2025, 12, 31), breathing_spaces=[(D(2024, 12, 1), D(2025, 1, 10))]
    )
    assert (early.items[0].days, early.interest) == (355, Decimal("77.81"))


def test_open_and_overlapping_breathing_spaces():
    # open-ended (mental health crisis) from 1 December: runs to the end, 2..31 December... counted from
    # the day after 30 November up to 31 December that are inside: 1-31 December = 31 days
    assert days_excluded(D(2025, 11, 30), D(2025, 12, 31), [(D(2025, 12, 1), None)]) == 31
    # overlapping windows count each day once: 1-10 and 5-15 March = 15 days
    assert (
        days_excluded(
            D(2025, 1, 1), D(2025, 12, 31), [(D(2025, 3, 1), D(2025, 3, 10)), (D(2025, 3, 5), D(2025, 3, 15))]
        )
        == 15
    )


def test_contractual_rate_and_bad_inputs():
    # 4% on £7,725 from 24 June to 1 October 2025 = 99 days: 7725 x 0.04 x 99 / 365 = 83.81
    result = itemised_interest(
        [(D(2025, 6, 24), "7725.00", "rent")], [], D(2025, 10, 1), kind="contractual", rate_pct="4"
    )
    assert result.interest == Decimal("83.81")
    with pytest.raises(LawError, match="needs the rate"):
        itemised_interest([(D(2025, 6, 24), "7725.00", "rent")], [], D(2025, 10, 1), kind="contractual")
    with pytest.raises(LawError, match="at least one charge"):
        itemised_interest([(D(2026, 1, 1), "10.00", "later")], [], D(2025, 10, 1))
    with pytest.raises(LawError, match="not 'late_payment'"):
        itemised_interest([(D(2025, 1, 1), "10.00", "A")], [], D(2025, 10, 1), kind="late_payment")
