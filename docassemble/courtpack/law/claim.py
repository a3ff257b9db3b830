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
from .interest import KINDS, InterestResult, interest_for, late_payment_compensation
from .limitation import LimitationResult
from .money import format_money
from .protocol import ProtocolStatus
from .tracks import TrackResult, allocate_track


@dataclass(frozen=True)
class ClaimFigures:
    principal: Decimal
    interest: InterestResult | None  # None when no interest is claimed
    compensation: MoneyResult | None  # Late Payment Act fixed sum, if claimed
    claim_value: Decimal  # principal + interest + compensation: the "amount claimed" on N1
    fee: FeeResult
    costs: CostsResult
    total: Decimal  # claim value + court fee + legal representative's costs
    track: TrackResult
    basis: str

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


def claim_figures(principal: object, *, issue_date: dt.date, interest_basis: str = "none",
                  interest_rate: object | None = None, interest_from: dt.date | None = None,
                  legal_representative: bool = False, service: str = "court",
                  further_defendants: int = 0) -> ClaimFigures:
    """Principal, interest to ``issue_date``, claim value, issue fee, fixed costs, total and track.

    ``interest_basis`` is ``statutory`` (s.69, 8% unless ``interest_rate``), ``contractual`` (needs
    ``interest_rate``), ``late_payment`` (rate fixed by law; adds the fixed compensation) or ``none``.
    ``further_defendants`` counts defendants after the first served at a separate address.
    """
    debt = amount(principal, "principal", allow_zero=False)
    interest: InterestResult | None = None
    compensation: MoneyResult | None = None
    if interest_basis not in KINDS:
        raise LawError(f"interest basis {interest_basis!r} is not known; use one of: {', '.join(KINDS)}")
    if interest_basis != "none":
        if interest_from is None:
            raise LawError(f"{interest_basis} interest needs the date it runs from — give interest.from_date "
                           "or a ledger with a charge date")
        if interest_from > issue_date:
            raise LawError(f"interest runs from {interest_from.isoformat()}, after the issue date "
                           f"{issue_date.isoformat()} — issue later or correct interest.from_date")
        interest = interest_for(interest_basis, debt, interest_from, issue_date, interest_rate)
        if interest_basis == "late_payment":
            compensation = late_payment_compensation(debt, issue_date)
    value = debt + (interest.interest if interest else ZERO) + (compensation.amount if compensation else ZERO)
    fee = issue_fee(value, issue_date)
    costs = commencement_costs(value, issue_date, service=service, further_defendants=further_defendants,
                               legal_representative=legal_representative)
    track = allocate_track(debt, issue_date)
    total = value + fee.fee + costs.costs
    parts = [f"Principal {format_money(debt)}"]
    if interest:
        parts.append(f"interest {format_money(interest.interest)}")
    if compensation:
        parts.append(f"fixed compensation {format_money(compensation.amount)}")
    basis = (f"{' + '.join(parts)} = amount claimed {format_money(value)}; court fee {format_money(fee.fee)}; "
             f"legal representative's costs {format_money(costs.costs)}; total {format_money(total)} on issue on "
             f"{format_date(issue_date)}.")
    return ClaimFigures(debt, interest, compensation, value, fee, costs, total, track, basis)


def issue_check(*, protocol: ProtocolStatus, limitation: Sequence[LimitationResult],
                breathing_space: BreathingSpaceStatus) -> IssueCheck:
    """Combine the pre-action, limitation and breathing space answers into one go / no-go.

    A statute-barred sum stops issue until it is taken out of the claim; limitation running short
    is a warning (issue soon), not a bar.
    """
    reasons = list(protocol.reasons)
    warnings: list[str] = []
    if breathing_space.active:
        reasons.append("A breathing space is active: do not issue proceedings without the court's permission.")
    for result in limitation:
        if result.barred:
            reasons.append(f"The sum accruing on {format_date(result.accrued)} is statute-barred "
                           f"(last day {format_date(result.last_day)}): take it out of the claim.")
        else:
            warnings.extend(result.warnings)
    return IssueCheck(not reasons, tuple(reasons), tuple(dict.fromkeys(warnings)), protocol, tuple(limitation),
                      breathing_space)
