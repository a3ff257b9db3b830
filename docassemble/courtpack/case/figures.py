"""From a case to the law's answers: the inputs law/ needs, taken from the case model.

Why here: law/ is pure and knows nothing of the case; the calculator, every form and every
interview of the claim must ask it the same questions with the same inputs. The readings made
here, in one place:
- each ledger charge is a sum that fell due on its date (interest and limitation run item by item);
  for the Late Payment Act its date is the invoice date (notice of the debt);
- ledger payments are the debtor's, so each is a part payment under s.29(5) Limitation Act 1980, and
  an ``acknowledgment_of_debt`` event records a written acknowledgment signed by the debtor or agent;
- a judgment's ``paid_since`` has no dates, so it is treated as paid on the judgment date (the
  smallest interest: never over-claimed);
- the representative is a lawyer only when the council's solicitors conduct the claim.
Nothing here decides law; it only gathers facts and calls law/.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..law import limitation as limitation_rules
from ..law.breathing_space import BreathingSpaceStatus, BreathingSpaceWindow, breathing_space_status
from ..law.breathing_space import last_day as breathing_space_last_day
from ..law.claim import ClaimFigures, IssueCheck, claim_figures, issue_check
from ..law.courts import hearing_centre_for
from ..law.enforcement import EnforcementAssessment, enforcement_options
from ..law.interest import InterestResult, interest_for
from ..law.judgment_interest import InstalmentOrder, judgment_interest
from ..law.late_payment import Invoice
from ..law.protocol import ProtocolStatus, protocol_status
from .model import Case, DebtorKind, EntryKind, EventKind, Judgment


def interest_start(case: Case) -> dt.date:
    return case.interest.from_date or case.last_charge_date()


def representative_is_lawyer(case: Case) -> bool:
    """True only when the council's solicitors conduct the claim: the N1 then names a legal representative."""
    return case.claimant.solicitor_conducted


def personally_served_elsewhere(case: Case, service: str) -> int:
    """Defendants after the first whom the claimant serves personally at a separate address (£15 each)."""
    if service != "claimant-personal":
        return 0
    first = case.debtors[0]
    return sum(1 for d in case.debtors[1:] if d.address != first.address)


def breathing_space_windows(case: Case) -> list[tuple[dt.date, dt.date | None]]:
    """Every notified breathing space as (first day, last day or None), for leaving days out of interest."""
    return [
        (b.start, breathing_space_last_day(BreathingSpaceWindow(b.start, b.end, b.kind)))
        for d in case.debtors
        for b in d.breathing_spaces
    ]


def _unpaid_invoices(
    charges: list[tuple[dt.date, Decimal, str]], payments: list[tuple[dt.date, Decimal]]
) -> list[Invoice]:
    """Invoices still (partly) unpaid, payments taken against the oldest first; interest on a part paid
    late is not claimed (the smaller figure)."""
    left = sum((value for _, value in payments), Decimal("0.00"))
    unpaid = []
    for day, value, _ in sorted(charges, key=lambda c: c[0]):
        used = min(value, left)
        left -= used
        if value - used > 0:
            unpaid.append(Invoice(value - used, day))
    return unpaid


def claim_figures_for(case: Case, issue_date: dt.date, service: str = "court") -> ClaimFigures:
    """The N1 figures on ``issue_date``; ``service`` is court, claimant-post or claimant-personal."""
    entries = [e for e in case.ledger if e.date <= issue_date]
    charges = [(e.date, e.amount, e.description) for e in entries if e.kind is EntryKind.CHARGE]
    payments = [(e.date, e.amount) for e in entries if e.kind is EntryKind.PAYMENT]
    basis = case.interest.basis.value
    itemised = basis in ("statutory", "contractual") and case.interest.from_date is None
    invoices = _unpaid_invoices(charges, payments) if basis == "late_payment" else []
    return claim_figures(
        case.balance(on=issue_date),
        issue_date=issue_date,
        interest_basis=basis,
        interest_rate=case.interest.rate,
        interest_from=interest_start(case),
        charges=charges if itemised else (),
        payments=payments if itemised else (),
        breathing_spaces=breathing_space_windows(case),
        invoices=invoices,
        legal_representative=representative_is_lawyer(case),
        service=service,
        defendants=len(case.debtors),
        personally_served_elsewhere=personally_served_elsewhere(case, service),
    )


def preferred_hearing_centre(case: Case, on: dt.date) -> str | None:
    """The hearing centre for the N1: the first individual defendant's home court, if courtpack knows it."""
    individual = next((d for d in case.debtors if d.kind in (DebtorKind.INDIVIDUAL, DebtorKind.SOLE_TRADER)), None)
    return hearing_centre_for((individual or case.debtor).address.postcode, on)


def protocol_for(case: Case, on: dt.date, letter_date: dt.date | None = None) -> ProtocolStatus:
    def latest(kind: EventKind) -> dt.date | None:
        event = case.latest_event(kind)
        return event.date if event else None

    return protocol_status(
        debtor_is_individual=any(d.is_individual for d in case.debtors),
        on=on,
        letter_date=latest(EventKind.LETTER_BEFORE_CLAIM_SENT) or letter_date,
        reply_date=latest(EventKind.REPLY_RECEIVED),
        advice_sought_date=latest(EventKind.ADVICE_SOUGHT),
        documents_requested_date=latest(EventKind.DOCUMENTS_REQUESTED),
        documents_supplied_date=latest(EventKind.DOCUMENTS_SUPPLIED),
        notice_date=latest(EventKind.NOTICE_OF_INTENTION_TO_ISSUE),
    )


def limitation_for(case: Case, on: dt.date) -> tuple[limitation_rules.LimitationResult, ...]:
    cause = limitation_rules.cause_for_debt_type(case.debt.type.value)
    acks = [e.date for e in case.ledger if e.kind is EntryKind.PAYMENT]
    acks += [e.date for e in case.events_of(EventKind.ACKNOWLEDGMENT_OF_DEBT)]
    charges = [(e.date, e.amount) for e in case.ledger if e.kind is EntryKind.CHARGE]
    return limitation_rules.debt_limitation(cause, charges, acks, on)


def breathing_space_for(case: Case, on: dt.date) -> BreathingSpaceStatus:
    windows = [BreathingSpaceWindow(b.start, b.end, b.kind) for d in case.debtors for b in d.breathing_spaces]
    return breathing_space_status(windows, on)


def issue_check_for(case: Case, on: dt.date, letter_date: dt.date | None = None) -> IssueCheck:
    return issue_check(
        protocol=protocol_for(case, on, letter_date),
        limitation=limitation_for(case, on),
        breathing_space=breathing_space_for(case, on),
    )


def interest_since_issue(case: Case, issue_date: dt.date, to_date: dt.date) -> InterestResult | None:
    """Interest from the issue date to ``to_date`` at the rate pleaded (N225 "interest since date of claim")."""
    if not case.interest.continuing or to_date <= issue_date:
        return None
    return interest_for(case.interest.basis.value, case.balance(on=issue_date), issue_date, to_date, case.interest.rate)


@dataclass(frozen=True)
class JudgmentPosition:
    """A judgment as enforcement sees it on a day: what is owed, judgment interest, the routes."""

    judgment: Judgment
    on: dt.date
    outstanding: Decimal
    interest: InterestResult
    assessment: EnforcementAssessment

    @property
    def total_due(self) -> Decimal:
        return self.outstanding + self.interest.interest


def judgment_position(
    case: Case,
    judgment: Judgment,
    on: dt.date,
    *,
    employed: bool = False,
    instalments_in_arrears: bool = False,
    enforcement_started: dt.date | None = None,
    enforcement_unproductive: bool = False,
) -> JudgmentPosition:
    """What is owed on ``on`` under ``judgment``, its interest (s.74 CCA 1984, 1991 Order), and the routes.

    ``enforcement_started`` is the day enforcement other than a charging order was taken.
    """
    title = next((p.title_number for p in case.properties if p.title_number), None)
    instalment_order = judgment.instalments is not None
    terms = judgment.instalments
    order = (
        InstalmentOrder(terms.amount, terms.frequency.replace("_", "-"), terms.first_payment)
        if terms is not None
        else None
    )
    paid = [(judgment.date, judgment.paid_since)] if judgment.paid_since > 0 else []
    interest = judgment_interest(
        judgment.amount + judgment.costs,
        judgment.date,
        on,
        payments=paid,
        instalments=order,
        enforcement_started=enforcement_started,
        enforcement_unproductive=enforcement_unproductive,
        cca_regulated=case.debt.cca_regulated,
        late_payment_debt=case.interest.basis.value == "late_payment",
        breathing_spaces=breathing_space_windows(case),
    )
    assessment = enforcement_options(
        outstanding=judgment.outstanding,
        judgment_date=judgment.date,
        on=on,
        cca_regulated=case.debt.cca_regulated,
        employed=employed or bool(case.debtor.employer),
        property_title=title,
        breathing_space=breathing_space_for(case, on),
        instalment_order=instalment_order,
        instalments_in_arrears=instalments_in_arrears,
    )
    return JudgmentPosition(judgment, on, judgment.outstanding, interest, assessment)
