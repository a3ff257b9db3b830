"""The balance-over-time chart for the pre-hearing report, drawn with reportlab (no matplotlib).

Why two outputs from one drawing: the PDF embeds the vector drawing; the DOCX needs a picture.
reportlab's own PNG renderer (renderPM) needs the rlPyCairo package, which docassemble does not
install, so the PNG is made by rendering the drawing to SVG (pure reportlab) and rasterising it
with CairoSVG, which docassemble.base does install. If CairoSVG cannot run, ``png_bytes`` returns
None and the DOCX shows the figures as a table instead (the report says so).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

ACTUAL = colors.HexColor("#1f4e79")
ORDERED = colors.HexColor("#c55a11")


@dataclass(frozen=True)
class Series:
    label: str
    points: list[tuple[dt.date, Decimal]]  # a step line: the balance from each date on


def _steps(points: list[tuple[dt.date, Decimal]], end: dt.date) -> list[tuple[int, float]]:
    out: list[tuple[int, float]] = []
    for index, (day, value) in enumerate(points):
        if out:
            out.append((day.toordinal(), out[-1][1]))
        out.append((day.toordinal(), float(value)))
        if index == len(points) - 1 and day < end:
            out.append((end.toordinal(), float(value)))
    return out


def balance_chart(series: list[Series], end: dt.date, width: float = 460, height: float = 220) -> Drawing:
    """A line chart of balances over time (x: dates, y: pounds)."""
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 55, 45
    plot.width, plot.height = width - 75, height - 80
    data = [_steps(s.points, end) for s in series if s.points]
    if not data:
        drawing.add(String(10, height / 2, "No balance to chart", fontSize=10))
        return drawing
    plot.data = data
    xs = [x for line in data for x, _ in line]
    ys = [y for line in data for _, y in line]
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = min(xs), max(max(xs), min(xs) + 1)
    plot.yValueAxis.valueMin = 0
    plot.yValueAxis.valueMax = max(max(ys) * 1.1, 1)
    span = plot.xValueAxis.valueMax - plot.xValueAxis.valueMin
    plot.xValueAxis.valueSteps = [plot.xValueAxis.valueMin + span * i / 4 for i in range(5)]
    plot.xValueAxis.labelTextFormat = lambda v: dt.date.fromordinal(int(v)).strftime("%d %b %Y").lstrip("0")
    plot.xValueAxis.labels.fontSize = 7
    plot.xValueAxis.labels.fontName = "Helvetica"
    plot.yValueAxis.labels.fontName = "Helvetica"
    plot.yValueAxis.labelTextFormat = lambda v: f"£{v:,.0f}"
    plot.yValueAxis.labels.fontSize = 7
    palette = [ACTUAL, ORDERED]
    for index in range(len(data)):
        plot.lines[index].strokeColor = palette[index % 2]
        plot.lines[index].strokeWidth = 1.6 if index == 0 else 1.0
        if index:
            plot.lines[index].strokeDashArray = [4, 2]
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = 60, height - 12
    legend.dx, legend.dy = 8, 8
    legend.fontSize = 8
    legend.fontName = "Helvetica"
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 170
    legend.colorNamePairs = [(palette[i % 2], s.label) for i, s in enumerate(x for x in series if x.points)]
    drawing.add(legend)
    return drawing


def png_bytes(drawing: Drawing, scale: float = 2.0) -> bytes | None:
    """The drawing as PNG (via SVG and CairoSVG), or None when no rasteriser is available."""
    try:
        import cairosvg
        from reportlab.graphics import renderSVG

        svg = renderSVG.drawToString(drawing)
        return cairosvg.svg2png(bytestring=svg.encode("utf-8") if isinstance(svg, str) else svg, scale=scale)
    except Exception:  # noqa: BLE001 - missing libcairo shows up as OSError, ImportError or others
        return None
