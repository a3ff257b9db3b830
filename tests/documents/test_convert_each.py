"""Batched conversion for a caseload: a long list is converted a bounded number of documents per LibreOffice
start, and a document that will not convert is reported on its own while the others' PDFs are kept."""

from __future__ import annotations

import docx
import pytest

from docassemble.courtpack.documents import convert
from docassemble.courtpack.errors import DocumentError

pytestmark = pytest.mark.slow


def letter(path, text):
    document = docx.Document()
    document.add_paragraph(text)
    document.save(path)
    return path


def test_every_document_is_converted_across_several_starts_and_a_damaged_one_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(convert, "DOCUMENTS_PER_START", 2)  # 5 documents: three starts (2 + 2 + 1)
    sources = [letter(tmp_path / f"letter {n}.docx", f"Letter number {n}") for n in (1, 2, 3, 4)]
    bad = tmp_path / "damaged.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a docx")
    sources.insert(2, bad)
    seen = []
    outcomes = convert.convert_each(sources, tmp_path / "pdf", seen.append)
    assert [o.name if not isinstance(o, DocumentError) else "error" for o in outcomes] == [
        "letter 1.pdf",
        "letter 2.pdf",
        "error",
        "letter 3.pdf",
        "letter 4.pdf",
    ]
    assert "damaged.docx: LibreOffice could not convert it" in str(outcomes[2])
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [f"letter {n}.pdf" for n in (1, 2, 3, 4)]
    assert seen[-1] == 4  # the last progress report counts the PDFs made


def test_convert_to_pdf_places_nothing_when_one_document_fails(tmp_path):
    good = letter(tmp_path / "good.docx", "A good letter")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a docx")
    with pytest.raises(DocumentError, match=r"bad\.docx: LibreOffice could not convert it"):
        convert.convert_to_pdf([good, bad], tmp_path / "out")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
