"""Council tax and business rates periods, thresholds, deductions and fees, worked by hand from the regulations."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law import liability_orders as lo
from docassemble.courtpack.law import taking_control_of_goods as tcg
from docassemble.courtpack.law.council_tax_attachment import DEDUCTION_BANDS, attachment_deduction

D = dt.date


def test_reminder_seven_plus_seven():
    # reg 23(3): issued 2 March 2026; pay within 7 days -> 9 March; whole year due after a further 7 -> 16 March.
    pay_by, whole = lo.reminder_dates("council_tax", D(2026, 3, 2))
    assert (pay_by.date, whole.date) == (D(2026, 3, 9), D(2026, 3, 16))


def test_complaint_after_final_notice():
    # reg 34(1): 7 days "beginning with the day on which the notice was issued": 2..8 March; complaint from 9 March.
    assert lo.earliest_complaint("council_tax", D(2026, 3, 2)).date == D(2026, 3, 9)


def test_summons_fourteen_whole_days():
    # reg 35(2A): served Wed 18 March 2026; 19 March..1 April are the 14 days; order from Thu 2 April.
    assert lo.earliest_hearing("council_tax", D(2026, 3, 18)).date == D(2026, 4, 2)
    assert lo.latest_summons_served("council_tax", D(2026, 4, 2)).date == D(2026, 3, 18)


def test_posted_summons_deemed_served_second_business_day():
    # posted Thu 2 April 2026; Fri 3 April is Good Friday and Mon 6 April Easter Monday: Tue 7, then Wed 8 April.
    assert lo.summons_deemed_served(D(2026, 4, 2)).date == D(2026, 4, 8)


@pytest.mark.parametrize(
    ("tax", "due", "last"),
    [
        ("council_tax", D(2020, 4, 1), D(2026, 3, 31)),  # six years beginning 1 April 2020 end 31 March 2026
        ("business_rates", D(2019, 5, 1), D(2025, 4, 30)),  # NDR reg 12(3), same words
        ("council_tax", D(2020, 2, 29), D(2026, 2, 27)),  # 29 Feb -> 28 Feb 2026 anniversary; the day before
    ],
)
def test_six_year_application_limit(tax, due, last):
    assert lo.application_last_day(tax, due).date == last


def test_charging_order_threshold():
    # reg 50(1)(c): "at least £1000" of the liability order amount outstanding
    assert lo.charging_order_check("1000.00", D(2026, 4, 20))[0] is True
    ok, why, source = lo.charging_order_check("999.99", D(2026, 4, 20))
    assert not ok and why == "£999.99 is outstanding; a council tax charging order needs at least £1,000.00."
    assert source.endswith("reg 50(1)(c)")
    assert lo.charging_order_check("50000.00", D(2026, 4, 20), "business_rates")[0] is False


@pytest.mark.parametrize(
    ("net", "period", "want"),
    [
        ("300.00", "monthly", "0.00"),  # not exceeding £300: 0%
        ("300.01", "monthly", "9.00"),  # 3% x 300.01 = 9.0003 -> £9.00
        ("1420.00", "monthly", "170.40"),  # 12% x 1,420 = 170.40
        ("2500.00", "monthly", "583.40"),  # 17% x 2,020 = 343.40, + 50% x 480 = 240 -> 583.40
        ("200.00", "weekly", "14.00"),  # exceeding 185, not 225: 7% x 200 = 14.00
        ("80.00", "daily", "16.24"),  # above £72: 17% x 72 = 12.24, + 50% x 8 = 4.00 -> 16.24
    ],
)
def test_attachment_deductions(net, period, want):
    assert attachment_deduction(net, period, D(2026, 1, 1)).deduction == Decimal(want)


def test_powers_differ_by_tax():
    assert lo.available_power("council_tax", "attachment_of_earnings", D(2026, 1, 1)).available
    assert not lo.available_power("business_rates", "attachment_of_earnings", D(2026, 1, 1)).available
    assert not lo.available_power("business_rates", "charging_order", D(2026, 1, 1)).available
    with pytest.raises(LawError, match="use one of"):
        lo.available_power("council_tax", "writ", D(2026, 1, 1))


@pytest.mark.parametrize(
    ("debt", "enforcement", "sale", "total"),
    [
        ("1500.00", "235.00", "110.00", "1920.00"),  # nothing above £1,500: 1,500 + 75 + 235 + 110
        ("2000.00", "272.50", "147.50", "2495.00"),  # 7.5% x 500 = 37.50 on each of enforcement and sale
        ("1500.13", "235.00", "110.00", "1920.13"),  # 7.5% x 0.13 = 0.00975 -> rounded down to £0.00
    ],
)
def test_enforcement_agent_fee_stages(debt, enforcement, sale, total):
    fees = tcg.fee_stages(debt, D(2026, 1, 1))
    assert [s.fee for s in fees.stages] == [Decimal("75.00"), Decimal(enforcement), Decimal(sale)]
    assert fees.total_if_sold == Decimal(total)


def test_no_fee_table_before_april_2014():
    with pytest.raises(LawError, match="2014-04-06"):
        tcg.stage_fee("compliance", "100", D(2014, 4, 5))


def test_every_new_row_is_dated_sourced_and_flagged():
    from docassemble.courtpack.law import insolvency

    tables = (
        lo.PERIODS,
        lo.APPLICATION_YEARS,
        lo.THRESHOLDS,
        lo.POWERS,
        DEDUCTION_BANDS,
        lo.POSTAL_SERVICE,
        tcg.FEE_STAGES,
        tcg.NOTICE_PERIODS,
        insolvency.LEVELS,
        insolvency.PERIODS,
    )
    for table in tables:
        for row in table:
            assert isinstance(row.verified, bool)
            assert len(row.source) > 10 and "(verify)" not in row.source
            assert row.effective_to is None or row.effective_to >= row.effective_from
