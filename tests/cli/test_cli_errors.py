"""The CLI turns every user mistake into one sentence and exit 2, and writes nothing."""

from __future__ import annotations

import pytest

from docassemble.courtpack.cli import main

from ..conftest import EXAMPLES


def test_bad_case_file_exits_2_without_traceback(example_data, write_case, tmp_path, capsys):
    data = example_data()
    data["debtors"][0]["address"]["postcode"] = "SE13 5X"
    case_file = write_case(data)
    out = tmp_path / "out"
    code = main(["interview", "run", "letter_before_claim", "--case", str(case_file), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "debtors[0].address.postcode: 'SE13 5X' is not a UK postcode" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_unknown_interview_names_the_known_ones(tmp_path, capsys):
    code = main(["interview", "run", "no_such", "--case", str(EXAMPLES / "FTA-2025-0142.yaml"), "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "no interview called 'no_such'" in err and "letter_before_claim" in err


def test_bad_answers_file(tmp_path, capsys):
    answers = tmp_path / "answers.yaml"
    answers.write_text("- not\n- a mapping\n", encoding="utf-8")
    code = main(
        [
            "interview",
            "run",
            "letter_before_claim",
            "--case",
            str(EXAMPLES / "FTA-2025-0142.yaml"),
            "--answers",
            str(answers),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    assert code == 2
    assert "must map interview variable names to answers" in capsys.readouterr().err


def test_missing_option_is_a_usage_error(capsys):
    assert main(["interview", "run", "letter_before_claim", "--case", str(EXAMPLES / "FTA-2025-0142.yaml")]) == 2
    assert "Missing option '--out'" in capsys.readouterr().err


@pytest.mark.slow
def test_without_a_case_the_interview_asks_for_one(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{tmp_path / 'register.db'}")
    assert main(["register", "add", str(EXAMPLES / "FTA-2025-0142.yaml")]) == 0
    assert main(["interview", "run", "letter_before_claim", "--out", str(tmp_path / "out")]) == 3
    assert "it needs an answer for `case_reference`" in capsys.readouterr().err


@pytest.mark.slow
def test_unanswered_question_exits_3_naming_the_variable(tmp_path, capsys):
    code = main(
        [
            "interview",
            "run",
            "letter_before_claim",
            "--case",
            str(EXAMPLES / "FTA-2025-0142.yaml"),
            "--out",
            str(tmp_path / "out"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 3
    assert "it needs an answer for `letter_date`" in err


@pytest.mark.slow
def test_answers_file_runs_to_the_end(tmp_path, capsys):
    code = main(
        [
            "interview",
            "run",
            "letter_before_claim",
            "--case",
            str(EXAMPLES / "FTA-2025-0142.yaml"),
            "--answers",
            str(EXAMPLES / "answers" / "letter_before_claim.yaml"),
            "--out",
            str(tmp_path),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "FTA-2025-0142 letter of claim pack.pdf" in out
    assert (tmp_path / "FTA-2025-0142 letter of claim.docx").is_file()
