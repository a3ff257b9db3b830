"""Appearance streams for AcroForm widgets: text laid out to fit its box, ticks, the box's frame.

Why our own: the official N1 and N180 name a font (/ArialMT) their form resources do not carry,
so viewers that regenerate appearances guess and others show nothing. We use one standard font
(Helvetica, WinAnsi: it has £ and typographic quotes), shrink the type to fit, and report text
that cannot fit legibly so the caller can move it to a continuation sheet (never cut off).
"""

from __future__ import annotations

from typing import Any

import pikepdf
from pikepdf import Dictionary, Name
from reportlab.pdfbase.pdfmetrics import stringWidth

FONT = "Helvetica"
FONT_KEY = "/CpHelv"
MAX_SIZE = 10.0
MIN_SIZE = 7.0
PAD = 2.0


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _wrap(text: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if stringWidth(trial, FONT, size) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def layout(text: str, width: float, height: float, multiline: bool) -> tuple[float, list[str]] | None:
    """Font size and lines that fit the box, or None when the text cannot fit legibly."""
    inner_w, inner_h = width - 2 * PAD, height - 2 * PAD
    size = min(MAX_SIZE, max(MIN_SIZE, inner_h * 0.8)) if not multiline else MAX_SIZE
    while size >= MIN_SIZE:
        if multiline:
            lines = _wrap(text, size, inner_w)
            fits = len(lines) * size * 1.15 <= inner_h + 0.5 and all(
                stringWidth(x, FONT, size) <= inner_w for x in lines
            )
        else:
            lines = [text]
            fits = "\n" not in text and stringWidth(text, FONT, size) <= inner_w
        if fits:
            return size, lines
        size -= 0.5
    return None


class AppearanceWriter:
    """One open form: fonts registered once, appearance streams written per widget."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        acro = pdf.Root.AcroForm
        font = pdf.make_indirect(
            Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name("/Helvetica"), Encoding=Name.WinAnsiEncoding)
        )
        dr = acro.get("/DR")
        if dr is None:
            acro.DR = dr = Dictionary()
        if "/Font" not in dr:
            dr.Font = Dictionary()
        dr.Font[FONT_KEY] = font
        self.font = font
        self.zadb: pikepdf.Object | None = None
        self.resources = Dictionary(Font=Dictionary({FONT_KEY: font}))
        self.frames: dict[tuple[tuple[int, int], float, float], list[bytes]] = {}

    def frame(self, annot: pikepdf.Dictionary, width: float, height: float) -> list[bytes]:
        """The widget's background and border, worked out once per widget: a form refilled many times
        (``official._Blank``) never changes a widget's /MK."""
        key = (annot.objgen, width, height)
        if key[0] == (0, 0):  # a direct widget has no identity to remember it by
            return _frame(annot, width, height)
        found = self.frames.get(key)
        if found is None:
            found = self.frames[key] = _frame(annot, width, height)
        return found

    def text_stream(
        self,
        annot: pikepdf.Dictionary,
        width: float,
        height: float,
        size: float,
        lines: list[str],
        comb: int = 0,
        multiline: bool = False,
    ) -> pikepdf.Stream:
        ops = [*self.frame(annot, width, height), b"/Tx BMC", b"q", b"BT", f"{FONT_KEY} {size:g} Tf 0 g".encode()]
        if comb:
            cell = width / comb
            y = (height - size * 0.7) / 2
            for i, ch in enumerate(lines[0][:comb]):
                x = i * cell + (cell - stringWidth(ch, FONT, size)) / 2
                ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm".encode() + b" (" + _escape(ch) + b") Tj")
        elif multiline:
            leading = size * 1.15
            y = height - PAD - size
            for line in lines:
                ops.append(f"1 0 0 1 {PAD:.2f} {y:.2f} Tm".encode() + b" (" + _escape(line) + b") Tj")
                y -= leading
        else:
            y = (height - size * 0.7) / 2
            ops.append(f"1 0 0 1 {PAD:.2f} {y:.2f} Tm".encode() + b" (" + _escape(lines[0]) + b") Tj")
        ops += [b"ET", b"Q", b"EMC"]
        return self.pdf.make_stream(
            b"\n".join(ops), Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, width, height], Resources=self.resources
        )

    def check_stream(self, annot: pikepdf.Dictionary, width: float, height: float) -> pikepdf.Stream:
        """A tick (ZapfDingbats '4', a standard font every viewer has) on the box's own frame."""
        size = min(width, height) * 0.8
        tick = (
            f"q 0 g BT /ZaDb {size:.2f} Tf {(width - size * 0.78) / 2:.2f} {(height - size * 0.68) / 2:.2f} Td "
            "(4) Tj ET Q"
        ).encode()
        if self.zadb is None:
            self.zadb = self.pdf.make_indirect(
                Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.ZapfDingbats)
            )
        return self.pdf.make_stream(
            b"\n".join([*self.frame(annot, width, height), tick]),
            Type=Name.XObject,
            Subtype=Name.Form,
            BBox=[0, 0, width, height],
            Resources=Dictionary(Font=Dictionary(ZaDb=self.zadb)),
        )

    def off_stream(self, annot: pikepdf.Dictionary, width: float, height: float) -> pikepdf.Stream:
        frame = b"\n".join(self.frame(annot, width, height))
        return self.pdf.make_stream(frame, Type=Name.XObject, Subtype=Name.Form, BBox=[0, 0, width, height])


def _colour(values: Any, stroke: bool) -> bytes | None:
    """An /MK colour array as a PDF colour operator (gray, RGB or CMYK)."""
    if values is None or len(values) == 0:
        return None
    numbers = " ".join(f"{float(v):g}" for v in values)
    ops = {1: ("G", "g"), 3: ("RG", "rg"), 4: ("K", "k")}.get(len(values))
    if ops is None:
        return None
    return f"{numbers} {ops[0] if stroke else ops[1]}".encode()


def _frame(annot: pikepdf.Dictionary, width: float, height: float) -> list[bytes]:
    """The widget's background and border from /MK, as the original appearance drew them."""
    mk = annot.get("/MK")
    if mk is None:
        return []
    ops: list[bytes] = []
    fill = _colour(mk.get("/BG"), stroke=False)
    if fill:
        ops.append(b"q " + fill + f" 0 0 {width:.2f} {height:.2f} re f Q".encode())
    stroke = _colour(mk.get("/BC"), stroke=True)
    if stroke:
        border = annot.get("/BS")
        line = (
            float(border.get("/W", 1))
            if border is not None
            else (float(annot.Border[2]) if "/Border" in annot and len(annot.Border) > 2 else 1.0)
        )
        if line > 0:
            half = line / 2
            ops.append(
                b"q "
                + stroke
                + f" {line:g} w {half:.2f} {half:.2f} {width - line:.2f} {height - line:.2f} re S Q".encode()
            )
    return ops


def widget_size(annot: pikepdf.Dictionary) -> tuple[float, float]:
    x1, y1, x2, y2 = (float(v) for v in annot.Rect)
    return abs(x2 - x1), abs(y2 - y1)


def on_state(annot: pikepdf.Dictionary) -> Name | None:
    ap = annot.get("/AP")
    if ap is None or "/N" not in ap or not isinstance(ap.N, pikepdf.Dictionary):
        return None
    try:
        keys = list(ap.N.keys())
    except UnicodeDecodeError:  # an on-state name in a legacy encoding: courtpack names its own
        return None
    for key in keys:
        if key != "/Off":
            return Name(key)
    return None
