"""Seed the witness statement and exhibit templates (run once; the DOCX files are then the source).

Why a script: it records how the shipped templates were made, so a reviewer can
see every tag they use. Councils edit the DOCX files in ``templates/`` directly;
do not re-run this over edited files. PD 32 19.1 fixes the format: A4, margins
of at least 3.5 cm, pages and paragraphs numbered. The paragraphs themselves
(and their numbers) come from ``documents/witness/statement.py``.

    .venv/bin/python templates/src/make_witness_templates.py
"""

from __future__ import annotations

import math
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips
from docx_seed import new_document as seed_document
from docx_seed import para

OUT = Path(__file__).resolve().parent.parent
MARGIN_CM = 3.5  # PD 32 19.1: "a margin, not less than 3.5 centimetres wide"
# DOCX stores margins in twips; 3.5 cm is 1984.25 twips, so round UP (1985) to stay "not less than" 3.5 cm
MARGIN = Twips(math.ceil(MARGIN_CM / 2.54 * 1440))
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
CENTRE = WD_ALIGN_PARAGRAPH.CENTER


def new_document() -> Document:
    doc = seed_document(side_margin=MARGIN, top_margin=MARGIN, font_size=12, space_after=8)
    doc.styles["Normal"].paragraph_format.line_spacing = 1.15
    return doc


def add_field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice update when the document is laid out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def page_number_footer(doc: Document) -> None:
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = CENTRE
    p.add_run("Page ")
    add_field(p, "PAGE")
    p.add_run(" of ")
    add_field(p, "NUMPAGES")


def title_of_proceedings(doc: Document) -> None:
    """CPR/PD 32 17.1: the court, the claim number and the parties."""
    para(doc, "{{ court_heading }}", bold=True)
    para(doc, "Claim No. {{ claim_number }}", bold=True, align=RIGHT)
    para(doc, "BETWEEN:", bold=True)
    para(doc, "{{ claimant_name|upper }}", bold=True, align=CENTRE, space_after=0)
    para(doc, "Claimant", align=RIGHT)
    para(doc, "- and -", align=CENTRE)
    para(doc, "{%p for defendant in defendants %}")
    para(doc, "{{ defendant.name|upper }}", bold=True, align=CENTRE, space_after=0)
    para(doc, "{{ defendant.role }}", align=RIGHT)
    para(doc, "{%p endfor %}")


def witness_statement() -> None:
    doc = new_document()
    page_number_footer(doc)
    # PD 32 17.2: top right of the first page
    for line in (
        "On behalf of: {{ party }}",
        "Witness: {{ witness_short }}",
        "Statement: {{ statement_ordinal }}",
        "Exhibits: {{ exhibit_marks }}",
        "Date: {{ statement_date|date }}",
    ):
        para(doc, line, bold=True, size=10, align=RIGHT, space_after=0)
    para(doc, "")
    title_of_proceedings(doc)
    para(doc, "WITNESS STATEMENT OF {{ witness.name|upper }}", bold=True, size=13, align=CENTRE)
    para(doc, "{%p for item in body %}")
    para(doc, "{%p if item.heading %}")
    para(doc, "{{ item.heading }}", bold=True).paragraph_format.keep_with_next = True
    para(doc, "{%p else %}")
    p = para(doc, "{{ item.number }}.\t{{ item.text }}")
    p.paragraph_format.left_indent = Cm(1.0)
    p.paragraph_format.first_line_indent = Cm(-1.0)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(1.0), WD_TAB_ALIGNMENT.LEFT)
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    closing = [
        para(doc, "Statement of truth", bold=True),
        para(doc, "{{ statement_of_truth }}"),
        para(doc, ""),
        para(doc, "Signed: ____________________________________"),
        para(doc, "{{ witness.name }}", space_after=0),
        para(doc, "{{ witness.position }}, {{ witness.employer }}", space_after=0),
    ]
    for p in closing:  # the statement of truth, signature, name and date stay on one page
        p.paragraph_format.keep_with_next = True
    para(doc, "Date: {{ statement_date|date }}")
    # PD 32 23.2: the translator signs the original statement of a witness who made it in another language
    para(doc, "{%p if translation %}")
    para(doc, "Translator", bold=True).paragraph_format.keep_with_next = True
    para(doc, "{{ translation.translator_statement }}").paragraph_format.keep_with_next = True
    para(doc, "Signed: ____________________________________").paragraph_format.keep_with_next = True
    para(doc, "{{ translation.translator }}")
    para(doc, "{%p endif %}")
    doc.save(OUT / "witness_statement.docx")


def witness_statement_translation() -> None:
    """PD 32 17.2 (the date of the translation, top right), 23.2 (the translator's certificate)."""
    doc = new_document()
    page_number_footer(doc)
    for line in (
        "On behalf of: {{ party }}",
        "Witness: {{ witness_short }}",
        "Statement: {{ statement_ordinal }}",
        "Exhibits: {{ exhibit_marks }}",
        "Date: {{ statement_date|date }}",
        "Translated: {{ translation_date|date }}",
    ):
        para(doc, line, bold=True, size=10, align=RIGHT, space_after=0)
    para(doc, "")
    title_of_proceedings(doc)
    para(doc, "ENGLISH TRANSLATION", bold=True, size=13, align=CENTRE, space_after=0)
    para(doc, "OF THE WITNESS STATEMENT OF {{ witness.name|upper }}", bold=True, size=13, align=CENTRE, space_after=0)
    para(doc, "made in {{ language }}", align=CENTRE)
    para(doc, "{%p for item in body %}")
    p = para(doc, "{{ item.number }}.\t{{ item.text }}")
    p.paragraph_format.left_indent = Cm(1.0)
    p.paragraph_format.first_line_indent = Cm(-1.0)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(1.0), WD_TAB_ALIGNMENT.LEFT)
    para(doc, "{%p endfor %}")
    closing = [
        para(doc, "Statement of truth (translation)", bold=True),
        para(doc, "{{ statement_of_truth }}"),
        para(doc, "Signed in {{ language }} by {{ witness.name }}, {{ witness.position }}, {{ witness.employer }}"),
        para(doc, "Translator's statement", bold=True),
        para(doc, "{{ translation.translator_statement }}"),
        para(doc, ""),
        para(doc, "Signed: ____________________________________"),
        para(doc, "{{ translation.translator }}", space_after=0),
    ]
    for p in closing:
        p.paragraph_format.keep_with_next = True
    para(doc, "Date: {{ translation_date|date }}")
    doc.save(OUT / "witness_statement_translation.docx")


def exhibit_cover() -> None:
    doc = new_document()
    para(doc, "{{ court_heading }}", bold=True, size=10, space_after=0)
    para(doc, "Claim No. {{ claim_number }}", bold=True, size=10, space_after=0)
    para(doc, "{{ claimant_name }} v {{ defendants_line }}", size=10)
    for _ in range(8):
        para(doc, "")
    para(doc, "EXHIBIT {{ mark }}", bold=True, size=28, align=CENTRE)
    para(doc, "")
    para(
        doc,
        "This is the exhibit marked '{{ mark }}' referred to in the witness statement of {{ witness.name }} "
        "dated {{ statement_date|date }}.",
        size=13,
        align=CENTRE,
    )
    para(doc, "{{ description_title }}", align=CENTRE)
    doc.save(OUT / "exhibit_cover.docx")


def exhibit_statement_of_account() -> None:
    doc = new_document()
    page_number_footer(doc)
    para(doc, "Statement of account", bold=True, size=14)
    para(
        doc,
        "{{ claimant_name }} v {{ defendants_line }} — Claim No. {{ claim_number }} — our reference {{ reference }}",
    )
    para(doc, "{{ debt_label|capitalize }}: {{ debt.description }}")
    para(doc, "Taken from {{ records }}, held on {{ records_system }}, on {{ statement_date|date }}.", size=10)
    header = ["Date", "Description", "Debit", "Credit", "Balance"]
    cells = [
        "{{ row.date|date }}",
        "{{ row.description }}",
        "{{ row.debit }}",
        "{{ row.credit }}",
        "{{ row.balance|money }}",
    ]
    totals = [
        "",
        "Totals and balance owed",
        "{{ total_debit|money }}",
        "{{ total_credit|money }}",
        "{{ balance|money }}",
    ]
    widths = [2.9, 4.7, 2.1, 2.1, 2.2]
    t = doc.add_table(rows=5, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    t.rows[1].cells[0].text = "{%tr for row in rows %}"
    for cell, text in zip(t.rows[2].cells, cells, strict=True):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    for cell, text in zip(t.rows[4].cells, totals, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    t.autofit = False
    for column, width in zip(t.columns, widths, strict=True):
        column.width = Cm(width)
    for row in t.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
            for p in cell.paragraphs:
                p.paragraph_format.space_after = Pt(0)
                for run in p.runs:
                    run.font.size = Pt(10)
    doc.save(OUT / "exhibit_statement_of_account.docx")


# tests/documents/test_templates.py checks that the committed DOCX match what these write
GENERATORS = (witness_statement, witness_statement_translation, exhibit_cover, exhibit_statement_of_account)


if __name__ == "__main__":
    for generate in GENERATORS:
        generate()
    print("wrote the witness statement and exhibit templates to", OUT)
