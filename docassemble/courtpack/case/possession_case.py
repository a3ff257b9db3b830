"""The facts of one possession case for rent arrears, as the register reads them back (as at a date).

Why one object: the notice, claim, hearing pack, order and warrant documents each need several of these
facts, and a check (``possession_checks``) needs all of them; building them once from the register keeps
every document on the same figures and dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..law.breathing_space import BreathingSpaceWindow
from .possession_order import OrderTerms, PossessionOrder
from .tenancy import RentAccount


@dataclass(frozen=True)
class ProtocolStep:
    """A protocol step taken (``code`` from ``law.possession.STEP_CODES``) on ``done_on``."""

    code: str
    done_on: dt.date
    note: str = ""


@dataclass(frozen=True)
class VulnerabilityAssessment:
    done_on: dt.date
    outcome: str  # one of law.possession.OUTCOMES
    reasons: str
    assessed_by: str = ""


@dataclass(frozen=True)
class NoticeServed:
    """The notice as served: which, when handed or posted, how, and the date it names."""

    notice: str  # "notice of seeking possession" | "notice of proceedings"
    handed_or_posted: dt.date
    method: str  # hand | letterbox | post
    date_specified: dt.date


@dataclass(frozen=True)
class PaymentAgreement:
    """An agreement before the claim to pay the current rent plus a sum towards the arrears (protocol 2.10)."""

    made_on: dt.date
    terms: OrderTerms


@dataclass(frozen=True)
class ClaimIssued:
    issued_on: dt.date
    claim_number: str
    court: str
    hearing_date: dt.date | None = None


@dataclass(frozen=True)
class WarrantRequested:
    requested_on: dt.date
    kind: str  # n325_warrant | n244_fix_date
    reference: str = ""


@dataclass(frozen=True)
class PossessionFacts:
    reference: str
    as_at: dt.date
    account: RentAccount
    protocol_steps: tuple[ProtocolStep, ...] = ()
    vulnerability: VulnerabilityAssessment | None = None
    notice: NoticeServed | None = None
    agreement: PaymentAgreement | None = None
    breathing_spaces: tuple[BreathingSpaceWindow, ...] = ()
    claim: ClaimIssued | None = None
    order: PossessionOrder | None = None
    warrant: WarrantRequested | None = None

    @property
    def tenancy_kind(self) -> str:
        return self.account.tenancy.kind.value
