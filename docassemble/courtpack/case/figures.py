"""From a case to the law's answers: the inputs law/ needs, taken from the case model.

Why here: law/ is pure and knows nothing of the case; the calculator, every form and every
interview of the claim must ask it the same questions with the same inputs (principal on the
day, interest from the last charge unless the case says otherwise, payments as
acknowledgments...). Nothing here decides law; it only gathers facts and calls law/.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..law import limitation as limitation_rules
from ..law.breathing_space import BreathingSpaceStatus, BreathingSpaceWindow, breathing_space_status
from ..law.claim import ClaimFigures, IssueCheck, claim_figures, issue_check
from ..law.enforcement import EnforcementAssessment, enforcement_options
from ..law.interest import InterestResult, interest_for, judgment_interest
from ..law.protocol import ProtocolStatus, protocol_status
from .model import Case, EntryKind, EventKind, Judgment


def interest_start(case: Case) -> dt.date:
    return case.interest.from_date or case.last_charge_date()


def further_defendants(case: Case) -> int:
    first = case.debtors[0]
    return sum(1 for d in case.debtors[1:] if d.address != first.address)


def claim_figures_for(case: Case, issue_date: dt.date, service: str = "court") -> ClaimFigures:
    return claim_figures(case.balance(on=issue_date), issue_date=issue_date,
                         interest_basis=case.interest.basis.value, interest_rate=case.interest.rate,
                         interest_from=interest_start(case),
                         legal_representative=case.claimant.solicitor_conducted, service=service,
                         further_defendants=further_defendants(case))


def protocol_for(case: Case, on: dt.date, letter_date: dt.date | None = None) -> ProtocolStatus:
    def latest(kind: EventKind) -> dt.date | None:
        event = case.latest_event(kind)
        return event.date if event else None

    return protocol_status(
        debtor_is_individual=any(d.is_individual for d in case.debtors), on=on,
        letter_date=latest(EventKind.LETTER_BEFORE_CLAIM_SENT) or letter_date,
        reply_date=latest(EventKind.REPLY_RECEIVED), advice_sought_date=latest(EventKind.ADVICE_SOUGHT),
        documents_requested_date=latest(EventKind.DOCUMENTS_REQUESTED),
        documents_supplied_date=latest(EventKind.DOCUMENTS_SUPPLIED),
        notice_date=latest(EventKind.NOTICE_OF_INTENTION_TO_ISSUE))


def limitation_for(case: Case, on: dt.date) -> tuple[limitation_rules.LimitationResult, ...]:
    cause = limitation_rules.cause_for_debt_type(case.debt.type.value)
    acks = [e.date for e in case.ledger if e.kind is EntryKind.PAYMENT]
    acks += [e.date for e in case.events_of(EventKind.ACKNOWLEDGMENT_OF_DEBT)]
    charges = [e.date for e in case.ledger if e.kind is EntryKind.CHARGE]
    return limitation_rules.debt_limitation(cause, charges, acks, on)


def breathing_space_for(case: Case, on: dt.date) -> BreathingSpaceStatus:
    windows = [BreathingSpaceWindow(b.start, b.end, b.kind) for d in case.debtors for b in d.breathing_spaces]
    return breathing_space_status(windows, on)


def issue_check_for(case: Case, on: dt.date, letter_date: dt.date | None = None) -> IssueCheck:
    return issue_check(protocol=protocol_for(case, on, letter_date), limitation=limitation_for(case, on),
                       breathing_space=breathing_space_for(case, on))


def interest_since_issue(case: Case, issue_date: dt.date, to_date: dt.date) -> InterestResult | None:
    """Interest from the issue date to ``to_date`` at the rate pleaded (N225 "interest since date of claim")."""
    if not case.interest.continuing or to_date <= issue_date:
        return None
    return interest_for(case.interest.basis.value, case.balance(on=issue_date), issue_date, to_date,
                        case.interest.rate)


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


def judgment_position(case: Case, judgment: Judgment, on: dt.date, *, employed: bool = False,
                      instalments_in_arrears: bool = False, enforcement_started: dt.date | None = None
                      ) -> JudgmentPosition:
    title = next((p.title_number for p in case.properties if p.title_number), None)
    instalment_order = judgment.instalments is not None
    interest = judgment_interest(judgment.outstanding, judgment.date, on,
                                 late_payment_debt=case.interest.basis.value == "late_payment",
                                 instalment_order_complied=instalment_order and not instalments_in_arrears,
                                 enforcement_started=enforcement_started)
    assessment = enforcement_options(outstanding=judgment.outstanding, judgment_date=judgment.date, on=on,
                                     cca_regulated=case.debt.cca_regulated,
                                     employed=employed or bool(case.debtor.employer), property_title=title,
                                     breathing_space=breathing_space_for(case, on),
                                     instalment_order=instalment_order,
                                     instalments_in_arrears=instalments_in_arrears)
    return JudgmentPosition(judgment, on, judgment.outstanding, interest, assessment)
