"""Inputs nobody here wrote: damaged PDFs that qpdf repairs, and PDFs with form fields (issue 13).

Before: a damaged file whose page content was lost went in as a blank page with no warning, and
a fillable PDF included twice kept both copies' fields under identical names in a bundle with
no AcroForm.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen import canvas

from docassemble.courtpack.documents.bundle import build_bundle, load_spec
from docassemble.courtpack.errors import DocumentError


def _qdf(path: Path, pages: int) -> tuple[bytes, list[int]]:
    """An uncompressed PDF of ``pages`` text pages, and the object number of each page's content."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer)
    for n in range(1, pages + 1):
        drawing.drawString(72, 760, f"Invoice page {n}")
        drawing.showPage()
    drawing.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        pdf.save(path, qdf=True, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    with pikepdf.open(path) as pdf:  # numbers as saved (qdf renumbers)
        numbers = [page.obj.Contents.objgen[0] for page in pdf.pages]
    return path.read_bytes(), numbers


def _damaged(path: Path, pages: int, lose: list[int]) -> Path:
    """Cut the content objects of pages ``lose`` (1-based) out of the file; the xref no longer fits."""
    data, numbers = _qdf(path, pages)
    for page in lose:
        data = re.sub(rb"\n%d 0 obj.*?endobj" % numbers[page - 1], b"\n", data, count=1, flags=re.S)
    path.write_bytes(data)
    return path


def _fillable(path: Path, value: str) -> Path:
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer)
    drawing.drawString(72, 780, "Reply form")
    drawing.acroForm.textfield(name="debtor_name", value=value, x=72, y=700, width=300, height=20)
    drawing.showPage()
    drawing.save()
    path.write_bytes(buffer.getvalue())
    return path


def _spec(write_spec, *names: str) -> Path:
    return write_spec(
        {
            "title": "Trial bundle",
            "documents": [
                {"path": name, "title": f"Document {n}", "section": "A"} for n, name in enumerate(names, start=1)
            ],
        }
    )


def test_repaired_file_warns_naming_the_file_and_the_pages_that_lost_content(
    tmp_path, write_spec, page_text, merge_mode
):
    damaged = _damaged(tmp_path / "invoices.pdf", 3, lose=[2])
    report = build_bundle(load_spec(_spec(write_spec, "invoices.pdf")), tmp_path / "bundle.pdf")
    (warning,) = [w for w in report.warnings if "damaged" in w]
    assert str(damaged) in warning and "page 2 lost its content" in warning
    text = "".join(page_text(tmp_path / "bundle.pdf", n) for n in range(1, report.page_count + 1))
    assert "Invoice page 1" in text and "Invoice page 3" in text  # what survived is in the bundle


def test_file_with_no_recoverable_page_is_refused_and_nothing_written(tmp_path, write_spec):
    damaged = _damaged(tmp_path / "invoices.pdf", 2, lose=[1, 2])
    out = tmp_path / "out" / "bundle.pdf"
    out.parent.mkdir()
    with pytest.raises(DocumentError, match="none of its pages could be recovered") as err:
        build_bundle(load_spec(_spec(write_spec, "invoices.pdf")), out)
    assert str(damaged) in str(err.value)
    assert list(out.parent.iterdir()) == []


def test_form_fields_included_twice_are_flattened_not_shared(tmp_path, write_spec, page_text, merge_mode):
    _fillable(tmp_path / "reply.pdf", "Daniel James Okafor")
    report = build_bundle(load_spec(_spec(write_spec, "reply.pdf", "reply.pdf")), tmp_path / "bundle.pdf")
    assert any("form fields were flattened" in w for w in report.warnings)
    with pikepdf.open(tmp_path / "bundle.pdf") as pdf:
        widgets = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Widget"]
        assert widgets == []  # no field left to be shared between the two copies
        assert len(pdf.acroform.fields) == 0  # and no AcroForm pointing at fields that are gone
    text = "".join(page_text(tmp_path / "bundle.pdf", n) for n in range(1, report.page_count + 1))
    assert text.count("Daniel James Okafor") == 2  # each copy shows the value as filled in
