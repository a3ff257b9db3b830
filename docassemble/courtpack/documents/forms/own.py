"""courtpack's own rendering of a court form: a clean A4 PDF built from the form's spec.

Why: most forms a council needs (N225, N379, N323...) cannot be obtained as fillable PDFs, and
an official copy may be missing offline. PD 4 para 1.4 allows a form to be varied as the
circumstances require provided all essential information is given, so this rendering carries
the form's number, title, edition, every section and label of the official form, the values,
its notes and the statement of truth. Long text never gets cut off: it moves to continuation
sheets at the end.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ...files import write_atomically
from ...law.dates import format_date
from ...law.money import format_money
from .spec import FieldSpec, FormSpec

INLINE_LIMIT = 1500  # characters of one value shown in its box; longer text goes to a continuation sheet
TICK, BOX = "[X]", "[  ]"

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12)
LABEL = ParagraphStyle("label", parent=BODY, fontSize=8.5, leading=10.5, textColor=colors.HexColor("#222222"))
VALUE = ParagraphStyle("value", parent=BODY, fontName="Helvetica", fontSize=10, leading=12.5)
SECTION = ParagraphStyle(
    "section", parent=BODY, fontName="Helvetica-Bold", fontSize=10.5, leading=13, textColor=colors.white
)
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", fontSize=18, leading=22)
NUMBER = ParagraphStyle("number", parent=BODY, fontName="Helvetica-Bold", fontSize=22, leading=26, alignment=TA_RIGHT)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10)
SECTION_BG = colors.HexColor("#1f4e79")
BOX_BG = colors.HexColor("#eef3f8")


def display(item: FieldSpec, value: Any) -> str:
    """A value as plain text on courtpack's rendering (money with £, dates in words)."""
    if value is None or value == "":
        return ""
    if item.kind == "money":
        return format_money(value)
    if item.kind == "date":
        return format_date(value)
    if item.kind == "address":
        return "\n".join(value.as_lines())
    if item.kind == "check":
        return TICK if value else BOX
    if item.kind == "choice":
        return "\n".join(f"{TICK if value == key else BOX} {label}" for key, label in item.options.items())
    return str(value)


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class _NumberedCanvas(rl_canvas.Canvas):
    """Footer with 'page N of M' (two passes over the saved page states)."""

    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._states)
        for state in self._states:
            self.__dict__.update(state)
            self.setFont("Helvetica", 7.5)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(1.6 * cm, 1.0 * cm, self.footer)
            self.drawRightString(A4[0] - 1.6 * cm, 1.0 * cm, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def _header(spec: FormSpec, reference: str) -> list[Any]:
    left = [
        _para(spec.title, TITLE),
        _para(f"Form {spec.number} · edition {spec.edition}", BODY),
        _para(spec.rule, SMALL),
    ]
    right = [_para(spec.number, NUMBER)]
    if reference:
        right.append(_para(f"Our reference: {reference}", ParagraphStyle("r", parent=SMALL, alignment=TA_RIGHT)))
    table = Table([[left, right]], colWidths=[12.4 * cm, 5.4 * cm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.2, SECTION_BG),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [table, Spacer(1, 6)]


def _section_flowables(
    spec: FormSpec, section: Any, values: dict[str, Any], continued: list[tuple[str, str]]
) -> list[Any]:
    head = Table([[_para(section.title, SECTION)]], colWidths=[17.8 * cm])
    head.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SECTION_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    out: list[Any] = [head]
    is_sot = section.title.lower().startswith("statement of truth") and spec.sot_text()
    text = spec.sot_text() if is_sot else section.text
    if text:
        out.append(Spacer(1, 3))
        out.append(_para(text, BODY))
    rows = []
    for item in section.fields:
        shown = display(item, values.get(item.key))
        if len(shown) > INLINE_LIMIT:
            continued.append((item.label, shown))
            shown = f"See continuation sheet {len(continued)}."
        label = item.label + (" *" if item.required else "")
        rows.append([_para(label, LABEL), _para(shown, VALUE)])
    if rows:
        table = Table(rows, colWidths=[6.4 * cm, 11.4 * cm], repeatRows=0)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9fb6cd")),
                    ("BACKGROUND", (1, 0), (1, -1), BOX_BG),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        out.append(Spacer(1, 3))
        out.append(table)
    out.append(Spacer(1, 8))
    return out


def _continuation(spec: FormSpec, reference: str, continued: list[tuple[str, str]]) -> list[Any]:
    out: list[Any] = []
    for number, (label, text) in enumerate(continued, start=1):
        out.append(PageBreak())
        out.append(
            _para(
                f"Continuation sheet {number} — form {spec.number} {spec.title}"
                + (f" — {reference}" if reference else ""),
                TITLE,
            )
        )
        out.append(_para(label, LABEL))
        out.append(Spacer(1, 6))
        for paragraph in text.split("\n"):
            out.append(_para(paragraph, VALUE) if paragraph.strip() else Spacer(1, 6))
    return out


def _build(story: list[Any], footer: str, title: str) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=1.6 * cm,
        rightMargin=1.6 * cm,
        topMargin=1.4 * cm,
        bottomMargin=1.7 * cm,
        title=title,
        author="courtpack",
    )
    canvas_class = type("FormCanvas", (_NumberedCanvas,), {"footer": footer})
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def render_own_bytes(spec: FormSpec, values: dict[str, Any], reference: str = "") -> bytes:
    """courtpack's rendering of ``spec`` filled with ``values``, as PDF bytes."""
    spec.check_values(values)
    story = _header(spec, reference)
    continued: list[tuple[str, str]] = []
    for section in spec.sections:
        flow = _section_flowables(spec, section, values, continued)
        if len(section.fields) <= 6 and not any(len(str(values.get(f.key) or "")) > 300 for f in section.fields):
            story.append(KeepTogether(flow))
        else:
            story.extend(flow)
    if spec.notes:
        story.append(_para("Notes", ParagraphStyle("nh", parent=BODY, fontName="Helvetica-Bold")))
        for note in spec.notes:
            story.append(_para(f"• {note}", SMALL))
    story.append(Spacer(1, 6))
    story.append(
        _para(
            "Produced by courtpack from its form spec: this version carries all the essential "
            f"information of form {spec.number} ({spec.edition}) as PD 4 para 1.4 permits. "
            "* marks a required box.",
            SMALL,
        )
    )
    story.extend(_continuation(spec, reference, continued))
    footer = f"{spec.number} {spec.title} ({spec.edition})" + (f" · {reference}" if reference else "")
    return _build(story, footer, f"{spec.number} {spec.title}")


def render_own(spec: FormSpec, values: dict[str, Any], target: Path, reference: str = "") -> Path:
    data = render_own_bytes(spec, values, reference)
    return write_atomically(target, data, create_folder=True)


def continuation_bytes(spec: FormSpec, values: dict[str, Any], continued: list[tuple[str, str]]) -> bytes:
    """Continuation sheets alone (appended to an official form whose box was too small)."""
    reference = str(values.get("your_ref") or values.get("reference") or "")
    story: list[Any] = []
    for number, (label, text) in enumerate(continued, start=1):
        if number > 1:
            story.append(PageBreak())
        story.append(
            _para(
                f"Continuation sheet — form {spec.number} {spec.title}" + (f" — {reference}" if reference else ""),
                TITLE,
            )
        )
        story.append(_para(label, LABEL))
        story.append(Spacer(1, 6))
        for paragraph in text.split("\n"):
            story.append(_para(paragraph, VALUE) if paragraph.strip() else Spacer(1, 6))
    return _build(story, f"{spec.number} continuation sheet", f"{spec.number} continuation sheet")
