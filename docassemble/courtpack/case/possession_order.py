"""A possession order's terms and whether they are being kept, period by period.

Why pure and here: the officer's work list, the pre-hearing check, the warrant request (N325 certifies
the breach) and the application to fix a date (N244) all ask the same question — did the tenant pay the
current rent plus the sum towards the arrears in every period since the terms began? Answering it once,
from the rent account, keeps them in agreement.

Reading of the terms (courtpack's, and the usual wording of N28/N28A orders): in each period from the
first payment date the tenant must pay the rent charged in that period plus the instalment; what was
paid counts whoever paid it (the tenant, housing benefit or UC housing costs paid direct). A period is
judged when it has ended. Payments ahead carry forward, and so does a shortfall: the terms are broken at a
date when, at the end of the last complete period, the total paid since the terms began is less than the
total due. Instalments stop once they have paid the arrears and costs the order names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from ..errors import CaseFileError
from ..law.dates import add_months, format_date
from ..law.money import format_money
from .tenancy import ZERO, CreditSource, RentAccount, RentFrequency, balance_at, rent_charges


class OrderKind(str, Enum):
    OUTRIGHT = "outright"
    SUSPENDED = "suspended"
    POSTPONED = "postponed"
    ADJOURNED = "adjourned"

    @property
    def label(self) -> str:
        return {
            "outright": "outright order for possession",
            "suspended": "suspended order for possession",
            "postponed": "postponed order for possession",
            "adjourned": "adjournment on terms",
        }[self.value]


@dataclass(frozen=True)
class OrderTerms:
    """Pay the current rent plus ``instalment`` each ``frequency`` from ``first_payment``."""

    instalment: Decimal
    frequency: RentFrequency
    first_payment: dt.date
    current_rent: bool = True  # the terms include the current rent (they almost always do)


@dataclass(frozen=True)
class PossessionOrder:
    kind: OrderKind
    made_on: dt.date
    possession_date: dt.date | None = None  # outright and suspended orders: the date for possession
    terms: OrderTerms | None = None  # suspended, postponed and adjourned on terms
    arrears: Decimal = ZERO  # the arrears the order names (judgment for the money, if any)
    costs: Decimal = ZERO
    claim_number: str = ""

    def __post_init__(self) -> None:
        where = self.claim_number or "possession order"
        if self.kind is OrderKind.OUTRIGHT and self.possession_date is None:
            raise CaseFileError(where, "possession_date", "an outright order needs its date for possession", "give it")
        if self.kind is not OrderKind.OUTRIGHT and self.terms is None:
            raise CaseFileError(
                where,
                "terms",
                f"a {self.kind.label} needs its terms",
                "give the instalment, frequency and first payment",
            )


@dataclass(frozen=True)
class TermsPeriod:
    start: dt.date
    end: dt.date
    rent_due: Decimal
    instalment_due: Decimal
    paid_by_tenant: Decimal
    paid_by_benefit: Decimal
    complete: bool  # the period has ended by the as-at date

    @property
    def due(self) -> Decimal:
        return self.rent_due + self.instalment_due

    @property
    def paid(self) -> Decimal:
        return self.paid_by_tenant + self.paid_by_benefit

    @property
    def shortfall(self) -> Decimal:
        return self.due - self.paid


@dataclass(frozen=True)
class TermsCompliance:
    as_at: dt.date
    periods: tuple[TermsPeriod, ...]
    total_due: Decimal  # complete periods only
    total_paid: Decimal  # complete periods only
    shortfall: Decimal  # total_due - total_paid (negative: paid ahead)
    broken: bool  # shortfall at the end of the last complete period
    first_breach: dt.date | None  # end of the first complete period that closed in shortfall
    arrears: Decimal  # the rent account balance at as_at
    basis: str
    next_check: dt.date | None = None  # the end of the period running at as_at (or of the next one)


def _period_end(terms: OrderTerms, index: int) -> dt.date:
    days = terms.frequency.days
    if days is None:
        return add_months(terms.first_payment, index + 1) - dt.timedelta(days=1)
    return terms.first_payment + dt.timedelta(days=days * (index + 1) - 1)


def terms_compliance(order: PossessionOrder, account: RentAccount, as_at: dt.date) -> TermsCompliance:
    """The order's terms period by period to ``as_at``: due, paid, shortfall; broken or kept."""
    if order.terms is None:
        raise CaseFileError(
            order.claim_number or "possession order", "terms", f"an {order.kind.label} has no terms to keep", ""
        )
    terms = order.terms
    # the terms are the current rent and the instalment: other charges (e.g. costs added to the account) are
    # not rent, and what counts as paid is money received (tenant, housing benefit, UC), not adjustments
    charges = rent_charges(account.tenancy, terms.first_payment, as_at)
    credits = [e for e in account.credits if terms.first_payment <= e.day <= as_at]
    periods: list[TermsPeriod] = []
    owed = order.arrears + order.costs
    instalments = ZERO
    index = 0
    start = terms.first_payment
    while start <= as_at:
        end = _period_end(terms, index)
        inside = [e for e in credits if start <= e.day <= end]
        rent = sum((e.debit for e in charges if start <= e.day <= end), ZERO) if terms.current_rent else ZERO
        instalment = min(terms.instalment, max(owed - instalments, ZERO))
        instalments += instalment
        tenant = sum((e.credit for e in inside if e.source in (CreditSource.TENANT, None)), ZERO)
        benefit = sum((e.credit for e in inside if e.source not in (CreditSource.TENANT, None)), ZERO)
        periods.append(TermsPeriod(start, end, rent, instalment, tenant, benefit, end <= as_at))
        index += 1
        start = end + dt.timedelta(days=1)
    complete = [p for p in periods if p.complete]
    running = ZERO
    first_breach: dt.date | None = None
    for period in complete:
        running += period.shortfall
        if running > 0 and first_breach is None:
            first_breach = period.end
    due = sum((p.due for p in complete), ZERO)
    paid = sum((p.paid for p in complete), ZERO)
    broken = bool(complete) and due - paid > 0
    arrears = balance_at(account, as_at)
    if not complete:
        state = f"no period of the terms has ended by {format_date(as_at)}"
    elif broken:
        state = (
            f"the terms are broken: {format_money(due)} was due and {format_money(paid)} paid over {len(complete)} "
            f"complete periods to {format_date(complete[-1].end)}, a shortfall of {format_money(due - paid)}"
        )
    else:
        state = (
            f"the terms are being kept: {format_money(due)} was due and {format_money(paid)} paid over "
            f"{len(complete)} complete periods to {format_date(complete[-1].end)}"
        )
    basis = (
        f"Terms of the {order.kind.label} made {format_date(order.made_on)}: current rent plus "
        f"{format_money(terms.instalment)} {terms.frequency.value.replace('_', '-')} from "
        f"{format_date(terms.first_payment)}; {state}. Rent account balance {format_money(arrears)}."
    )
    next_check = periods[-1].end if periods and not periods[-1].complete else _period_end(terms, index)
    return TermsCompliance(
        as_at, tuple(periods), due, paid, due - paid, broken, first_breach, arrears, basis, next_check
    )
