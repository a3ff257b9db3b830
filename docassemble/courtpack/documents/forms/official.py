"""Filling an official HMCTS AcroForm with pikepdf, with appearance streams every viewer shows.

Why our own appearance streams: the N1 and N180 name a font (/ArialMT) that the PDF does not
carry in its form resources, so viewers that honour /NeedAppearances guess and others show
nothing; pikepdf's generators need those resources too. We give the form one standard font
(Helvetica, WinAnsi: it has £ and typographic quotes), lay each value out to fit its box —
shrinking the type, then moving long text to a continuation sheet rather than cutting it off —
and write the /AP stream ourselves. Reading /V back gives exactly what was written.

Why the blank form is kept open: the official N1 is damaged (an object listed at offset 0), so
qpdf rebuilds its cross-reference table by reading the whole file every time it is opened —
more than half the time of a fill. A batch of claims fills the same blank again and again, so
each blank is parsed once per process (``_Blank``) with its fields, widgets and font looked up
once; a fill writes into it, saves, and puts back every key it touched (/V, /DA, /AS, /AP), so
the next fill starts from the blank form exactly as published.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Dictionary, Name

from ...errors import DocumentError
from ...files import write_atomically
from ...law.dates import format_date
from ...law.money import format_money, round_penny
from .appearance import FONT_KEY, MAX_SIZE, MIN_SIZE, PAD, AppearanceWriter, layout, on_state, widget_size
from .spec import FieldSpec, FormSpec

COMB_FLAG = 1 << 24
MULTILINE_FLAG = 1 << 12
SEE_CONTINUATION = "See the continuation sheet attached ({})."
FILLED_KEYS = tuple(Name(k) for k in ("/V", "/DA", "/AS", "/AP"))  # all a fill changes on a field or widget
KEEP_BLANKS = 8  # distinct blank forms kept parsed
REFILLS = 50  # fills of one parsed blank before it is parsed afresh (each fill leaves its streams behind)


@dataclass
class FillResult:
    path: Path
    written: dict[str, Any]  # official field name -> text or bool, exactly as written
    continued: list[tuple[str, str]] = field(default_factory=list)  # (label, full text) on continuation sheets


def official_text(item: FieldSpec, value: Any) -> Any:
    """The value as the official box takes it: str, a dict of parts, or a choice key."""
    if value is None or value == "":
        return None
    if item.kind == "money":
        amount = round_penny(Decimal(value))
        return f"{amount:,.2f}" if item.official_format == "plain" else format_money(amount)
    if item.kind == "date":
        if isinstance(item.official, dict):
            return {"day": f"{value.day:02d}", "month": f"{value.month:02d}", "year": f"{value.year:04d}"}
        return format_date(value)
    if item.kind == "address":
        lines = list(value.lines)
        return {
            "line1": lines[0] if lines else "",
            "line2": ", ".join(lines[1:]),
            "town": value.town,
            "county": "",
            "postcode": value.postcode,
        }
    if item.kind == "check":
        return bool(value)
    return str(value)


def assignments(spec: FormSpec, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Official field name -> value (str or bool), and official field name -> the spec label."""
    out: dict[str, Any] = {}
    labels: dict[str, str] = {}
    for item in spec.fields:
        if not item.official:
            continue
        value = official_text(item, values.get(item.key))
        target = item.official
        if item.kind == "choice":
            for option, name in target.items():
                out[name] = value == option
                labels[name] = f"{item.label}: {item.options.get(option, option)}"
        elif isinstance(target, dict):
            parts = value if isinstance(value, dict) else {}
            if isinstance(value, str) and value:  # e.g. a Help with Fees ref given whole
                first, _, second = value.partition("-")
                parts = {"first": first, "second": second}
            for part, name in target.items():
                out[name] = parts.get(part, "")
                labels[name] = f"{item.label} ({part})"
        else:
            out[target] = value if value is not None else ("" if item.kind != "check" else False)
            labels[target] = item.label
    return out, labels


class _Blank:
    """One blank official form, parsed once: its fields and their widgets by name, and our font."""

    def __init__(self, source: bytes) -> None:
        self.pdf = pikepdf.open(io.BytesIO(source))
        acro = self.pdf.acroform
        self.fields = {f.fully_qualified_name: f for f in acro.fields}
        self.widgets = {
            name: [a.obj for a in acro.get_annotations_for_field(item)] for name, item in self.fields.items()
        }
        self.writer = AppearanceWriter(self.pdf)  # every fill adds the same font to /DR: once is enough
        self.page_count = len(self.pdf.pages)
        touched = [item.obj for item in self.fields.values()] + [a for w in self.widgets.values() for a in w]
        self.blank = [(obj, [(key, obj.get(key)) for key in FILLED_KEYS]) for obj in touched]
        # by identity: the widget objects above live as long as this blank, and a fill reads no others
        self.sizes = {id(a): widget_size(a) for w in self.widgets.values() for a in w}
        self.fills = 0
        self.lock = threading.Lock()

    def restore(self) -> None:
        """Put back every key a fill may have changed, and drop continuation pages."""
        for obj, keys in self.blank:
            for key, value in keys:
                if value is not None:
                    obj[key] = value
                elif key in obj:
                    del obj[key]
        if len(self.pdf.pages) > self.page_count:
            del self.pdf.pages[self.page_count :]
        self.fills += 1


_BLANKS: OrderedDict[bytes, _Blank] = OrderedDict()
_BLANKS_LOCK = threading.Lock()


def _blank(source: bytes) -> _Blank:
    """The parsed blank for these bytes (a fresh parse after ``REFILLS`` fills, to bound memory)."""
    with _BLANKS_LOCK:
        blank = _BLANKS.get(source)
        if blank is None or blank.fills >= REFILLS:  # the old one closes when its last fill lets go of it
            blank = _BLANKS[source] = _Blank(source)
        _BLANKS.move_to_end(source)
        while len(_BLANKS) > KEEP_BLANKS:
            _BLANKS.popitem(last=False)
        return blank


def fill_pdf(
    blank: _Blank, values: dict[str, Any], labels: dict[str, str] | None = None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Write ``values`` (official name -> str/bool) into ``blank``; returns what was written and overflow."""
    by_name = blank.fields
    unknown = sorted(set(values) - set(by_name))
    if unknown:
        raise DocumentError(
            f"the official form has no field(s) {', '.join(map(repr, unknown))}: the spec's map "
            "does not match this edition — check court_forms/ against the PDF"
        )
    writer = blank.writer
    written: dict[str, Any] = {}
    continued: list[tuple[str, str]] = []
    for name, value in values.items():
        item = by_name[name]
        annots = blank.widgets[name]
        if item.is_checkbox or item.is_radio_button or item.field_type == "/Btn":
            on = bool(value)
            for annot in annots:
                if not on:  # the blank form's own "off" look is right; only the state changes
                    annot.AS = Name.Off
                    continue
                state = on_state(annot) or Name.Yes
                width, height = blank.sizes[id(annot)]
                normal = Dictionary()
                normal[str(state)] = writer.check_stream(annot, width, height)
                normal.Off = writer.off_stream(annot, width, height)
                annot.AP = Dictionary(N=normal)
                annot.AS = state if on else Name.Off
                if on:
                    item.obj.V = state
            if not on:
                item.obj.V = Name.Off
            written[name] = on
            continue
        text = "" if value is None else str(value)
        flags = int(item.flags)
        max_len = item.get_inheritable_field_value("/MaxLen")
        comb = int(max_len) if (flags & COMB_FLAG and max_len is not None) else 0
        if max_len is not None and len(text) > int(max_len):
            squeezed = text.replace(" ", "")
            if len(squeezed) > int(max_len):
                raise DocumentError(
                    f"{labels.get(name, name) if labels else name}: {text!r} is longer than the "
                    f"{int(max_len)} characters the official box takes"
                )
            text = squeezed
        multiline = bool(flags & MULTILINE_FLAG)
        if not text and not item.value_as_string:  # empty on the blank form and left empty: keep its look
            written[name] = text
            continue
        for annot in annots:
            width, height = blank.sizes[id(annot)]
            fitted = layout(text, width, height, multiline) if text else (MAX_SIZE, [""])
            if fitted is None:
                label = labels.get(name, name) if labels else name
                continued.append((label, text))
                text = SEE_CONTINUATION.format(label)
                fitted = layout(text, width, height, multiline) or (MIN_SIZE, [text])
            size, lines = fitted
            if comb:
                size = min(MAX_SIZE, (height - 2 * PAD) * 0.8)
            annot.DA = pikepdf.String(f"{FONT_KEY} {size:g} Tf 0 g")
            annot.AP = Dictionary(N=writer.text_stream(annot, width, height, size, lines, comb, multiline))
        item.obj.V = pikepdf.String(text)
        item.obj.DA = pikepdf.String(f"{FONT_KEY} {MAX_SIZE:g} Tf 0 g")
        written[name] = text
    blank.pdf.Root.AcroForm.NeedAppearances = False
    return written, continued


def read_fields(path: Path) -> dict[str, Any]:
    """Every field of a filled form: text as str, check boxes as bool (for tests and checks)."""
    with pikepdf.open(path) as pdf:
        out: dict[str, Any] = {}
        for item in pdf.acroform.fields:
            if item.field_type == "/Btn":
                value = item.obj.get("/V")
                out[item.fully_qualified_name] = value is not None and value != Name.Off
            else:
                out[item.fully_qualified_name] = item.value_as_string
        return out


def fill_official(
    spec: FormSpec, values: dict[str, Any], source: bytes, target: Path, continuation: Any = None
) -> FillResult:
    """Fill the official form whose bytes are ``source`` and save it atomically to ``target``.

    ``continuation(spec, items) -> bytes`` renders continuation sheets for text that did not fit.
    """
    spec.check_values(values)
    wanted, labels = assignments(spec, values)
    blank = _blank(source)
    extra = None
    with blank.lock:
        try:
            written, continued = fill_pdf(blank, wanted, labels)
            if continued and continuation is not None:
                extra = pikepdf.open(io.BytesIO(continuation(spec, values, continued)))
                blank.pdf.pages.extend(extra.pages)
            buffer = io.BytesIO()  # one write to disk: pikepdf's save to a path goes through many small writes
            blank.pdf.save(buffer)
        finally:
            blank.restore()
            if extra is not None:
                extra.close()
    write_atomically(target, buffer.getvalue(), create_folder=True)
    return FillResult(target, written, continued)
