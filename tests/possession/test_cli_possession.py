"""`courtpack calc possession-notice` / `rent-daily-rate` and `courtpack possession`: JSON contract and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docassemble.courtpack.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_possession_notice_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "calc", "possession-notice", "--tenancy", "secure", "--served", "2025-01-06",
        "--rent-day", "2023-04-03", "--method", "post", "--json",
    )  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    # posted Mon 6 Jan -> served Wed 8 Jan; + 28 = Wed 5 Feb; next Monday rent day 10 Feb 2025
    assert (data["served_on"], data["earliest_date_specified"], data["proceedings_from"]) == (
        "2025-01-08",
        "2025-02-10",
        "2025-02-11",
    )
    assert (data["lapses_on"], data["last_issue_date"], data["review_by"]) == ("2026-02-10", "2026-02-09", None)
    assert "Housing Act 1985 s.83" in data["source"]


def test_daily_rate_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "calc", "rent-daily-rate", "--rent", "500.00", "--frequency", "monthly", "--json")
    assert code == 0 and json.loads(out)["daily_rate"] == "16.44"  # 500 x 12 / 365 = 16.438


@pytest.mark.parametrize(
    "argv",
    [
        ("calc", "possession-notice", "--tenancy", "assured", "--served", "2025-01-06", "--rent-day", "2025-01-06"),
        ("calc", "possession-notice", "--tenancy", "secure", "--served", "2025-02-30", "--rent-day", "2025-01-06"),
        ("calc", "rent-daily-rate", "--rent", "-5", "--frequency", "weekly"),
    ],
)
def test_bad_input_exits_2(capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and "Traceback" not in err and err.strip()


def test_record_order_and_check_compliance(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "register.db")
    assert run(capsys, "register", "add", EXAMPLES / "FTA-2025-0142.yaml", "--db", db, "--as", "test")[0] == 0
    ref = "FTA-2025-0142"
    # weekly £100 rent from Mon 6 Jan 2025; nothing paid
    code, _, err = run(
        capsys, "possession", "record", ref, "tenancy_recorded", "--fact", "date=2025-01-06", "--fact", "kind=secure",
        "--fact", "property=3 Ash Walk", "--fact", "rent=100.00", "--fact", "frequency=weekly",
        "--db", db, "--as", "test",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(
        capsys, "possession", "record-order", ref, "--date", "2025-03-03", "--kind", "suspended",
        "--possession-date", "2025-03-31", "--instalment", "5.00", "--frequency", "weekly",
        "--first-payment", "2025-03-10", "--arrears", "900.00", "--db", db, "--as", "test",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, "possession", "compliance", ref, "--as-at", "2025-04-06", "--db", db, "--json")
    assert code == 0, err
    data = json.loads(out)
    # weeks 10 Mar - 6 Apr: 4 complete weeks x (100 + 5) = 420 due, nothing paid; date for possession passed
    assert (data["next_step"], data["allowed"], data["total_due"], data["shortfall"]) == (
        "n325_warrant",
        True,
        "420.00",
        "420.00",
    )
    # 9 rent days 6 Jan .. 3 Mar at 100 = 900 arrears when the order was made; 13 Mondays to 31 Mar = 1,300
    code, out, _ = run(capsys, "possession", "facts", ref, "--as-at", "2025-04-06", "--db", db, "--json")
    assert json.loads(out)["arrears"] == "1300.00" and json.loads(out)["daily_rate"] == "14.29"


def test_bad_order_is_refused_with_one_sentence(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "register.db")
    run(capsys, "register", "add", EXAMPLES / "FTA-2025-0142.yaml", "--db", db, "--as", "test")
    code, _, err = run(
        capsys, "possession", "record-order", "FTA-2025-0142", "--date", "2025-03-03", "--kind", "suspended",
        "--db", db, "--as", "test",
    )  # fmt: skip
    assert code == 2 and "Traceback" not in err
    assert "possession_order, instalment: is missing" in err


def test_import_rent_refuses_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "register.db")
    run(capsys, "register", "add", EXAMPLES / "FTA-2025-0142.yaml", "--db", db, "--as", "test")
    code, _, err = run(capsys, "possession", "import-rent", "FTA-2025-0142", tmp_path / "none.csv", "--db", db)
    assert code == 2 and "the rent account export does not exist" in err and "Traceback" not in err
