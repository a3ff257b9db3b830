"""Document-level finishing shared by the builder, late additions and volumes.

Links, page labels, the opening view, title metadata and the atomic write: the
parts of the judiciary's electronic bundle guidance that are about the PDF as a
whole rather than its pages.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name

from ...errors import DocumentError
from ...files import write_atomically
from .stamp import box, rotation

WRITE_BUFFER = 4 * 1024 * 1024


def view_point(page: pikepdf.Page) -> tuple[float, float]:
    """User-space (left, top) of the page's displayed top-left corner, whatever its /Rotate."""
    x0, y0, x1, y1 = box(page)
    return {0: (x0, y1), 90: (x0, y0), 180: (x1, y0), 270: (x1, y1)}[rotation(page)]


def destination(pages: Sequence[pikepdf.Page], index: int, zoom: float | None = None) -> Array:
    """``[page /XYZ left top zoom]``: the top of the page; ``zoom=None`` keeps the reader's zoom.

    ``pages`` is ``pdf.pages`` or, when asking for many, ``list(pdf.pages)``: each ``pdf.pages[i]``
    lists every page of the PDF again (0.5 s per 100 bookmarks in a 10,000-page bundle)."""
    page = pages[index]
    left, top = view_point(page)
    return Array([page.obj, Name.XYZ, left, top, zoom])


def add_link(
    pdf: pikepdf.Pdf, pages: Sequence[pikepdf.Page], on_page: int, rect: tuple[float, float, float, float], target: int
) -> None:
    """An invisible link annotation on ``on_page`` jumping to the top of page ``target`` (``pages``: see
    ``destination``)."""
    annot = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Link,
            Rect=Array(list(rect)),
            Border=Array([0, 0, 0]),
            F=4,
            Dest=destination(pages, target),
        )
    )
    page = pages[on_page]
    if Name.Annots not in page.obj:
        page.obj.Annots = pdf.make_indirect(Array())
    page.obj.Annots.append(annot)


def link_target(annot: pikepdf.Object) -> pikepdf.Object | None:
    """The page object a link annotation points at (explicit /Dest or /A /GoTo), if any."""
    dest = annot.get("/Dest")
    if dest is None:
        action = annot.get("/A")
        if action is not None and action.get("/S") == Name.GoTo:
            dest = action.get("/D")
    if isinstance(dest, Array) and len(dest) > 0 and isinstance(dest[0], Dictionary):
        return dest[0]
    return None


def set_page_labels(pdf: pikepdf.Pdf, first_number: int = 1) -> None:
    """Decimal labels matching the stamped numbers: page 1 is labelled '1'."""
    pdf.Root.PageLabels = Dictionary(Nums=Array([0, Dictionary(S=Name.D, St=first_number)]))


def set_opening_view(pdf: pikepdf.Pdf) -> None:
    """Open at page 1, 100% zoom, with the bookmarks panel showing."""
    pdf.Root.OpenAction = destination(pdf.pages, 0, zoom=1)
    pdf.Root.PageMode = Name.UseOutlines
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def set_title(pdf: pikepdf.Pdf, title: str, subject: str = "") -> None:
    """Title in both the document information dictionary and XMP (dc:title)."""
    pdf.docinfo[Name.Title] = title
    if subject:
        pdf.docinfo[Name.Subject] = subject
    pdf.docinfo[Name.Creator] = "courtpack"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        if subject:
            meta["dc:description"] = subject
        meta["xmp:CreatorTool"] = "courtpack"


def save_atomically(pdf: pikepdf.Pdf, out: Path) -> None:
    """Stage the PDF beside ``out`` and place it only when complete (``write_atomically``)."""
    out = Path(out)
    folder = out.resolve().parent
    if not folder.is_dir():
        raise DocumentError(f"{out}: the folder {folder} does not exist — create it or choose another --out")

    def write(staged: Path) -> None:
        # our own stream: saving to a path would make pikepdf write a second temporary file
        with staged.open("wb", buffering=WRITE_BUFFER) as stream:
            pdf.save(stream, compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        os.chmod(staged, 0o644)

    write_atomically(out, write)
