"""Recorded steps: facts checked when recorded, court-day warnings, and what later steps read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.models import CaseStep, Hearing, Order
from docassemble.courtpack.register.steps import case_facts, record_step

from .helpers import new_case

TODAY = dt.date(2026, 12, 5)


def test_issue_on_a_saturday_is_recorded_with_a_warning(db):
    ref = new_case(db)
    # 12 September 2026: 1 January 2026 is a Thursday; 12 September is day 255, 254 days later,
    # 254 = 36 weeks + 2 days -> Saturday
    record = record_step(
        db,
        ref,
        "claim_issued",
        {"date": "2026-09-12", "claim_number": "K1QZ1234", "court": "Civil National Business Centre"},
        who="priya",
        today=TODAY,
    )
    assert record.warnings == (
        f"case {ref}, step claim_issued, date: 12 September 2026 is a Saturday, when the court office is closed "
        "(CPR 2.8(5), 6.2(b)); check the date on the court's papers",
    )
    # 31 August 2026 is the summer bank holiday (the last Monday of August)
    hearing = record_step(
        db,
        ref,
        "hearing_listed",
        {
            "date": "2026-08-31",
            "time": "10:00",
            "court": "County Court at Bromley",
            "kind": "disposal hearing",
            "key": "disposal",
        },
        today=TODAY,
    )
    assert hearing.warnings[0].endswith(
        "31 August 2026 is a bank holiday, when the court office is closed "
        "(CPR 2.8(5), 6.2(b)); check the date on the court's papers"
    )
    story = case_facts(db, ref)
    assert (story.claim_number, story.court) == ("K1QZ1234", "Civil National Business Centre")


@pytest.mark.parametrize(
    ("step", "facts", "message"),
    [
        ("claim_issued", {"date": "2026-09-14", "court": "CNBC"}, "claim_number: is missing"),
        (
            "claim_issued",
            {"date": "2027-01-04", "claim_number": "K1", "court": "CNBC"},
            "date: 4 January 2027 is after today",
        ),
        ("payment", {"date": "2026-10-01", "amount": "-5"}, "amount: -5.00 must be more than £0.00"),
        ("payment", {"date": "2026-10-01", "amount": "10.005"}, "amount: '10.005' has fractions of a penny"),
        (
            "judgment",
            {"date": "2026-10-01", "amount": "100", "terms": "instalments"},
            "instalment_amount: is missing; an instalment judgment needs",
        ),
        (
            "judgment",
            {"date": "2026-10-01", "amount": "100", "terms": "forthwith", "frequency": "monthly"},
            "frequency: given for a judgment payable forthwith",
        ),
        ("letter_before_claim_sent", {"date": "2026-10-01", "how": "pigeon"}, "how: 'pigeon' is not known"),
        ("letter_before_claim_sent", {"date": "2026-10-01", "how": "post", "claim": "x"}, "'claim' is not one of"),
        ("posted", {"date": "2026-10-01"}, "'posted' is not a step courtpack records"),
    ],
)
def test_bad_facts_are_refused_and_nothing_is_recorded(db, step, facts, message):
    ref = new_case(db)
    with pytest.raises(RegisterError, match=message):
        record_step(db, ref, step, facts, today=TODAY)
    with db.transaction() as s:
        assert s.scalars(select(CaseStep.step)).all() == []


def test_judgment_payments_and_hearings_reach_the_register_tables(db):
    ref = new_case(db)
    record_step(
        db,
        ref,
        "claim_issued",
        {"date": "2026-06-01", "claim_number": "L4QZ8F2K", "court": "Civil National Business Centre"},
        today=TODAY,
    )
    record_step(
        db,
        ref,
        "judgment",
        {
            "date": "2026-07-01",
            "amount": "2151.98",
            "costs": "70.00",
            "terms": "instalments",
            "instalment_amount": "50.00",
            "frequency": "monthly",
            "first_payment": "2026-08-01",
        },
        today=TODAY,
    )
    record_step(db, ref, "payment", {"date": "2026-08-03", "amount": "50.00", "method": "card"}, today=TODAY)
    record_step(db, ref, "payment", {"date": "2026-09-01", "amount": "50.00", "method": "card"}, today=TODAY)
    record_step(
        db,
        ref,
        "hearing_listed",
        {
            "date": "2026-12-14",
            "time": "10:30",
            "court": "County Court at Bromley",
            "kind": "application to vary",
            "key": "vary",
        },
        today=TODAY,
    )
    record_step(
        db,
        ref,
        "hearing_outcome",
        {"date": "2026-12-14", "key": "vary", "status": "adjourned", "outcome": "adjourned to a date to be fixed"},
        today=dt.date(2026, 12, 14),
    )
    with db.transaction() as s:
        order = s.scalars(select(Order)).one()
        assert (
            order.kind,
            order.made_on,
            order.amount,
            order.costs,
            order.instalment_amount,
            order.frequency,
            order.first_payment,
            order.claim_number,
            order.court,
        ) == (
            "judgment",
            dt.date(2026, 7, 1),
            Decimal("2151.98"),
            Decimal("70.00"),
            Decimal("50.00"),
            "monthly",
            dt.date(2026, 8, 1),
            "L4QZ8F2K",
            "Civil National Business Centre",
        )
        hearing = s.scalars(select(Hearing)).one()
        assert (hearing.starts_at, hearing.status, hearing.outcome) == (
            dt.datetime(2026, 12, 14, 10, 30),
            "adjourned",
            "adjourned to a date to be fixed",
        )
    # as at 31 August only the first payment had been made; 50.00 + 50.00 = 100.00 by 1 September
    assert case_facts(db, ref, dt.date(2026, 8, 31)).paid_since_judgment() == Decimal("50.00")
    assert case_facts(db, ref, dt.date(2026, 9, 1)).paid_since_judgment() == Decimal("100.00")
    assert [s.step for s in case_facts(db, ref, dt.date(2026, 6, 30)).steps] == ["claim_issued"]


def test_pending_enforcement_ends_with_its_outcome(db):
    ref = new_case(db)
    record_step(
        db,
        ref,
        "enforcement_issued",
        {"date": "2026-10-05", "type": "warrant_of_control", "reference": "W1234567"},
        today=TODAY,
    )
    record_step(
        db,
        ref,
        "charging_order_interim",
        {"date": "2026-10-07", "title_number": "SGL123456", "land": "14 Hilly Fields Crescent, London SE4 1QA"},
        today=TODAY,
    )
    pending = case_facts(db, ref).pending_enforcement()
    assert [(p.step, p.happened_on) for p in pending] == [
        ("enforcement_issued", dt.date(2026, 10, 5)),
        ("charging_order_interim", dt.date(2026, 10, 7)),
    ]
    record_step(
        db,
        ref,
        "enforcement_outcome",
        {"date": "2026-11-02", "reference": "W1234567", "outcome": "returned: no goods"},
        today=TODAY,
    )
    record_step(db, ref, "charging_order_final", {"date": "2026-11-30"}, today=TODAY)
    assert case_facts(db, ref).pending_enforcement() == []
    with db.transaction() as s:
        order = s.scalars(select(Order)).one()
        assert (
            order.kind,
            order.charging_order.interim_made,
            order.charging_order.final_made,
            order.charging_order.title_number,
        ) == ("charging_order", dt.date(2026, 10, 7), dt.date(2026, 11, 30), "SGL123456")


def test_a_final_charging_order_needs_the_interim_one(db):
    ref = new_case(db)
    with pytest.raises(RegisterError, match="no interim charging order is recorded"):
        record_step(db, ref, "charging_order_final", {"date": "2026-11-30"}, today=TODAY)


def test_a_step_for_an_unknown_case_is_refused(db):
    with pytest.raises(RegisterError, match="no case 'NOPE-1' in the register"):
        record_step(db, "NOPE-1", "letter_before_claim_sent", {"date": "2026-10-01", "how": "post"}, today=TODAY)
