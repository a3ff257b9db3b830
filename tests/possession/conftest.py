"""A secure tenancy worked by hand, shared by the possession tests.

The account (all dates are Mondays for rent, Fridays for the tenant's payments):
- tenancy from Mon 3 April 2023, rent £100.00 weekly; from Mon 1 April 2024 £110.00 weekly;
- to Sun 31 March 2024 the tenant pays £100.00 each Friday (the account is clear at each week's end);
- from 1 April 2024 housing benefit pays £60.00 each Monday and the tenant £40.00 each Friday,
  £10.00 a week short, until the tenant stops paying from the week of Mon 6 January 2025.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from docassemble.courtpack.case.tenancy import (
    AccountEntry,
    CreditSource,
    RentAccount,
    RentChange,
    RentFrequency,
    Tenancy,
    TenancyKind,
)

START = dt.date(2023, 4, 3)
RISE = dt.date(2024, 4, 1)
STOPPED = dt.date(2025, 1, 6)


def weekly(first: dt.date, last: dt.date, amount: str, source: CreditSource) -> list[AccountEntry]:
    out = []
    day = first
    while day <= last:
        out.append(AccountEntry(day, source.label, credit=Decimal(amount), source=source))
        day += dt.timedelta(days=7)
    return out


def tenancy() -> Tenancy:
    return Tenancy(
        TenancyKind.SECURE,
        START,
        "12 Elm Court, Anytown AN1 2BC",
        (
            RentChange(START, Decimal("100.00"), RentFrequency.WEEKLY),
            RentChange(RISE, Decimal("110.00"), RentFrequency.WEEKLY),
        ),
        ("Sam Tenant",),
        "RA-1001",
    )


def credits_to(last: dt.date) -> list[AccountEntry]:
    """Credits to ``last``: £100 Fridays to 29 March 2024; then HB £60 Mondays and £40 Fridays to 3 Jan 2025."""
    out = weekly(dt.date(2023, 4, 7), min(last, dt.date(2024, 3, 29)), "100.00", CreditSource.TENANT)
    out += weekly(RISE, last, "60.00", CreditSource.HOUSING_BENEFIT)
    out += weekly(dt.date(2024, 4, 5), min(last, dt.date(2025, 1, 3)), "40.00", CreditSource.TENANT)
    return out


@pytest.fixture
def account() -> RentAccount:
    """The account above, with its credits to Mon 7 April 2025 (nothing after)."""
    return RentAccount(tenancy(), START, Decimal("0.00"), tuple(credits_to(dt.date(2025, 4, 7))))


@pytest.fixture
def with_credits(account: RentAccount) -> Callable[[list[AccountEntry]], RentAccount]:
    """The account plus more credits (e.g. payments under an order)."""
    return lambda more: replace(account, credits=(*account.credits, *more))


@pytest.fixture
def weekly_credits() -> Callable[..., list[AccountEntry]]:
    return weekly
