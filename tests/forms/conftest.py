"""Fixtures for the court forms tests: the official PDFs folder, example cases, PDF text."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ISSUE = dt.date(2025, 11, 20)


@pytest.fixture(scope="session")
def official_forms_dir() -> Path:
    """The official PDFs shipped in the project (court_forms/official). Never skipped: a missing file fails."""
    path = ROOT / "court_forms" / "official"
    for name in ("N1_1224.pdf", "N244_0622.pdf", "N180_1124.pdf"):
        if not (path / name).is_file():
            pytest.fail(f"{path / name} is missing: the official forms ship with the project (court_forms/official)")
    return path


def pdf_text(path: Path) -> str:
    """pdftotext's text with whitespace collapsed (poppler-utils must be installed)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is not installed: apt-get install -y poppler-utils")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def case_file(tmp_path: Path):
    """Write a variant of an example case: ``case_file("FTA-2025-0142", edit)`` -> path."""

    def make(reference: str, edit=None) -> Path:
        data = yaml.safe_load((EXAMPLES / f"{reference}.yaml").read_text(encoding="utf-8"))
        if edit is not None:
            edit(data)
        path = tmp_path / f"{reference}-variant.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return make


def judgment_for(amount: str = "2168.63", date: dt.date = dt.date(2025, 12, 20), **extra):
    from docassemble.courtpack.case.model import Judgment

    return Judgment(claim_number="K00QZ123", court="County Court at Leeds", date=date, amount=Decimal(amount), **extra)
