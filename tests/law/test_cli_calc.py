"""`courtpack calc`: the JSON contract, readable output and exit codes."""

import json
from pathlib import Path

import pytest
import yaml

from docassemble.courtpack.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys, *args):
    code = main(["calc", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_interest_contract(capsys):
    data = run_json(capsys, "interest", "--principal", "1234.56", "--from", "2024-04-01", "--to", "2025-01-10")
    assert (data["interest"], data["daily_rate"], data["days"]) == ("76.85", "0.27", 284)
    assert data["basis"].startswith("8% a year simple interest under s.69 County Courts Act 1984")


def test_interest_contractual_and_late_payment(capsys):
    data = run_json(
        capsys,
        "interest",
        "--principal",
        "1000",
        "--from",
        "2025-01-01",
        "--to",
        "2026-01-01",
        "--rate",
        "4",
        "--basis",
        "contractual",
    )
    assert data["interest"] == "40.00"
    data = run_json(
        capsys,
        "interest",
        "--principal",
        "1000",
        "--from",
        "2025-03-01",
        "--to",
        "2025-04-01",
        "--basis",
        "late-payment",
    )
    assert (data["rate"], data["interest"]) == ("12.75", "10.83")


def test_fee_contract(capsys):
    data = run_json(capsys, "fee", "--claim", "1311.41", "--on", "2025-06-01")
    assert data["fee"] == "80.00" and "basis" in data
    assert run_json(capsys, "fee", "--claim", "10000.01", "--on", "2025-06-01")["fee"] == "500.00"
    assert run_json(capsys, "fee", "--unstated", "--on", "2025-06-01")["fee"] == "10000.00"


def test_fixed_costs_contract(capsys):
    data = run_json(capsys, "fixed-costs", "--claim", "1311.41", "--stage", "issue", "--on", "2025-06-01")
    assert data["costs"] == "80.00"
    # personal service on one defendant: the higher figure, £90 for £1,000.01-£5,000
    data = run_json(capsys, "fixed-costs", "--claim", "1311.41", "--service", "claimant-personal", "--on", "2025-06-01")
    assert data["costs"] == "90.00"
    # two defendants, the second served personally elsewhere: first column £80 + £15 = £95
    data = run_json(
        capsys,
        "fixed-costs",
        "--claim",
        "1311.41",
        "--service",
        "claimant-personal",
        "--defendants",
        "2",
        "--served-elsewhere",
        "1",
        "--on",
        "2025-06-01",
    )
    assert data["costs"] == "95.00"
    # posted by the claimant to two defendants: first column, no £15
    data = run_json(
        capsys,
        "fixed-costs",
        "--claim",
        "1311.41",
        "--service",
        "claimant-post",
        "--defendants",
        "2",
        "--on",
        "2025-06-01",
    )
    assert data["costs"] == "80.00"
    code, _, err = run(capsys, "fixed-costs", "--claim", "1311.41", "--service", "claimant")
    assert code == 2 and "claimant-post" in err
    data = run_json(capsys, "fixed-costs", "--claim", "6000", "--stage", "summary-judgment", "--on", "2025-06-01")
    assert data["costs"] == "210.00"
    data = run_json(capsys, "fixed-costs", "--claim", "6000", "--no-legal-rep", "--on", "2025-06-01")
    assert data["costs"] == "0.00" and "legal representative" in data["basis"]
    assert data["legal_representative"] is False


def test_track_contract(capsys):
    assert run_json(capsys, "track", "--claim", "10000")["track"] == "small_claims"
    data = run_json(capsys, "track", "--claim", "30000", "--on", "2025-06-01")
    assert data["track"] == "intermediate"
    assert data["statement_of_value"] == "more than £25,000 but not more than £100,000"
    data = run_json(capsys, "track", "--claim", "10000.01", "--on", "2025-06-01")
    assert data["statement_of_value"] == "more than £10,000 but not more than £25,000"
    assert run_json(capsys, "track", "--claim", "100000.01")["track"] == "multi"


def test_deadline_and_deemed_service_contract(capsys):
    assert run_json(capsys, "deadline", "--from", "2025-12-22", "--days", "5")["date"] == "2025-12-31"
    assert run_json(capsys, "deadline", "--from", "2026-03-20", "--days", "14")["date"] == "2026-04-07"
    data = run_json(capsys, "deemed-service", "--document", "other", "--method", "email", "--sent", "2025-12-23T15:00")
    assert data["date"] == "2025-12-23"
    data = run_json(capsys, "deemed-service", "--document", "other", "--method", "email", "--sent", "2025-12-23T16:30")
    assert data["date"] == "2025-12-24"
    data = run_json(
        capsys, "deemed-service", "--document", "claim-form", "--method", "post", "--sent", "2025-12-23T15:00"
    )
    assert data["date"] == "2025-12-29"


def test_limitation_contract(capsys):
    data = run_json(capsys, "limitation", "--cause", "contract", "--accrued", "2019-06-01", "--on", "2025-06-01")
    assert (data["last_day"], data["barred"]) == ("2025-06-01", False)
    data = run_json(capsys, "limitation", "--cause", "rent", "--accrued", "2019-06-01", "--on", "2025-06-02")
    assert data["barred"] is True
    data = run_json(
        capsys,
        "limitation",
        "--cause",
        "contract",
        "--accrued",
        "2019-06-01",
        "--acknowledged",
        "2020-01-01",
        "--acknowledged",
        "2022-05-05",
        "--on",
        "2026-01-01",
    )
    item = data["items"][0]
    assert (data["last_day"], data["barred"], item["runs_from"]) == ("2028-05-05", False, "2022-05-05")


def test_enforcement_contract(capsys):
    data = run_json(
        capsys,
        "enforcement",
        "--judgment-amount",
        "1200",
        "--judgment-date",
        "2024-01-10",
        "--on",
        "2025-06-01",
        "--employed",
        "--property-title",
        "WYK123456",
    )
    assert data["permission_required"] is False
    routes = {o["route"]: o for o in data["options"]}
    assert set(routes) == {
        "warrant_of_control",
        "writ_of_control",
        "attachment_of_earnings",
        "charging_order",
        "third_party_debt_order",
        "order_to_obtain_information",
    }
    assert routes["warrant_of_control"]["form"] == "N323" and routes["warrant_of_control"]["allowed"] is True
    assert isinstance(routes["charging_order"]["reasons"], list)
    data = run_json(
        capsys, "enforcement", "--judgment-amount", "6000", "--judgment-date", "2019-06-01", "--on", "2025-06-01"
    )
    routes = {o["route"]: o for o in data["options"]}
    assert data["permission_required"] is True
    assert not routes["warrant_of_control"]["allowed"] and not routes["attachment_of_earnings"]["allowed"]
    data = run_json(
        capsys,
        "enforcement",
        "--judgment-amount",
        "1200",
        "--judgment-date",
        "2024-01-10",
        "--on",
        "2025-06-01",
        "--employed",
        "--breathing-space-until",
        "2025-07-01",
    )
    assert data["breathing_space"] is True and not any(o["allowed"] for o in data["options"])


def test_claim_from_example_case(capsys):
    data = run_json(capsys, "claim", str(EXAMPLES / "CR-2025-0310.yaml"), "--issue-date", "2025-10-01")
    assert data["principal"] == "7725.00"
    assert (data["interest"], data["daily_rate"], data["interest_days"]) == ("83.81", "0.85", 99)
    assert (data["claim_value"], data["fee"], data["costs"], data["total"]) == (
        "7808.81",
        "455.00",
        "100.00",
        "8363.81",
    )
    assert data["track"] == "small_claims" and data["statement_of_value"] == "not more than £10,000"
    assert data["ready_to_issue"] is False and "letter before claim" in data["reasons"][0]
    assert data["limitation"][0]["cause"] == "rent"
    assert data["breathing_space"]["active"] is False


def test_claim_readiness_from_events(capsys, tmp_path):
    case = yaml.safe_load((EXAMPLES / "FTA-2025-0142.yaml").read_text(encoding="utf-8"))
    case["events"] = [{"date": "2025-04-01", "kind": "letter_before_claim_sent"}]
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case), encoding="utf-8")
    early = run_json(capsys, "claim", str(path), "--issue-date", "2025-05-01")
    assert early["ready_to_issue"] is False and early["earliest_issue_date"] == "2025-05-02"
    assert early["costs"] == "0.00"  # not solicitor conducted
    ready = run_json(capsys, "claim", str(path), "--issue-date", "2025-05-02")
    assert ready["ready_to_issue"] is True and ready["reasons"] == []
    case["debtors"][0]["breathing_spaces"] = [{"start": "2025-04-20"}]
    path.write_text(yaml.safe_dump(case), encoding="utf-8")
    paused = run_json(capsys, "claim", str(path), "--issue-date", "2025-05-02")
    assert paused["ready_to_issue"] is False and paused["breathing_space"]["active"] is True


def test_readable_output(capsys):
    code, out, _ = run(capsys, "interest", "--principal", "1234.56", "--from", "2024-04-01", "--to", "2025-01-10")
    assert code == 0
    assert "76.85" in out and "daily rate" in out and "{" not in out
    code, out, _ = run(capsys, "claim", str(EXAMPLES / "RR-2025-0077.yaml"), "--issue-date", "2025-09-01")
    assert code == 0 and "statement of value" in out


@pytest.mark.parametrize(
    "args",
    [
        ["interest", "--principal", "-5", "--from", "2024-04-01", "--to", "2025-01-10"],
        ["interest", "--principal", "12.345", "--from", "2024-04-01", "--to", "2025-01-10"],
        ["interest", "--principal", "100", "--from", "2025-04-01", "--to", "2024-01-10"],
        ["interest", "--principal", "100", "--from", "2024-02-30", "--to", "2025-01-10"],
        ["interest", "--principal", "100", "--from", "2024-01-01", "--to", "2025-01-10", "--basis", "contractual"],
        ["fee", "--claim", "abc"],
        ["fee"],
        ["fee", "--claim", "-1"],
        ["fixed-costs", "--claim", "100", "--stage", "appeal"],
        ["fixed-costs", "--claim", "100", "--defendants", "0"],
        ["track", "--claim", "£-3"],
        ["deadline", "--from", "2025-13-01", "--days", "3"],
        ["deadline", "--from", "2025-01-01", "--days", "0"],
        ["deemed-service", "--document", "other", "--method", "pigeon", "--sent", "2025-01-01T10:00"],
        ["deemed-service", "--document", "other", "--method", "post", "--sent", "yesterday"],
        ["limitation", "--cause", "tort", "--accrued", "2019-06-01"],
        ["enforcement", "--judgment-amount", "0", "--judgment-date", "2024-01-01"],
        ["claim", "/no/such/case.yaml"],
        ["nonsense"],
    ],
)
def test_bad_input_exits_2_without_traceback(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert "Traceback" not in out + err
    assert err.strip()
