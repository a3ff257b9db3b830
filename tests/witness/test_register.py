"""The exhibit register: marks run on across all of a witness's statements (PD 32 18.4–18.6)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from docassemble.courtpack.documents.witness import REGISTER_ENV, ExhibitRegister, initials, register_path
from docassemble.courtpack.documents.witness.register import RecordedStatement
from docassemble.courtpack.errors import DocumentError

DAY = dt.date(2025, 6, 2)


def record_statement(path, reference, witness, exhibits, number=None):
    with ExhibitRegister(path).locked() as reg:
        record = reg.witness(reference, witness)
        number, marks = record.plan(exhibits, number)
        record.record(RecordedStatement(number, DAY, tuple(marks), tuple(f"exhibit {m}" for m in marks)))
        reg.save(record)
    return number, marks


def test_marks_continue_across_statements(tmp_path):
    path = tmp_path / "exhibit-register.yaml"
    assert record_statement(path, "FTA-2025-0142", "Priya Shah", 3) == (1, ["PS1", "PS2", "PS3"])
    assert record_statement(path, "FTA-2025-0142", "Priya Shah", 2) == (2, ["PS4", "PS5"])
    assert record_statement(path, "FTA-2025-0142", "Tom Reid", 1) == (1, ["TR1"])  # another witness
    assert record_statement(path, "RR-2025-0077", "Priya Shah", 1) == (1, ["PS1"])  # another case
    data = yaml.safe_load(path.read_text())
    statements = data["FTA-2025-0142"]["Priya Shah"]["statements"]
    assert [s["number"] for s in statements] == [1, 2]
    assert list(statements[1]["exhibits"]) == ["PS4", "PS5"]
    assert statements[1]["exhibits"]["PS4"] == "exhibit PS4"


def test_remaking_the_latest_statement_reuses_its_number(tmp_path):
    path = tmp_path / "r.yaml"
    record_statement(path, "C", "Priya Shah", 3)
    record_statement(path, "C", "Priya Shah", 2)
    assert record_statement(path, "C", "Priya Shah", 4, number=2) == (2, ["PS4", "PS5", "PS6", "PS7"])
    assert record_statement(path, "C", "Priya Shah", 3, number=1) == (1, ["PS1", "PS2", "PS3"])
    with pytest.raises(DocumentError, match="statement 1 of Priya Shah had 3 exhibit"):
        record_statement(path, "C", "Priya Shah", 2, number=1)
    with pytest.raises(DocumentError, match="has no statement 7"):
        record_statement(path, "C", "Priya Shah", 1, number=7)


def test_where_the_register_lives(tmp_path, monkeypatch):
    out = tmp_path / "case" / "out"
    assert register_path(out) == tmp_path / "case" / "exhibit-register.yaml"
    assert register_path(out, tmp_path / "x.yaml") == tmp_path / "x.yaml"
    monkeypatch.setenv(REGISTER_ENV, str(tmp_path / "shared.yaml"))
    assert register_path(out) == tmp_path / "shared.yaml"


def test_damaged_register_is_reported(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("C: [unclosed\n")
    with pytest.raises(DocumentError, match="exhibit register is not valid YAML"), ExhibitRegister(path).locked():
        pass
    path.write_text("C:\n  Priya Shah:\n    statements:\n      - {date: 2025-01-01}\n")
    with pytest.raises(DocumentError, match="a statement entry is damaged"), ExhibitRegister(path).locked() as reg:
        reg.witness("C", "Priya Shah")


def test_initials():
    assert initials("Priya Shah") == "PS"
    assert initials("mary-jane van dyke") == "MJVD"
    with pytest.raises(DocumentError, match="has no initials"):
        initials("  ")
