"""`make demo`'s job, run as a test: every step's documents appear under out/."""

from __future__ import annotations

import pytest

from docassemble.courtpack.cli import main

pytestmark = pytest.mark.slow


def test_demo_writes_every_kind_of_document(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("COURTPACK_DATABASE_URL", raising=False)
    out = tmp_path / "out"
    assert main(["demo", "--out", str(out), "--as-at", "2026-01-10"]) == 0
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    for expected in (
        "FTA-2025-0142/FTA-2025-0142 letter of claim pack.pdf",
        "FTA-2025-0142/FTA-2025-0142 N1 claim form.pdf",
        "FTA-2025-0142/FTA-2025-0142 particulars of claim.pdf",
        "FTA-2025-0142/FTA-2025-0142 N225 request for judgment.pdf",
        "FTA-2025-0142/FTA-2025-0142 witness statement of Priya Shah (1) with exhibits.pdf",
        "FTA-2025-0142/FTA-2025-0142 trial bundle.pdf",
        "CR-2025-0310/CR-2025-0310 letter before claim pack.pdf",
        "CR-2025-0310/CR-2025-0310 N379 charging order application.pdf",
        "CR-2025-0310/CR-2025-0310 enforcement referral.csv",  # writ only: a warrant needs no private agent
        "register/hearings.ics",
        "register/compliance.xlsx",
    ):
        assert expected in files
    # a second run replaces the folder and gives the same files (statement (1), not (2))
    assert main(["demo", "--out", str(out), "--as-at", "2026-01-10"]) == 0
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == files


def test_demo_refuses_a_folder_it_did_not_write(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    assert main(["demo", "--out", str(tmp_path), "--as-at", "2026-01-10"]) == 2
    assert "already holds files courtpack's demo did not write" in capsys.readouterr().err
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"
