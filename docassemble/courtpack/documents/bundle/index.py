"""The bundle index (and supplementary index) as PDF pages, drawn with reportlab.

Why separate layout from drawing: the index comes first, so its own length
decides where every document starts. Row heights depend only on the titles
(the page column has a fixed width), so ``paginate`` can count the index pages
with placeholder page numbers, the builder can then number every document, and
``render_index`` draws the final pages with the same layout. It returns where
each row sits so the builder can make every row a link to its first page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = A4
LEFT = RIGHT = 50.0
TOP, BOTTOM = 56.0, 64.0  # the bottom margin keeps rows clear of the stamped page number
SIZE, LEADING, PAD = 10.0, 12.5, 5.0
COLS = (LEFT, LEFT + 40.0, PAGE_W - RIGHT - 155.0, PAGE_W - RIGHT)  # tab | title | date | pages (right edge)
TITLE_W = COLS[2] - COLS[1] - 8.0
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
FONT_FILES = (("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))


@dataclass(frozen=True)
class IndexRow:
    """One line of the index: a section heading or a document."""

    tab: str
    title: str
    date: str = ""
    pages: str = ""
    target: int | None = None  # 0-based bundle page the row links to
    heading: bool = False


@dataclass(frozen=True)
class IndexHeader:
    title: str
    court: str = ""
    claim_number: str = ""
    parties: str = ""
    hearing: str = ""
    heading: str = "INDEX"
    note: str = ""


@dataclass(frozen=True)
class IndexLink:
    page: int  # 0-based index page the row is on
    rect: tuple[float, float, float, float]
    target: int


def pick_fonts(header: IndexHeader, rows: list[IndexRow]) -> tuple[str, str]:
    """Helvetica (built in, nothing embedded) when every character is in its Windows-1252 encoding,
    else a Unicode TrueType font (Welsh ŵ and ŷ, Polish names...) when one is installed."""
    text = " ".join(
        [
            header.title,
            header.court,
            header.claim_number,
            header.parties,
            header.hearing,
            header.note,
            *(f"{r.tab} {r.title} {r.date} {r.pages}" for r in rows),
        ]
    )
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return unicode_fonts()
    return "Helvetica", "Helvetica-Bold"


@cache
def unicode_fonts() -> tuple[str, str]:
    """A Unicode TrueType pair when installed, else Helvetica."""
    for folder in FONT_DIRS:
        for regular, bold in FONT_FILES:
            if not ((folder / regular).is_file() and (folder / bold).is_file()):
                continue
            try:
                pdfmetrics.registerFont(TTFont("CourtpackSans", str(folder / regular)))
                pdfmetrics.registerFont(TTFont("CourtpackSans-Bold", str(folder / bold)))
            except Exception:  # noqa: BLE001, S110 - an unreadable font file only costs us the fallback
                pass
            else:
                return "CourtpackSans", "CourtpackSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _header_lines(header: IndexHeader, fonts: tuple[str, str]) -> list[tuple[str, str, float, float]]:
    """(text, font, size, gap before) for the first page's heading block."""
    regular, bold = fonts
    lines = []
    if header.court:
        court = header.court.upper()
        lines.append((court if court.startswith("IN THE ") else f"IN THE {court}", bold, 11.0, 0.0))
    if header.claim_number:
        lines.append((f"Claim number: {header.claim_number}", regular, 10.0, 4.0))
    for n, text in enumerate(simpleSplit(header.parties, regular, 11.0, PAGE_W - LEFT - RIGHT)):
        lines.append((text, regular, 11.0, 10.0 if n == 0 else 0.0))
    for n, text in enumerate(simpleSplit(header.title.upper(), bold, 15.0, PAGE_W - LEFT - RIGHT)):
        lines.append((text, bold, 15.0, 14.0 if n == 0 else 0.0))
    if header.hearing:
        lines.append((header.hearing, regular, 10.0, 4.0))
    for n, text in enumerate(simpleSplit(header.note, regular, 9.5, PAGE_W - LEFT - RIGHT)):
        lines.append((text, regular, 9.5, 8.0 if n == 0 else 0.0))
    return lines


def _header_height(header: IndexHeader, fonts: tuple[str, str]) -> float:
    return sum(size * 1.3 + gap for _, _, size, gap in _header_lines(header, fonts)) + 22.0


def _row_lines(row: IndexRow, fonts: tuple[str, str]) -> list[str]:
    regular, bold = fonts
    return simpleSplit(row.title, bold if row.heading else regular, SIZE, TITLE_W) or [""]


def paginate(
    header: IndexHeader, rows: list[IndexRow], fonts: tuple[str, str] | None = None
) -> list[list[tuple[IndexRow, float, list[str]]]]:
    """Rows per page, each with the y of its top edge and its wrapped title lines."""
    fonts = fonts or pick_fonts(header, rows)
    pages: list[list[tuple[IndexRow, float, list[str]]]] = [[]]
    y = PAGE_H - TOP - _header_height(header, fonts) - 2 * LEADING - 3.0
    for row in rows:
        lines = _row_lines(row, fonts)
        gap = 6.0 if row.heading and pages[-1] else 0.0
        height = len(lines) * LEADING + PAD
        if y - gap - height < BOTTOM and pages[-1]:
            pages.append([])
            y = PAGE_H - TOP - SIZE - 2 * LEADING - 3.0
            gap = 0.0
        y -= gap
        pages[-1].append((row, y, lines))
        y -= height
    return pages


def index_page_count(header: IndexHeader, rows: list[IndexRow]) -> int:
    return len(paginate(header, rows))


def _table_head(pdf: canvas.Canvas, y: float, bold: str) -> None:
    pdf.setFont(bold, SIZE)
    pdf.drawString(COLS[0], y, "Tab")
    pdf.drawString(COLS[1], y, "Document")
    pdf.drawString(COLS[2], y, "Date")
    pdf.drawRightString(COLS[3], y, "Pages")
    pdf.setLineWidth(0.6)
    pdf.line(LEFT, y - 4, PAGE_W - RIGHT, y - 4)


def render_index(header: IndexHeader, rows: list[IndexRow]) -> tuple[bytes, list[IndexLink]]:
    """Draw the index; returns the PDF bytes and one link rectangle per row with a target."""
    fonts = pick_fonts(header, rows)  # page numbers may differ from the placeholders, but fit either font
    regular, bold = fonts
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(header.title)
    pdf.setCreator("courtpack")
    links: list[IndexLink] = []
    layout = paginate(header, rows, fonts)
    for number, placed in enumerate(layout):
        y = PAGE_H - TOP
        if number == 0:
            for text, font, size, gap in _header_lines(header, fonts):
                y -= gap + size
                pdf.setFont(font, size)
                pdf.drawCentredString(PAGE_W / 2, y, text)
                y -= size * 0.3
            y -= 22.0
            pdf.setFont(bold, 12.0)
            pdf.drawString(LEFT, y, header.heading)
        else:
            y -= SIZE
            pdf.setFont(bold, 12.0)
            pdf.drawString(LEFT, y, f"{header.heading} (continued)")
        _table_head(pdf, y - 2 * LEADING + 4, bold)
        for row, top, lines in placed:
            font = bold if row.heading else regular
            pdf.setFont(font, SIZE)
            baseline = top - SIZE
            pdf.drawString(COLS[0], baseline, row.tab)
            for k, line in enumerate(lines):
                pdf.drawString(COLS[1], baseline - k * LEADING, line)
            pdf.setFont(regular, SIZE)
            pdf.drawString(COLS[2], baseline, row.date)
            pdf.setFont(font, SIZE)
            pdf.drawRightString(COLS[3], baseline, row.pages)
            if row.target is not None:
                bottom = top - len(lines) * LEADING - PAD + 2
                links.append(IndexLink(number, (LEFT - 2, bottom, PAGE_W - RIGHT + 2, top + 1), row.target))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue(), links


def page_range(first: int, last: int) -> str:
    """Physical page numbers as printed in the index: '7' or '7–12'."""
    return str(first) if first == last else f"{first}\u2013{last}"
