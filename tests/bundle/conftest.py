"""Fixtures for bundle tests: source PDFs generated with reportlab, inspected with poppler."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
import yaml
from PIL import Image
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

for program in ("pdftotext", "pdfinfo"):
    if shutil.which(program) is None:  # no test may pass by skipping
        raise RuntimeError(f"{program} is missing: apt-get install -y poppler-utils")


def write_pdf(path: Path, pages: list[dict] | int, label: str | None = None) -> Path:
    """Write a PDF; each page dict may set size ('A4'|'landscape'), rotate, origin (x, y), scan (no text)."""
    if isinstance(pages, int):
        pages = [{} for _ in range(pages)]
    label = label or path.stem
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    scan = None
    for n, page in enumerate(pages, start=1):
        size = landscape(A4) if page.get("size") == "landscape" else A4
        pdf.setPageSize(size)
        if page.get("scan"):
            if scan is None:
                scan = Image.new("L", (120, 170), 200)
            pdf.drawImage(ImageReader(scan), 40, 60, size[0] - 80, size[1] - 120)
        else:
            pdf.setFont("Helvetica", 14)
            pdf.drawString(72, size[1] - 90, f"{label} page {n}")
            pdf.drawString(72, size[1] - 120, "Lorem ipsum dolor sit amet.")
        pdf.showPage()
    pdf.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as doc:
        for page, spec in zip(doc.pages, pages, strict=True):
            if spec.get("rotate"):
                page.obj.Rotate = spec["rotate"]
            if spec.get("origin"):
                x, y = spec["origin"]
                w, h = float(page.mediabox[2]), float(page.mediabox[3])
                page.obj.MediaBox = [x, y, x + w, y + h]
                page.contents_add(b"q 1 0 0 1 %g %g cm\n" % (x, y), prepend=True)
                page.contents_add(b"\nQ")
        doc.save(path)
    return path


def _page_text(pdf: Path, number: int, *extra: str) -> str:
    result = subprocess.run(
        ["pdftotext", *extra, "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def page_text():
    """page_text(pdf, n, *pdftotext_options) -> the text of page n (1-based), via poppler."""
    return _page_text


@pytest.fixture
def make_pdf(tmp_path):
    """make_pdf(name or path, pages, label): a reportlab-generated PDF in tmp_path."""

    def make(name: str | Path, pages: list[dict] | int = 1, label: str | None = None) -> Path:
        return write_pdf(tmp_path / name, pages, label)

    return make


@pytest.fixture
def write_spec(tmp_path):
    def write(data: dict, name: str = "bundle.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def small_bundle(tmp_path, make_pdf, write_spec):
    """A three-section bundle with portrait, landscape, rotated, offset and scanned pages."""
    make_pdf("claim.pdf", 3, "Claim form")
    make_pdf("defence.pdf", [{}, {"size": "landscape"}], "Defence")
    make_pdf(
        "witness.pdf",
        [{}, {"rotate": 90}, {"rotate": 180}, {"rotate": 270}, {"origin": (100, 200)}],
        "Witness statement",
    )
    make_pdf("letter.pdf", [{}, {"scan": True}], "Letter before claim")
    spec = write_spec(
        {
            "title": "Trial bundle",
            "claim_number": "K1QZ1234",
            "court": "County Court at Leeds",
            "parties": "Leeds City Council v Kirkgate Coffee Roasters Ltd",
            "hearing_date": "2025-03-14",
            "documents": [
                {
                    "path": "claim.pdf",
                    "title": "Claim form and particulars of claim",
                    "date": "2025-01-10",
                    "section": "A",
                },
                {"path": "defence.pdf", "title": "Defence", "date": "2025-02-03", "section": "A"},
                {"path": "witness.pdf", "title": "Witness statement of Hannah Clarke", "section": "B"},
                {"path": "letter.pdf", "title": "Letter before claim", "date": "2024-11-01", "section": "C"},
            ],
        }
    )
    return spec


@pytest.fixture(params=["memory", "disk"])
def merge_mode(request, monkeypatch):
    """Run a test with pages merged in memory and again merged on disk by the qpdf program (the path a
    large bundle takes): the two must give the same bundle."""
    if request.param == "disk":
        if shutil.which("qpdf") is None:  # no test may pass by skipping
            raise RuntimeError("qpdf is missing: apt-get install -y qpdf")
        from docassemble.courtpack.documents.bundle import inputs

        monkeypatch.setattr(inputs, "LARGE_INPUT_BYTES", -1)
    return request.param
