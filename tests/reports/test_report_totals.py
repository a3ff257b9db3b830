"""The January 2026 report for 2,000 generated cases: its totals equal independent SQL sums.

The SQL here is written out by hand (plain SQLite text, no courtpack query builders), so a wrong
join or filter in the report cannot be repeated on both sides.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import text

from docassemble.courtpack.register.reporting import performance_report

from .conftest import JANUARY

START, END = (d.isoformat() for d in JANUARY)
BEFORE = "2025-12-31"
# a case's referral: the day it was added, or its first recorded step if earlier (cases added with a history)
REFERRED = """(SELECT c.id AS case_id, MIN(date(c.created_at),
  COALESCE((SELECT MIN(date(d.created_at)) FROM documents d WHERE d.case_id = c.id
            AND d.kind IN ('letter before claim', 'claim', 'enforcement')), '9999-12-31'),
  COALESCE((SELECT MIN(o.made_on) FROM orders o WHERE o.case_id = c.id
            AND (o.kind = 'charging_order' OR (o.kind = 'judgment' AND o.status != 'set_aside'))), '9999-12-31'))
  AS referred FROM cases c)"""


@pytest.fixture(scope="module")
def report(big_register):
    return performance_report(big_register, *JANUARY)


def sql(register, query: str, **params):
    with register.engine.connect() as conn:
        return conn.execute(text(query), params).all()


def money(value) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


def row(table, label):
    return next(r for r in table.rows if r[0] == label)


def test_the_caseload_is_big_enough(big_register):
    ((count,),) = sql(big_register, "SELECT COUNT(*) FROM cases")
    ((payments,),) = sql(big_register, "SELECT COUNT(*) FROM payments")
    assert count == 2003 and payments > 2000  # the three example cases and 2,000 generated


def test_collected_equals_the_sum_of_payments_in_january(big_register, report):
    ((total,),) = sql(big_register, "SELECT SUM(amount) FROM payments WHERE paid_on BETWEEN :s AND :e", s=START, e=END)
    assert total and money(total) > 0
    assert row(report.tables["Money"], "collected")[1] == money(total)
    assert sum(r[1] for r in report.tables["Collections by month"].rows) == money(total)
    assert report.tables["Collections trend"].rows[-1][1] == money(total)  # January, the trend's last month
    assert sum(r[1] for r in report.tables["Collections by officer"].rows) == money(total)
    assert sum(r[5] for r in report.tables["Payments"].rows) == money(total)  # the detail behind it


def test_collected_by_debt_type_and_officer_match_sql(big_register, report):
    by_type = dict(
        sql(
            big_register,
            "SELECT c.debt_type, SUM(p.amount) FROM payments p JOIN cases c ON c.id = "
            "p.case_id WHERE p.paid_on BETWEEN :s AND :e GROUP BY c.debt_type",
            s=START,
            e=END,
        )
    )
    labels = {"former_tenant_arrears": "former tenant rent arrears", "sundry": "sundry debt"}
    got = {r[0]: r[1] for r in report.tables["Collections by debt type"].rows}
    for debt_type, amount in by_type.items():
        label = labels.get(debt_type)
        if label:
            assert got[label] == money(amount), debt_type
    by_officer = dict(
        sql(
            big_register,
            "SELECT c.officer_name, SUM(p.amount) FROM payments p JOIN cases c ON c.id = "
            "p.case_id WHERE p.paid_on BETWEEN :s AND :e GROUP BY c.officer_name",
            s=START,
            e=END,
        )
    )
    assert {r[0]: r[1] for r in report.tables["Collections by officer"].rows} == {
        k: money(v) for k, v in by_officer.items()
    }


def test_referrals_and_letters_match_sql(big_register, report):
    ((count, amount),) = sql(
        big_register,
        f"SELECT COUNT(*), SUM(c.balance) FROM cases c JOIN {REFERRED} r ON "
        "r.case_id = c.id WHERE r.referred BETWEEN :s AND :e",
        s=START,
        e=END,
    )
    assert row(report.tables["Flow"], "new referrals")[1] == count
    assert row(report.tables["Money"], "debt referred")[1] == money(amount)
    ((letters,),) = sql(
        big_register,
        "SELECT COUNT(*) FROM (SELECT case_id, MIN(date(created_at)) AS d FROM documents "
        "WHERE kind = 'letter before claim' GROUP BY case_id) WHERE d BETWEEN :s AND :e",
        s=START,
        e=END,
    )
    assert row(report.tables["Flow"], "letters sent")[1] == letters
    ((cases,),) = sql(big_register, f"SELECT COUNT(*) FROM {REFERRED} WHERE referred <= :e", e=END)
    assert row(report.tables["Caseload"], "total")[2] == cases


OUTSTANDING = f"""
SELECT SUM(owed) FROM (
  SELECT c.id,
         CASE WHEN j.total IS NOT NULL
              THEN j.total - COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.case_id = c.id
                                       AND p.paid_on >= j.since AND p.paid_on <= :d), 0)
              ELSE c.balance - COALESCE((SELECT SUM(p.amount) FROM payments p WHERE p.case_id = c.id
                                         AND p.paid_on <= :d), 0)
         END AS owed
  FROM cases c JOIN {REFERRED} r ON r.case_id = c.id
  LEFT JOIN (SELECT case_id, SUM(amount + costs) AS total, MIN(made_on) AS since FROM orders
             WHERE status = 'active' AND amount IS NOT NULL AND made_on <= :d GROUP BY case_id) j ON j.case_id = c.id
  WHERE r.referred <= :d
    AND NOT EXISTS (SELECT 1 FROM writeoffs w WHERE w.case_id = c.id AND w.approved_on <= :d
                    AND (w.reversed_on IS NULL OR w.reversed_on > :d))
) WHERE owed > 0
"""


def test_outstanding_debt_and_ageing_match_sql(big_register, report):
    ((end,),) = sql(big_register, OUTSTANDING, d=END)
    ((start,),) = sql(big_register, OUTSTANDING, d=BEFORE)
    assert row(report.tables["Money"], "outstanding at end (open cases)")[1] == money(end)
    assert row(report.tables["Money"], "outstanding at start (open cases)")[1] == money(start)
    assert sum(r[-1] for r in report.tables["Ageing"].rows) == money(end)
    cases = report.tables["Cases"]
    open_rows = [r for r in cases.rows if not str(r[7]).startswith("closed")]
    assert sum(r[9] for r in open_rows) == money(end)


def test_instalment_orders_counted_once_each(big_register, report):
    ((orders,),) = sql(
        big_register,
        f"SELECT COUNT(*) FROM orders o JOIN {REFERRED} r ON r.case_id = o.case_id "
        "WHERE o.status = 'active' AND o.amount IS NOT NULL AND o.frequency IS NOT NULL "
        "AND o.made_on <= :e AND r.referred <= :e",
        e=END,
    )
    assert sum(r[1] for r in report.tables["Compliance"].rows) == orders == len(report.tables["Orders"].rows)


def test_every_case_has_one_stage_at_the_end(big_register, report):
    stages = [r[0] for r in report.tables["Caseload"].rows[:-1]]
    counts = {s: n for s, _, n in report.tables["Caseload"].rows[:-1]}
    ((referred,),) = sql(big_register, f"SELECT COUNT(*) FROM {REFERRED} WHERE referred <= :e", e=END)
    assert sum(counts.values()) == len(report.tables["Cases"].rows) == referred
    assert stages[-2:] == ["closed: paid", "closed: written off"]
