"""The typed requests the possession documents are built from: one frozen, keyword-only object each.

Why no defaults on what a document states: a missing fact (the date the notice was served, the
daily rate) must stop the document with a ``TypeError`` in the first headless run, never print an
empty box on a form the court relies on. The figures are worked out before they get here — by
``law.possession`` and the tenancy model — and these objects only carry them to the layout.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from ...case import Case

__all__ = [
    "ClaimRequest",
    "FixDateRequest",
    "HearingRequest",
    "NoticeRequest",
    "PossessionOrder",
    "ProtocolStep",
    "RentLine",
    "RentStatement",
    "Signatory",
    "TenancyFacts",
    "TenancyKind",
    "WarrantRequest",
]


class TenancyKind(enum.Enum):
    """The tenancy decides the notice: s.83 Housing Act 1985 for secure and flexible tenancies, a
    notice of proceedings under the Housing Act 1996 (s.128 introductory, s.143E demoted) otherwise."""

    SECURE = "secure"
    FLEXIBLE = "flexible"
    INTRODUCTORY = "introductory"
    DEMOTED = "demoted"

    @property
    def words(self) -> str:
        return {
            TenancyKind.SECURE: "secure tenancy",
            TenancyKind.FLEXIBLE: "flexible tenancy (a secure tenancy for a fixed term)",
            TenancyKind.INTRODUCTORY: "introductory tenancy",
            TenancyKind.DEMOTED: "demoted tenancy",
        }[self]

    @property
    def adjective(self) -> str:
        """As N119 para 3(a) reads: "let ... under a(n) ___ tenancy"."""
        return "flexible (fixed-term secure)" if self is TenancyKind.FLEXIBLE else self.value

    @property
    def seeks_possession_by_nosp(self) -> bool:
        return self in (TenancyKind.SECURE, TenancyKind.FLEXIBLE)


@dataclass(frozen=True, kw_only=True)
class Signatory:
    name: str
    position: str


@dataclass(frozen=True, kw_only=True)
class TenancyFacts:
    kind: TenancyKind
    tenants: tuple[str, ...]
    property_lines: tuple[str, ...]  # the address as printed, one line each
    start: dt.date
    rent: Decimal  # the rent in force on the document's date
    frequency: str  # "week", "fortnight", "four weeks", "month"
    daily_rate: Decimal  # PD 55A para 2.3(3), worked out by the tenancy model
    occupiers: tuple[str, ...]  # others known to live there (N119 para 2, N325 risk section)

    @property
    def address(self) -> str:
        return ", ".join(self.property_lines)


@dataclass(frozen=True, kw_only=True)
class RentLine:
    date: dt.date
    description: str
    due: Decimal  # rent and charges falling due on the date
    paid: Decimal  # payments by the tenant
    benefit: Decimal  # Housing Benefit / Universal Credit housing costs, shown apart
    balance: Decimal  # the running arrears after this line


@dataclass(frozen=True, kw_only=True)
class RentStatement:
    """A rent account over a period, as PD 55A para 2.3(2) asks: each sum due, each payment, a running total."""

    title: str
    from_date: dt.date
    to_date: dt.date
    opening_balance: Decimal
    lines: tuple[RentLine, ...]

    @property
    def total_due(self) -> Decimal:
        return sum((line.due for line in self.lines), Decimal("0.00"))

    @property
    def total_paid(self) -> Decimal:
        return sum((line.paid for line in self.lines), Decimal("0.00"))

    @property
    def total_benefit(self) -> Decimal:
        return sum((line.benefit for line in self.lines), Decimal("0.00"))

    @property
    def closing_balance(self) -> Decimal:
        return self.opening_balance + self.total_due - self.total_paid - self.total_benefit


@dataclass(frozen=True, kw_only=True)
class ProtocolStep:
    """One step of the Pre-Action Protocol for Possession Claims by Social Landlords, as taken."""

    date: dt.date
    text: str


@dataclass(frozen=True, kw_only=True)
class NoticeRequest:
    case: Case
    tenancy: TenancyFacts
    ground_heading: str  # "Ground 1 of Schedule 2 to the Housing Act 1985"
    ground_text: str  # the ground's words in full (from law.possession)
    arrears: Decimal
    arrears_weeks: Decimal  # the arrears in weeks (or months) of rent, from the tenancy model
    arrears_period_word: str  # "weeks" or "months"
    statement: RentStatement
    particulars: str  # the officer's own words added to the particulars ("" for none)
    notice_date: dt.date
    expected_service: dt.date
    date_specified: dt.date  # the date the notice names: proceedings may be begun after it (law.possession)
    # NOSP: the last day of the twelve months beginning with date_specified (s.83(3)(b)); None: no lapse
    proceedings_by: dt.date | None
    review_by: dt.date | None  # introductory/demoted: the last day to ask for a review
    date_basis: str  # how law.possession worked the dates out, for the officer's note
    signatory: Signatory


@dataclass(frozen=True, kw_only=True)
class ClaimRequest:
    case: Case
    tenancy: TenancyFacts
    court: str
    issue_date: dt.date
    notice_kind: str  # N119 para 6 choice: notice_seeking_possession | other
    notice_served: dt.date
    ground_heading: str
    ground_text: str
    arrears: Decimal  # at the issue date
    arrears_weeks: Decimal
    arrears_period_word: str
    statement: RentStatement  # the PD 55A schedule
    protocol_steps: tuple[ProtocolStep, ...]
    defendant_circumstances: str
    claimant_circumstances: str
    court_fee: Decimal
    legal_costs: Decimal
    human_rights: bool
    signatory: Signatory


@dataclass(frozen=True, kw_only=True)
class PossessionOrder:
    date: dt.date
    kind: str  # outright | suspended | postponed | adjourned
    description: str  # the order's terms in words, as the register holds them
    possession_date: dt.date | None  # outright order: possession on or before


@dataclass(frozen=True, kw_only=True)
class HearingRequest:
    case: Case
    tenancy: TenancyFacts
    claim_number: str
    court: str
    hearing_date: dt.date
    arrears: Decimal  # at the hearing date
    arrears_weeks: Decimal
    arrears_period_word: str
    statement: RentStatement  # updated to the hearing date
    protocol_steps: tuple[ProtocolStep, ...]
    circumstances: str
    order_sought: str
    acceptable_terms: str
    claim_documents: tuple[tuple[str, dt.date, object], ...]  # (title, date, path) of the notice, N5, N119
    prepared_on: dt.date
    officer: Signatory


@dataclass(frozen=True, kw_only=True)
class WarrantRequest:
    case: Case
    tenancy: TenancyFacts
    claim_number: str
    court: str
    order: PossessionOrder
    breach: str  # N325A: the breach in words ("" for an outright order)
    statement: RentStatement  # payments due and made since the order
    fee: Decimal
    legal_costs: Decimal
    risk_information: str
    request_date: dt.date
    signatory: Signatory


@dataclass(frozen=True, kw_only=True)
class FixDateRequest:
    case: Case
    tenancy: TenancyFacts
    claim_number: str
    court: str
    order: PossessionOrder
    breach: str
    statement: RentStatement
    warning_letter: dt.date  # PD 55A section IV: the letter telling the tenant of the intended application
    application_date: dt.date
    signatory: Signatory
