"""Uploaded exhibits the court could not open are refused before anything is written."""

from __future__ import annotations

import datetime as dt

import pytest

from docassemble.courtpack.documents.witness import UploadedExhibit, check_uploads, write_witness_statement
from docassemble.courtpack.documents.witness.exhibits import images_to_pdf, upload_problem
from docassemble.courtpack.errors import DocumentError

from .conftest import page_count, write_encrypted_pdf, write_image, write_pdf


def test_good_uploads_pass(tmp_path):
    assert upload_problem(write_pdf(tmp_path / "a.pdf")) is None
    assert upload_problem(write_image(tmp_path / "b.png")) is None
    assert upload_problem(write_image(tmp_path / "c.JPG", fmt="JPEG")) is None


@pytest.mark.parametrize(
    ("name", "make", "problem"),
    [
        ("locked.pdf", lambda p: write_encrypted_pdf(p), "is protected by a password"),
        ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj garbage"), "is damaged and cannot be read as a PDF"),
        ("empty.pdf", lambda p: p.write_bytes(b""), "is empty (0 bytes)"),
        ("setup.exe", lambda p: p.write_bytes(b"MZ\x90\x00"), "is not a type that can be exhibited (.exe)"),
        ("photo.png", lambda p: p.write_bytes(b"\xff\xd8\xff\xe0 jpeg bytes"), "is not a PNG image"),
        ("torn.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40), "is a damaged image"),
        ("letter.pdf", lambda p: p.write_text("Dear Sir"), "is not a PDF"),
    ],
)
def test_bad_uploads_are_named_with_a_fix(tmp_path, name, make, problem):
    path = tmp_path / name
    make(path)
    with pytest.raises(DocumentError) as caught:
        check_uploads([path])
    message = str(caught.value)
    assert f"{path}: {problem}" in message
    assert " — " in message and message.endswith("Nothing was written.")


def test_oversized_and_missing(tmp_path):
    big = write_pdf(tmp_path / "big.pdf", pages=20)
    assert "is too large" in upload_problem(big, max_mb=0.001)
    assert "does not exist" in upload_problem(tmp_path / "nowhere.pdf")


def test_every_bad_file_is_named_at_once(tmp_path):
    (tmp_path / "a.exe").write_bytes(b"MZ")
    (tmp_path / "b.pdf").write_bytes(b"")
    with pytest.raises(DocumentError, match=r"these files: .*a\.exe: .*; .*b\.pdf: is empty"):
        check_uploads([tmp_path / "a.exe", write_pdf(tmp_path / "ok.pdf"), tmp_path / "b.pdf"])


@pytest.mark.parametrize("name", ["locked.pdf", "broken.pdf", "empty.pdf", "tool.exe"])
def test_bad_exhibit_leaves_no_output_and_no_register(tmp_path, case, options, marks, name):
    bad = tmp_path / "uploads" / name
    bad.parent.mkdir()
    if name == "locked.pdf":
        write_encrypted_pdf(bad)
    elif name == "broken.pdf":
        bad.write_bytes(b"%PDF-1.4\nnot really")
    else:
        bad.write_bytes(b"" if name == "empty.pdf" else b"MZ\x90")
    out = tmp_path / "case" / "out"
    uploads = (
        UploadedExhibit(write_pdf(tmp_path / "uploads" / "fine.pdf"), "the tenancy agreement"),
        UploadedExhibit(bad, "the notice to quit"),
    )
    with pytest.raises(DocumentError, match=str(bad).replace(".", r"\.")):
        write_witness_statement(case, options(uploads=uploads), out, marks)
    assert not out.exists() or list(out.iterdir()) == []
    assert marks.preview(case.reference, "Priya Shah", 1).marks == ("PS1",)  # no exhibit marks used up


def test_an_exhibit_needs_a_description(tmp_path, case, options, marks):
    uploads = (UploadedExhibit(write_pdf(tmp_path / "a.pdf"), "  "),)
    with pytest.raises(DocumentError, match="say what the exhibit is"):
        write_witness_statement(
            case, options(uploads=uploads, statement_date=dt.date(2025, 6, 2)), tmp_path / "o", marks
        )


def test_images_become_one_a4_page_each(tmp_path):
    target = images_to_pdf(
        [write_image(tmp_path / "wide.png", (800, 300)), write_image(tmp_path / "tall.jpg", (300, 800), "JPEG")],
        tmp_path / "images.pdf",
    )
    assert page_count(target) == 2
    import pikepdf

    with pikepdf.open(target) as pdf:
        widths = [round(float(p.mediabox[2])) for p in pdf.pages]
    assert widths == [842, 595]  # landscape for the wide image, portrait for the tall one
