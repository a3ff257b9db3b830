"""`make demo`'s job, run as a test: every step's documents appear under out/, and they agree with the register."""

from __future__ import annotations

import json
import subprocess

import pytest

from docassemble.courtpack.cli import main

pytestmark = pytest.mark.slow
CASES = ("CR-2025-0310", "FTA-2025-0142", "RR-2025-0077")


def pdf_text(path) -> str:
    return " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )


def test_demo_writes_every_kind_of_document_and_they_agree(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("COURTPACK_DATABASE_URL", raising=False)
    out = tmp_path / "out"
    assert main(["demo", "--out", str(out), "--as-at", "2026-01-10"]) == 0
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    for expected in (
        "FTA-2025-0142/FTA-2025-0142 letter of claim pack.pdf",
        "FTA-2025-0142/FTA-2025-0142 N1 claim form.pdf",
        "FTA-2025-0142/FTA-2025-0142 particulars of claim.pdf",
        "FTA-2025-0142/FTA-2025-0142 N225 request for judgment.pdf",
        "FTA-2025-0142/FTA-2025-0142 N323 request for warrant of control.pdf",
        "FTA-2025-0142/FTA-2025-0142 witness statement of Priya Shah (1) with exhibits.pdf",
        "FTA-2025-0142/FTA-2025-0142 trial bundle.pdf",
        "CR-2025-0310/CR-2025-0310 letter before claim pack.pdf",
        "CR-2025-0310/CR-2025-0310 N379 charging order application.pdf",
        "CR-2025-0310/CR-2025-0310 enforcement referral.csv",  # writ only: a warrant needs no private agent
        "RR-2025-0077/RR-2025-0077 N316 order to obtain information.pdf",
        "register/hearings.ics",
        "register/compliance.xlsx",
        # council tax goes to the magistrates' court: 12 accounts, 3 left out with their reasons (examples/council_tax)
        "council-tax/complaint list.csv",
        "council-tax/pdf/complaint schedule.pdf",
        "council-tax/pdf/NGT-20260402-0001 summons 5100200.pdf",
        # a statutory demand on CT-5100300's order, through the interview on the register
        "council-tax/pdf/CT-5100300-SD statutory demand.pdf",
        # after the hearing, read from the register: CT-5100203's order (2,310.00 + 110.00 costs)
        "council-tax/pdf/CT-5100203 attachment of earnings.pdf",
        "council-tax/pdf/CT-5100203 charging order.pdf",
    ):
        assert expected in files
    assert len([f for f in files if f.startswith("council-tax/pdf/") and " summons " in f]) == 12 - 3
    # CT-5100300's order on 16 April 2026: 5,093.75 + 70.00 summons costs + 40.00 order costs = 5,203.75
    demand = pdf_text(out / "council-tax" / "pdf" / "CT-5100300-SD statutory demand.pdf")
    assert "£5,203.75" in demand and "Daniel Mercer" in demand and "London Borough of Northgate" in demand
    # net £1,450.00 a month: band over £1,420 up to £2,020 -> 17% x 1,450.00 = £246.50 towards £2,420.00
    aeo = pdf_text(out / "council-tax" / "pdf" / "CT-5100203 attachment of earnings.pdf")
    assert "£246.50" in aeo and "£2,420.00" in aeo
    # RR-2025-0077's instalment order is being complied with: no warrant or writ may issue
    assert sorted(f for f in files if f.startswith("RR-2025-0077/") and "referral" in f) == []
    # a County Court warrant is executed by the court's own enforcement agents: no letter to a private agent
    assert sorted(f for f in files if f.startswith("FTA-2025-0142/") and "instruction letter" in f) == []
    printed = capsys.readouterr().out
    for reference in CASES:
        assert f"courtpack case check {reference}: every recorded document agrees with the register" in printed

    db = str(out / "register" / "courtpack.db")
    for reference in CASES:
        assert main(["case", "check", reference, "--json", "--db", db]) == 0
        assert json.loads(capsys.readouterr().out) == {"reference": reference, "problems": []}

    # one claim number per case, the one the court's notice of issue gave (examples/story/)
    fta = out / "FTA-2025-0142"
    for name in ("N225 request for judgment", "N323 request for warrant of control", "trial bundle"):
        assert "L4QZ8F2K" in pdf_text(fta / f"FTA-2025-0142 {name}.pdf")
    # the letter is dated on the recorded step: 10 January 2026 - 34 weeks = Saturday 17 May 2025, moved to the
    # officer's working day before, Friday 16 May 2025
    assert "Date: 16 May 2025" in pdf_text(fta / "FTA-2025-0142 letter of claim pack.pdf")
    # the N323 states the £200.00 paid since judgment that the register holds: 2,189.40 - 200.00 = 1,989.40
    n323 = pdf_text(fta / "FTA-2025-0142 N323 request for warrant of control.pdf")
    assert "Balance due at the date of this request * £1,989.40" in n323
    # the N316A names the director the officer gave, not a placeholder
    n316a = pdf_text(out / "CR-2025-0310" / "CR-2025-0310 N316A order to obtain information (company officer).pdf")
    assert "Joanna Kirk" in n316a and "company secretary" not in n316a.lower()
    # the writ goes to the High Court enforcement officer named in Leeds City Council's settings
    letter = pdf_text(out / "CR-2025-0310" / "CR-2025-0310 enforcement instruction letter.pdf")
    assert "Pennine High Court Enforcement Ltd 40 Park Place, Leeds, LS1 2SP" in letter

    # a payment made before the N323's date but recorded only now makes the N323 untrue
    assert main(["payments", "add", "FTA-2025-0142", "--date", "2026-01-05", "--amount", "25.00", "--db", db]) == 0
    capsys.readouterr()
    assert main(["case", "check", "FTA-2025-0142", "--json", "--db", db]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    # 200.00 + 25.00 = 225.00 paid since judgment as at 10 January 2026, on every enforcement document
    assert {(p["field"], p["says"], p["register"]) for p in problems} == {("paid_since_judgment", "200.00", "225.00")}
    assert sorted(p["document"] for p in problems) == sorted(
        f.split("/")[1] for f in files if f.startswith("FTA-2025-0142/") and _enforcement(f)
    )

    # a second run replaces the folder and gives the same files (statement (1), not (2))
    assert main(["demo", "--out", str(out), "--as-at", "2026-01-10"]) == 0
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == files


def _enforcement(name: str) -> bool:
    return any(part in name for part in ("N323", "N316 ", "enforcement instruction", "enforcement referral"))


def test_demo_refuses_a_folder_it_did_not_write(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    assert main(["demo", "--out", str(tmp_path), "--as-at", "2026-01-10"]) == 2
    assert "already holds files courtpack's demo did not write" in capsys.readouterr().err
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"
