"""A social tenancy and its rent account, as plain typed objects, with the pure rules for reading them.

Why here: the notice, the N119 schedule, the hearing statement and the order's compliance all read the
same rent account; one model keeps their figures equal. Rent is charged in advance on each rent day (the
first day of each rental period, counted from ``Tenancy.start``); credits are kept apart by who paid
(the tenant, housing benefit or Universal Credit housing costs paid direct), as PD 55A para 2.3(5) and
the protocol's rent statements (para 2.3) require. Money is ``Decimal``; a positive balance is arrears.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..errors import CaseFileError
from ..law.dates import add_months, format_date
from ..law.money import format_money

ZERO = Decimal("0.00")


class TenancyKind(str, Enum):
    SECURE = "secure"
    INTRODUCTORY = "introductory"
    FLEXIBLE = "flexible"
    DEMOTED = "demoted"


class RentFrequency(str, Enum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four_weekly"
    MONTHLY = "monthly"

    @property
    def days(self) -> int | None:
        """Days in one period (None for a calendar month)."""
        return {"weekly": 7, "fortnightly": 14, "four_weekly": 28}.get(self.value)


class CreditSource(str, Enum):
    TENANT = "tenant"
    HOUSING_BENEFIT = "housing_benefit"
    UNIVERSAL_CREDIT = "universal_credit"

    @property
    def label(self) -> str:
        return {
            "tenant": "payment by the tenant",
            "housing_benefit": "housing benefit",
            "universal_credit": "Universal Credit housing costs",
        }[self.value]


@dataclass(frozen=True)
class RentChange:
    """The rent from ``effective_from`` (a rent day) until the next change."""

    effective_from: dt.date
    amount: Decimal
    frequency: RentFrequency


@dataclass(frozen=True)
class Tenancy:
    kind: TenancyKind
    start: dt.date  # the first rent day
    property_address: str
    rents: tuple[RentChange, ...]  # in date order; the first from ``start``
    tenants: tuple[str, ...] = ()
    reference: str = ""  # the rent account number

    def __post_init__(self) -> None:
        if not self.rents:
            raise CaseFileError(self.reference or "tenancy", "rents", "no rent is recorded", "record the rent")
        if self.rents[0].effective_from > self.start:
            raise CaseFileError(
                self.reference or "tenancy",
                "rents",
                f"the first rent starts {format_date(self.rents[0].effective_from)}, after the tenancy starts on "
                f"{format_date(self.start)}",
                "record the rent from the start of the tenancy",
            )

    def rent_on(self, day: dt.date) -> RentChange:
        """The rent in force on ``day`` (the latest change on or before it)."""
        current = self.rents[0]
        for change in self.rents:
            if change.effective_from <= day:
                current = change
        return current


@dataclass(frozen=True)
class AccountEntry:
    """One line of the rent account: a charge (``debit``) or a credit, with who paid a credit."""

    day: dt.date
    description: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO
    source: CreditSource | None = None  # credits only


@dataclass(frozen=True)
class RentAccount:
    """The rent account from ``opened_on`` (balance ``opening_balance`` at the start of that day)."""

    tenancy: Tenancy
    opened_on: dt.date
    opening_balance: Decimal = ZERO
    credits: tuple[AccountEntry, ...] = ()
    adjustments: tuple[AccountEntry, ...] = ()  # other charges or credits (e.g. a court costs order, a refund)


def rent_days(tenancy: Tenancy, start: dt.date, end: dt.date) -> list[tuple[dt.date, RentChange]]:
    """Each rent day from ``start`` to ``end`` inclusive, with the rent then in force.

    The periods restart from each change's ``effective_from`` (a rent change may move the rent day, e.g.
    from weekly to monthly); within a rent, periods follow its frequency.
    """
    days: list[tuple[dt.date, RentChange]] = []
    changes = list(tenancy.rents)
    for index, change in enumerate(changes):
        until = changes[index + 1].effective_from if index + 1 < len(changes) else None
        count = 0
        day = change.effective_from
        while day <= end and (until is None or day < until):
            if day >= start and day >= tenancy.start:
                days.append((day, change))
            count += 1
            step = change.frequency.days
            day = add_months(change.effective_from, count) if step is None else day + dt.timedelta(days=step)
    return days


def rent_charges(tenancy: Tenancy, start: dt.date, end: dt.date) -> list[AccountEntry]:
    """The rent charged on each rent day from ``start`` to ``end``."""
    return [
        AccountEntry(
            day, f"Rent ({change.frequency.value.replace('_', '-')}) {format_money(change.amount)}", change.amount
        )
        for day, change in rent_days(tenancy, start, end)
    ]


def account_entries(account: RentAccount, until: dt.date) -> list[AccountEntry]:
    """Every entry from the account's opening to ``until``, in date order (charges before credits on a day)."""
    entries = rent_charges(account.tenancy, account.opened_on, until)
    entries += [e for e in (*account.credits, *account.adjustments) if account.opened_on <= e.day <= until]
    return sorted(entries, key=lambda e: (e.day, e.debit == ZERO))


def balance_at(account: RentAccount, day: dt.date) -> Decimal:
    """The arrears at the end of ``day`` (positive = owed by the tenant; negative = in credit)."""
    if day < account.opened_on:
        raise CaseFileError(
            account.tenancy.reference or "rent account",
            "as_at",
            f"{format_date(day)} is before the rent account opens on {format_date(account.opened_on)}",
            "use a later date",
        )
    entries = account_entries(account, day)
    return account.opening_balance + sum((e.debit - e.credit for e in entries), ZERO)


def first_default(account: RentAccount, on: dt.date) -> dt.date | None:
    """The rent day starting the current unbroken run of arrears at ``on`` (None: not in arrears).

    Why "current run": PD 55A 2.3(2) asks for the history from the first date of default; arrears
    cleared earlier are not part of this default. A period is in default when the balance at its last day
    is positive; the run starts with the first such period after the last period ending clear.
    """
    days = [d for d, _ in rent_days(account.tenancy, account.opened_on, on)]
    if balance_at(account, on) <= 0:
        return None
    start = account.opened_on if account.opening_balance > 0 else (days[0] if days else account.opened_on)
    for index in range(len(days)):
        end = days[index + 1] - dt.timedelta(days=1) if index + 1 < len(days) else on
        if balance_at(account, min(end, on)) <= 0:
            start = days[index + 1] if index + 1 < len(days) else on
    return start
