"""The report's charts as reportlab drawings: vector graphics in the PDF, SVG in the HTML.

Why reportlab: it is installed with docassemble, draws vectors (sharp at any zoom, small files),
and renders the same drawing to PDF and to SVG — so the PDF and HTML show the same chart.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .performance import PerformanceReport
from .tables import debt_label

PALETTE = [
    colors.HexColor(c) for c in ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5", "#bf9000")
]
WIDTH, HEIGHT = 480, 230


def _money_label(value: float) -> str:
    return f"£{value:,.0f}"


def _legend(drawing: Drawing, pairs: list[tuple[object, str]], y: float) -> None:
    legend = Legend()
    legend.x, legend.y = 55, y
    legend.dx = legend.dy = 8
    legend.fontName, legend.fontSize = "Helvetica", 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 110
    legend.colorNamePairs = pairs
    drawing.add(legend)


def _title(drawing: Drawing, text: str) -> None:
    drawing.add(String(5, HEIGHT - 12, text, fontName="Helvetica-Bold", fontSize=10))


def _bars(
    title: str, categories: list[str], series: list[tuple[str, list[float]]], stacked: bool = False, money: bool = False
) -> Drawing:
    drawing = Drawing(WIDTH, HEIGHT)
    _title(drawing, title)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 55, 55, WIDTH - 75, HEIGHT - 100
    chart.data = [values for _, values in series] or [[0]]
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = "Helvetica", 6
    chart.categoryAxis.labels.angle = 20 if len(categories) > 5 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 5 else "n"
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = "Helvetica", 7
    chart.valueAxis.valueMin = 0
    if money:
        chart.valueAxis.labelTextFormat = _money_label
    if stacked:
        chart.categoryAxis.style = "stacked"
    for index in range(len(series)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    if len(series) > 1:
        _legend(drawing, [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)], HEIGHT - 24)
    return drawing


def caseload_chart(report: PerformanceReport) -> Drawing:
    rows = report.chart_data["caseload"]  # type: ignore[assignment]
    return _bars(
        "Caseload by stage",
        [r[0] for r in rows],  # type: ignore[union-attr]
        [("at start", [r[1] for r in rows]), ("at end", [r[2] for r in rows])],
    )  # type: ignore[union-attr]


def ageing_chart(report: PerformanceReport) -> Drawing:
    debt_types, rows = report.chart_data["ageing"]  # type: ignore[misc]
    series = [(debt_label(t), [float(r[1][i]) for r in rows]) for i, t in enumerate(debt_types)]
    return _bars("Outstanding debt by age and debt type", [r[0] for r in rows], series, stacked=True, money=True)


def compliance_chart(report: PerformanceReport) -> Drawing:
    rows = report.chart_data["compliance"]  # type: ignore[assignment]
    return _bars(
        "Instalment orders by compliance",
        [r[0] for r in rows],  # type: ignore[union-attr]
        [("orders", [r[1] for r in rows])],
    )  # type: ignore[union-attr]


def collections_chart(report: PerformanceReport) -> Drawing:
    """Collected by month (line) against the month's target (dashed line)."""
    rows: list[tuple[dt.date, Decimal, Decimal | None]] = report.chart_data["collections"]  # type: ignore[assignment]
    drawing = Drawing(WIDTH, HEIGHT)
    _title(drawing, "Collected by month against target (last 12 months)")
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 55, 45, WIDTH - 75, HEIGHT - 90
    collected = [float(r[1]) for r in rows]
    targets = [float(r[2]) if r[2] is not None else None for r in rows]
    data = [collected]
    if any(t is not None for t in targets):
        data.append([t if t is not None else 0.0 for t in targets])
    chart.data = data
    chart.categoryAxis.categoryNames = [r[0].strftime("%b %Y") for r in rows]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = "Helvetica", 7
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = "Helvetica", 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*collected, *[t or 0 for t in targets], 1.0]) * 1.15
    chart.valueAxis.labelTextFormat = _money_label
    chart.lines[0].strokeColor, chart.lines[0].strokeWidth = PALETTE[0], 2
    chart.joinedLines = 1
    chart.lines.symbol = None
    if len(data) > 1:
        chart.lines[1].strokeColor, chart.lines[1].strokeDashArray = PALETTE[1], [4, 2]
    if len(rows) == 1:  # one month: a line needs two points, so mark the point
        from reportlab.graphics.widgets.markers import makeMarker

        chart.lines[0].symbol = makeMarker("FilledCircle")
        if len(data) > 1:
            chart.lines[1].symbol = makeMarker("FilledSquare")
    drawing.add(chart)
    pairs = [(PALETTE[0], "collected")] + ([(PALETTE[1], "target")] if len(data) > 1 else [])
    _legend(drawing, pairs, HEIGHT - 24)
    return drawing


def all_charts(report: PerformanceReport) -> list[tuple[str, Drawing]]:
    """(the table each chart illustrates, the chart)."""
    return [
        ("Collections trend", collections_chart(report)),
        ("Caseload", caseload_chart(report)),
        ("Ageing", ageing_chart(report)),
        ("Compliance", compliance_chart(report)),
    ]
