"""The performance report as a PDF (reportlab): the tables, and the charts as vector drawings.

Why a length limit on listings: a printed report is read, not searched; lists of cases past a
threshold show the first ``MAX_LISTED`` rows and say how many more there are in the XLSX, which
carries every row. Case-level detail sheets are XLSX-only.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from ...law.dates import format_date
from ..errors import RegisterError
from .charts import all_charts
from .performance import PerformanceReport
from .tables import Table, display

MAX_LISTED = 60
RAG_COLOURS = {
    "green": colors.HexColor("#C6EFCE"),
    "amber": colors.HexColor("#FFEB9C"),
    "red": colors.HexColor("#FFC7CE"),
}
NUMERIC = {"money", "int", "pct", "days"}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(table: Table, styles) -> list:
    small = styles["BodyText"].clone("small", fontSize=7.5, leading=9)
    head = [Paragraph(f"<b>{_escape(c.title)}</b>", small) for c in table.columns]
    shown = table.rows[:MAX_LISTED]
    body = [
        [
            Paragraph(_escape(display(v, c.kind)), small) if c.kind not in NUMERIC else display(v, c.kind)
            for v, c in zip(row, table.columns, strict=True)
        ]
        for row in shown
    ]
    grid = PdfTable([head, *body], repeatRows=1, hAlign="LEFT")
    style = [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
        ("FONTSIZE", (0, 1), (-1, -1), 7.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for index, column in enumerate(table.columns):
        if column.kind in NUMERIC:
            style.append(("ALIGN", (index, 1), (index, -1), "RIGHT"))
        if column.kind == "rag":
            for row_no, row in enumerate(shown, start=1):
                if row[index] in RAG_COLOURS:
                    style.append(("BACKGROUND", (index, row_no), (index, row_no), RAG_COLOURS[str(row[index])]))
    grid.setStyle(TableStyle(style))
    out = [Paragraph(_escape(table.title), styles["Heading3"]), grid]
    if not table.rows:
        out.append(Paragraph("None in this period.", styles["BodyText"]))
    if len(table.rows) > MAX_LISTED:
        out.append(
            Paragraph(
                f"The first {MAX_LISTED} of {len(table.rows):,} rows; the XLSX lists them all "
                f"(sheet “{_escape(table.key)}”).",
                styles["Italic"],
            )
        )
    if table.note:
        out.append(Paragraph(_escape(table.note), styles["Italic"]))
    return out


def to_pdf(report: PerformanceReport, target: Path) -> None:
    styles = getSampleStyleSheet()
    charts = dict(all_charts(report))
    doc = SimpleDocTemplate(
        str(target),
        pagesize=landscape(A4),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=report.title,
        author="courtpack",
    )
    story: list = [
        Paragraph(_escape(report.title), styles["Title"]),
        Paragraph(
            f"Produced on {format_date(dt.date.today())}. Figures come from the case register; "
            "the XLSX version has the case-level rows behind every total.",
            styles["BodyText"],
        ),
        Spacer(1, 8),
    ]
    for table in report.tables.values():
        if not table.in_pdf:
            continue
        parts = _table(table, styles)
        if table.key in charts:
            parts = [*parts, Spacer(1, 6), charts[table.key]]
        story.append(KeepTogether(parts) if len(table.rows) <= 25 else parts[0])
        if len(table.rows) > 25:
            story.extend(parts[1:])
        story.append(Spacer(1, 10))

    def footer(canvas, doc_) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawRightString(landscape(A4)[0] - 1.5 * cm, 0.8 * cm, f"Page {doc_.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def write_pdf(report: PerformanceReport, out: str | os.PathLike[str]) -> Path:
    """Write the PDF to ``out`` (built in a temporary file beside it, moved into place when complete)."""
    target = Path(out)
    if not target.parent.is_dir():
        raise RegisterError(f"{target.parent}: no such folder for {target.name}; create it first")
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    try:
        to_pdf(report, Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
