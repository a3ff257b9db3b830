"""letter_before_claim.yml driven headlessly by docassemble's real engine, PDFs read back."""

from __future__ import annotations

import subprocess

import pytest

from docassemble.courtpack.errors import InterviewIncomplete, NotReadyError
from docassemble.courtpack.headless.runner import run_interview

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow
ANSWERS = {
    "letter_date": "2025-04-07",
    "letter_sent_by": "post",
    "instalments_status": "none",
    "letter_checked": True,
}


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def run(reference, answers, out):
    return run_interview("letter_before_claim", answers, out, case_source=EXAMPLES / f"{reference}.yaml")


def test_individual_letter_of_claim_pack(tmp_path):
    result = run("FTA-2025-0142", ANSWERS, tmp_path)
    assert result.title == "The letter before claim is ready"
    names = sorted(p.name for p in result.documents)
    assert names == ["FTA-2025-0142 letter of claim pack.pdf", "FTA-2025-0142 letter of claim.docx"]
    text = " ".join(pdf_text(tmp_path / "FTA-2025-0142 letter of claim pack.pdf").split())
    assert "Date: 7 April 2025" in text
    assert "you owe £2,037.98 as at 7 April 2025" in text
    assert "by 7 May 2025" in text  # 30 days from the letter
    # s.69 interest is claimed from the court, not "being added" (issue 12): 2,037.98 × 8% / 365 = £0.45 a day
    assert (
        "ask the court to award interest under section 69 of the County Courts Act 1984 at 8% a year (£0.45 a day)"
    ) in text
    assert "being added" not in text
    assert "written secure tenancy agreement dated 3 June 2019" in text
    assert "You can ask us for a copy of it" in text
    for box in "ABCD":
        assert f"Box {box} —" in text
    for enclosure in (
        "1. Statement of account",
        "2. Information Sheet",
        "3. Reply Form",
        "4. Financial Statement (income and expenditure)",
    ):
        assert enclosure in text
    assert "Financial Statement (income and expenditure) Reference FTA-2025-0142" in text
    assert "Pre-Action Protocol for Debt Claims" in text


def test_solicitor_case_statement_of_account(tmp_path):
    run("RR-2025-0077", {**ANSWERS, "letter_date": "2025-07-14"}, tmp_path)
    text = " ".join(pdf_text(tmp_path / "RR-2025-0077 letter of claim pack.pdf").split())
    assert "Dear Ms Walsh" in text and "£1,896.35" in text
    assert "RR/55102" in text and "£1,184.00" in text
    assert "from 14 May 2025" in text


def test_company_gets_practice_direction_letter(tmp_path):
    result = run("CR-2025-0310", {**ANSWERS, "letter_date": "2025-09-01"}, tmp_path)
    assert sorted(p.name for p in result.documents) == [
        "CR-2025-0310 letter before claim pack.pdf",
        "CR-2025-0310 letter before claim.docx",
    ]
    text = " ".join(pdf_text(tmp_path / "CR-2025-0310 letter before claim pack.pdf").split())
    assert "by 15 September 2025 (14 days from the date of this letter)" in text
    assert "Dear Sir or Madam" in text and "Reply Form" not in text
    assert "4% a year" in text


def test_instalments_offered_are_explained(tmp_path):
    answers = {
        **ANSWERS,
        "instalments_status": "offered",
        "instalment_amount": "25.00",
        "instalment_frequency": "monthly",
        "instalment_reason": "it would take nearly seven years to clear",
    }
    run("FTA-2025-0142", answers, tmp_path)
    text = " ".join(pdf_text(tmp_path / "FTA-2025-0142 letter of claim pack.pdf").split())
    assert "You have offered to pay £25.00 a month. We cannot accept this because it would take nearly seven" in text


@pytest.mark.parametrize(
    ("missing", "question"),
    [
        ("letter_date", "When will the letter be sent?"),
        ("instalments_status", "Is Mr Daniel James Okafor paying or offering instalments?"),
        ("letter_checked", "Check the letter before it is produced"),
    ],
)
def test_missing_answer_stops_at_its_question(tmp_path, missing, question):
    answers = {k: v for k, v in ANSWERS.items() if k != missing}
    with pytest.raises(InterviewIncomplete) as caught:
        run("FTA-2025-0142", answers, tmp_path)
    assert caught.value.variable == missing
    assert caught.value.question == question
    assert list(tmp_path.iterdir()) == []


def test_no_letter_during_breathing_space(tmp_path, example_data, write_case):
    data = example_data()
    data["debtors"][0]["breathing_spaces"] = [{"start": "2025-03-20"}]
    case_file = write_case(data)
    out = tmp_path / "out"
    with pytest.raises(NotReadyError, match="breathing space until 19 May 2025"):
        run_interview("letter_before_claim", ANSWERS, out, case_source=case_file)
    assert not any(out.iterdir())


def test_cli_runs_a_case_from_the_register_by_reference_as_the_named_user(tmp_path, monkeypatch, capsys):
    """The contract: `courtpack interview run NAME --reference REF --answers F --out DIR --as USER --role ROLE`."""
    import yaml

    from docassemble.courtpack.cli import main
    from docassemble.courtpack.register import open_register
    from docassemble.courtpack.register.generated import documents_for

    db = tmp_path / "register.db"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{db}")
    assert main(["register", "add", str(EXAMPLES / "FTA-2025-0142.yaml")]) == 0
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(ANSWERS), encoding="utf-8")
    common = ["interview", "run", "letter_before_claim", "--reference", "FTA-2025-0142", "--answers", str(answers)]
    # a manager may not send letters: refused (exit 2), nothing written or recorded
    assert main([*common, "--out", str(tmp_path / "no"), "--as", "mo@council.example.com", "--role", "manager"]) == 2
    assert "only a debt recovery officer can do this" in capsys.readouterr().err
    assert not (tmp_path / "no").exists() or list((tmp_path / "no").iterdir()) == []
    assert main([*common, "--out", str(tmp_path / "out"), "--as", "olu@council.example.com", "--role", "officer"]) == 0
    register = open_register(str(db))
    recorded = sorted((d.file_name, d.created_by) for d in documents_for(register, "FTA-2025-0142"))
    register.dispose()
    assert recorded == [
        ("FTA-2025-0142 letter of claim pack.pdf", "olu@council.example.com"),
        ("FTA-2025-0142 letter of claim.docx", "olu@council.example.com"),
    ]
    # an answers file cannot choose the documents to list, nor the case
    answers.write_text(yaml.safe_dump({**ANSWERS, "documents": ["/etc/passwd"]}), encoding="utf-8")
    assert main([*common, "--out", str(tmp_path / "forged"), "--as", "olu@council.example.com"]) == 2
    assert "documents: is set by courtpack, not by an answers file" in capsys.readouterr().err
