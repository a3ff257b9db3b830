"""``courtpack forms``: list, fetch (offline failure), fill."""

from __future__ import annotations

import pytest

from docassemble.courtpack.cli import main
from docassemble.courtpack.documents.forms import load_spec
from docassemble.courtpack.documents.forms.fetch import fetch
from docassemble.courtpack.errors import DocumentError

from .conftest import EXAMPLES, pdf_text


def test_list_shows_each_form_and_whether_installed(official_forms_dir, capsys):
    assert main(["forms", "list"]) == 0
    out = capsys.readouterr().out
    assert "official N1_1224.pdf installed" in out
    assert "N225" in out and "own rendering only" in out


def test_fetch_offline_fails_with_a_clear_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COURTPACK_FORMS_DIR", str(tmp_path))
    assert main(["forms", "fetch", "N1", "--url", "http://127.0.0.1:9/N1_1224.pdf"]) == 2
    err = capsys.readouterr().err
    assert "could not download N1 from http://127.0.0.1:9/N1_1224.pdf" in err
    assert "offline" in err and "N1_1224.pdf by hand" in err
    assert not list(tmp_path.iterdir())  # nothing partial left behind


def test_fetch_refuses_a_different_edition(tmp_path, monkeypatch):
    import requests

    class Fake:
        content = b"%PDF-1.7 not the N1"

        def raise_for_status(self):
            return None

    monkeypatch.setattr(requests, "get", lambda *a, **k: Fake())
    with pytest.raises(DocumentError, match="new edition"):
        fetch(load_spec("N1"), target_dir=tmp_path)
    assert not (tmp_path / "N1_1224.pdf").exists()


def test_fetch_saves_a_matching_file(tmp_path, monkeypatch, official_forms_dir):
    import requests

    data = (official_forms_dir / "N1_1224.pdf").read_bytes()

    class Fake:
        content = data

        def raise_for_status(self):
            return None

    monkeypatch.setattr(requests, "get", lambda *a, **k: Fake())
    assert fetch(load_spec("N1"), target_dir=tmp_path).read_bytes() == data


@pytest.mark.parametrize("flag", ["--official", "--own"])
def test_fill_n1_from_a_case_file(flag, tmp_path, official_forms_dir, capsys, case_file):
    def centre(data):
        data["preferred_court"] = "Lewisham"

    code = main(
        [
            "forms",
            "fill",
            "N1",
            "--case",
            str(case_file("FTA-2025-0142", centre)),
            "--out",
            str(tmp_path),
            flag,
            "--on",
            "2025-11-20",
        ]
    )
    assert code == 0
    path = tmp_path / "FTA-2025-0142 N1 claim form.pdf"
    assert capsys.readouterr().out.strip() == str(path)
    if flag == "--own":
        assert "£2,304.84" in pdf_text(path)  # 2037.98 + s.69 item by item 151.86 + fee 115.00


def test_fill_n1_without_a_hearing_centre_asks_for_one(tmp_path, capsys):
    # the example case names no preferred court: refuse rather than invent "County Court at <town>"
    code = main(
        [
            "forms",
            "fill",
            "N1",
            "--case",
            str(EXAMPLES / "FTA-2025-0142.yaml"),
            "--out",
            str(tmp_path),
            "--own",
            "--on",
            "2025-11-20",
        ]
    )
    assert code == 2
    assert "hearing_centre is empty" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_fill_enforcement_form_without_judgment_explains(tmp_path, capsys):
    code = main(["forms", "fill", "N323", "--case", str(EXAMPLES / "RR-2025-0077.yaml"), "--out", str(tmp_path)])
    assert code == 2
    assert "needs a judgment" in capsys.readouterr().err
