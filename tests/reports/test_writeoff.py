"""Write-off candidates on a crafted register: exactly the cases the default policy allows, with the
right reason and authority; approval within delegated powers only; an approved write-off leaves the
next report's outstanding debt and shows as "closed: written off"; a reversal brings it back.

The default policy (writeoff_policy.DEFAULT): limits officer £100, team leader £1,000, head of service
£10,000, s.151 officer any amount; uneconomic below £50; 2 failed traces; 1 nil enforcement return.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from docassemble.courtpack.register.models import AuditEntry
from docassemble.courtpack.register.reporting import performance_report
from docassemble.courtpack.register.reporting_models import WriteOff
from docassemble.courtpack.register.tracing import add_fact, add_trace
from docassemble.courtpack.register.writeoff import approve, candidates, reverse
from docassemble.courtpack.register.writeoff_policy import WriteOffRefused, grant_authority, set_policy

from .conftest import add_case

ON = dt.date(2026, 1, 31)
REFERRED = dt.date(2025, 6, 2)


@pytest.fixture
def crafted(empty_register):
    reg = empty_register
    with reg.transaction("officer") as s:
        add_case(s, "A-DEAD", "800.00", REFERRED)  # deceased, no estate
        add_case(s, "B-BANKRUPT", "5000.00", REFERRED)  # bankrupt, proof of debt submitted
        add_case(s, "C-NO-PROOF", "5000.00", REFERRED)  # bankrupt, no proof of debt yet: not a candidate
        # a sundry (contract) debt charged 10 January 2018, no payments, no claim: 6 years (s.5) from the day
        # after -> last day to issue 10 January 2024; barred on 31 January 2026
        add_case(s, "D-BARRED", "300.00", dt.date(2019, 3, 1), charged=dt.date(2018, 1, 10))
        add_case(s, "E-GONE", "20000.00", REFERRED)  # two failed traces
        add_case(s, "F-FOUND", "900.00", REFERRED)  # failed, found, failed: count restarts at 1
        add_case(s, "G-SMALL", "30.00", REFERRED)  # below £50: uneconomic
        add_case(s, "H-NIL", "150.00", REFERRED)  # enforcement returned nil
        add_case(s, "I-LIVE", "500.00", REFERRED)  # nothing to say: not a candidate
        add_case(s, "J-ESTATE", "700.00", REFERRED)  # deceased with an estate: not a candidate
        add_case(s, "K-DRO", "100.00", REFERRED)  # debt relief order (no proof of debt in a DRO)
    add_fact(reg, "A-DEAD", "deceased", dt.date(2025, 9, 1), estate="none", who="officer")
    add_fact(reg, "B-BANKRUPT", "bankruptcy", dt.date(2025, 8, 1), proof_of_debt="submitted", who="officer")
    add_fact(reg, "C-NO-PROOF", "bankruptcy", dt.date(2025, 8, 1), proof_of_debt="not_submitted", who="officer")
    add_trace(reg, "E-GONE", dt.date(2025, 9, 1), "dwp", "not_found", who="officer")
    add_trace(reg, "E-GONE", dt.date(2025, 11, 1), "enquiry_agent", "not_found", who="officer")
    add_trace(reg, "F-FOUND", dt.date(2025, 7, 1), "dwp", "not_found", who="officer")
    add_trace(
        reg, "F-FOUND", dt.date(2025, 8, 1), "enquiry_agent", "found", new_address="1 New Road, E1 1AA", who="officer"
    )
    add_trace(reg, "F-FOUND", dt.date(2025, 10, 1), "dwp", "not_found", who="officer")
    add_fact(reg, "H-NIL", "enforcement_nil_return", dt.date(2025, 12, 1), who="officer")
    add_fact(reg, "J-ESTATE", "deceased", dt.date(2025, 9, 1), estate="some", who="officer")
    add_fact(reg, "K-DRO", "debt_relief_order", dt.date(2025, 10, 1), who="officer")
    grant_authority(reg, "Tess Leader", "team_leader", who="admin")
    grant_authority(reg, "Olu Officer", "officer", who="admin")
    return reg


def test_candidates_are_exactly_the_policy_cases(crafted):
    found = {c.reference: (c.reason, c.authority, c.outstanding) for c in candidates(crafted, ON)}
    assert found == {
        "A-DEAD": ("deceased_no_estate", "team_leader", Decimal("800.00")),  # £100 < £800 <= £1,000
        "B-BANKRUPT": ("insolvency", "head_of_service", Decimal("5000.00")),  # £1,000 < £5,000 <= £10,000
        "D-BARRED": ("statute_barred", "team_leader", Decimal("300.00")),  # £100 < £300 <= £1,000
        "E-GONE": ("untraceable", "s151_officer", Decimal("20000.00")),  # over £10,000
        "G-SMALL": ("uneconomic", "officer", Decimal("30.00")),  # £30 <= £100
        "H-NIL": ("enforcement_nil", "team_leader", Decimal("150.00")),
        "K-DRO": ("insolvency", "officer", Decimal("100.00")),  # exactly £100: within the officer's
    }


def test_candidate_evidence_comes_from_the_register(crafted):
    by_ref = {c.reference: c for c in candidates(crafted, ON)}
    assert "The debtor died on 1 September 2025 and left no estate" in by_ref["A-DEAD"].evidence[0]
    assert "proof of debt: submitted" in by_ref["B-BANKRUPT"].evidence[0]
    assert "the last day to issue is 10 January 2024" in by_ref["D-BARRED"].evidence[0]
    assert "dwp on 1 September 2025; enquiry agent on 1 November 2025" in by_ref["E-GONE"].evidence[0]
    assert "below the policy's uneconomic threshold of £50.00" in by_ref["G-SMALL"].evidence[0]
    assert any("referred 2 June 2025" in e for e in by_ref["H-NIL"].evidence)


def test_a_council_policy_changes_the_authority(crafted, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "limits:\n  default: {officer: 1000, team_leader: 5000, s151_officer: null}\n"
        "uneconomic_below: 40\ntrace_attempts_needed: 3\nnil_returns_needed: 1\n",
        encoding="utf-8",
    )
    set_policy(crafted, policy, dt.date(2026, 1, 1), who="manager")
    found = {c.reference: (c.reason, c.authority) for c in candidates(crafted, ON)}
    assert found["A-DEAD"] == ("deceased_no_estate", "officer")  # £800 <= £1,000
    assert "E-GONE" not in found  # 2 failed traces < 3 now needed
    assert found["B-BANKRUPT"] == ("insolvency", "team_leader")  # £5,000 <= £5,000
    # the old (default) policy still applies to a date before the new one
    assert {c.reference for c in candidates(crafted, dt.date(2025, 12, 31))} >= {"E-GONE"}


def test_bad_policy_file_names_the_field(crafted, tmp_path):
    from docassemble.courtpack.register.errors import RegisterError

    policy = tmp_path / "bad.yaml"
    policy.write_text("limits:\n  default: {officer: 100, chief: 500}\n", encoding="utf-8")
    with pytest.raises(RegisterError, match=r"limits\.default\.chief: is not an authority level"):
        set_policy(crafted, policy, dt.date(2026, 1, 1))


def test_approval_without_the_authority_is_refused_and_records_nothing(crafted):
    with pytest.raises(WriteOffRefused, match="needs team leader authority; Olu Officer holds officer authority"):
        approve(crafted, "A-DEAD", "Olu Officer", ON)
    with pytest.raises(WriteOffRefused, match="Nobody Special holds no delegated write-off authority"):
        approve(crafted, "A-DEAD", "Nobody Special", ON)
    with pytest.raises(WriteOffRefused, match="I-LIVE is not a write-off candidate"):
        approve(crafted, "I-LIVE", "Tess Leader", ON)
    with crafted.transaction() as s:
        assert s.scalars(select(WriteOff)).all() == []


def test_approved_write_off_leaves_the_next_report_and_can_be_reversed(crafted):
    before = performance_report(crafted, dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    # 11 cases, nothing paid: outstanding = 800 + 5000 + 5000 + 300 + 20000 + 900 + 30 + 150 + 500 + 700 + 100
    #                                     = 33,480.00
    money = {r[0]: r[1] for r in before.tables["Money"].rows}
    assert money["outstanding at end (open cases)"] == Decimal("33480.00")

    row = approve(crafted, "A-DEAD", "Tess Leader", dt.date(2026, 2, 10))
    assert (row.amount, row.reason, row.authority, row.approved_by) == (
        Decimal("800.00"),
        "deceased_no_estate",
        "team_leader",
        "Tess Leader",
    )
    with pytest.raises(WriteOffRefused, match="already written off on 10 February 2026"):
        approve(crafted, "A-DEAD", "Tess Leader", dt.date(2026, 2, 11))

    after = performance_report(crafted, dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    money = {r[0]: r[1] for r in after.tables["Money"].rows}
    assert money["outstanding at end (open cases)"] == Decimal("32680.00")  # 33,480 - 800
    assert money["written off"] == Decimal("800.00")
    caseload = {r[0]: (r[1], r[2]) for r in after.tables["Caseload"].rows}
    assert caseload["closed: written off"] == (0, 1)
    assert caseload["referred"] == (11, 10)
    flow = {r[0]: r[1] for r in after.tables["Flow"].rows}
    assert flow["closed: written off"] == 1
    assert "A-DEAD" not in {c.reference for c in candidates(crafted, dt.date(2026, 2, 28))}

    reverse(crafted, "A-DEAD", "Tess Leader", dt.date(2026, 3, 5), "estate found after all")
    march = performance_report(crafted, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    caseload = {r[0]: (r[1], r[2]) for r in march.tables["Caseload"].rows}
    assert caseload["closed: written off"] == (1, 0)
    assert {r[0]: r[1] for r in march.tables["Money"].rows}["outstanding at end (open cases)"] == Decimal("33480.00")
    with crafted.transaction() as s:
        actions = [
            (a.action, a.who)
            for a in s.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "writeoffs", AuditEntry.action.in_(("write-off", "reverse"))
                )
            )
        ]
        assert actions == [("write-off", "Tess Leader"), ("reverse", "Tess Leader")]
        reversal = s.scalars(select(AuditEntry).where(AuditEntry.action == "reverse")).one()
        assert json.loads(reversal.detail)["why"] == "estate found after all"
