"""What courtpack does to an input PDF it did not write: report repairs, flatten form fields.

Why: a damaged PDF that qpdf can reconstruct opens without an error, but a page whose content
was lost goes into the bundle blank, and nobody notices until the hearing. A PDF with form
fields, merged twice, keeps both copies' fields under one name (fill one and both change) and
the bundle has no AcroForm to hold them. So each input is checked here: a repaired file is
named in a warning with the pages that lost content (or refused when none survived), and form
fields are flattened into page content, so what the judge reads is what was filled in.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

__all__ = ["flatten_fields", "repair_problem"]


def _has_content(page: pikepdf.Page) -> bool:
    contents = page.obj.get("/Contents")
    if contents is None:
        return False
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    try:
        return any(isinstance(s, pikepdf.Stream) and s.read_bytes().strip() for s in streams)
    except pikepdf.PdfError:
        return False


def _pages_text(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def repair_problem(path: Path, pdf: pikepdf.Pdf) -> tuple[str | None, str | None]:
    """(refusal, warning) for a file qpdf had to repair; (None, None) for a sound file."""
    if not pdf.get_warnings():
        return None, None
    lost = [n for n, page in enumerate(pdf.pages, start=1) if not _has_content(page)]
    if len(lost) == len(pdf.pages):
        return ("is damaged: none of its pages could be recovered — get a fresh copy from the sender"), None
    if lost:
        return None, (
            f"{path}: was damaged and has been repaired, but page{'s' if len(lost) > 1 else ''} "
            f"{_pages_text(lost)} lost {'their' if len(lost) > 1 else 'its'} content and will be blank "
            "in the bundle — get a fresh copy and build the bundle again"
        )
    return None, (
        f"{path}: was damaged and has been repaired; every page kept its content, but check it against the original"
    )


def flatten_fields(path: Path, pdf: pikepdf.Pdf) -> str | None:
    """Turn filled form fields into page content and drop the source's AcroForm; a note when done."""
    form = pdf.Root.get("/AcroForm")
    if form is None or len(form.get("/Fields", pikepdf.Array())) == 0:
        return None
    pdf.generate_appearance_streams()  # a field shown only through NeedAppearances would otherwise vanish
    pdf.flatten_annotations("all")  # qpdf also drops the emptied AcroForm
    if "/AcroForm" in pdf.Root:
        del pdf.Root["/AcroForm"]
    return (
        f"{path}: its form fields were flattened — the values as filled in are now part of the page "
        "and can no longer be edited in the bundle"
    )
