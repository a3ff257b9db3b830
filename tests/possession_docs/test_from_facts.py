"""The documents read the core's facts: figures from the tenancy model, refusals from the core's checks.

A secure tenancy from Monday 6 January 2025 at £100.00 a week; housing benefit pays £50.00 every Monday;
the tenant pays nothing before the order. Daily rate £100.00 ÷ 7 = £14.2857… → £14.29.
- 3 March 2025 (notice, handed over): 9 rent days (6 Jan … 3 Mar) = £900.00, HB 9 × £50.00 = £450.00,
  arrears £450.00 = 4.5 weeks of rent.
- Tuesday 8 April 2025 (claim; the fee table's rows start that day): 14 rent days (6 Jan … 7 Apr) =
  £1,400.00, HB £700.00, arrears £700.00 = 7.0 weeks; the schedule starts at the first default,
  6 January 2025 (after the first week £50.00 was owing).
- Suspended order of Monday 5 May 2025: rent + £10.00 a week from Monday 12 May. The tenant pays £60.00 on
  12 and 19 May and £30.00 on 26 May, then nothing. Weekly periods to Sunday 8 June: due 4 × £110.00 =
  £440.00; paid (HB 4 × £50.00 = £200.00) + £150.00 = £350.00; shortfall £90.00, first in the period to
  Sunday 1 June (110 + 110 + 80 = 300 paid of 330).
- 9 June 2025 (warrant): 23 rent days = £2,300.00 − HB £1,150.00 − £150.00 = £1,000.00.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.case.possession_case import (
    ClaimIssued,
    NoticeServed,
    PossessionFacts,
    ProtocolStep,
    VulnerabilityAssessment,
)
from docassemble.courtpack.case.possession_order import OrderKind, OrderTerms, PossessionOrder
from docassemble.courtpack.case.tenancy import (
    AccountEntry,
    CreditSource,
    RentAccount,
    RentChange,
    RentFrequency,
    Tenancy,
    TenancyKind,
)
from docassemble.courtpack.documents._output import OutputSet
from docassemble.courtpack.documents.possession import Signatory
from docassemble.courtpack.documents.possession.from_facts import (
    claim_request,
    fix_date_request,
    notice_request,
    warrant_request,
)
from docassemble.courtpack.documents.possession.warrant import write_warrant_request
from docassemble.courtpack.errors import NotReadyError

from .helpers import pdf_text

D = Decimal
START = dt.date(2025, 1, 6)
SIGN = Signatory(name="Amara Bello", position="Income Manager")


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=7 * n) for n in range((last - first).days // 7 + 1)]


def _account(tenant: dict[dt.date, str]) -> RentAccount:
    tenancy = Tenancy(
        TenancyKind.SECURE,
        START,
        "12 Elm Court, Anytown AN1 2BC",
        (RentChange(START, D("100.00"), RentFrequency.WEEKLY),),
        ("Sam Tenant",),
        "RA-1001",
    )
    credits = [
        AccountEntry(day, "housing benefit", credit=D("50.00"), source=CreditSource.HOUSING_BENEFIT)
        for day in _mondays(START, dt.date(2025, 6, 30))
    ]
    credits += [
        AccountEntry(day, "payment", credit=D(amount), source=CreditSource.TENANT) for day, amount in tenant.items()
    ]
    return RentAccount(tenancy, START, D("0.00"), tuple(credits))


STEPS = tuple(
    ProtocolStep(code, day)
    for code, day in (
        ("contact", dt.date(2025, 2, 3)),
        ("rent_statement", dt.date(2025, 2, 3)),
        ("affordable_proposal", dt.date(2025, 2, 10)),
        ("benefit_help", dt.date(2025, 2, 10)),
        ("debt_advice", dt.date(2025, 2, 17)),
        ("post_notice_contact", dt.date(2025, 3, 10)),
    )
)
NOTICE = NoticeServed("notice of seeking possession", dt.date(2025, 3, 3), "hand", dt.date(2025, 3, 31))
ORDER_TERMS = OrderTerms(D("10.00"), RentFrequency.WEEKLY, dt.date(2025, 5, 12))
BROKEN = {dt.date(2025, 5, 12): "60.00", dt.date(2025, 5, 19): "60.00", dt.date(2025, 5, 26): "30.00"}


def _facts(as_at: dt.date, tenant: dict[dt.date, str] | None = None, **change) -> PossessionFacts:
    values = dict(
        reference="HRA-TEST-1",
        as_at=as_at,
        account=_account(tenant or {}),
        protocol_steps=STEPS,
        vulnerability=VulnerabilityAssessment(dt.date(2025, 2, 24), "no_vulnerability_found", "none found"),
        notice=NOTICE,
        claim=ClaimIssued(dt.date(2025, 4, 2), "K1AB2C3D", "County Court at Anytown", dt.date(2025, 5, 5)),
    )
    values.update(change)
    return PossessionFacts(**values)


def test_notice_request_carries_the_laws_dates_and_the_accounts_figures(case):
    request = notice_request(
        case,
        _facts(dt.date(2025, 3, 3)),
        notice_date=dt.date(2025, 3, 3),
        method="hand",
        particulars="",
        signatory=SIGN,
    )
    assert request.arrears == D("450.00") and request.arrears_weeks == D("4.5")
    assert request.tenancy.daily_rate == D("14.29") and request.tenancy.frequency == "week"
    assert request.tenancy.property_lines == ("12 Elm Court", "Anytown AN1 2BC")
    assert request.expected_service == dt.date(2025, 3, 3)  # handed over: served that day
    # the first rent day (a Monday) at least 4 weeks after 3 March: 3 March + 28 days = Monday 31 March
    assert request.date_specified == dt.date(2025, 3, 31)
    # in force twelve months from the date named: it ceases on 31 March 2026, so the last issue day is 30 March
    assert request.proceedings_by == dt.date(2026, 3, 30)
    assert request.ground_text.startswith("Rent lawfully due from the tenant has not been paid")


def test_claim_request_is_the_pd55a_schedule_after_the_core_allows_it(case):
    request = claim_request(
        case,
        _facts(dt.date(2025, 4, 8)),
        court="County Court at Anytown",
        issue_date=dt.date(2025, 4, 8),
        defendant_circumstances="",
        claimant_circumstances="",
        human_rights=False,
        signatory=SIGN,
    )
    assert request.arrears == D("700.00") and request.arrears_weeks == D("7.0")
    statement = request.statement
    assert statement.from_date == dt.date(2025, 1, 6) and statement.opening_balance == D("0.00")
    assert statement.total_due == D("1400.00") and statement.total_benefit == D("700.00")
    assert statement.total_paid == D("0.00") and statement.closing_balance == D("700.00")
    assert request.court_fee == D("404.00")
    assert request.notice_served == dt.date(2025, 3, 3)
    assert request.protocol_steps[0].date == dt.date(2025, 2, 3)  # the first contact, oldest first


@pytest.mark.parametrize(
    ("day", "change", "words"),
    [
        (dt.date(2025, 3, 31), {}, "The notice period has not run: proceedings may be begun from 1 April 2025"),
        (dt.date(2026, 3, 31), {}, "The notice lapsed"),
        (dt.date(2025, 4, 1), {"protocol_steps": STEPS[:4] + STEPS[5:]}, "Protocol step missing: advise the tenant"),
        (dt.date(2025, 4, 1), {"notice": None}, "No notice of seeking possession is recorded"),
    ],
)
def test_claim_refusals_come_from_the_core_in_one_message(case, day, change, words):
    with pytest.raises(
        NotReadyError, match=rf"^case HRA-2026-0031: courtpack will not issue a possession claim on .*{words}"
    ):
        claim_request(
            case,
            _facts(day, **change),
            court="County Court at Anytown",
            issue_date=day,
            defendant_circumstances="",
            claimant_circumstances="",
            human_rights=False,
            signatory=SIGN,
        )


def _order(kind: OrderKind) -> PossessionOrder:
    possession = dt.date(2025, 6, 2) if kind is OrderKind.SUSPENDED else None
    return PossessionOrder(kind, dt.date(2025, 5, 5), possession, ORDER_TERMS, D("1050.00"), D("404.00"), "K1AB2C3D")


def test_broken_suspended_order_gives_n325a_with_the_shortfall(tmp_path, case):
    facts = _facts(dt.date(2025, 6, 9), BROKEN, order=_order(OrderKind.SUSPENDED))
    request = warrant_request(case, facts, request_date=dt.date(2025, 6, 9), risk_information="", signatory=SIGN)
    assert "£440.00 fell due" in request.breach and "£350.00 was paid" in request.breach
    assert "shortfall of £90.00" in request.breach and "period ending 1 June 2025" in request.breach
    assert request.statement.closing_balance == D("1000.00")
    assert request.fee == D("148.00")
    with OutputSet(tmp_path) as out:
        staged = write_warrant_request(request, out, mode="own")
    text = pdf_text(out.final(staged[0]))
    assert "K1AB2C3D" in text and "County Court at Anytown" in text
    assert "Suspended order for possession made on 5 May 2025; possession on or before 2 June 2025" in text


def test_kept_terms_refuse_the_warrant_and_the_fix_date(case):
    kept = {day: "60.00" for day in _mondays(dt.date(2025, 5, 12), dt.date(2025, 6, 9))}
    suspended = _facts(dt.date(2025, 6, 9), kept, order=_order(OrderKind.SUSPENDED))
    with pytest.raises(NotReadyError, match="The terms are being kept"):
        warrant_request(case, suspended, request_date=dt.date(2025, 6, 9), risk_information="", signatory=SIGN)
    postponed = dataclasses.replace(suspended, order=_order(OrderKind.POSTPONED))
    with pytest.raises(NotReadyError, match="The terms are being kept"):
        fix_date_request(
            case, postponed, application_date=dt.date(2025, 6, 9), warning_letter=dt.date(2025, 5, 26), signatory=SIGN
        )


def test_broken_postponed_order_gives_the_fix_date_request(case):
    facts = _facts(dt.date(2025, 6, 9), BROKEN, order=_order(OrderKind.POSTPONED))
    request = fix_date_request(
        case, facts, application_date=dt.date(2025, 6, 9), warning_letter=dt.date(2025, 5, 26), signatory=SIGN
    )
    assert request.order.kind == "postponed" and "shortfall of £90.00" in request.breach
