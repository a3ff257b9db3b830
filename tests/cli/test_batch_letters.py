"""``courtpack batch letters``: every case named gets its letter and pack, recorded; a case that cannot is
refused by name with the reason, and the others' letters are kept (exit 2 so a script notices)."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from docassemble.courtpack.cli import main
from docassemble.courtpack.cli.batch import cases_at_stage, read_references
from docassemble.courtpack.register import add_case, open_register
from docassemble.courtpack.register.generated import documents_for

from ..conftest import EXAMPLES

OFFICER = "officer@lewisham.example.gov.uk"


@pytest.fixture
def register_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    register = open_register(url)
    try:
        for name in ("FTA-2025-0142", "CR-2025-0310"):
            add_case(register, EXAMPLES / f"{name}.yaml", who=OFFICER)
    finally:
        register.dispose()
    return url


def test_the_list_of_cases_skips_comments_blank_lines_and_a_header(tmp_path):
    listed = tmp_path / "cases.csv"
    listed.write_text("reference,debtor\n# March run\nFTA-2025-0142,Mr Jones\n\n CR-2025-0310 \n", encoding="utf-8")
    assert read_references(listed) == ["FTA-2025-0142", "CR-2025-0310"]


def test_an_empty_list_of_cases_is_refused_with_the_fix(tmp_path):
    listed = tmp_path / "cases.txt"
    listed.write_text("# nothing yet\n", encoding="utf-8")
    assert main(["batch", "letters", "--cases", str(listed), "--out", str(tmp_path / "out"), "--as", OFFICER]) == 2


def test_the_stage_new_selects_the_cases_with_no_letter_yet(register_url):
    # neither example case has a recorded step, so both are "new" and none has a "letter sent"
    assert cases_at_stage(register_url, "new", None, dt.date(2025, 4, 7)) == ["CR-2025-0310", "FTA-2025-0142"]
    assert cases_at_stage(register_url, "letter sent", None, dt.date(2025, 4, 7)) == []


@pytest.mark.slow
def test_each_case_gets_its_pack_and_an_unknown_case_is_refused_without_losing_the_others(
    tmp_path, register_url, capsys
):
    listed = tmp_path / "cases.txt"
    listed.write_text("FTA-2025-0142\nNO-SUCH-0001\nCR-2025-0310\n", encoding="utf-8")
    out = tmp_path / "letters"
    args = ["batch", "letters", "--cases", str(listed), "--date", "2025-04-07", "--out", str(out)]
    code = main([*args, "--db", register_url, "--as", OFFICER, "--role", "officer", "--quiet"])
    printed = capsys.readouterr()
    assert code == 2
    assert "2 of 3 letters produced" in printed.out
    assert "refused NO-SUCH-0001:" in printed.err
    person = out / "FTA-2025-0142"
    assert sorted(p.name for p in person.iterdir()) == [
        "FTA-2025-0142 letter of claim pack.pdf",
        "FTA-2025-0142 letter of claim.docx",
    ]
    # an individual has 30 days to reply (PAPDC para 3): 7 April 2025 + 30 days = 7 May 2025
    text = "\n".join(p.text for p in docx.Document(person / "FTA-2025-0142 letter of claim.docx").paragraphs)
    assert "7 May 2025" in text
    company = out / "CR-2025-0310"
    assert (company / "CR-2025-0310 letter before claim pack.pdf").is_file()
    for reference in ("FTA-2025-0142", "CR-2025-0310"):
        recorded = documents_for(register_url, reference)
        assert [(d.kind, d.created_by) for d in recorded] == [("letter before claim", OFFICER)] * 2


@pytest.mark.slow
def test_a_manager_is_refused_before_any_letter_is_written(tmp_path, register_url, capsys):
    listed = tmp_path / "cases.txt"
    listed.write_text("FTA-2025-0142\n", encoding="utf-8")
    out = tmp_path / "letters"
    args = ["batch", "letters", "--cases", str(listed), "--out", str(out), "--db", register_url]
    code = main([*args, "--as", "m@x.gov.uk", "--role", "manager", "--quiet"])
    assert code == 2
    assert "only a debt recovery officer can do this" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
    assert documents_for(register_url, "FTA-2025-0142") == []
