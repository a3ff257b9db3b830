"""Building blocks the template seed scripts share: an A4 page, a paragraph, a repeating table.

Why: the letter, forms and witness seed scripts all lay out DOCX files the same way; one copy
of the layout keeps the shipped templates consistent.
"""

from __future__ import annotations

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Length, Pt

LETTER_SIDE_MARGIN = Cm(2.5)
LETTER_TOP_MARGIN = Cm(2.0)


def new_document(
    side_margin: Length = LETTER_SIDE_MARGIN,
    top_margin: Length = LETTER_TOP_MARGIN,
    font_size: int = 11,
    space_after: int = 6,
) -> Document:
    """An A4 document in Arial with the given margins."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = side_margin
    section.top_margin = section.bottom_margin = top_margin
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(font_size)
    style.paragraph_format.space_after = Pt(space_after)
    return doc


def para(
    doc: Document,
    text: str = "",
    bold: bool = False,
    size: int | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    space_after: int | None = None,
):
    """Add one paragraph of a single run; returns it for further formatting."""
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def table(
    doc: Document,
    header: list[str],
    row_tags: list[str],
    loop: str,
    widths: list[float],
    total: list[str] | None = None,
) -> None:
    """A table whose middle row repeats with docxtpl's ``{%tr for %}``; widths in cm."""
    t = doc.add_table(rows=4 + (1 if total else 0), cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    t.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
    for cell, text in zip(t.rows[2].cells, row_tags, strict=True):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    if total:
        for cell, text in zip(t.rows[4].cells, total, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
    t.autofit = False
    for column, width in zip(t.columns, widths, strict=True):
        column.width = Cm(width)
    for row in t.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
