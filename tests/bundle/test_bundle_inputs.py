"""Bad inputs: named in one DocumentError before anything is written; the CLI exits 2 without a traceback."""

from __future__ import annotations

import pikepdf
import pytest
import yaml

from docassemble.courtpack.cli import main
from docassemble.courtpack.documents.bundle import BundleSpec, build_bundle, load_spec
from docassemble.courtpack.documents.bundle.spec import BundleDocument
from docassemble.courtpack.errors import DocumentError


def _encrypted(path):
    with pikepdf.open(path) as pdf:
        pdf.save(path.with_name("locked.pdf"), encryption=pikepdf.Encryption(user="secret", owner="owner"))
    return "locked.pdf"


def _corrupt(path):
    data = path.read_bytes()
    path.with_name("broken.pdf").write_bytes(data[:9] + b"\x00garbage\xff" * 50)
    return "broken.pdf"


def _empty(path):
    path.with_name("empty.pdf").write_bytes(b"")
    return "empty.pdf"


def _no_pages(path):
    pikepdf.Pdf.new().save(path.with_name("nopages.pdf"))
    return "nopages.pdf"


def _exe(path):
    path.with_name("setup.exe").write_bytes(b"MZ\x90\x00" * 10)
    return "setup.exe"


def _txt(path):
    path.with_name("notes.txt").write_text("some notes")
    return "notes.txt"


def _missing(path):
    return "missing.pdf"


def _not_really_pdf(path):
    path.with_name("letter.pdf").write_text("Dear Sir, this is not a PDF")
    return "letter.pdf"


def _bad_png(path):
    path.with_name("photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return "photo.png"


BAD = {
    "encrypted": (_encrypted, "password-protected"),
    "corrupt": (_corrupt, "damaged"),
    "empty": (_empty, "empty (0 bytes)"),
    "no pages": (_no_pages, "has no pages"),
    "exe": (_exe, ".exe cannot go in a bundle"),
    "txt": (_txt, ".txt cannot go in a bundle"),
    "missing": (_missing, "no such file"),
    "not a pdf": (_not_really_pdf, "is not a PDF"),
    "bad image": (_bad_png, "damaged image"),
}


@pytest.fixture
def spec_with(tmp_path, make_pdf, write_spec):
    good = make_pdf("good.pdf", 2)

    def make(*bad_names: str):
        documents = [{"path": "good.pdf", "title": "Good", "section": "A"}]
        documents += [{"path": name, "title": f"Bad {n}", "section": "C"} for n, name in enumerate(bad_names)]
        return write_spec({"title": "Trial bundle", "documents": documents})

    return make, good


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_named_and_nothing_is_written(case, spec_with, tmp_path):
    make_spec, good = spec_with
    make_bad, problem = BAD[case]
    name = make_bad(good)
    out = tmp_path / "out" / "bundle.pdf"
    out.parent.mkdir()
    with pytest.raises(DocumentError) as caught:
        build_bundle(load_spec(make_spec(name)), out)
    message = str(caught.value)
    assert str(tmp_path / name) in message and problem in message
    assert " — " in message  # what is wrong — what to do
    assert list(out.parent.iterdir()) == []  # no bundle, no temporary file


def test_every_bad_input_is_listed_in_one_error(spec_with, tmp_path):
    make_spec, good = spec_with
    names = [BAD[case][0](good) for case in ("encrypted", "empty", "txt", "missing")]
    with pytest.raises(DocumentError) as caught:
        build_bundle(load_spec(make_spec(*names)), tmp_path / "bundle.pdf")
    message = str(caught.value)
    assert message.startswith("4 bundle documents cannot be used; nothing was written")
    assert all(name in message for name in names)
    assert not (tmp_path / "bundle.pdf").exists()


def test_a_failed_build_leaves_the_previous_bundle_untouched(spec_with, tmp_path):
    make_spec, good = spec_with
    out = tmp_path / "bundle.pdf"
    out.write_bytes(b"previous bundle")
    with pytest.raises(DocumentError):
        build_bundle(load_spec(make_spec(_corrupt(good))), out)
    assert out.read_bytes() == b"previous bundle"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_oversized_input_is_refused_with_the_limit(tmp_path, make_pdf):
    big = make_pdf("big.pdf", 30)
    spec = BundleSpec(documents=[BundleDocument(big, "Big", section="A")], max_file_mb=0.001)
    with pytest.raises(DocumentError, match=r"big\.pdf: is \d+ MB, over the 0 MB limit|big\.pdf: is .*limit per file"):
        build_bundle(spec, tmp_path / "b.pdf")


def test_owner_password_only_pdf_is_accepted(tmp_path, make_pdf):
    source = make_pdf("restricted.pdf", 1)
    with pikepdf.open(source) as pdf:
        pdf.save(tmp_path / "r.pdf", encryption=pikepdf.Encryption(user="", owner="owner"))
    report = build_bundle(
        BundleSpec(documents=[BundleDocument(tmp_path / "r.pdf", "R", section="A")]), tmp_path / "b.pdf"
    )
    assert report.page_count == 2


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"documents": [{"path": "good.pdf", "title": "G", "section": "Z"}]}, "section 'Z' is not one of"),
        ({"documents": [{"path": "good.pdf", "title": "G"}]}, "documents[0].section: is missing"),
        ({"documents": [{"path": "good.pdf", "section": "A", "date": "10/01/2025"}]}, "documents[0].date"),
        ({"documents": []}, "the bundle lists no documents"),
        ({"title": "T", "colour": "red", "documents": []}, "unknown key"),
        ({"sections": [{"id": "A", "title": "One"}, {"id": "A", "title": "Two"}], "documents": []}, "used twice"),
    ],
)
def test_spec_errors_name_the_field(data, problem, tmp_path, make_pdf, write_spec):
    make_pdf("good.pdf")
    with pytest.raises(DocumentError) as caught:
        load_spec(write_spec(data))
    assert "bundle.yaml" in str(caught.value) and problem in str(caught.value)


def test_cli_exit_2_for_bad_input_without_traceback(spec_with, tmp_path, capsys):
    make_spec, good = spec_with
    spec = make_spec(_encrypted(good))
    out = tmp_path / "bundle.pdf"
    code = main(["bundle", "build", str(spec), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert "locked.pdf: is password-protected" in captured.err and "Traceback" not in captured.err
    assert not out.exists()


def test_cli_exit_2_for_missing_or_broken_spec(tmp_path, capsys):
    assert main(["bundle", "build", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "b.pdf")]) == 2
    assert "no such bundle spec" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n")
    assert main(["bundle", "build", str(bad), "--out", str(tmp_path / "b.pdf")]) == 2
    assert "not valid YAML" in capsys.readouterr().err


def test_cli_builds_and_summarises(tmp_path, small_bundle, capsys):
    out = tmp_path / "b.pdf"
    code = main(["bundle", "build", str(small_bundle), "--out", str(out), "--quiet"])
    captured = capsys.readouterr()
    assert code == 0 and out.is_file()
    assert f"Built {out}: 13 pages, 4 document(s)" in captured.out
    assert "A1" in captured.out and "2–4" in captured.out
    assert "1 page(s) have no text layer" in captured.err and "pages 13" in captured.err


def test_spec_file_example_is_valid(tmp_path):
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "bundle" / "bundle.yaml"
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    assert data["documents"] or data["sections"]
    spec = load_spec(example)
    assert all(doc.path.is_file() for doc in spec.documents)
