"""Reading back what the possession documents say."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document


def pdf_text(path: Path) -> str:
    """pdftotext's text with whitespace collapsed (poppler-utils must be installed)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is not installed: apt-get install -y poppler-utils")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return re.sub(r"\s+", " ", " ".join(parts))
