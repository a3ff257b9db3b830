"""JPEG and PNG inputs: each image becomes one A4 page, fitted inside the margins.

Why one canvas: a bundle may hold dozens of photographs (of a shop front, a
meter, a notice on a door); drawing them all into one reportlab document is one
PDF to open instead of one per image. The page is portrait or landscape to
match the image, and the bottom margin is left clear for the page number.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

MARGIN = 36.0  # points, sides and top
BOTTOM = 54.0  # room for the stamped page number
MAX_PIXELS = 200_000_000


def check_image(path: Path) -> str | None:
    """Open and verify the image; returns the problem ('what — fix') or None."""
    try:
        with Image.open(path) as image:
            if image.width * image.height > MAX_PIXELS:
                return "is too large an image (over 200 megapixels) — resize it"
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as err:
        return f"is a damaged image ({str(err)[:100]}) — save or export it again"
    return None


def _reader(path: Path) -> tuple[ImageReader, float, float]:
    """An ImageReader for the image the right way up (EXIF orientation applied)."""
    with Image.open(path) as image:
        orientation = image.getexif().get(0x0112, 1)
        if orientation in (1, None):
            return ImageReader(str(path)), float(image.width), float(image.height)
        upright = ImageOps.exif_transpose(image)
        return ImageReader(upright), float(upright.width), float(upright.height)


def images_to_pdf(paths: Sequence[Path]) -> bytes:
    """One PDF, one A4 page per image, in order."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setCreator("courtpack")
    for path in paths:
        reader, width, height = _reader(path)
        page = landscape(A4) if width > height else A4
        pdf.setPageSize(page)
        box_w, box_h = page[0] - 2 * MARGIN, page[1] - MARGIN - BOTTOM
        scale = min(box_w / width, box_h / height)
        draw_w, draw_h = width * scale, height * scale
        x = (page[0] - draw_w) / 2
        y = BOTTOM + (box_h - draw_h) / 2
        pdf.drawImage(reader, x, y, draw_w, draw_h, mask="auto")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
