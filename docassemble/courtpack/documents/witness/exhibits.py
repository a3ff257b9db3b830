"""Exhibits a witness produces: checking uploaded files and turning them into PDF pages.

Why check everything first: an exhibit the court cannot open (password-protected,
damaged, empty, a program rather than a document) must stop the run before any
file is written, with one message naming every bad file and what to do about it.
Images (photographs of a property, a scanned letter) become one A4 page each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PIL import Image, ImageOps, UnidentifiedImageError
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from ...errors import DocumentError

PDF, IMAGE = "pdf", "image"
KINDS = {".pdf": PDF, ".jpg": IMAGE, ".jpeg": IMAGE, ".png": IMAGE}
MAGIC = {".pdf": (b"%PDF",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG\r\n\x1a\n",)}
SUPPORTED = "PDF, JPEG or PNG"
DEFAULT_MAX_MB = 50.0
MARGIN = 42.0  # points around an image page (about 1.5 cm)


@dataclass(frozen=True)
class UploadedExhibit:
    """A file the witness exhibits, and how the statement describes it ("the tenancy agreement")."""

    path: Path
    description: str


@dataclass(frozen=True)
class LetterExhibit:
    """The letter before claim: generated from the case as sent on ``date``, or a copy supplied as ``pdf``."""

    date: dt.date
    pdf: Path | None = None


@dataclass(frozen=True)
class PlannedExhibit:
    """One exhibit with its mark. ``kind``: statement_of_account, letter_before_claim, pdf or image."""

    mark: str
    description: str
    kind: str
    path: Path | None = None


def upload_problem(path: Path, max_mb: float = DEFAULT_MAX_MB) -> str | None:
    """What is wrong with an uploaded exhibit ('problem — fix'), or None when it can be exhibited."""
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        return (
            f"is not a type that can be exhibited ({suffix or 'no extension'}) — exhibits must be {SUPPORTED}; "
            "save or scan the document as PDF"
        )
    if not path.is_file():
        return "does not exist — check the file name and folder"
    size = path.stat().st_size
    if size == 0:
        return "is empty (0 bytes) — upload the document again"
    if size > max_mb * 1024 * 1024:
        return f"is too large ({size / 1024 / 1024:.1f} MB; the limit is {max_mb:g} MB) — compress or split it"
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if suffix == ".pdf":
        if b"%PDF" not in head:
            return "is not a PDF (its contents do not start like one) — save it again as PDF"
        return _pdf_problem(path)
    if not head.startswith(MAGIC[suffix]):
        return f"is not a {suffix[1:].upper()} image (its contents do not match its name) — save it again"
    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as err:
        return f"is a damaged image ({str(err)[:80]}) — save or export it again"
    return None


def _pdf_problem(path: Path) -> str | None:
    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted:
                return "is protected by a password or encryption — save an unprotected copy (print to PDF)"
            if len(pdf.pages) == 0:
                return "has no pages — upload the document again"
    except pikepdf.PasswordError:
        return "is protected by a password — save an unprotected copy (print to PDF)"
    except (pikepdf.PdfError, OSError, ValueError) as err:
        return f"is damaged and cannot be read as a PDF ({str(err).splitlines()[0][:80]}) — save or scan it again"
    return None


def check_uploads(paths: Sequence[Path], max_mb: float = DEFAULT_MAX_MB) -> None:
    """Raise one ``DocumentError`` naming every upload that cannot be exhibited."""
    problems = [f"{p}: {problem}" for p in paths if (problem := upload_problem(Path(p), max_mb))]
    if problems:
        raise DocumentError(
            "cannot exhibit "
            + ("this file: " if len(problems) == 1 else "these files: ")
            + "; ".join(problems)
            + ". Nothing was written."
        )


def images_to_pdf(images: Sequence[Path], target: Path) -> Path:
    """Each image on its own A4 page (portrait or landscape to suit), fitted inside the margins."""
    pdf = canvas.Canvas(str(target))
    for path in images:
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened)
            image.load()
        width, height = image.size
        page = landscape(A4) if width > height else A4
        pdf.setPageSize(page)
        scale = min((page[0] - 2 * MARGIN) / width, (page[1] - 2 * MARGIN) / height)
        w, h = width * scale, height * scale
        pdf.drawImage(ImageReader(image), (page[0] - w) / 2, (page[1] - h) / 2, w, h)
        pdf.showPage()
    pdf.save()
    return target
