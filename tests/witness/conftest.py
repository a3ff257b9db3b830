"""Fixtures for witness statement tests: the example case, options, and exhibit files to upload."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from docassemble.courtpack.case import read_case
from docassemble.courtpack.documents.witness import LetterExhibit, StatementOptions
from docassemble.courtpack.interview_glue.witness import RegisterMarks
from docassemble.courtpack.register.db import Register

from ..conftest import EXAMPLES

for program in ("pdftotext", "pdfinfo"):
    if shutil.which(program) is None:  # no test may pass by skipping
        raise RuntimeError(f"{program} is missing: apt-get install -y poppler-utils")

STATEMENT_DATE = dt.date(2025, 6, 2)


@pytest.fixture(autouse=True)
def register_url(tmp_path, monkeypatch):
    """Each test's own case register (a SQLite file), not wherever the shell points: interviews
    run in one test share it, so a second statement continues the first one's marks."""
    url = f"sqlite:///{tmp_path / 'register.db'}"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    return url


@pytest.fixture
def register(register_url):
    with Register(register_url) as opened:
        yield opened


@pytest.fixture
def marks(register):
    """The exhibit marks the writer is given in production: the register-backed allocator."""
    return RegisterMarks(register)


@pytest.fixture
def case():
    return read_case(EXAMPLES / "FTA-2025-0142.yaml")


@pytest.fixture
def options():
    def make(**changes) -> StatementOptions:
        base = {
            "statement_date": STATEMENT_DATE,
            "claim_number": "K1QZ1234",
            "court": "County Court at Bromley",
            "letter": LetterExhibit(dt.date(2025, 4, 7)),
        }
        return StatementOptions(**{**base, **changes})

    return make


def write_pdf(path: Path, text: str = "Tenancy agreement page", pages: int = 1) -> Path:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for n in range(1, pages + 1):
        pdf.drawString(72, 760, f"{text} {n}")
        pdf.showPage()
    pdf.save()
    path.write_bytes(buffer.getvalue())
    return path


def write_encrypted_pdf(path: Path) -> Path:
    source = write_pdf(path.with_name("plain-" + path.name))
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="owner", user="secret"))
    source.unlink()
    return path


def write_image(path: Path, size=(400, 300), fmt: str = "PNG") -> Path:
    Image.new("RGB", size, (180, 40, 40)).save(path, fmt)
    return path


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    return subprocess.run([*command, str(path), "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def statement_text(path: Path) -> str:
    """The statement's words on one line, without the 'Page N of M' footers that break sentences."""
    lines = [line for line in pdf_text(path).splitlines() if not re.fullmatch(r"\s*Page \d+ of \d+\s*", line)]
    return flat("\n".join(lines))
