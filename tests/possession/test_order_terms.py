"""A suspended order's terms over 12 weeks, with a missed week, a part payment and housing benefit credits.

The account (conftest) owes £1,100.00 on Mon 7 Apr 2025. The order, made that day: possession on or
before 5 May 2025, suspended while the tenant pays the current rent (£110.00 a week, charged Mondays)
plus £10.00 a week towards the arrears, from Mon 14 Apr 2025. Housing benefit keeps paying £60.00 each
Monday, so the tenant must pay £60.00 a week. Weeks run Mon-Sun: week 1 is 14-20 Apr, week 5 is
12-18 May, week 12 is 30 Jun-6 Jul 2025.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from docassemble.courtpack.case.possession_order import (
    OrderKind,
    OrderTerms,
    PossessionOrder,
    terms_compliance,
)
from docassemble.courtpack.case.tenancy import AccountEntry, CreditSource, RentAccount, RentFrequency
from docassemble.courtpack.errors import CaseFileError

MADE = dt.date(2025, 4, 7)
FIRST = dt.date(2025, 4, 14)
ORDER = PossessionOrder(
    OrderKind.SUSPENDED,
    MADE,
    possession_date=dt.date(2025, 5, 5),
    terms=OrderTerms(Decimal("10.00"), RentFrequency.WEEKLY, FIRST),
    arrears=Decimal("1100.00"),
    claim_number="K00AN123",
)


def friday(week: int) -> dt.date:
    return FIRST + dt.timedelta(days=7 * (week - 1) + 4)


def payments(tenant: dict[int, str], weekly: Callable[..., list[AccountEntry]]) -> list[AccountEntry]:
    paid = [
        AccountEntry(friday(w), "payment", credit=Decimal(a), source=CreditSource.TENANT) for w, a in tenant.items()
    ]
    return paid + weekly(FIRST, dt.date(2025, 6, 30), "60.00", CreditSource.HOUSING_BENEFIT)


@pytest.fixture
def missed_and_part(
    with_credits: Callable[..., RentAccount], weekly_credits: Callable[..., list[AccountEntry]]
) -> RentAccount:
    # weeks 1-4 £60; week 5 nothing; week 6 £30; weeks 7-12 £60
    tenant = {w: "60.00" for w in range(1, 13)} | {5: "0.00", 6: "30.00"}
    return with_credits(payments({w: a for w, a in tenant.items() if a != "0.00"}, weekly_credits))


def test_twelve_weeks_with_a_missed_and_a_part_payment(missed_and_part: RentAccount) -> None:
    got = terms_compliance(ORDER, missed_and_part, dt.date(2025, 7, 6))
    assert len(got.periods) == 12 and all(p.complete for p in got.periods)
    week5, week6 = got.periods[4], got.periods[5]
    assert (week5.start, week5.end) == (dt.date(2025, 5, 12), dt.date(2025, 5, 18))
    assert (week5.due, week5.paid_by_benefit, week5.paid_by_tenant, week5.shortfall) == (
        Decimal("120.00"),  # rent 110 + 10
        Decimal("60.00"),
        Decimal("0.00"),
        Decimal("60.00"),
    )
    assert week6.shortfall == Decimal("30.00")  # 120 - 60 HB - 30
    # due 12 x 120 = 1,440; paid: HB 12 x 60 = 720, tenant 4 x 60 + 30 + 6 x 60 = 630; 720 + 630 = 1,350
    assert got.total_due == Decimal("1440.00")
    assert got.total_paid == Decimal("1350.00")
    assert got.shortfall == Decimal("90.00")
    assert got.broken is True
    assert got.first_breach == dt.date(2025, 5, 18)  # the end of week 5
    # the account: 1,100 + 12 weeks of (110 - 60) - 630 = 1,100 + 600 - 630 = 1,070
    assert got.arrears == Decimal("1070.00")


def test_mid_week_only_complete_weeks_count(missed_and_part: RentAccount) -> None:
    # Wed 21 May 2025: weeks 1-5 complete (due 600, paid 300 HB + 240 tenant = 540), week 6 running
    got = terms_compliance(ORDER, missed_and_part, dt.date(2025, 5, 21))
    assert [p.complete for p in got.periods] == [True] * 5 + [False]
    assert got.shortfall == Decimal("60.00") and got.broken


def test_terms_kept(
    with_credits: Callable[..., RentAccount], weekly_credits: Callable[..., list[AccountEntry]]
) -> None:
    kept = with_credits(payments({w: "60.00" for w in range(1, 13)}, weekly_credits))
    got = terms_compliance(ORDER, kept, dt.date(2025, 7, 6))
    assert (got.total_due, got.total_paid, got.broken, got.first_breach) == (
        Decimal("1440.00"),
        Decimal("1440.00"),
        False,
        None,
    )
    assert got.arrears == Decimal("980.00")  # 1,100 - 12 x 10
    assert "being kept" in got.basis


def test_caught_up_after_a_miss_is_no_longer_broken(
    with_credits: Callable[..., RentAccount], weekly_credits: Callable[..., list[AccountEntry]]
) -> None:
    # week 2 missed, week 3 pays £120 (the missed £60 and the week's £60): broken at 27 Apr, kept since
    tenant = {1: "60.00", 3: "120.00", 4: "60.00"}
    got = terms_compliance(ORDER, with_credits(payments(tenant, weekly_credits)), dt.date(2025, 5, 11))
    assert got.first_breach == dt.date(2025, 4, 27)
    assert got.shortfall == Decimal("0.00") and got.broken is False


def test_instalments_stop_when_the_arrears_are_paid(account: RentAccount) -> None:
    small = PossessionOrder(
        OrderKind.POSTPONED,
        MADE,
        terms=OrderTerms(Decimal("10.00"), RentFrequency.WEEKLY, FIRST),
        arrears=Decimal("25.00"),
    )
    got = terms_compliance(small, account, dt.date(2025, 5, 4))
    # 25 owed: £10, £10, then the last £5, then nothing
    assert [p.instalment_due for p in got.periods] == [Decimal("10.00"), Decimal("10.00"), Decimal("5.00")]


def test_outright_order_has_no_terms(account: RentAccount) -> None:
    outright = PossessionOrder(OrderKind.OUTRIGHT, MADE, possession_date=dt.date(2025, 5, 5))
    with pytest.raises(CaseFileError, match="has no terms"):
        terms_compliance(outright, account, dt.date(2025, 5, 5))


def test_suspended_order_needs_terms() -> None:
    with pytest.raises(CaseFileError, match="needs its terms"):
        PossessionOrder(OrderKind.SUSPENDED, MADE, possession_date=dt.date(2025, 5, 5))


def test_costs_added_to_the_account_are_not_rent_due(
    with_credits: Callable[..., RentAccount], weekly_credits: Callable[..., list[AccountEntry]]
) -> None:
    from dataclasses import replace

    # the terms kept for 12 weeks, and £150 court costs debited to the rent account on Tue 15 Apr 2025:
    # the terms still total 1,440 due and 1,440 paid; the balance rises by the 150 (980 + 150 = 1,130)
    kept = with_credits(payments({w: "60.00" for w in range(1, 13)}, weekly_credits))
    costs = AccountEntry(dt.date(2025, 4, 15), "Court costs", debit=Decimal("150.00"))
    got = terms_compliance(ORDER, replace(kept, adjustments=(costs,)), dt.date(2025, 7, 6))
    assert (got.total_due, got.total_paid, got.broken) == (Decimal("1440.00"), Decimal("1440.00"), False)
    assert got.arrears == Decimal("1130.00")


def test_next_check_is_the_end_of_the_running_or_next_period(
    with_credits: Callable[..., RentAccount], weekly_credits: Callable[..., list[AccountEntry]]
) -> None:
    kept = with_credits(payments({w: "60.00" for w in range(1, 13)}, weekly_credits))
    # Wed 21 May: week 6 (19-25 May) is running
    assert terms_compliance(ORDER, kept, dt.date(2025, 5, 21)).next_check == dt.date(2025, 5, 25)
    # Sun 25 May: week 6 has just ended; the next check is the end of week 7, Sun 1 Jun
    assert terms_compliance(ORDER, kept, dt.date(2025, 5, 25)).next_check == dt.date(2025, 6, 1)
    # before the first payment: the end of week 1, Sun 20 Apr
    assert terms_compliance(ORDER, kept, dt.date(2025, 4, 10)).next_check == dt.date(2025, 4, 20)
