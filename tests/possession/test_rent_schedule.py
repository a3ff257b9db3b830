"""The PD 55A rent schedule, arrears in weeks and the daily rate, worked by hand (see conftest's account)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from docassemble.courtpack.case.rent_schedule import arrears_in_weeks, rent_daily_rate, rent_schedule
from docassemble.courtpack.case.tenancy import (
    CreditSource,
    RentAccount,
    RentChange,
    RentFrequency,
    balance_at,
    first_default,
)
from docassemble.courtpack.law.possession import daily_rate

ISSUE = dt.date(2025, 4, 7)  # a Monday


def test_balance_and_first_default(account: RentAccount) -> None:
    # to Sun 31 Mar 2024 each week's £100 rent is paid that Friday: clear
    assert balance_at(account, dt.date(2024, 3, 31)) == Decimal("0.00")
    # week of 1 Apr 2024: rent 110 - HB 60 - tenant 40 = £10 short at Sun 7 Apr
    assert balance_at(account, dt.date(2024, 4, 7)) == Decimal("10.00")
    assert first_default(account, ISSUE) == dt.date(2024, 4, 1)


def test_schedule_from_first_default_with_rent_change(account: RentAccount) -> None:
    got = rent_schedule(account, ISSUE)
    # first default 1 Apr 2024 is later than two years before issue (7 Apr 2023), so the schedule starts there
    assert (got.start, got.end, got.first_default) == (dt.date(2024, 4, 1), ISSUE, dt.date(2024, 4, 1))
    assert got.opening_balance == Decimal("0.00")  # balance at Sun 31 Mar 2024
    # Mondays 1 Apr 2024 .. 7 Apr 2025: 371 days = 53 weeks -> 54 rent days x £110 = £5,940
    assert got.total_debits == Decimal("5940.00")
    # housing benefit: the same 54 Mondays x £60 = £3,240
    assert got.benefit_paid == Decimal("3240.00")
    # tenant: Fridays 5 Apr 2024 .. 3 Jan 2025: 273 days = 39 weeks -> 40 x £40 = £1,600
    assert got.tenant_paid == Decimal("1600.00")
    assert got.total_credits == Decimal("4840.00")
    # 5,940 - 4,840 = 1,100 (= 40 weeks x £10 + 14 weeks x £50 from 6 Jan 2025)
    assert got.closing_balance == Decimal("1100.00")
    assert got.rows[-1].balance == Decimal("1100.00")
    assert got.rows[0].day == dt.date(2024, 4, 1) and got.rows[0].debit == Decimal("110.00")
    assert sum(1 for r in got.rows if r.source is CreditSource.HOUSING_BENEFIT) == 54


def test_schedule_limited_to_two_years(account: RentAccount) -> None:
    # £300 arrears brought forward when the account opened on 3 Apr 2023 and never cleared:
    # the first default is before 7 Apr 2023, so the schedule covers the two years from 7 Apr 2023
    older = RentAccount(account.tenancy, account.opened_on, Decimal("300.00"), account.credits)
    got = rent_schedule(older, ISSUE)
    assert got.start == dt.date(2023, 4, 7)
    # brought forward at Thu 6 Apr 2023: 300 + rent of Mon 3 Apr 100 = £400 (the Friday payment is 7 Apr)
    assert got.opening_balance == Decimal("400.00")
    assert got.rows[0].day == dt.date(2023, 4, 7) and got.rows[0].credit == Decimal("100.00")
    # closing: 1,100 + 300 = £1,400
    assert got.closing_balance == Decimal("1400.00")


def test_arrears_in_weeks() -> None:
    weekly = RentChange(dt.date(2024, 4, 1), Decimal("110.00"), RentFrequency.WEEKLY)
    assert arrears_in_weeks(Decimal("1100.00"), weekly) == Decimal("10.0")  # 1,100 / 110
    assert arrears_in_weeks(Decimal("1820.00"), weekly) == Decimal("16.5")  # 16.545... -> 16.5
    monthly = RentChange(dt.date(2024, 4, 1), Decimal("476.67"), RentFrequency.MONTHLY)
    # a week of 476.67 a month = 476.67 x 12 / 52 = 110.0008; 880 / 110.0008 = 7.99994 -> 8.0
    assert arrears_in_weeks(Decimal("880.00"), monthly) == Decimal("8.0")


def test_daily_rate() -> None:
    assert daily_rate(Decimal("110.00"), "weekly").amount == Decimal("15.71")  # 110 / 7 = 15.714
    assert daily_rate(Decimal("220.00"), "fortnightly").amount == Decimal("15.71")  # 220 / 14 = 15.714
    assert daily_rate(Decimal("440.00"), "four_weekly").amount == Decimal("15.71")  # 440 / 28 = 15.714
    assert daily_rate(Decimal("500.00"), "monthly").amount == Decimal("16.44")  # 500 x 12 / 365 = 16.438


def test_daily_rate_of_the_account_follows_the_rent_change(account: RentAccount) -> None:
    assert rent_daily_rate(account, dt.date(2024, 3, 31)).amount == Decimal("14.29")  # 100 / 7 = 14.2857
    assert rent_daily_rate(account, ISSUE).amount == Decimal("15.71")


def test_monthly_rent_days_keep_the_month_end() -> None:
    from docassemble.courtpack.case.tenancy import Tenancy, TenancyKind, rent_days

    start = dt.date(2025, 1, 31)
    tenancy = Tenancy(
        TenancyKind.SECURE, start, "1 Flat", (RentChange(start, Decimal("476.67"), RentFrequency.MONTHLY),)
    )
    # each rent day counted from 31 January: 28 February (clamped), then back to 31 March, 30 April
    assert [d for d, _ in rent_days(tenancy, start, dt.date(2025, 4, 30))] == [
        dt.date(2025, 1, 31),
        dt.date(2025, 2, 28),
        dt.date(2025, 3, 31),
        dt.date(2025, 4, 30),
    ]
