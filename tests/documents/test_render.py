"""Template errors name the template and the tag; nothing half-written is left behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document

from docassemble.courtpack.documents import convert, render
from docassemble.courtpack.errors import DocumentError, MissingDependencyError


@pytest.fixture
def template_dir(tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    folder.mkdir()
    monkeypatch.setattr(render, "template_path", lambda name: folder / name)
    return folder


def make_template(folder: Path, name: str, text: str) -> None:
    doc = Document()
    doc.add_paragraph(text)
    doc.save(folder / name)


def test_renders_money_and_dates(template_dir, tmp_path):
    import datetime as dt
    from decimal import Decimal

    make_template(template_dir, "t.docx", "Owed {{ amount|money }} on {{ day|date }}")
    out = render.Template("t.docx").render(
        {"amount": Decimal("1234.5"), "day": dt.date(2025, 1, 10)}, tmp_path / "o.docx"
    )
    assert Document(out).paragraphs[0].text == "Owed £1,234.50 on 10 January 2025"


def test_unknown_tag_names_template_and_tag(template_dir, tmp_path):
    make_template(template_dir, "bad.docx", "Dear {{ debtor_nmae }}")
    with pytest.raises(DocumentError, match=r"template bad\.docx: the tag uses 'debtor_nmae'"):
        render.Template("bad.docx").render({}, tmp_path / "o.docx")
    assert list(tmp_path.glob("*.docx")) == []


def test_malformed_tag(template_dir, tmp_path):
    make_template(template_dir, "broken.docx", "Dear {{ name ")
    with pytest.raises(DocumentError, match=r"template broken\.docx: a tag is malformed"):
        render.Template("broken.docx").render({"name": "x"}, tmp_path / "o.docx")


def test_safe_file_name():
    assert render.safe_file_name('FTA/2025:0142 N1 "claim".pdf') == "FTA-2025-0142 N1 -claim-.pdf"


def test_convert_reports_missing_source(tmp_path):
    with pytest.raises(DocumentError, match="no such file to convert"):
        convert.convert_to_pdf([tmp_path / "missing.docx"], tmp_path)


def test_convert_without_libreoffice_names_the_install(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(MissingDependencyError, match="apt-get install -y libreoffice-writer-nogui"):
        convert.soffice_path()


@pytest.mark.slow
def test_convert_corrupt_docx_names_the_file(tmp_path):
    bad = tmp_path / "letter.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a docx")
    with pytest.raises(DocumentError, match=r"letter\.docx: LibreOffice could not convert it"):
        convert.convert_to_pdf([bad], tmp_path / "out")
    assert not (tmp_path / "out" / "letter.pdf").exists()


def test_a_conversion_past_its_time_is_stopped_with_everything_it_started(tmp_path):
    """The launcher and the converter it starts (LibreOffice's soffice -> soffice.bin) both end."""
    import os
    import sys

    pid_file = tmp_path / "child.pid"
    # a parent that starts a child waiting for a signal (the stand-in for soffice.bin: it does not end when its
    # parent does), then waits for it
    script = (
        "import subprocess, sys; "
        "c = subprocess.Popen([sys.executable, '-c', 'import signal; signal.pause()']); "
        f"open({str(pid_file)!r}, 'w').write(str(c.pid)); c.wait()"
    )
    with pytest.raises(DocumentError, match=r"LibreOffice took over 10 s converting 1 document\(s\) and was stopped"):
        convert.run_bounded([sys.executable, "-c", script], dict(os.environ), 10, "converting 1 document(s)")
    import select

    child = int(pid_file.read_text())
    try:
        handle = os.pidfd_open(child)
    except ProcessLookupError:
        return  # already gone and collected
    try:
        # a pidfd becomes readable when the process has ended (SIGKILL is delivered asynchronously, so wait
        # for that event rather than read /proc at once); 30 s only bounds a test that would otherwise hang
        ended, _, _ = select.select([handle], [], [], 30)
    finally:
        os.close(handle)
    assert ended, f"the converter's child {child} was still running after the group was killed"


def test_conversion_time_grows_with_the_batch_up_to_a_ceiling():
    # 60 s to start + 10 s a document: 1 -> 70 s, 50 -> 560 s; 500 would be 5,060 s, capped at 1,800 s
    assert [convert.timeout_seconds(n) for n in (1, 50, 500)] == [70, 560, 1800]
