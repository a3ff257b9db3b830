"""The performance report as one self-contained HTML page, charts embedded as SVG.

Why self-contained: a manager forwards it by email or opens it from the server's download; no
scripts, no external files. Every value is HTML-escaped (names and references are user text).
"""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from reportlab.graphics import renderSVG

from ...law.dates import format_date
from ..export import write_atomically
from .charts import all_charts
from .performance import PerformanceReport
from .tables import Table, display

MAX_LISTED = 200
STYLE = """body{font-family:Arial,Helvetica,sans-serif;font-size:13px;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
th{background:#D9E1F2;text-align:left}td.n{text-align:right}td.green{background:#C6EFCE}
td.amber{background:#FFEB9C}td.red{background:#FFC7CE}figure{margin:0 0 2em}"""


def _svg(drawing) -> str:
    text = renderSVG.drawToString(drawing)
    text = text.decode("utf-8") if isinstance(text, bytes) else text
    return text[text.index("<svg") :]  # drop the XML prolog and doctype: inline SVG in HTML


def _table(table: Table) -> str:
    head = "".join(f"<th>{html.escape(c.title)}</th>" for c in table.columns)
    body = []
    for row in table.rows[:MAX_LISTED]:
        cells = []
        for value, column in zip(row, table.columns, strict=True):
            css = (
                "n"
                if column.kind in ("money", "int", "pct", "days")
                else (str(value) if column.kind == "rag" and value in ("green", "amber", "red") else "")
            )
            cells.append(f'<td class="{css}">{html.escape(display(value, column.kind))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = (
        f"<p><em>The first {MAX_LISTED} of {len(table.rows):,} rows; the XLSX lists them all.</em></p>"
        if len(table.rows) > MAX_LISTED
        else ""
    )
    return (
        f"<h3>{html.escape(table.title)}</h3><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}"
        f"</tbody></table>{more}"
    )


def to_html(report: PerformanceReport) -> str:
    charts = dict(all_charts(report))
    parts = [
        f"<!doctype html><html lang='en-GB'><head><meta charset='utf-8'><title>{html.escape(report.title)}"
        f"</title><style>{STYLE}</style></head><body><h1>{html.escape(report.title)}</h1>"
        f"<p>Produced on {format_date(dt.date.today())} from the case register.</p>"
    ]
    for table in report.tables.values():
        if not table.in_pdf:
            continue
        parts.append(_table(table))
        if table.key in charts:
            parts.append(f"<figure>{_svg(charts[table.key])}</figure>")
    parts.append("</body></html>")
    return "".join(parts)


def write_html(report: PerformanceReport, out: str | os.PathLike[str]) -> Path:
    return write_atomically(Path(out), to_html(report).encode("utf-8"))
