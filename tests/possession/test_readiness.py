"""Each refusal of a claim or an enforcement step, and the cases where it is allowed.

The conftest account: a secure weekly tenancy (Mondays), £1,100.00 owed on Mon 7 Apr 2025.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from docassemble.courtpack.case.possession_case import (
    NoticeServed,
    PaymentAgreement,
    PossessionFacts,
    ProtocolStep,
    VulnerabilityAssessment,
)
from docassemble.courtpack.case.possession_checks import claim_readiness, enforcement_readiness
from docassemble.courtpack.case.possession_order import OrderKind, OrderTerms, PossessionOrder
from docassemble.courtpack.case.tenancy import AccountEntry, CreditSource, RentAccount, RentFrequency
from docassemble.courtpack.law.breathing_space import BreathingSpaceWindow

# notice handed over Mon 6 Jan 2025: earliest date to name Mon 3 Feb 2025 (6 Jan + 28 days, a rent day)
NOTICE = NoticeServed("notice of seeking possession", dt.date(2025, 1, 6), "hand", dt.date(2025, 2, 3))
STEPS = tuple(
    ProtocolStep(code, day)
    for code, day in (
        ("contact", dt.date(2024, 11, 4)),
        ("rent_statement", dt.date(2024, 11, 4)),
        ("affordable_proposal", dt.date(2024, 11, 18)),
        ("benefit_help", dt.date(2024, 11, 18)),
        ("debt_advice", dt.date(2024, 11, 18)),
        ("post_notice_contact", dt.date(2025, 1, 20)),
    )
)
ASSESSED = VulnerabilityAssessment(
    dt.date(2025, 1, 27), "no_vulnerability_found", "no disability or vulnerability known"
)


def facts(account: RentAccount, on: dt.date, **kw: object) -> PossessionFacts:
    base: dict[str, object] = {"protocol_steps": STEPS, "vulnerability": ASSESSED, "notice": NOTICE}
    base.update(kw)
    return PossessionFacts("HRA-2025-0007", on, account, **base)  # type: ignore[arg-type]


def test_ready_once_the_notice_has_run(account: RentAccount) -> None:
    got = claim_readiness(facts(account, dt.date(2025, 4, 7)))
    assert got.ready and got.reasons == ()


def test_refused_before_the_notice_period_has_run(account: RentAccount) -> None:
    # the notice names 3 Feb 2025: proceedings may be begun after it, from 4 Feb
    got = claim_readiness(facts(account, dt.date(2025, 2, 3)))
    assert not got.ready
    assert got.reasons == ("The notice period has not run: proceedings may be begun from 4 February 2025.",)
    assert claim_readiness(facts(account, dt.date(2025, 2, 4))).ready


def test_refused_after_the_notice_lapsed(account: RentAccount) -> None:
    # 12 months after 3 Feb 2025 = 3 Feb 2026: the last day to issue is 2 Feb 2026
    assert claim_readiness(facts(account, dt.date(2026, 2, 2))).ready
    got = claim_readiness(facts(account, dt.date(2026, 2, 3)))
    assert got.reasons == (
        "The notice lapsed on 3 February 2026 (twelve months after the date it named): serve a new notice.",
    )


def test_refused_when_the_notice_names_too_early_a_date(account: RentAccount) -> None:
    early = NoticeServed("notice of seeking possession", dt.date(2025, 1, 6), "hand", dt.date(2025, 1, 27))
    got = claim_readiness(facts(account, dt.date(2025, 4, 7), notice=early))
    assert "earlier than the law allows" in got.reasons[0] and "3 February 2025" in got.reasons[0]


def test_refused_without_a_notice(account: RentAccount) -> None:
    got = claim_readiness(facts(account, dt.date(2025, 4, 7), notice=None))
    assert got.reasons == ("No notice of seeking possession is recorded: serve one and record it before the claim.",)


def test_refused_naming_each_missing_protocol_step(account: RentAccount) -> None:
    some = tuple(s for s in STEPS if s.code not in ("benefit_help", "debt_advice"))
    got = claim_readiness(facts(account, dt.date(2025, 4, 7), protocol_steps=some, vulnerability=None))
    assert [r.split(" (")[0] for r in got.reasons] == [
        "Protocol step missing: offer help with housing benefit, Discretionary Housing Payment or Universal Credit",
        "Protocol step missing: advise the tenant to seek debt advice",
        "Protocol step missing: assess vulnerability and proportionality",
    ]


def test_contact_before_the_notice_does_not_count_as_after_it(account: RentAccount) -> None:
    steps = tuple(s if s.code != "post_notice_contact" else ProtocolStep(s.code, dt.date(2025, 1, 3)) for s in STEPS)
    got = claim_readiness(facts(account, dt.date(2025, 4, 7), protocol_steps=steps))
    assert got.reasons[0].startswith("Protocol step missing: contact the tenant after the notice is served")


def test_refused_while_an_agreement_is_kept(
    with_credits: Callable[..., RentAccount], weekly_credits: Callable[..., list[AccountEntry]]
) -> None:
    # agreement of Mon 10 Mar 2025: current rent + £5 a week from Mon 10 Mar. HB pays £60 each Monday; the
    # tenant pays £55 each Friday from 14 Mar: 60 + 55 = 115 = 110 + 5 a week, so it is kept.
    account = with_credits(weekly_credits(dt.date(2025, 3, 14), dt.date(2025, 4, 4), "55.00", CreditSource.TENANT))
    agreement = PaymentAgreement(
        dt.date(2025, 3, 10), OrderTerms(Decimal("5.00"), RentFrequency.WEEKLY, dt.date(2025, 3, 10))
    )
    got = claim_readiness(facts(account, dt.date(2025, 4, 7), agreement=agreement))
    assert len(got.reasons) == 1 and got.reasons[0].startswith("An agreement made on 10 March 2025 is being kept")
    # without the tenant's payments the agreement is broken and the claim may go ahead
    unpaid = PossessionFacts("HRA-2025-0007", dt.date(2025, 4, 7), with_credits([]), STEPS, ASSESSED, NOTICE, agreement)
    assert claim_readiness(unpaid).ready


def test_refused_in_a_breathing_space(account: RentAccount) -> None:
    got = claim_readiness(
        facts(account, dt.date(2025, 4, 7), breathing_spaces=(BreathingSpaceWindow(dt.date(2025, 3, 20)),))
    )
    assert len(got.reasons) == 1 and got.reasons[0].startswith("A breathing space is active")


SUSPENDED = PossessionOrder(
    OrderKind.SUSPENDED,
    dt.date(2025, 4, 7),
    possession_date=dt.date(2025, 5, 5),
    terms=OrderTerms(Decimal("10.00"), RentFrequency.WEEKLY, dt.date(2025, 4, 14)),
    arrears=Decimal("1100.00"),
)


def test_warrant_refused_while_terms_are_kept(
    with_credits: Callable[..., RentAccount], weekly_credits: Callable[..., list[AccountEntry]]
) -> None:
    # HB £60 Mondays and the tenant £60 Fridays from 14 Apr: 120 a week = rent 110 + 10
    account = with_credits(
        weekly_credits(dt.date(2025, 4, 14), dt.date(2025, 6, 30), "60.00", CreditSource.HOUSING_BENEFIT)
        + weekly_credits(dt.date(2025, 4, 18), dt.date(2025, 7, 4), "60.00", CreditSource.TENANT)
    )
    got = enforcement_readiness(facts(account, dt.date(2025, 7, 7), order=SUSPENDED))
    assert got.step == "n325_warrant" and not got.ready
    assert got.reasons[0].startswith("The terms are being kept")


def test_warrant_allowed_on_breach_of_a_suspended_order(account: RentAccount) -> None:
    # nothing paid by the tenant from 14 Apr; HB neither (the fixture's credits end 7 Apr): 4 weeks x 120 short
    got = enforcement_readiness(facts(account, dt.date(2025, 5, 12), order=SUSPENDED))
    assert got.step == "n325_warrant" and got.ready
    assert got.compliance is not None and got.compliance.shortfall == Decimal("480.00")


def test_suspended_order_breached_before_its_possession_date(account: RentAccount) -> None:
    got = enforcement_readiness(facts(account, dt.date(2025, 4, 28), order=SUSPENDED))
    assert got.reasons == (
        "The date for possession, 5 May 2025, has not passed: a warrant may be requested from 6 May 2025.",
    )


def test_outright_order_waits_for_its_date(account: RentAccount) -> None:
    outright = PossessionOrder(OrderKind.OUTRIGHT, dt.date(2025, 4, 7), possession_date=dt.date(2025, 5, 5))
    early = enforcement_readiness(facts(account, dt.date(2025, 5, 5), order=outright))
    assert early.step == "n325_warrant" and not early.ready
    assert enforcement_readiness(facts(account, dt.date(2025, 5, 6), order=outright)).ready


def test_postponed_order_leads_to_an_application_to_fix_a_date(account: RentAccount) -> None:
    postponed = PossessionOrder(
        OrderKind.POSTPONED, dt.date(2025, 4, 7), terms=SUSPENDED.terms, arrears=Decimal("1100.00")
    )
    got = enforcement_readiness(facts(account, dt.date(2025, 5, 12), order=postponed))
    assert got.step == "n244_fix_date" and got.ready
    assert "14 days' notice" in got.basis


def test_nothing_to_enforce_without_an_order(account: RentAccount) -> None:
    got = enforcement_readiness(facts(account, dt.date(2025, 5, 12)))
    assert not got.ready and got.reasons == ("No possession order is recorded.",)


def test_protocol_record_lists_each_step_with_its_date(account: RentAccount) -> None:
    from docassemble.courtpack.case.possession_checks import protocol_record

    record = protocol_record(facts(account, dt.date(2025, 4, 7)))
    got = {rule.code: (step.done_on if step else None) for rule, step in record}
    assert got["contact"] == dt.date(2024, 11, 4)
    assert got["vulnerability_assessment"] == dt.date(2025, 1, 27)  # from the assessment itself
    assert got["hearing_rent_statement"] is None  # before-hearing steps not yet taken
    assert [rule.code for rule, _ in record][-2:] == ["hearing_rent_statement", "hearing_informed"]


def test_warrant_refused_in_a_breathing_space(account: RentAccount) -> None:
    # the terms are broken (nothing paid from 14 Apr) but a breathing space started on 1 May 2025
    space = (BreathingSpaceWindow(dt.date(2025, 5, 1)),)
    got = enforcement_readiness(facts(account, dt.date(2025, 5, 12), order=SUSPENDED, breathing_spaces=space))
    assert not got.ready and len(got.reasons) == 1 and got.reasons[0].startswith("A breathing space is active")


def test_introductory_claim_waits_for_a_requested_review(account: RentAccount) -> None:
    from dataclasses import replace

    from docassemble.courtpack.case.tenancy import TenancyKind

    intro = replace(account, tenancy=replace(account.tenancy, kind=TenancyKind.INTRODUCTORY))
    notice = NoticeServed("notice of proceedings", dt.date(2025, 1, 6), "hand", dt.date(2025, 2, 3))
    asked = (*STEPS, ProtocolStep("review_requested", dt.date(2025, 1, 15)))
    got = claim_readiness(facts(intro, dt.date(2025, 4, 7), notice=notice, protocol_steps=asked))
    assert got.reasons == (
        "The tenant asked for a review on 15 January 2025: carry it out and notify the decision before issuing "
        "(Housing Act 1996 s.129(2), (5), (6); s.143F(2), (5), (6) for demoted tenancies).",
    )
    told = (*asked, ProtocolStep("review_notified", dt.date(2025, 1, 30)))
    assert claim_readiness(facts(intro, dt.date(2025, 4, 7), notice=notice, protocol_steps=told)).ready
