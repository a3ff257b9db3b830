"""The figures on a money claim (N1) and whether it may be issued: one function each, primitive inputs.

Why here and primitive: the calculator, the money-claim interview and the N1 form all need the same
figures, and the law layer must not know the case model. Callers extract principal, dates and
events from whatever holds them and pass them in. The claim value (for the fee) includes interest
to the issue date and any Late Payment Act compensation; the track and statement of value use the
principal alone (interest and costs disregarded); fixed costs are banded on the claim value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import ZERO, MoneyResult, amount
from .breathing_space import BreathingSpaceStatus
from .costs import CostsResult, commencement_costs
from .dates import format_date
from .fees import FeeResult, issue_fee
from .interest import KINDS, InterestItem, InterestResult, interest_for, itemised_interest
from .late_payment import Invoice, late_payment
from .limitation import LimitationResult, check_items
from .money import format_money
from .protocol import ProtocolStatus
from .tracks import TrackResult, allocate_track


@dataclass(frozen=True)
class ClaimFigures:
    principal: Decimal
    interest: InterestResult | None  # None when no interest is claimed; ``interest.items`` item by item
    compensation: MoneyResult | None  # Late Payment Act fixed sums (one per invoice), if claimed
    claim_value: Decimal  # principal + interest + compensation: the "amount claimed" on N1
    fee: FeeResult
    costs: CostsResult
    total: Decimal  # claim value + court fee + legal representative's costs
    track: TrackResult
    basis: str
    legal_representative: bool = False  # True only when a lawyer conducts the claim (N1 "legal representative")

    @property
    def statement_of_value(self) -> str:
        return self.track.statement_of_value


@dataclass(frozen=True)
class IssueCheck:
    ready: bool
    reasons: tuple[str, ...]  # why the claim may not be issued on the date asked
    warnings: tuple[str, ...]  # things to look at that do not stop issue
    protocol: ProtocolStatus
    limitation: tuple[LimitationResult, ...]
    breathing_space: BreathingSpaceStatus
    barred_sum: Decimal = ZERO  # the sum to leave out of the claim (statute-barred items)


def _late_payment(
    debt: Decimal, invoices: Sequence[Invoice], issue_date: dt.date
) -> tuple[InterestResult, MoneyResult]:
    result = late_payment(invoices, issue_date)
    items = tuple(
        InterestItem(
            f"invoice of {format_money(item.invoice.amount)}",
            item.invoice.amount,
            item.relevant_day,
            issue_date,
            item.days,
            0,
            item.interest,
            False,
        )
        for item in result.items
    )
    first = min(item.relevant_day for item in result.items)
    rate = result.rates[0] if result.rates else Decimal(0)
    interest = InterestResult(
        "late_payment",
        debt,
        rate,
        first,
        issue_date,
        max(0, (issue_date - first).days),
        result.interest,
        result.daily_rate,
        result.basis,
        result.source,
        items,
    )
    return interest, MoneyResult(
        result.compensation,
        f"Fixed sums under s.5A, one per invoice: {format_money(result.compensation)}.",
        result.source,
    )


def claim_figures(
    principal: object,
    *,
    issue_date: dt.date,
    interest_basis: str = "none",
    interest_rate: object | None = None,
    interest_from: dt.date | None = None,
    charges: Sequence[tuple[dt.date, object, str]] = (),
    payments: Sequence[tuple[dt.date, object]] = (),
    breathing_spaces: Sequence[tuple[dt.date, dt.date | None]] = (),
    invoices: Sequence[Invoice] = (),
    legal_representative: bool = False,
    service: str = "court",
    defendants: int = 1,
    personally_served_elsewhere: int = 0,
) -> ClaimFigures:
    """Principal, interest to ``issue_date``, claim value, issue fee, fixed costs, total and track.

    ``interest_basis`` is ``statutory`` (s.69, 8% unless ``interest_rate``), ``contractual`` (needs
    ``interest_rate``), ``late_payment`` (rate fixed by law; a fixed sum per invoice) or ``none``.
    With ``charges`` (due date, amount, description) and ``payments``, s.69 and contractual interest
    run item by item from when each sum fell due, leaving out ``breathing_spaces``; without them, on
    the whole principal from ``interest_from``. Late Payment Act interest needs ``invoices``.
    """
    debt = amount(principal, "principal", allow_zero=False)
    interest: InterestResult | None = None
    compensation: MoneyResult | None = None
    if interest_basis not in KINDS:
        raise LawError(f"interest basis {interest_basis!r} is not known; use one of: {', '.join(KINDS)}")
    if interest_basis == "late_payment":
        if not invoices:
            raise LawError(
                "Late Payment Act interest is worked out invoice by invoice — give each invoice's amount and date"
            )
        interest, compensation = _late_payment(debt, invoices, issue_date)
    elif interest_basis != "none" and charges:
        interest = itemised_interest(
            charges,
            payments,
            issue_date,
            kind=interest_basis,
            rate_pct=interest_rate,
            breathing_spaces=breathing_spaces,
        )
    elif interest_basis != "none":
        if interest_from is None:
            raise LawError(
                f"{interest_basis} interest needs the date it runs from — give interest.from_date "
                "or a ledger with a charge date"
            )
        if interest_from > issue_date:
            raise LawError(
                f"interest runs from {interest_from.isoformat()}, after the issue date "
                f"{issue_date.isoformat()} — issue later or correct interest.from_date"
            )
        interest = interest_for(interest_basis, debt, interest_from, issue_date, interest_rate)
    value = debt + (interest.interest if interest else ZERO) + (compensation.amount if compensation else ZERO)
    fee = issue_fee(value, issue_date)
    costs = commencement_costs(
        value,
        issue_date,
        service=service,
        defendants=defendants,
        personally_served_elsewhere=personally_served_elsewhere,
        legal_representative=legal_representative,
    )
    track = allocate_track(debt, issue_date)
    total = value + fee.fee + costs.costs
    parts = [f"Principal {format_money(debt)}"]
    if interest:
        parts.append(f"interest {format_money(interest.interest)}")
    if compensation:
        parts.append(f"fixed compensation {format_money(compensation.amount)}")
    basis = (
        f"{' + '.join(parts)} = amount claimed {format_money(value)}; court fee {format_money(fee.fee)}; "
        f"legal representative's costs {format_money(costs.costs)}; total {format_money(total)} on issue on "
        f"{format_date(issue_date)}."
    )
    return ClaimFigures(debt, interest, compensation, value, fee, costs, total, track, basis, legal_representative)


def issue_check(
    *, protocol: ProtocolStatus, limitation: Sequence[LimitationResult], breathing_space: BreathingSpaceStatus
) -> IssueCheck:
    """Combine the pre-action, limitation and breathing space answers into one go / no-go.

    A statute-barred sum stops issue until it is taken out of the claim: the reason names each barred
    item and the total to leave out. Limitation running short is a warning (issue soon), not a bar.
    """
    reasons = list(protocol.reasons)
    warnings: list[str] = []
    if breathing_space.active:
        reasons.append("A breathing space is active: do not issue proceedings without the court's permission.")
    check = check_items(limitation)
    if check.barred:
        reasons.append(check.basis)
    for result in limitation:
        if not result.barred:
            warnings.extend(result.warnings)
    return IssueCheck(
        not reasons,
        tuple(reasons),
        tuple(dict.fromkeys(warnings)),
        protocol,
        tuple(limitation),
        breathing_space,
        check.barred_sum,
    )
