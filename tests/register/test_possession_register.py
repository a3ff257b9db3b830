"""Possession steps recorded in the register, read back as typed facts, and shown on the work list.

The case, worked by hand (rent due Mondays, in advance):
- secure tenancy from Mon 6 Jan 2025, £100.00 a week, £500.00 arrears brought forward; £105.00 from 7 Apr;
- housing benefit pays £60.00 each Monday; the tenant pays nothing until the order;
- notice handed over Mon 13 Jan 2025 naming Mon 10 Feb (13 Jan + 28 days); claim issued Mon 3 Mar 2025,
  first hearing Mon 7 Apr; suspended order that day: possession by 5 May 2025, suspended on current rent
  plus £5.00 a week from Mon 14 Apr; the tenant then pays £50.00 on Fri 18 and 25 Apr, nothing on 2 May,
  £20.00 on 9 May.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.case.possession_checks import claim_readiness, enforcement_readiness
from docassemble.courtpack.case.possession_order import OrderKind, terms_compliance
from docassemble.courtpack.case.rent_schedule import rent_schedule
from docassemble.courtpack.case.tenancy import balance_at
from docassemble.courtpack.register.case_check import check_case
from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.generated import record_document
from docassemble.courtpack.register.possession import possession_facts
from docassemble.courtpack.register.steps import record_step
from docassemble.courtpack.register.worklist import WorkItem, hearings_soon, officer_worklist

from .helpers import new_case

TODAY = dt.date(2025, 12, 1)
OFFICER = "income.recovery@lewisham.example.gov.uk"
DEBTOR = "Mr Daniel James Okafor"
PROTOCOL = ("contact", "rent_statement", "affordable_proposal", "benefit_help", "debt_advice")


def step(db, ref: str, name: str, **facts: str) -> None:
    record_step(db, ref, name, facts, today=TODAY)


def mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=7 * i) for i in range((last - first).days // 7 + 1)]


def tenancy_to_claim(db, ref: str) -> None:
    step(db, ref, "tenancy_recorded", date="2025-01-06", kind="secure", property="3 Ash Walk, London SE4 1AA",
         rent="100.00", frequency="weekly", account_reference="RA-77", opening_balance="500.00")  # fmt: skip
    step(db, ref, "rent_changed", date="2025-04-07", rent="105.00", frequency="weekly")
    for day in mondays(dt.date(2025, 1, 6), dt.date(2025, 6, 30)):
        step(db, ref, "rent_credit", date=day.isoformat(), amount="60.00", source="housing_benefit")
    for code in PROTOCOL:
        step(db, ref, "protocol_step", date="2025-01-08", code=code)
    step(db, ref, "vulnerability_assessed", date="2025-01-10", outcome="no_vulnerability_found",
         reasons="No disability or vulnerability known; tenant spoken to on 8 January 2025")  # fmt: skip
    step(db, ref, "possession_notice_served", date="2025-01-13", method="hand", date_specified="2025-02-10")
    step(db, ref, "protocol_step", date="2025-01-27", code="post_notice_contact")


@pytest.fixture
def ref(db) -> str:
    reference = new_case(db, "HRA-0001")
    tenancy_to_claim(db, reference)
    step(db, reference, "claim_issued", date="2025-03-03", claim_number="K1AB2345", court="County Court at Bromley")
    step(db, reference, "hearing_listed", date="2025-04-07", time="10:00", court="County Court at Bromley",
         kind="possession", key="first")  # fmt: skip
    return reference


def with_order(db, ref: str) -> None:
    step(db, ref, "possession_order", date="2025-04-07", kind="suspended", possession_date="2025-05-05",
         instalment="5.00", frequency="weekly", first_payment="2025-04-14", arrears="1065.00")  # fmt: skip
    for day, amount in (("2025-04-18", "50.00"), ("2025-04-25", "50.00"), ("2025-05-09", "20.00")):
        step(db, ref, "payment", date=day, amount=amount)


def test_read_back_the_typed_facts(db, ref: str) -> None:
    with_order(db, ref)
    facts = possession_facts(db, ref, dt.date(2025, 5, 11))
    tenancy = facts.account.tenancy
    assert (tenancy.kind.value, tenancy.start, tenancy.reference) == ("secure", dt.date(2025, 1, 6), "RA-77")
    assert [(r.effective_from, r.amount) for r in tenancy.rents] == [
        (dt.date(2025, 1, 6), Decimal("100.00")),
        (dt.date(2025, 4, 7), Decimal("105.00")),
    ]
    assert facts.notice is not None and facts.notice.date_specified == dt.date(2025, 2, 10)
    assert facts.claim is not None and facts.claim.hearing_date == dt.date(2025, 4, 7)
    assert facts.order is not None and facts.order.kind is OrderKind.SUSPENDED
    # balance at Sun 11 May: 500 + rent (13 x 100 to 31 Mar + 5 x 105 from 7 Apr to 5 May = 1,825)
    # - HB 18 Mondays x 60 (1,080) - tenant 120 = 1,125
    compliance = terms_compliance(facts.order, facts.account, facts.as_at)
    assert compliance.arrears == Decimal("1125.00")
    # 4 complete weeks from 14 Apr: due 4 x (105 + 5) = 440; paid 4 x 60 + 120 = 360; short 80
    assert (compliance.total_due, compliance.total_paid, compliance.shortfall) == (
        Decimal("440.00"),
        Decimal("360.00"),
        Decimal("80.00"),
    )
    assert compliance.first_breach == dt.date(2025, 5, 4)  # week 3 (28 Apr - 4 May): nothing paid
    assert enforcement_readiness(facts).ready  # 11 May is after the date for possession, 5 May


def test_schedule_and_claim_readiness_from_the_register(db, ref: str) -> None:
    facts = possession_facts(db, ref, dt.date(2025, 3, 3))
    assert claim_readiness(facts).ready
    got = rent_schedule(facts.account, dt.date(2025, 3, 3))
    # arrears brought forward and never cleared: the schedule runs from the account's opening, 6 Jan 2025
    # 9 Mondays to 3 Mar: rent 900, HB 540; 500 + 900 - 540 = 860
    assert (got.start, got.opening_balance, got.total_debits, got.benefit_paid, got.closing_balance) == (
        dt.date(2025, 1, 6),
        Decimal("500.00"),
        Decimal("900.00"),
        Decimal("540.00"),
        Decimal("860.00"),
    )


def test_worklist_shows_the_breach(db, ref: str) -> None:
    with_order(db, ref)
    # the first breach closed on 4 May, before the date for possession: a warrant from 6 May (overdue on 12 May)
    assert officer_worklist(db, OFFICER, dt.date(2025, 5, 12)) == [
        WorkItem(
            ref,
            DEBTOR,
            "possession",
            "Possession order terms broken: request a warrant of possession from",
            dt.date(2025, 5, 6),
            True,
        )
    ]


def test_worklist_before_the_claim(db) -> None:
    ref = new_case(db, "HRA-0002")
    tenancy_to_claim(db, ref)
    # the notice names 10 Feb: the claim may be issued from 11 Feb
    item = officer_worklist(db, OFFICER, dt.date(2025, 2, 5))[0]
    assert (item.next_action, item.due, item.overdue) == (
        "The possession claim can be issued from",
        dt.date(2025, 2, 11),
        False,
    )
    # on 12 Feb it is ready; a secure notice lapses 10 Feb 2026: issue by 9 Feb 2026
    item = officer_worklist(db, OFFICER, dt.date(2025, 2, 12))[0]
    assert (item.next_action, item.due) == ("Issue the possession claim (the notice lapses after)", dt.date(2026, 2, 9))
    assert item.task == "possession_claim"


def test_worklist_names_missing_protocol_steps(db) -> None:
    ref = new_case(db, "HRA-0003")
    step(db, ref, "tenancy_recorded", date="2025-01-06", kind="introductory", property="4 Ash Walk",
         rent="100.00", frequency="weekly")  # fmt: skip
    assert officer_worklist(db, OFFICER, dt.date(2025, 2, 5))[0].next_action == "Serve the notice seeking possession"
    step(db, ref, "possession_notice_served", date="2025-01-13", method="hand", date_specified="2025-02-10")
    item = officer_worklist(db, OFFICER, dt.date(2025, 2, 5))[0]
    assert item.next_action == "Take the missing protocol steps before the possession claim"


def test_pre_hearing_list_shows_possession_tasks(db, ref: str) -> None:
    rows = hearings_soon(db, dt.date(2025, 3, 31), OFFICER)
    assert [r.reference for r in rows] == [ref]
    # 7 Apr hearing - 10 days = 28 Mar for the up-to-date rent statement (protocol 2.11)
    assert [t.split(" (")[0] for t in rows[0].tasks if t.startswith("Protocol:")] == [
        "Protocol: give the tenant an up-to-date rent statement before the hearing by 28 March 2025",
        "Protocol: tell the tenant the hearing date, the order sought, and to attend",
    ]


def test_case_check_compares_possession_facts(db, ref: str, tmp_path) -> None:
    with_order(db, ref)
    doc = tmp_path / "n325.txt"
    doc.write_text("N325")
    record_document(
        db,
        ref,
        "warrant of possession request",
        doc,
        facts={"as_at": "2025-05-11", "rent_arrears": "1125.00", "order_kind": "suspended", "rent_daily_rate": "14.00"},
    )
    # 105 / 7 = 15.00 a day: the document's 14.00 is wrong; the arrears and order agree
    assert [(p.field, p.says, p.register) for p in check_case(db, ref)] == [("rent_daily_rate", "14.00", "15.00")]


def test_bad_order_facts_are_refused(db) -> None:
    ref = new_case(db, "HRA-0004")
    with pytest.raises(RegisterError, match="case HRA-0004, step possession_order, instalment: is missing"):
        step(db, ref, "possession_order", date="2025-04-07", kind="suspended", possession_date="2025-05-05")
    with pytest.raises(RegisterError, match="an outright order has no terms"):
        step(db, ref, "possession_order", date="2025-04-07", kind="outright", possession_date="2025-05-05",
             instalment="5.00", frequency="weekly", first_payment="2025-04-14")  # fmt: skip
    with pytest.raises(RegisterError, match="date_specified: 13 January 2025 is not after the notice was served"):
        step(db, ref, "possession_notice_served", date="2025-01-13", method="hand", date_specified="2025-01-13")


def test_no_tenancy_is_a_clear_error(db) -> None:
    ref = new_case(db, "HRA-0005")
    with pytest.raises(RegisterError, match="case HRA-0005 has no tenancy recorded"):
        possession_facts(db, ref, dt.date(2025, 5, 1))


def test_pre_hearing_report_lists_possession_tasks(db, ref: str) -> None:
    from docassemble.courtpack.register.hearings import upcoming_hearings
    from docassemble.courtpack.register.report import gather

    on = dt.date(2025, 3, 31)
    hearing = upcoming_hearings(db, on, on + dt.timedelta(days=14), on=on)[0]
    tasks = gather(db, hearing.hearing_id, on).hearing.tasks
    assert "Protocol: tell the tenant the hearing date, the order sought, and to attend" in [
        t.split(" (")[0] for t in tasks
    ]


def test_the_hearing_check_screen_lists_possession_tasks(db, ref: str) -> None:
    """The summary the officer reads before producing the report shows the same possession tasks."""
    from docassemble.courtpack.interview_glue.hearing import compliance_summary
    from docassemble.courtpack.register.hearings import upcoming_hearings

    on = dt.date(2025, 3, 31)
    hearing = upcoming_hearings(db, on, on + dt.timedelta(days=14), on=on)[0]
    summary = compliance_summary(db.url, hearing.hearing_id, on)
    # 7 Apr hearing - 10 days = 28 Mar for the up-to-date rent statement (protocol 2.11)
    assert "* To do: Protocol: give the tenant an up-to-date rent statement before the hearing by 28 March 2025" in (
        summary
    )


def test_import_rent_account_checks_the_rent_and_records_credits(db, tmp_path) -> None:
    from docassemble.courtpack.register.errors import ImportRowsError
    from docassemble.courtpack.register.possession_import import import_rent_account

    ref = new_case(db, "HRA-0006")
    step(db, ref, "tenancy_recorded", date="2025-01-06", kind="secure", property="5 Ash Walk",
         rent="100.00", frequency="weekly")  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,type,amount,description\n"
        "06/01/2025,rent,100.00,Rent\n"
        "13/01/2025,rent,105.00,Rent\n"  # the recorded rent is 100.00
        "10/01/2025,payment,40.00,Card\n"
    )
    with pytest.raises(ImportRowsError, match=r"row 3, column 'amount': rent of £105.00 on 13 January 2025"):
        import_rent_account(db, ref, bad, today=TODAY)
    assert possession_facts(db, ref, dt.date(2025, 1, 19)).account.credits == ()  # nothing was recorded
    good = tmp_path / "good.csv"
    good.write_text(
        "date,type,amount,description\n"
        "2025-01-06,rent,100.00,Rent\n"
        "2025-01-06,housing_benefit,60.00,HB\n"
        "2025-01-10,payment,40.00,Card\n"
        "2025-01-13,rent,100.00,Rent\n"
        "2025-01-13,universal_credit,60.00,UC\n"
        "2025-01-15,debit_adjustment,25.00,Court costs\n"
    )
    got = import_rent_account(db, ref, good, today=TODAY)
    assert (got.rent_rows_checked, got.steps_recorded) == (2, 4)
    facts = possession_facts(db, ref, dt.date(2025, 1, 19))
    # rent 2 x 100 + costs 25 = 225; credits 60 + 40 + 60 = 160; balance 65
    assert balance_at(facts.account, facts.as_at) == Decimal("65.00")


def test_worklist_while_the_terms_run(db, ref: str) -> None:
    with_order(db, ref)
    # Wed 16 Apr 2025: week 1 of the terms (14-20 Apr) is running, nothing broken yet; check at its end
    item = officer_worklist(db, OFFICER, dt.date(2025, 4, 16))[0]
    assert (item.next_action, item.due, item.overdue) == (
        "Possession order terms being kept; next check",
        dt.date(2025, 4, 20),
        False,
    )


def test_a_current_tenancy_case_starts_by_recording_the_tenancy(db) -> None:
    """A current tenant's case is a possession case from intake: never 'send the letter before claim'."""
    import dataclasses

    from docassemble.courtpack.case.model import DebtType
    from docassemble.courtpack.register.cases import add_case

    from .helpers import _FACTS

    debt = dataclasses.replace(_FACTS.debt, type=DebtType.CURRENT_TENANT_ARREARS)
    add_case(db, dataclasses.replace(_FACTS, reference="HRA-0009", debt=debt), who="test")
    item = officer_worklist(db, OFFICER, dt.date(2025, 2, 5))[0]
    assert (item.stage, item.next_action, item.task) == (
        "possession",
        "Record the tenancy and its rent account",
        "case_step",
    )
    step(db, "HRA-0009", "tenancy_recorded", date="2025-01-06", kind="secure", property="5 Ash Walk",
         rent="100.00", frequency="weekly")  # fmt: skip
    assert officer_worklist(db, OFFICER, dt.date(2025, 2, 5))[0].next_action == "Serve the notice seeking possession"


def test_the_caseload_shows_a_possession_case_by_its_rent_arrears(db) -> None:
    """Not the sum referred less payments: rent keeps falling due on a current tenancy."""
    from docassemble.courtpack.register.caseload import list_cases

    ref = new_case(db, "HRA-0010")
    tenancy_to_claim(db, ref)
    row = next(r for r in list_cases(db, dt.date(2025, 2, 5)) if r.reference == ref)
    # by Wed 5 Feb 2025: £500.00 brought forward + rent on Mondays 6, 13, 20, 27 Jan and 3 Feb (5 x £100.00)
    # less housing benefit on the same five Mondays (5 x £60.00): 500 + 500 - 300 = £700.00
    assert row.balance == Decimal("700.00")


def test_the_performance_report_counts_a_possession_case_by_its_rent_arrears(db, ref: str) -> None:
    """A team leader's outstanding figure is the rent account's, at each end of the period."""
    from docassemble.courtpack.register.reporting.facts import case_lines

    with db.transaction() as session:
        line = next(x for x in case_lines(session, dt.date(2025, 3, 10), dt.date(2025, 4, 6)) if x.reference == ref)
    # referred with the claim on 3 March 2025. At the close of Sun 9 March: £500.00 brought forward, rent on
    # the 9 Mondays 6 Jan - 3 Mar (9 x £100.00) less housing benefit on them (9 x £60.00) = £860.00.
    # At the close of Sun 6 April: 13 Mondays 6 Jan - 31 Mar: 500 + 1,300 - 780 = £1,020.00.
    assert (line.outstanding_start, line.outstanding_end) == (Decimal("860.00"), Decimal("1020.00"))
