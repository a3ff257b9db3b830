"""Computer-generated page numbers, stamped bottom centre, upright on every page.

How, and why this way: the look of a stamp (a small white box in the bottom
margin with the number in 9 pt Helvetica) is drawn with reportlab in ONE
canvas — one template page per distinct displayed page size and number of
digits, so a 1,000-page bundle of A4 and landscape pages needs about six. Each
bundle page then gets its own copy of the matching template's content stream
with the digits swapped in, as a small form XObject, placed with qpdf's
``calc_form_xobject_placement`` — the placement ``Page.add_overlay`` uses, which
fits the form to the page's crop box (so a non-zero MediaBox origin is fine)
and undoes the page's /Rotate so the number reads upright on the page as shown.

Measured on 1,000 pages: drawing one reportlab page per bundle page and calling
``add_overlay`` on each took 0.5 s (add_overlay also coalesces, and so
re-compresses, every page's content stream); templates plus direct placement
take under 0.1 s, and the source pages' own content streams are left
byte-for-byte as they were.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
from pikepdf import Array, Name
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

FONT, SIZE = "Helvetica", 9.0
BASELINE = 12.0  # points above the displayed bottom edge
PAD_X, PAD_Y = 4.0, 3.0
PROGRESS_EVERY = 50


def inherited(obj: pikepdf.Object, key: str) -> pikepdf.Object | None:
    """A page attribute, looking up the page tree for inheritable ones (/Rotate, /MediaBox)."""
    node = obj
    for _ in range(32):
        if node is None:
            return None
        value = node.get(key)
        if value is not None:
            return value
        node = node.get("/Parent")
    return None


def rotation(page: pikepdf.Page) -> int:
    value = inherited(page.obj, "/Rotate")
    try:
        return int(value) % 360 if value is not None else 0
    except (TypeError, ValueError):
        return 0


def box(page: pikepdf.Page) -> tuple[float, float, float, float]:
    """The visible box (crop box, else media box), normalised so x0 < x1 and y0 < y1."""
    rect = pikepdf.Rectangle(page.cropbox)  # converted in C++: much faster than float(Decimal) x 4
    x0, y0, x1, y1 = rect.llx, rect.lly, rect.urx, rect.ury
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def displayed_size(page: pikepdf.Page, rect: tuple[float, float, float, float] | None = None) -> tuple[float, float]:
    x0, y0, x1, y1 = rect or box(page)
    width, height = x1 - x0, y1 - y0
    return (height, width) if rotation(page) in (90, 270) else (width, height)


def draw_templates(keys: list[tuple[float, float, int]]) -> bytes:
    """One reportlab page per (displayed width, height, digits): the stamp with '0' digits."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0)
    for width, height, digits in keys:
        label = "0" * digits
        text_w = stringWidth(label, FONT, SIZE)
        pdf.setPageSize((width, height))
        pdf.setFillColorRGB(1, 1, 1)
        pdf.rect(
            width / 2 - text_w / 2 - PAD_X, BASELINE - PAD_Y, text_w + 2 * PAD_X, SIZE + 2 * PAD_Y - 1, stroke=0, fill=1
        )
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont(FONT, SIZE)
        pdf.drawCentredString(width / 2, BASELINE, label)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class _Templates:
    """The drawn templates, imported once into the target PDF."""

    def __init__(self, target: pikepdf.Pdf, keys: list[tuple[float, float, int]]) -> None:
        self.target = target
        self.found: dict[tuple[float, float, int], tuple[bytes, pikepdf.Object]] = {}
        with pikepdf.open(io.BytesIO(draw_templates(keys))) as drawn:
            for key, page in zip(keys, drawn.pages, strict=True):
                content = b"\n".join(s.read_bytes() for s in _streams(page.obj.Contents))
                resources = target.copy_foreign(drawn.make_indirect(page.obj.Resources))  # fonts: no streams
                bbox = Array([0, 0, key[0], key[1]])
                self.found[key] = (
                    content,
                    pikepdf.Dictionary(Type=Name.XObject, Subtype=Name.Form, BBox=bbox, Resources=resources),
                )

    def form(self, key: tuple[float, float, int], label: str) -> pikepdf.Stream:
        content, head = self.found[key]
        placeholder = b"(" + b"0" * key[2] + b")"
        return pikepdf.Stream(self.target, content.replace(placeholder, b"(" + label.encode("ascii") + b")", 1), head)


def _add_xobject(page: pikepdf.Page, form: pikepdf.Stream) -> Name:
    """Put ``form`` in this page's own /XObject dictionary (copying a shared or inherited one first)."""
    obj = page.obj
    resources = obj.get(Name.Resources)
    if resources is None:
        resources = inherited(obj, "/Resources")
    if resources is None or resources.is_indirect:  # shared by other pages: give this page its own
        resources = obj.Resources = pikepdf.Dictionary(resources) if resources is not None else pikepdf.Dictionary()
    xobjects = resources.get(Name.XObject)
    if xobjects is None or xobjects.is_indirect:
        xobjects = resources.XObject = pikepdf.Dictionary(xobjects) if xobjects is not None else pikepdf.Dictionary()
    name, n = Name.CourtpackNo, 1
    while name in xobjects:  # a source that is itself a courtpack bundle already has one
        n += 1
        name = Name(f"/CourtpackNo{n}")
    xobjects[name] = form
    return name


def _streams(contents: pikepdf.Object) -> list[pikepdf.Object]:
    return list(contents) if isinstance(contents, Array) else [contents]


def stamp_page_numbers(
    pdf: pikepdf.Pdf, start: int, first_number: int, progress: Callable[[str, int, int], None] | None = None
) -> None:
    """Number ``pdf.pages[start:]`` as ``first_number``, ``first_number + 1``..."""
    pages = list(pdf.pages)[start:]
    total = len(pages)
    geometry = []
    for offset, page in enumerate(pages):
        rect = box(page)
        width, height = displayed_size(page, rect)
        label = str(first_number + offset)
        geometry.append(((round(width, 2), round(height, 2), len(label)), label, rect))
    templates = _Templates(pdf, sorted({key for key, _, _ in geometry}))
    save_state = pdf.make_stream(b"q\n")  # one shared stream isolates every page's own graphics state
    for done, (page, (key, label, rect)) in enumerate(zip(pages, geometry, strict=True), start=1):
        form = templates.form(key, label)
        name = _add_xobject(page, form)
        placement = page.calc_form_xobject_placement(
            form, name, pikepdf.Rectangle(*rect), allow_shrink=True, allow_expand=True
        )
        page.contents_add(save_state, prepend=True)
        page.contents_add(b"\nQ\n" + placement + b"\n")
        if progress and (done % PROGRESS_EVERY == 0 or done == total):
            progress("Stamping pages", done, total)
