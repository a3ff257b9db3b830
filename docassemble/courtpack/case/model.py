"""The facts of one recovery case, as plain typed objects.

Why plain dataclasses: every later document (letter, claim, judgment request,
enforcement referral, bundle) reads the same facts, and tests build cases in a
line. Validation happens once, when a case file is read (``case.casefile``);
objects built here are trusted to be well-formed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from ..law.money import round_penny


class DebtorKind(str, Enum):
    INDIVIDUAL = "individual"
    SOLE_TRADER = "sole_trader"
    COMPANY = "company"
    PARTNERSHIP = "partnership"


class DebtType(str, Enum):
    FORMER_TENANT_ARREARS = "former_tenant_arrears"
    CURRENT_TENANT_ARREARS = "current_tenant_arrears"  # a possession claim (CPR 55), not a money claim
    RECHARGEABLE_REPAIRS = "rechargeable_repairs"
    COMMERCIAL_RENT = "commercial_rent"
    SUNDRY = "sundry"
    BENEFIT_OVERPAYMENT = "benefit_overpayment"
    LEASEHOLD_SERVICE_CHARGE = "leasehold_service_charge"
    GARAGE_RENT = "garage_rent"
    COURT_COSTS = "court_costs"
    COUNCIL_TAX = "council_tax"  # magistrates' court liability order, not a money claim
    BUSINESS_RATES = "business_rates"  # non-domestic rates: likewise

    @property
    def label(self) -> str:
        return DEBT_TYPE_LABELS[self]


DEBT_TYPE_LABELS = {
    DebtType.FORMER_TENANT_ARREARS: "former tenant rent arrears",
    DebtType.CURRENT_TENANT_ARREARS: "rent arrears on a current tenancy",
    DebtType.RECHARGEABLE_REPAIRS: "rechargeable repairs",
    DebtType.COMMERCIAL_RENT: "commercial rent arrears",
    DebtType.SUNDRY: "sundry debt",
    DebtType.BENEFIT_OVERPAYMENT: "housing benefit overpayment",
    DebtType.LEASEHOLD_SERVICE_CHARGE: "leasehold service charges",
    DebtType.GARAGE_RENT: "garage rent arrears",
    DebtType.COURT_COSTS: "unpaid court costs",
    DebtType.COUNCIL_TAX: "council tax",
    DebtType.BUSINESS_RATES: "business rates",
}
# recovered by a liability order from the magistrates' court (law/liability_orders.py), never by a claim
LIABILITY_ORDER_DEBTS = frozenset({DebtType.COUNCIL_TAX, DebtType.BUSINESS_RATES})


class AgreementKind(str, Enum):
    WRITTEN = "written"
    ORAL = "oral"
    NONE = "none"  # e.g. a statutory debt such as a benefit overpayment


class InterestBasis(str, Enum):
    NONE = "none"
    STATUTORY = "statutory"  # s.69 County Courts Act 1984
    CONTRACTUAL = "contractual"
    LATE_PAYMENT = "late_payment"  # Late Payment of Commercial Debts (Interest) Act 1998


class EntryKind(str, Enum):
    CHARGE = "charge"
    PAYMENT = "payment"


class EventKind(str, Enum):
    LETTER_BEFORE_CLAIM_SENT = "letter_before_claim_sent"
    REPLY_RECEIVED = "reply_received"
    ADVICE_SOUGHT = "advice_sought"
    DOCUMENTS_REQUESTED = "documents_requested"
    DOCUMENTS_SUPPLIED = "documents_supplied"
    NOTICE_OF_INTENTION_TO_ISSUE = "notice_of_intention_to_issue"
    ACKNOWLEDGMENT_OF_DEBT = "acknowledgment_of_debt"
    CLAIM_ISSUED = "claim_issued"
    JUDGMENT_ENTERED = "judgment_entered"
    NOTE = "note"


@dataclass(frozen=True)
class Address:
    lines: tuple[str, ...]
    town: str
    postcode: str

    def one_line(self) -> str:
        return ", ".join([*self.lines, self.town, self.postcode])

    def as_lines(self) -> list[str]:
        return [*self.lines, self.town, self.postcode]


@dataclass(frozen=True)
class Claimant:
    """The council bringing the claim, and the officer who deals with it."""

    name: str
    address: Address
    officer_name: str
    officer_phone: str
    officer_email: str
    officer_position: str = "Debt Recovery Officer"
    department: str = ""
    fee_account: str = ""
    solicitor_conducted: bool = False
    legal_representative: str = ""
    payment_instructions: str = ""
    reply_address: Address | None = None

    @property
    def address_for_replies(self) -> Address:
        return self.reply_address or self.address


@dataclass(frozen=True)
class BreathingSpace:
    start: dt.date
    end: dt.date | None = None  # open-ended for a mental health crisis breathing space
    kind: str = "standard"  # "standard" or "mental_health_crisis"


@dataclass(frozen=True)
class Debtor:
    kind: DebtorKind
    address: Address
    title: str = ""
    first_names: str = ""
    surname: str = ""
    trading_name: str = ""
    company_name: str = ""
    company_number: str = ""
    email: str = ""
    phone: str = ""
    vulnerability: str = ""
    breathing_spaces: tuple[BreathingSpace, ...] = ()
    employer: str = ""

    @property
    def is_individual(self) -> bool:
        """The PAPDC applies to individuals, sole traders included (LAW.md §1)."""
        return self.kind in (DebtorKind.INDIVIDUAL, DebtorKind.SOLE_TRADER)

    @property
    def personal_name(self) -> str:
        return " ".join(p for p in (self.title, self.first_names, self.surname) if p)

    @property
    def name(self) -> str:
        """The name as pleaded on a claim form (N1 notes: title and full name; firms; companies)."""
        if self.kind is DebtorKind.COMPANY:
            return self.company_name
        if self.kind is DebtorKind.PARTNERSHIP:
            return f"{self.company_name} (a firm)"
        if self.kind is DebtorKind.SOLE_TRADER and self.trading_name:
            return f"{self.personal_name} trading as {self.trading_name}"
        return self.personal_name

    @property
    def salutation(self) -> str:
        if self.kind in (DebtorKind.COMPANY, DebtorKind.PARTNERSHIP):
            return "Dear Sir or Madam"
        if self.title and self.surname:
            return f"Dear {self.title} {self.surname}"
        return f"Dear {self.personal_name}"


@dataclass(frozen=True)
class Agreement:
    kind: AgreementKind
    date: dt.date | None = None
    parties: tuple[str, ...] = ()
    description: str = ""
    made_by: str = ""  # oral agreements: who made it
    place: str = ""  # oral agreements: where


@dataclass(frozen=True)
class Debt:
    type: DebtType
    description: str
    agreement: Agreement
    property_address: Address | None = None
    cca_regulated: bool = False


@dataclass(frozen=True)
class LedgerEntry:
    date: dt.date
    description: str
    amount: Decimal  # always positive; kind says which way it goes
    kind: EntryKind

    @property
    def signed(self) -> Decimal:
        return self.amount if self.kind is EntryKind.CHARGE else -self.amount


@dataclass(frozen=True)
class Interest:
    basis: InterestBasis = InterestBasis.NONE
    rate: Decimal | None = None  # percent a year; None = the basis's default
    from_date: dt.date | None = None  # None = from the last charge

    @property
    def continuing(self) -> bool:
        return self.basis is not InterestBasis.NONE


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: EventKind
    note: str = ""


@dataclass(frozen=True)
class Property:
    """Land owned by a debtor, for a charging order (PD 73, N379)."""

    address: Address
    title_number: str = ""
    debtor_interest: str = "sole legal and beneficial owner"
    other_owners: tuple[str, ...] = ()
    other_creditors: tuple[str, ...] = ()


# How often instalments fall due: the closed list courts order (CPR 40.11, N30/N245 boxes).
FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly")


@dataclass(frozen=True)
class Instalments:
    amount: Decimal
    frequency: str  # weekly, fortnightly, four_weekly, monthly
    first_payment: dt.date


@dataclass(frozen=True)
class Judgment:
    claim_number: str
    court: str
    date: dt.date
    amount: Decimal  # debt, interest, fee and costs as entered
    costs: Decimal = Decimal("0.00")
    paid_since: Decimal = Decimal("0.00")
    instalments: Instalments | None = None

    @property
    def outstanding(self) -> Decimal:
        return self.amount + self.costs - self.paid_since


@dataclass
class Case:
    """One recovery case: who owes what to whom, on what basis, and what has happened."""

    reference: str
    claimant: Claimant
    debtors: list[Debtor]
    debt: Debt
    ledger: list[LedgerEntry]
    interest: Interest = field(default_factory=Interest)
    events: list[Event] = field(default_factory=list)
    properties: list[Property] = field(default_factory=list)
    judgment: Judgment | None = None
    preferred_court: str = ""
    version: int | None = None  # the register version this file was exported at (stale-save check)

    @property
    def debtor(self) -> Debtor:
        return self.debtors[0]

    def balance(self, on: dt.date | None = None) -> Decimal:
        """Charges less payments, up to and including ``on`` (default: all entries)."""
        total = sum((e.signed for e in self.ledger if on is None or e.date <= on), Decimal("0.00"))
        return round_penny(total)

    def last_charge_date(self) -> dt.date:
        return max(e.date for e in self.ledger if e.kind is EntryKind.CHARGE)

    def last_payment_date(self) -> dt.date | None:
        dates = [e.date for e in self.ledger if e.kind is EntryKind.PAYMENT]
        return max(dates) if dates else None

    def events_of(self, kind: EventKind) -> list[Event]:
        return sorted((e for e in self.events if e.kind is kind), key=lambda e: e.date)

    def latest_event(self, kind: EventKind) -> Event | None:
        found = self.events_of(kind)
        return found[-1] if found else None

    def running_ledger(self) -> list[tuple[LedgerEntry, Decimal]]:
        """Entries in date order with the balance after each (statement of account)."""
        balance = Decimal("0.00")
        rows = []
        for entry in sorted(self.ledger, key=lambda e: e.date):
            balance += entry.signed
            rows.append((entry, balance))
        return rows
