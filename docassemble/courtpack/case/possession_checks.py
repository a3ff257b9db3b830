"""Is a possession step allowed today? The claim (notice, protocol, vulnerability, agreement, breathing
space) and enforcement (warrant of possession or application to fix a date), each refused with reasons.

Why refusals name every reason at once: the officer fixes them together; a claim issued before the notice
has run, after it lapsed or without the protocol steps is the commonest reason these claims are
adjourned or dismissed. The law (dates, steps, which document) comes from ``law.possession``; this
module applies it to one case's facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..law.breathing_space import breathing_space_status, is_blocked
from ..law.calendar import add_years
from ..law.dates import format_date
from ..law.possession import (
    BEFORE_CLAIM,
    BEFORE_HEARING,
    ENFORCEMENT_STEP,
    FIX_DATE_NOTICE_DAYS,
    earliest_date_specified,
    notice_window,
    service_date,
)
from ..law.possession.moratorium import BLOCKED_STEPS, MORATORIUM_ROWS
from ..law.possession.notice_periods import NOTICE_ROWS
from ..law.possession.rows import RuleRow
from ..law.possession.social_protocol import AGREEMENT_ROW
from ..law.possession.warrant import PERMISSION_YEARS, WARRANT_ROWS
from .possession_case import PossessionFacts, ProtocolStep
from .possession_order import OrderKind, PossessionOrder, TermsCompliance, terms_compliance
from .tenancy import balance_at

REVIEW_ROW = next(r for r in NOTICE_ROWS if r.code == "review_before_date")


@dataclass(frozen=True)
class Readiness:
    step: str  # "claim" | "n325_warrant" | "n244_fix_date" | "restore_claim"
    ready: bool
    reasons: tuple[str, ...]  # why not (empty when ready)
    basis: str
    sources: tuple[str, ...]
    compliance: TermsCompliance | None = None


def protocol_record(facts: PossessionFacts) -> list[tuple[RuleRow, ProtocolStep | None]]:
    """Each protocol step a claim needs (then those before the hearing), with the latest recorded one or None.

    Why: the particulars' protocol compliance statement and the hearing pack list every step with its date,
    and say plainly which were not taken; the vulnerability assessment counts as its step.
    """
    taken: dict[str, ProtocolStep] = {}
    for step in sorted(facts.protocol_steps, key=lambda s: s.done_on):
        if step.done_on <= facts.as_at:
            taken[step.code] = step
    if facts.vulnerability is not None and facts.vulnerability.done_on <= facts.as_at:
        taken.setdefault(
            "vulnerability_assessment",
            ProtocolStep("vulnerability_assessment", facts.vulnerability.done_on, facts.vulnerability.reasons),
        )
    return [(rule, taken.get(rule.code)) for rule in (*BEFORE_CLAIM, *BEFORE_HEARING)]


def missing_protocol_steps(facts: PossessionFacts) -> list[str]:
    """Codes of the protocol steps required before a claim that are not recorded on or before ``as_at``.

    The step after the notice must come after the notice was served.
    """
    done = {s.code: s.done_on for s in facts.protocol_steps if s.done_on <= facts.as_at}
    if facts.vulnerability is not None and facts.vulnerability.done_on <= facts.as_at:
        done.setdefault("vulnerability_assessment", facts.vulnerability.done_on)
    missing = [r.code for r in BEFORE_CLAIM if r.code not in done]
    if (
        facts.notice is not None
        and "post_notice_contact" in done
        and done["post_notice_contact"] < facts.notice.handed_or_posted
    ):
        missing.append("post_notice_contact")
    return missing


def claim_readiness(facts: PossessionFacts, on: dt.date | None = None) -> Readiness:
    """Whether a possession claim may be issued on ``on`` (default: ``facts.as_at``), with every reason not."""
    day = on or facts.as_at
    reasons: list[str] = []
    sources: list[str] = []
    tenancy = facts.tenancy_kind
    rent = facts.account.tenancy
    if facts.notice is None:
        noun = "notice of seeking possession" if tenancy in ("secure", "flexible") else "notice of proceedings"
        reasons.append(f"No {noun} is recorded: serve one and record it before the claim.")
    else:
        notice = facts.notice
        served = service_date(notice.handed_or_posted, notice.method)
        rent_now = rent.rent_on(served)
        least = earliest_date_specified(served, rent_now.effective_from, rent_now.frequency.value)
        window = notice_window(tenancy, notice.date_specified)
        if notice.date_specified < least:
            reasons.append(
                f"The notice names {format_date(notice.date_specified)}, earlier than the law allows for a notice "
                f"served on {format_date(served)} (the earliest is {format_date(least)}): serve a new notice."
            )
        if day < window.proceedings_from:
            reasons.append(
                f"The notice period has not run: proceedings may be begun from {format_date(window.proceedings_from)}."
            )
        if window.last_issue_date is not None and day > window.last_issue_date:
            reasons.append(
                f"The notice lapsed on {format_date(window.lapses_on or day)} (twelve months after the date it named): "
                "serve a new notice."
            )
    reasons += _review_pending(facts, day)
    labels = {r.code: r for r in BEFORE_CLAIM}
    for code in missing_protocol_steps(facts):
        reasons.append(f"Protocol step missing: {labels[code].name} ({labels[code].source}).")
        sources.append(labels[code].source)
    if facts.vulnerability is not None and facts.vulnerability.outcome == "vulnerable_not_proportionate":
        reasons.append(
            f"The vulnerability assessment of {format_date(facts.vulnerability.done_on)} found a claim would not be "
            "proportionate: review it before issuing."
        )
    if facts.agreement is not None and facts.agreement.made_on <= day:
        kept = terms_compliance(_agreement_order(facts), facts.account, day)
        if not kept.broken:
            reasons.append(
                f"An agreement made on {format_date(facts.agreement.made_on)} is being kept: do not issue while it is "
                f"({AGREEMENT_ROW.source})."
            )
            sources.append(AGREEMENT_ROW.source)
    status = breathing_space_status(facts.breathing_spaces, day)
    if is_blocked(BLOCKED_STEPS["claim"], status):
        reasons.append(f"A breathing space is active: {status.basis}")
        sources.append(MORATORIUM_ROWS[0].source)
    basis = (
        f"A possession claim may be issued on {format_date(day)}."
        if not reasons
        else "The claim may not be issued yet."
    )
    return Readiness("claim", not reasons, tuple(reasons), basis, tuple(dict.fromkeys(sources)))


def _review_pending(facts: PossessionFacts, day: dt.date) -> list[str]:
    """Introductory and demoted tenancies: a review the tenant asked for must be decided and notified first."""
    if facts.tenancy_kind not in ("introductory", "demoted"):
        return []
    asked = [s.done_on for s in facts.protocol_steps if s.code == "review_requested" and s.done_on <= day]
    told = [s.done_on for s in facts.protocol_steps if s.code == "review_notified" and s.done_on <= day]
    if not asked or (told and max(told) >= max(asked)):
        return []
    return [
        f"The tenant asked for a review on {format_date(max(asked))}: carry it out and notify the decision "
        f"before issuing ({REVIEW_ROW.source})."
    ]


def _agreement_order(facts: PossessionFacts) -> PossessionOrder:
    """The pre-action agreement read as terms (instalments run until the arrears at the agreement are paid)."""
    agreement = facts.agreement
    assert agreement is not None  # the caller checked
    arrears = balance_at(facts.account, max(agreement.made_on, facts.account.opened_on))
    return PossessionOrder(OrderKind.ADJOURNED, agreement.made_on, terms=agreement.terms, arrears=arrears)


def enforcement_readiness(facts: PossessionFacts, on: dt.date | None = None) -> Readiness:
    """The next enforcement step for the order (N325 warrant, N244 to fix a date, or restoring the claim),
    refused with reasons while the terms are kept or an outright order's date has not passed."""
    day = on or facts.as_at
    order = facts.order
    if order is None:
        return Readiness("none", False, ("No possession order is recorded.",), "Nothing to enforce.", ())
    step = ENFORCEMENT_STEP[order.kind.value]
    law = WARRANT_ROWS[0] if step == "n325_warrant" else WARRANT_ROWS[1]
    reasons: list[str] = []
    compliance: TermsCompliance | None = None
    if order.terms is not None:
        compliance = terms_compliance(order, facts.account, day)
        if not compliance.broken:
            reasons.append(f"The terms are being kept: {compliance.basis}")
    if order.possession_date is not None and day <= order.possession_date:
        reasons.append(
            f"The date for possession, {format_date(order.possession_date)}, has not passed: a warrant may be "
            f"requested from {format_date(order.possession_date + dt.timedelta(days=1))}."
        )
    if add_years(order.made_on, PERMISSION_YEARS) <= day:
        reasons.append(
            f"The order is {PERMISSION_YEARS} years old or more: the court's permission is needed (CPR 83.2(3)(a))."
        )
    status = breathing_space_status(facts.breathing_spaces, day)
    if is_blocked(BLOCKED_STEPS["warrant"], status):
        reasons.append(f"A breathing space is active: {status.basis}")
    names = {
        "n325_warrant": "request a warrant of possession ("
        + ("N325A, with the payments due and made under the order" if order.kind is OrderKind.SUSPENDED else "N325")
        + ")",
        "n244_fix_date": (
            f"apply on N244 to fix a date for possession, after {FIX_DATE_NOTICE_DAYS} days' notice to the tenant"
        ),
        "restore_claim": "apply to restore the adjourned claim for a hearing",
    }
    basis = f"{order.kind.label.capitalize()}: the next step is to {names[step]}."
    return Readiness(step, not reasons, tuple(reasons), basis, (law.source,), compliance)
