"""`courtpack report`, `targets`, `writeoff` and `trace` on the command line: output files, one-sentence
errors with exit 2, nothing half-applied."""

from __future__ import annotations

import datetime as dt

import openpyxl
from sqlalchemy import select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.reporting_models import TraceAttempt, WriteOff

from .conftest import add_case


def _db(empty_register) -> str:
    with empty_register.transaction("t") as s:
        add_case(s, "C-1", "800.00", dt.date(2025, 6, 2), officer="Asha Patel")
        add_case(s, "C-2", "40.00", dt.date(2025, 6, 2), officer="Asha Patel")
    return empty_register.url


def test_report_targets_and_trace(empty_register, tmp_path, capsys):
    db = _db(empty_register)
    assert main(["targets", "team", "Asha Patel", "North", "--db", db]) == 0
    assert (
        main(["targets", "collection", "--from", "2025-01-01", "--amount", "500", "--team", "North", "--db", db]) == 0
    )
    assert (
        main(
            [
                "targets",
                "indicator",
                "letter_within_days",
                "--from",
                "2025-01-01",
                "--target",
                "95",
                "--amber",
                "85",
                "--days",
                "10",
                "--db",
                db,
            ]
        )
        == 0
    )
    assert (
        main(["trace", "add", "C-1", "--on", "2025-09-01", "--method", "dwp", "--result", "not_found", "--db", db]) == 0
    )
    out = tmp_path / "north.xlsx"
    assert (
        main(
            [
                "report",
                "performance",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-31",
                "--team",
                "North",
                "--out",
                str(out),
                "--db",
                db,
            ]
        )
        == 0
    )
    book = openpyxl.load_workbook(out)
    assert book["Collections by month"]["C2"].value == 500  # the North team's target for January
    assert book["Indicators"]["A2"].value == "letters sent within 10 days of referral (%)"
    capsys.readouterr()
    assert main(["targets", "show", "--on", "2026-01-15", "--team", "North", "--db", db]) == 0
    assert "monthly target, all debt types: £500.00" in capsys.readouterr().out
    with empty_register.transaction() as s:
        assert len(s.scalars(select(TraceAttempt)).all()) == 1


def test_bad_input_is_one_sentence_and_exit_2(empty_register, tmp_path, capsys):
    db = _db(empty_register)
    assert (
        main(
            [
                "report",
                "performance",
                "--from",
                "2026-02-01",
                "--to",
                "2026-01-01",
                "--out",
                str(tmp_path / "r.pdf"),
                "--db",
                db,
            ]
        )
        == 2
    )
    assert "before it starts" in capsys.readouterr().err and not (tmp_path / "r.pdf").exists()
    assert (
        main(
            [
                "targets",
                "indicator",
                "debt_over_2y_pct",
                "--from",
                "2026-01-01",
                "--target",
                "30",
                "--amber",
                "20",
                "--db",
                db,
            ]
        )
        == 2
    )
    assert "amber threshold 20 must be on the far side of the target 30" in capsys.readouterr().err
    assert main(["trace", "add", "C-1", "--on", "2025-09-01", "--method", "dwp", "--result", "found", "--db", db]) == 2
    assert "needs the new address" in capsys.readouterr().err
    assert (
        main(["trace", "add", "NOPE", "--on", "2025-09-01", "--method", "dwp", "--result", "not_found", "--db", db])
        == 2
    )
    assert "no case 'NOPE' in the register" in capsys.readouterr().err


def test_approval_refused_without_authority_then_granted(empty_register, capsys):
    db = _db(empty_register)
    assert main(["writeoff", "authority", "olu", "officer", "--db", db]) == 0
    assert main(["writeoff", "authority", "tess", "team_leader", "--db", db]) == 0
    # C-2 owes £40: below the default uneconomic threshold of £50, needs only an officer (£40 <= £100)
    assert main(["writeoff", "approve", "C-2", "--as", "nobody", "--on", "2026-01-31", "--db", db]) == 2
    assert "nobody holds no delegated write-off authority" in capsys.readouterr().err
    assert main(["writeoff", "approve", "C-2", "--as", "olu", "--on", "2026-01-31", "--db", db]) == 0
    assert "£40.00 written off (uneconomic) by olu on 31 January 2026" in capsys.readouterr().out
    # C-1 (£800) is not a candidate until the debtor is untraceable after two failed traces
    assert main(["writeoff", "approve", "C-1", "--as", "tess", "--on", "2026-01-31", "--db", db]) == 2
    for day in ("2025-09-01", "2025-10-01"):
        main(["trace", "add", "C-1", "--on", day, "--method", "enquiry_agent", "--result", "not_found", "--db", db])
    assert main(["writeoff", "approve", "C-1", "--as", "olu", "--on", "2026-01-31", "--db", db]) == 2
    assert "needs team leader authority; olu holds officer authority" in capsys.readouterr().err
    assert main(["writeoff", "approve", "C-1", "--as", "tess", "--on", "2026-01-31", "--db", db]) == 0
    assert (
        main(
            [
                "writeoff",
                "reverse",
                "C-2",
                "--as",
                "olu",
                "--reason",
                "paid in full 2 Feb",
                "--on",
                "2026-02-03",
                "--db",
                db,
            ]
        )
        == 0
    )
    with empty_register.transaction() as s:
        rows = {(r.reason, r.approved_by, r.status) for r in s.scalars(select(WriteOff))}
    assert rows == {("uneconomic", "olu", "reversed"), ("untraceable", "tess", "approved")}


def test_costs_recorded_show_in_the_report(empty_register, tmp_path, capsys):
    db = _db(empty_register)
    assert (
        main(
            [
                "report",
                "cost",
                "C-1",
                "--on",
                "2026-01-05",
                "--paid-out",
                "--amount",
                "115",
                "--description",
                "issue fee",
                "--db",
                db,
            ]
        )
        == 0
    )
    assert main(["report", "cost", "C-1", "--on", "2026-01-20", "--recovered", "--amount", "50.00", "--db", db]) == 0
    assert main(["report", "cost", "C-1", "--on", "2025-12-31", "--paid-out", "--amount", "10", "--db", db]) == 0
    assert main(["report", "cost", "C-1", "--on", "2026-01-05", "--paid-out", "--amount", "-3", "--db", db]) == 2
    assert "must be more than £0.00" in capsys.readouterr().err
    out = tmp_path / "jan.xlsx"
    assert (
        main(["report", "performance", "--from", "2026-01-01", "--to", "2026-01-31", "--out", str(out), "--db", db])
        == 0
    )
    money = {r[0].value: r[1].value for r in openpyxl.load_workbook(out)["Money"].iter_rows(min_row=2)}
    # December's £10 is outside the period
    assert (money["costs and fees paid out"], money["costs and fees recovered"]) == (115, 50)
