"""A small register whose report figures are worked out by hand: stages, flow, timeliness, red/amber/green,
dated targets, collection rate and ageing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.register.models import Document, Payment
from docassemble.courtpack.register.reporting import performance_report
from docassemble.courtpack.register.reporting.targets import set_collection_target, set_indicator, set_team
from docassemble.courtpack.register.reporting.timeliness import nearest_rank

from .conftest import add_case

FEB = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def _doc(session, case, kind: str, day: dt.date) -> None:
    session.add(
        Document(
            case_id=case.id,
            kind=kind,
            file_name=f"{kind}.pdf",
            sha256="0" * 64,
            created_by="t",
            created_at=dt.datetime.combine(day, dt.time(11)),
        )
    )


def _pay(session, case, day: dt.date, amount: str, key: str) -> None:
    session.add(Payment(case_id=case.id, paid_on=day, amount=Decimal(amount), dedupe_key=key))


@pytest.fixture
def small(empty_register):
    reg = empty_register
    with reg.transaction("t") as s:
        # P: referred 5 Jan, letter 12 Jan (7 days), £1,000; pays £200 on 10 Feb
        p = add_case(s, "P", "1000.00", dt.date(2026, 1, 5), charged=dt.date(2025, 12, 1))
        _doc(s, p, "letter before claim", dt.date(2026, 1, 12))
        _pay(s, p, dt.date(2026, 2, 10), "200.00", "p1")
        # Q: referred 2 Feb, letter 25 Feb (23 days: late against 14), £400, debt from 2023-01-01 (over 2 years)
        q = add_case(s, "Q", "400.00", dt.date(2026, 2, 2), charged=dt.date(2023, 1, 1), officer="Ben Okafor")
        _doc(s, q, "letter before claim", dt.date(2026, 2, 25))
        # R: referred 1 Feb, letter 6 Feb (5 days), pays the whole £100 on 20 Feb: closed: paid
        r = add_case(s, "R", "100.00", dt.date(2026, 2, 1), charged=dt.date(2026, 1, 1))
        _doc(s, r, "letter before claim", dt.date(2026, 2, 6))
        _pay(s, r, dt.date(2026, 2, 20), "100.00", "r1")
        # S: referred 1 Nov 2025, no letter by 28 Feb: past the 14-day threshold since 15 Nov
        add_case(s, "S", "250.00", dt.date(2025, 11, 1), charged=dt.date(2025, 10, 1), officer="Ben Okafor")
    set_team(reg, "Asha Patel", "North")
    set_team(reg, "Ben Okafor", "South")
    return reg


def row(table, label):
    return next(r for r in table.rows if r[0] == label)


def test_stages_flow_and_money(small):
    report = performance_report(small, *FEB)
    caseload = {r[0]: (r[1], r[2]) for r in report.tables["Caseload"].rows}
    # at 31 Jan: P (letter sent), S (referred); at 28 Feb: P letter, Q letter, S referred, R closed: paid
    assert caseload["referred"] == (1, 1)
    assert caseload["letter sent"] == (1, 2)
    assert caseload["closed: paid"] == (0, 1)
    assert caseload["total"] == (2, 4)
    flow = {r[0]: r[1] for r in report.tables["Flow"].rows}
    assert (flow["new referrals"], flow["letters sent"], flow["closed: paid"]) == (2, 2, 1)
    money = {r[0]: r[1] for r in report.tables["Money"].rows}
    assert money["outstanding at start (open cases)"] == Decimal("1250.00")  # P 1,000 + S 250
    assert money["debt referred"] == Decimal("500.00")  # Q 400 + R 100
    assert money["collected"] == Decimal("300.00")  # 200 + 100
    assert money["outstanding at end (open cases)"] == Decimal("1450.00")  # P 800 + Q 400 + S 250
    trend = report.tables["Collections trend"].rows
    assert [r[0] for r in (trend[0], trend[-1])] == [dt.date(2025, 3, 1), dt.date(2026, 2, 1)]  # 12 months
    assert len(trend) == 12 and [r[1] for r in trend if r[1]] == [Decimal("300.00")]
    # collection rate = 300 / (1,250 + 500) = 17.142...% -> 17.1
    assert report.chart_data["collection_rate"] == Decimal("17.1")


def test_timeliness_and_red_amber_green(small):
    report = performance_report(small, *FEB)
    timeliness = row(report.tables["Timeliness"], "referral to letter")
    # letters in February: Q after 23 days, R after 5 days; nearest rank: median = 1st of 2 -> 5; p90 = 2nd -> 23
    assert timeliness[1:] == [2, 5, 23]
    letters = next(r for r in report.tables["Indicators"].rows if r[0].startswith("letters sent within 14 days"))
    # 1 of the 2 letters within 14 days = 50.0%: below amber (80) -> red
    assert (letters[1], letters[4]) == (Decimal("50.0"), "red")
    old = next(r for r in report.tables["Indicators"].rows if r[0].startswith("outstanding debt older"))
    # older than 730 days on 28 Feb 2026: Q's £400 (from 1 Jan 2023) of £1,450 = 27.586% -> 27.6; target 20,
    # amber up to 30 (lower is better) -> amber
    assert (old[1], old[4]) == (Decimal("27.6"), "amber")
    late = {(r[1], r[5]) for r in report.tables["Past threshold"].rows}
    assert late == {("Q", dt.date(2026, 2, 16)), ("S", dt.date(2025, 11, 15))}  # referral + 14 days


def test_dated_targets_a_past_month_keeps_its_own(small):
    set_collection_target(small, dt.date(2025, 1, 1), "250", who="manager")
    set_collection_target(small, dt.date(2026, 3, 1), "1000", who="manager")
    set_indicator(small, "letter_within_days", dt.date(2026, 3, 1), "40", "30", days=30, who="manager")
    report = performance_report(small, *FEB)
    month = report.tables["Collections by month"].rows[0]
    assert month[1:] == [Decimal("300.00"), Decimal("250.00"), Decimal("120.0")]  # 300 / 250 = 120%: green
    indicators = {r[0][:20]: r for r in report.tables["Indicators"].rows}
    assert indicators["collected against ta"][4] == "green"
    assert indicators["letters sent within "][0].startswith("letters sent within 14 days")  # March's 30 not yet
    march = performance_report(small, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert march.tables["Collections by month"].rows[0][2] == Decimal("1000.00")
    assert any(r[0].startswith("letters sent within 30 days") for r in march.tables["Indicators"].rows)


def test_a_team_report_holds_only_its_officers_cases(small):
    report = performance_report(small, *FEB, team="South")
    assert sorted(r[0] for r in report.tables["Cases"].rows) == ["Q", "S"]
    assert row(report.tables["Money"], "collected")[1] == Decimal("0.00")


def test_nearest_rank_percentiles():
    values = list(range(1, 11))  # 1..10: median = ceil(5)th = 5; p90 = ceil(9)th = 9
    assert (nearest_rank(values, 50), nearest_rank(values, 90)) == (5, 9)
    assert nearest_rank([7], 90) == 7 and nearest_rank([], 50) is None


def test_period_backwards_is_refused(small):
    from docassemble.courtpack.register.errors import RegisterError

    with pytest.raises(RegisterError, match=r"ends .* before it starts"):
        performance_report(small, dt.date(2026, 3, 1), dt.date(2026, 2, 1))


def test_recorded_case_steps_count_as_well_as_documents(empty_register):
    from sqlalchemy import text

    with empty_register.transaction("t") as s:
        add_case(s, "ST-1", "100.00", dt.date(2026, 1, 2))
        case_id = s.execute(text("SELECT id FROM cases WHERE reference = 'ST-1'")).scalar()
    with empty_register.engine.begin() as conn:  # the shape of the case-steps table, if this register lacks it
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS case_steps (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, "
                "step VARCHAR(40) NOT NULL, happened_on DATE NOT NULL, facts TEXT NOT NULL, "
                "recorded_by VARCHAR(200) NOT NULL, recorded_at DATETIME NOT NULL)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO case_steps (case_id, step, happened_on, facts, recorded_by, recorded_at) "
                "VALUES (:c, 'letter_before_claim_sent', '2026-01-09', '{}', 't', '2026-01-09 10:00:00'), "
                "(:c, 'claim_issued', '2026-02-20', '{}', 't', '2026-02-20 10:00:00')"
            ),
            {"c": case_id},
        )
    report = performance_report(empty_register, dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    (line,) = report.lines
    assert (line.letter, line.claim) == (dt.date(2026, 1, 9), None)  # the claim is after the period
    assert row(report.tables["Caseload"], "letter sent")[2] == 1
