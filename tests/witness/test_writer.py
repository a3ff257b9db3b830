"""Witness statements written end to end: DOCX read back with python-docx, PDFs with pdftotext."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from docx.shared import Cm
from sqlalchemy import select

from docassemble.courtpack.documents.witness import STATEMENT_OF_TRUTH, UploadedExhibit, write_witness_statement
from docassemble.courtpack.interview_glue.witness import RegisterMarks
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.exhibit_models import WitnessStatementMarks

from .conftest import flat, page_count, pdf_text, statement_text, write_image, write_pdf

pytestmark = pytest.mark.slow
STEM = "FTA-2025-0142 witness statement of Priya Shah"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One first statement shared by the read-only tests (LibreOffice takes seconds)."""
    from docassemble.courtpack.case import read_case
    from docassemble.courtpack.documents.witness import LetterExhibit, StatementOptions

    from ..conftest import EXAMPLES

    root = tmp_path_factory.mktemp("witness")
    options = StatementOptions(
        statement_date=dt.date(2025, 6, 2),
        claim_number="K1QZ1234",
        court="County Court at Bromley",
        letter=LetterExhibit(dt.date(2025, 4, 7)),
        dealt_since=dt.date(2024, 11, 4),
    )
    with Register(f"sqlite:///{root / 'register.db'}") as register:
        result = write_witness_statement(
            read_case(EXAMPLES / "FTA-2025-0142.yaml"), options, root / "case" / "out", RegisterMarks(register)
        )
        recorded = register_rows(register)
    return root, result, recorded


def register_rows(register):
    with register.transaction() as session:
        return session.execute(
            select(
                WitnessStatementMarks.number,
                WitnessStatementMarks.first_exhibit,
                WitnessStatementMarks.exhibits,
                WitnessStatementMarks.status,
                WitnessStatementMarks.file,
                WitnessStatementMarks.descriptions,
            )
        ).all()


@pytest.fixture
def first(made):
    return made[1]


def test_files_and_register(made):
    root, first, recorded = made
    out = root / "case" / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        f"{STEM} (1) with exhibits.pdf",
        f"{STEM} (1).docx",
        f"{STEM} (1).pdf",
    ]
    assert [p.name for p in first.files] == [f"{STEM} (1).docx", f"{STEM} (1).pdf", f"{STEM} (1) with exhibits.pdf"]
    assert first.number == 1 and first.marks == ["PS1", "PS2"]
    assert [tuple(r) for r in recorded] == [
        (
            1,
            1,
            2,
            "recorded",
            f"{STEM} (1) with exhibits.pdf",
            "the statement of account\na copy of the letter of claim dated 7 April 2025 and its enclosures",
        )
    ]


def test_docx_format_pd32(first):
    doc = Document(str(first.statement_docx))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for margin in (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin):
        assert Cm(3.5) <= margin < Cm(3.51)  # PD 32 19.1: not less than 3.5 cm
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    numbered = [p.text for p in doc.paragraphs if p.text[:1].isdigit()]
    assert numbered[0].startswith("1.\tMy name is Priya Shah.")
    assert [int(t.split(".")[0]) for t in numbered] == list(range(1, len(numbered) + 1))
    texts = [p.text for p in doc.paragraphs]
    assert STATEMENT_OF_TRUTH in texts
    assert texts[:5] == [
        "On behalf of: Claimant",
        "Witness: P Shah",
        "Statement: 1st",
        "Exhibits: PS1–PS2",
        "Date: 2 June 2025",
    ]
    assert doc.paragraphs[0].alignment == 2  # right: the top-right markings
    assert "{{" not in "".join(texts) and "{%" not in "".join(texts)


def test_statement_pdf_text(first):
    page1 = pdf_text(first.statement_pdf, 1, 1)
    top = page1.split("IN THE COUNTY COURT")[0]
    for marking in (
        "On behalf of: Claimant",
        "Witness: P Shah",
        "Statement: 1st",
        "Exhibits: PS1–PS2",
        "Date: 2 June 2025",
    ):
        assert marking in top
        line = next(line for line in top.splitlines() if marking in line)
        assert line.index(marking) > 40  # right-hand side of the page
    text = statement_text(first.statement_pdf)
    assert (
        "IN THE COUNTY COURT AT BROMLEY Claim No. K1QZ1234 BETWEEN: LONDON BOROUGH OF LEWISHAM Claimant "
        "- and - MR DANIEL JAMES OKAFOR Defendant WITNESS STATEMENT OF PRIYA SHAH" in text
    )
    assert "I refer to the statement of account marked 'PS1'" in text
    assert flat(STATEMENT_OF_TRUTH) in text
    assert "Signed: ___" in text
    pages = page_count(first.statement_pdf)
    assert f"Page 1 of {pages}" in pdf_text(first.statement_pdf, 1, 1)  # the PAGE and NUMPAGES fields
    assert f"Page {pages} of {pages}" in pdf_text(first.statement_pdf, pages, pages)
    assert "2. The facts in this statement are within my own knowledge" in text


def test_exhibits_follow_their_cover_sheets(first):
    combined = first.with_exhibits_pdf
    statement_pages = page_count(first.statement_pdf)
    cover = flat(pdf_text(combined, statement_pages + 1, statement_pages + 1))
    assert "EXHIBIT PS1" in cover
    assert (
        "This is the exhibit marked 'PS1' referred to in the witness statement of Priya Shah dated 2 June 2025."
        in cover
    )
    account = flat(pdf_text(combined, statement_pages + 2, statement_pages + 2))
    assert "Statement of account" in account and "Running" not in account
    assert "Date Description Debit Credit Balance" in account
    assert "Totals and balance owed £2,387.98 £350.00 £2,037.98" in account
    rest = flat(pdf_text(combined, statement_pages + 3))
    assert rest.startswith("IN THE COUNTY COURT AT BROMLEY") and "EXHIBIT PS2" in rest
    assert "A copy of the letter of claim dated 7 April 2025 and its enclosures" in rest
    assert "Letter of Claim: former tenant rent arrears" in rest and "Reply Form" in rest
    import pikepdf

    with pikepdf.open(combined) as pdf, pdf.open_outline() as outline:
        titles = [item.title for item in outline.root]
    assert titles == [
        "Witness statement",
        "Exhibit PS1: the statement of account",
        "Exhibit PS2: a copy of the letter of claim dated 7 April 2025 and its enclosures",
    ]


def test_second_statement_continues_the_marks(tmp_path, case, options, marks):
    out = tmp_path / "case" / "out"
    assert write_witness_statement(case, options(), out, marks).marks == ["PS1", "PS2"]
    uploads = (
        UploadedExhibit(write_pdf(tmp_path / "tenancy.pdf", "TENANCY AGREEMENT", pages=2), "the tenancy agreement"),
        UploadedExhibit(write_image(tmp_path / "keys.png"), "a photograph of the returned keys"),
    )
    second = write_witness_statement(
        case,
        options(statement_date=dt.date(2025, 7, 1), letter=None, statement_of_account=False, uploads=uploads),
        out,
        marks,
    )
    assert second.number == 2 and second.marks == ["PS3", "PS4"]
    assert second.statement_pdf.name == f"{STEM} (2).pdf"
    text = statement_text(second.statement_pdf)
    assert "Statement: 2nd" in text and "Exhibits: PS3–PS4" in text
    assert "I refer to the tenancy agreement marked 'PS3'." in text
    assert "I refer to a photograph of the returned keys marked 'PS4'." in text
    pages = page_count(second.statement_pdf)
    combined = second.with_exhibits_pdf
    assert page_count(combined) == pages + 1 + 2 + 1 + 1
    assert "EXHIBIT PS3" in pdf_text(combined, pages + 1, pages + 1)
    assert "TENANCY AGREEMENT 2" in pdf_text(combined, pages + 3, pages + 3)
    assert "EXHIBIT PS4" in pdf_text(combined, pages + 4, pages + 4)
    third = write_witness_statement(case, options(statement_date=dt.date(2025, 8, 1), letter=None), out, marks)
    assert third.marks == ["PS5"]
    assert (out / f"{STEM} (1).pdf").is_file()  # earlier statements are kept
