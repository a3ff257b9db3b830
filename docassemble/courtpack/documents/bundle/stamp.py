"""Computer-generated page numbers, stamped bottom centre, upright on every page.

How, and why this way: the look of a stamp (a small white box in the bottom
margin with the number in 9 pt Helvetica) is drawn with reportlab in ONE
canvas — one template page per distinct displayed page size and number of
digits, so a 1,000-page bundle of A4 and landscape pages needs about six. Each
bundle page then gets its own small form XObject (``/CourtpackNo``): the
matching template's content stream with the digits swapped in. Where it goes is
the form's own ``/Matrix``, from qpdf's ``calc_form_xobject_placement`` (the
placement ``Page.add_overlay`` uses: it fits the form to the page's crop box, so
a non-zero MediaBox origin is fine, and undoes the page's /Rotate so the number
reads upright on the page as shown). That placement is worked out once per page
geometry, not per page, and the form dictionary is shared by every page of one
geometry; the two content streams added to each page (``q`` before its own
content, ``Q /CourtpackNo Do`` after) are one shared object each. A page costs
one new stream and one resource entry, and the source pages' own content
streams are left byte-for-byte as they were.

Measured on 1,000 pages (CPU time): one reportlab page per bundle page and
``add_overlay`` on each, 0.5 s; a template with a placement computed and a
content stream made for every page, 0.18 s; this, about a third of that.
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
STAMP_NAME = "/CourtpackNo"
# built once: pikepdf's Name.X attribute lookup runs Python code on every use
RESOURCES, XOBJECT = Name("/Resources"), Name("/XObject")

Key = tuple[float, float, int]  # displayed width, displayed height, digits


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


def draw_templates(keys: list[Key]) -> bytes:
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


Geometry = tuple[Key, tuple[float, float, float, float], int]  # template, crop box, /Rotate


class _Stamper:
    """The drawn templates imported once; one form head per page geometry; the shared streams."""

    def __init__(self, target: pikepdf.Pdf, keys: list[Key]) -> None:
        self.target = target
        self.content: dict[Key, bytes] = {}
        self.resources: dict[Key, pikepdf.Object] = {}
        with pikepdf.open(io.BytesIO(draw_templates(keys))) as drawn:
            for key, page in zip(keys, drawn.pages, strict=True):
                self.content[key] = b"\n".join(s.read_bytes() for s in _streams(page.obj.Contents))
                self.resources[key] = target.copy_foreign(drawn.make_indirect(page.obj.Resources))  # fonts: no streams
        self.heads: dict[Geometry, pikepdf.Dictionary] = {}
        self.save_state = target.make_stream(b"q\n")  # one shared stream isolates every page's own graphics state
        self.shows: dict[str, pikepdf.Stream] = {}

    def head(self, page: pikepdf.Page, geometry: Geometry) -> pikepdf.Dictionary:
        """The form dictionary for this geometry, its /Matrix placing the stamp upright on the crop box."""
        found = self.heads.get(geometry)
        if found is None:
            key, rect, _ = geometry
            found = pikepdf.Dictionary(
                Type=Name.XObject, Subtype=Name.Form, BBox=Array([0, 0, key[0], key[1]]), Resources=self.resources[key]
            )
            probe = self.target.make_stream(b"", found)
            placement = page.calc_form_xobject_placement(
                probe, Name.P, pikepdf.Rectangle(*rect), allow_shrink=True, allow_expand=True
            )  # b"q\n<a b c d e f> cm\n/P Do\nQ\n"
            found.Matrix = Array([float(v) for v in placement.split(b"cm", 1)[0].split()[-6:]])
            self.heads[geometry] = found
        return found

    def form(self, head: pikepdf.Dictionary, key: Key, label: str) -> pikepdf.Stream:
        placeholder = b"(" + b"0" * key[2] + b")"
        form = self.target.make_stream(self.content[key].replace(placeholder, b"(" + label.encode("ascii") + b")", 1))
        form.stream_dict = head  # shared, never changed after: a copy per page cost more than the rest of the stamp
        return form

    def show(self, name: str) -> pikepdf.Stream:
        """``Q`` (ending the page's own state) and ``Do`` of the form: shared by every page using ``name``."""
        stream = self.shows.get(name)
        if stream is None:
            stream = self.shows[name] = self.target.make_stream(b"\nQ\n" + name.encode("ascii") + b" Do\n")
        return stream


def _add_xobject(page: pikepdf.Page, form: pikepdf.Stream) -> str:
    """Put ``form`` in this page's own /XObject dictionary (copying a shared or inherited one first)."""
    obj = page.obj
    resources = obj.get(RESOURCES)
    if resources is None:
        resources = inherited(obj, "/Resources")
    if resources is None or resources.is_indirect:  # shared by other pages: give this page its own
        resources = obj.Resources = pikepdf.Dictionary(resources) if resources is not None else pikepdf.Dictionary()
    xobjects = resources.get(XOBJECT)
    if xobjects is None:
        resources[XOBJECT] = pikepdf.Dictionary({STAMP_NAME: form})
        return STAMP_NAME
    if xobjects.is_indirect:
        xobjects = resources[XOBJECT] = pikepdf.Dictionary(xobjects)
    name, n = STAMP_NAME, 1
    while name in xobjects:  # a source that is itself a courtpack bundle already has one
        n += 1
        name = f"{STAMP_NAME}{n}"
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
    geometry: list[tuple[Geometry, str]] = []
    for offset, page in enumerate(pages):
        rect = box(page)
        turn = rotation(page)
        x0, y0, x1, y1 = rect
        width, height = (y1 - y0, x1 - x0) if turn in (90, 270) else (x1 - x0, y1 - y0)
        label = str(first_number + offset)
        geometry.append((((round(width, 2), round(height, 2), len(label)), rect, turn), label))
    stamper = _Stamper(pdf, sorted({where[0] for where, _ in geometry}))
    for done, (page, (where, label)) in enumerate(zip(pages, geometry, strict=True), start=1):
        name = _add_xobject(page, stamper.form(stamper.head(page, where), where[0], label))
        page.contents_add(stamper.save_state, prepend=True)
        page.contents_add(stamper.show(name))
        if progress and (done % PROGRESS_EVERY == 0 or done == total):
            progress("Stamping pages", done, total)
