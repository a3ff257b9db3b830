"""The Information Sheet and Reply Form sent with a Letter of Claim (Pre-Action Protocol for Debt Claims, Annex 1).

Why these strings: they are taken from what was read about the Annex, not from the templates. The
Protocol (para 3) says the Letter of Claim encloses the Annex 1 Information Sheet and Reply Form, and
the debtor has 30 days from the date of the letter to reply. National Debtline's summary of the
Protocol: the Reply Form "has four sections", it goes back "within 30 days of the date at the top of
the letter", and "If you can't fill in every section, it is still important to return it within 30
days". A guide to the official form: Box A (you owe the debt and agree the amount), Box B (part of
it), Box C ("I don't know whether I owe the debt"), Box D ("I dispute the debt"), and "Section 2
about payment is only for cases where you accept all or part of the debt". Para 4: where the debtor
asks for documents or is getting advice, no claim sooner than 30 days after the completed Reply Form
is received or the documents are sent, whichever is later. The advice agencies' numbers are those the
agencies publish (Business Debtline 0800 197 6026, www.businessdebtline.org; National Debtline 0808
808 4000). The Annex's own line-by-line wording was not available to check (see the templates'
generator), so these tests hold the structure and the facts, not every word.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document

from docassemble.courtpack.case import read_case
from docassemble.courtpack.documents.letters import LetterOptions, letter_context
from docassemble.courtpack.documents.render import Template

from ..conftest import EXAMPLES

LETTER = dt.date(2025, 4, 7)


def _text(path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    context = letter_context(case, LetterOptions(letter_date=LETTER))
    out = tmp_path_factory.mktemp("annex")
    return {
        name: _text(Template(f"{name}.docx").render(context, out / f"{name}.docx"))
        for name in ("information_sheet", "reply_form")
    }


def test_reply_form_has_the_four_sections_in_order(rendered):
    text = rendered["reply_form"]
    headings = [line for line in text.splitlines() if re.match(r"Section \d", line)]
    assert [h.split(" —")[0] for h in headings] == ["Section 1", "Section 2", "Section 3", "Section 4"]
    assert "Do you owe the debt?" in headings[0]
    assert "Paying the debt" in headings[1] and "Box A or Box B" in headings[1]  # payment only after A or B
    assert "Documents" in headings[2]
    assert "Debt advice" in headings[3]


def test_reply_form_section_1_boxes_a_to_d(rendered):
    text = rendered["reply_form"]
    boxes = re.findall(r"☐  Box ([A-Z]) — (.*)", text)
    assert [letter for letter, _ in boxes] == ["A", "B", "C", "D"]
    wording = dict(boxes)
    assert wording["A"].startswith("I owe the debt and I agree the amount is correct")
    assert wording["B"].startswith("I owe part of the debt. I agree I owe £")
    assert wording["C"].startswith("I don't know whether I owe the debt")
    assert wording["D"].startswith("I dispute the debt")


def test_reply_form_asks_for_payment_documents_and_advice(rendered):
    text = rendered["reply_form"]
    assert "I will pay the amount I owe in full by" in text
    assert "every ☐ week ☐ month" in text
    assert "I have filled in and enclosed the Financial Statement." in text
    assert "I would like a copy of the agreement." in text
    assert "I enclose the following documents:" in text
    assert "I am getting debt advice from" in text
    assert "I would like time to get debt advice." in text
    assert "Signed:" in text and "Date:" in text


def test_reply_form_names_the_case_and_the_reply_date(rendered):
    text = rendered["reply_form"]
    # FTA-2025-0142: London Borough of Lewisham; letter 7 April 2025 + 30 days = 7 May 2025
    assert "To: London Borough of Lewisham" in text
    assert "Reference: FTA-2025-0142" in text
    assert "Letter of Claim dated 7 April 2025" in text
    assert "send this form back by 7 May 2025" in text
    assert "If you cannot fill in every section, still send it back by then." in text


def test_information_sheet_walks_through_the_reply_form(rendered):
    text = rendered["information_sheet"]
    for heading in (
        "Information Sheet",
        "Why you have this letter",
        "What you should do now",
        "How to fill in the Reply Form",
        "If you ask for documents or are getting advice",
        "Free, independent debt advice",
        "If you do not reply",
    ):
        assert heading in text.splitlines(), heading
    assert "within 30 days of the date at the top of the letter, that is by 7 May 2025" in text
    for section in ("Section 1 — Do you owe the debt?", "Section 2 — Paying the debt", "Section 3 — Documents"):
        assert section in text
    assert "Box C: you don't know whether you owe the debt" in text
    assert "Box D: you dispute the debt" in text
    # para 4: 30 days after the completed Reply Form, or after the documents are sent, whichever is later
    assert (
        "30 days after we receive your completed Reply Form, or 30 days after we send you the documents you asked "
        "for, whichever is later"
    ) in text


def test_information_sheet_lists_business_debtline_among_the_advice_agencies(rendered):
    lines = rendered["information_sheet"].splitlines()
    business = [line for line in lines if line.startswith("Business Debtline:")]
    assert business == [
        "Business Debtline: 0800 197 6026, www.businessdebtline.org (if you are self-employed or run a small business)"
    ]
    assert "National Debtline: 0808 808 4000, www.nationaldebtline.org" in lines
    assert "StepChange Debt Charity: 0800 138 1111, www.stepchange.org" in lines
    assert "Citizens Advice: www.citizensadvice.org.uk" in lines


def test_neither_annex_document_says_verify(rendered):
    for text in rendered.values():
        assert "verify" not in text.lower()
