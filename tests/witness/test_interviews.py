"""witness_statement.yml driven headlessly by docassemble's real engine (court_bundle.yml: tests/interviews)."""

from __future__ import annotations

import pytest
import yaml

from docassemble.courtpack.case import read_case
from docassemble.courtpack.errors import DocumentError, InterviewIncomplete
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.interview_glue.bundle import case_documents, section_for
from docassemble.courtpack.interview_glue.witness import RegisterMarks

from ..conftest import EXAMPLES
from .conftest import flat, pdf_text, statement_text, write_image, write_pdf

ANSWERS = yaml.safe_load((EXAMPLES / "answers" / "witness_statement.yaml").read_text())
STEM = "FTA-2025-0142 witness statement of Priya Shah"


def run(name, answers, out, reference="FTA-2025-0142"):
    return run_interview(name, answers, out, case_source=EXAMPLES / f"{reference}.yaml")


@pytest.mark.slow
def test_witness_statement_interview_reaches_end_screen(tmp_path, register_url):
    out = tmp_path / "case" / "ws"
    result = run("witness_statement", ANSWERS, out)
    assert result.title == "The witness statement is ready"
    assert [p.name for p in result.documents] == [
        f"{STEM} (1).docx",
        f"{STEM} (1).pdf",
        f"{STEM} (1) with exhibits.pdf",
    ]
    text = statement_text(out / f"{STEM} (1).pdf")
    assert "Claim No. K1QZ1234" in text and "IN THE COUNTY COURT AT BROMLEY" in text
    assert "I have dealt with this account since 4 November 2024." in text
    assert "I refer to a copy of the letter and its enclosures marked 'PS2'." in text
    assert RegisterMarks(register_url).preview("FTA-2025-0142", "Priya Shah", 1).marks == ("PS3",)  # PS1, PS2 kept


@pytest.mark.slow
def test_interview_uploads_and_second_statement(tmp_path):
    out = tmp_path / "case" / "ws"
    run("witness_statement", ANSWERS, out)
    answers = {
        **ANSWERS,
        "statement_date": "2025-07-01",
        "letter_exhibit": "upload",
        "letter_file": str(write_pdf(tmp_path / "sent letter.pdf", "LETTER AS SENT")),
        "other_exhibits": True,
        "preparation": "phone",
        "prepared_by": "Tom Reid",
        "interpreter_used": False,
        "exhibit_files": [str(write_image(tmp_path / "keys.jpg", fmt="JPEG"))],
        "exhibit_descriptions": "a photograph of the returned keys",
        "additional_facts": "I spoke to the Defendant on 5 March 2025.\n\nHe said he would pay.",
    }
    result = run("witness_statement", answers, out)
    assert result.documents[1].name == f"{STEM} (2).pdf"
    text = statement_text(result.documents[1])
    assert "Statement: 2nd" in text and "Exhibits: PS3–PS5" in text
    assert "prepared by Tom Reid from what I told them on the telephone" in text
    assert "I refer to a photograph of the returned keys marked 'PS5'." in text
    assert "I spoke to the Defendant on 5 March 2025." in text and "He said he would pay." in text
    combined = flat(pdf_text(result.documents[2]))
    assert "EXHIBIT PS4" in combined and "LETTER AS SENT 1" in combined


@pytest.mark.slow
@pytest.mark.parametrize(
    ("missing", "question"),
    [
        ("witness_name", "Who is making the statement?"),
        ("claim_number", "Which claim is the statement for?"),
        ("statement_date", "When will the statement be signed?"),
        ("preparation", "How was the statement prepared?"),
        ("letter_exhibit", "The letter before claim"),
        ("other_exhibits", "Other documents to exhibit"),
        ("statement_checked", "Check the statement before it is produced"),
    ],
)
def test_witness_statement_missing_answer(tmp_path, missing, question):
    answers = {k: v for k, v in ANSWERS.items() if k != missing}
    with pytest.raises(InterviewIncomplete) as caught:
        run("witness_statement", answers, tmp_path / "out")
    assert caught.value.variable == missing
    assert caught.value.question == question
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.slow
def test_witness_statement_bad_upload_names_the_file(tmp_path, register_url):
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ")
    answers = {**ANSWERS, "other_exhibits": True, "exhibit_files": [str(bad)], "exhibit_descriptions": "the notice"}
    with pytest.raises(DocumentError, match=r"virus\.exe: is not a type that can be exhibited"):
        run("witness_statement", answers, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []
    assert RegisterMarks(register_url).preview("FTA-2025-0142", "Priya Shah", 1).marks == ("PS1",)  # none used


def generated_folder(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    for name, pages in [
        ("FTA-2025-0142 letter of claim pack.pdf", 5),
        ("FTA-2025-0142 N1 claim form.pdf", 2),
        ("FTA-2025-0142 particulars of claim.pdf", 1),
        (f"{STEM} (1).pdf", 3),
        (f"{STEM} (1) with exhibits.pdf", 8),
        ("FTA-2025-0142 trial bundle.pdf", 9),
        ("RR-2025-0077 N1 claim form.pdf", 2),
    ]:
        write_pdf(folder / name, name, pages)
    (folder / "FTA-2025-0142 letter of claim.docx").write_bytes(b"PK")
    return folder


def test_case_documents_are_sorted_into_sections(tmp_path):
    docs = case_documents(read_case(EXAMPLES / "FTA-2025-0142.yaml"), generated_folder(tmp_path))
    assert [(d.section, d.title) for d in docs] == [
        ("A", "N1 claim form"),
        ("A", "Particulars of claim"),
        ("B", "Witness statement of Priya Shah (1) with exhibits"),
        ("C", "Letter of claim pack"),
    ]
    assert section_for("N225 request for judgment") == ("C", 0)
    with pytest.raises(DocumentError, match="holds no PDF documents for case CR-2025-0310"):
        case_documents(read_case(EXAMPLES / "CR-2025-0310.yaml"), tmp_path / "documents")
