"""Late additions (no renumbering) and paper volumes (at most 300 pages, numbering continues)."""

from __future__ import annotations

import datetime as dt

import pikepdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from docassemble.courtpack.cli import main
from docassemble.courtpack.documents.bundle import (
    BundleDocument,
    BundleSpec,
    add_late_documents,
    build_bundle,
    load_spec,
)
from docassemble.courtpack.documents.bundle.spec import BundleSection
from docassemble.courtpack.documents.bundle.volumes import plan_volumes
from docassemble.courtpack.errors import DocumentError


def snapshot(path):
    """Each page's content stream bytes (as stored) and its annotations' rectangles."""
    with pikepdf.open(path) as pdf:
        pages = []
        for page in pdf.pages:
            contents = page.obj.Contents
            streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            pages.append(([s.read_raw_bytes() for s in streams], [list(a.Rect) for a in page.obj.get("/Annots", [])]))
        return pages


def outline_titles(path):
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        return [(item.title, [child.title for child in item.children]) for item in outline.root]


@pytest.fixture
def built(small_bundle, tmp_path):
    out = tmp_path / "bundle.pdf"
    build_bundle(load_spec(small_bundle), out)
    return out


def test_late_additions_are_appended_without_renumbering(built, tmp_path, make_pdf, page_text):
    before = snapshot(built)
    texts = [page_text(built, n) for n in range(1, 14)]
    late = [
        BundleDocument(make_pdf("late1.pdf", 2, "Late letter"), "Letter from the defendant", dt.date(2025, 3, 10)),
        BundleDocument(make_pdf("late2.pdf", 1, "Receipt"), "Receipt"),
    ]
    out = tmp_path / "bundle-late.pdf"
    report = add_late_documents(built, late, out, added_on=dt.date(2025, 3, 11))
    assert report.page_count == 13 + 1 + 3
    assert [(e.tab, e.first_page, e.last_page) for e in report.entries] == [("L1", 15, 16), ("L2", 17, 17)]
    after = snapshot(out)
    assert after[:13] == before  # earlier pages: same content streams, same links
    assert [page_text(out, n) for n in range(1, 14)] == texts
    supplementary = " ".join(page_text(out, 14, "-layout").split())
    for expected in (
        "SUPPLEMENTARY INDEX",
        "Documents added on 11 March 2025",
        "Pages 1–13 are unchanged",
        "Late additions (11 March 2025) 14–17",
        "L1 Letter from the defendant 10 March 2025 15–16",
        "L2 Receipt 17",
    ):
        assert expected in supplementary
    for number in (14, 15, 17):
        assert str(number) in page_text(out, number).split()
    with pikepdf.open(out) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        targets = sorted(index[a.Dest[0].objgen] + 1 for a in pdf.pages[13].obj.Annots)
        assert targets == [14, 15, 17]  # the heading row (pages 14–17), L1, L2
        assert pdf.Root.PageLabels.Nums[0] == 0 and len(pdf.Root.PageLabels.Nums) == 2
    titles = outline_titles(out)
    assert titles[:4] == outline_titles(built)
    assert titles[4] == (
        "Late additions (11 March 2025) — pages 14–17",
        [
            "Supplementary index — page 14",
            "L1 Letter from the defendant (10 March 2025) — pages 15–16",
            "L2 Receipt — page 17",
        ],
    )


def test_second_round_continues_numbering_and_replaces_in_place(built, make_pdf):
    add_late_documents(built, [BundleDocument(make_pdf("a.pdf", 1), "First")], built, added_on=dt.date(2025, 3, 1))
    report = add_late_documents(
        built, [BundleDocument(make_pdf("b.pdf", 1), "Second")], built, added_on=dt.date(2025, 3, 2)
    )
    assert [(e.tab, e.first_page) for e in report.entries] == [("L2", 17)]  # 13 + (index + 1) + (index + 1)
    assert report.page_count == 17
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".")] == []


def test_bad_late_document_leaves_the_bundle_untouched(built, tmp_path):
    before = built.read_bytes()
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(DocumentError, match=r"empty\.pdf: is empty"):
        add_late_documents(built, [BundleDocument(tmp_path / "empty.pdf", "Empty")], built)
    assert built.read_bytes() == before


def test_cli_add_with_files_and_titles(built, make_pdf, capsys, page_text):
    late = make_pdf("late-letter.pdf", 1)
    code = main(
        ["bundle", "add", str(built), str(late), "--title", "Letter of 10 March", "--date", "2025-03-10", "--quiet"]
    )
    assert code == 0
    assert "L1" in capsys.readouterr().out
    assert "Letter of 10 March" in page_text(built, 14)


@given(st.integers(1, 2000), st.integers(1, 400), st.lists(st.integers(1, 2000), max_size=40))
def test_volume_plan_covers_every_page_once_within_the_limit(total, limit, breaks):
    plan = plan_volumes(total, limit, breaks)
    assert plan[0][0] == 1 and plan[-1][1] == total
    assert all(first <= last and last - first + 1 <= limit for first, last in plan)
    assert all(plan[n][1] + 1 == plan[n + 1][0] for n in range(len(plan) - 1))


def test_volume_plan_prefers_document_boundaries():
    assert plan_volumes(650, 300, list(range(2, 651, 50))) == [(1, 251), (252, 551), (552, 650)]
    assert plan_volumes(650, 300, []) == [(1, 300), (301, 600), (601, 650)]


def test_650_pages_split_into_three_volumes_with_continuing_numbers(tmp_path, make_pdf, page_text):
    sources = [make_pdf(f"exhibit-{n}.pdf", 59) for n in range(11)]  # 649 pages + 1 index page
    spec = BundleSpec(
        documents=[BundleDocument(p, f"Exhibit {n}", section="B") for n, p in enumerate(sources)],
        sections=[BundleSection("B", "Exhibits")],
    )
    out = tmp_path / "bundle.pdf"
    report = build_bundle(spec, out, volume_pages=300)
    assert report.page_count == 650
    assert [p.name for p in report.volumes] == [f"bundle-volume-{n}.pdf" for n in (1, 2, 3)]
    first_pages, total = [], 0
    for path in report.volumes:
        with pikepdf.open(path) as pdf:
            count = len(pdf.pages)
            assert count <= 300
            first = total + 1
            first_pages.append(first)
            assert pdf.Root.PageLabels.Nums[1].St == first
            assert f"volume {len(first_pages)} of 3" in str(pdf.docinfo.Title)
            for annots in (page.obj.get("/Annots", []) for page in pdf.pages):  # no links out of the volume
                own = {p.obj.objgen for p in pdf.pages}
                assert all(a.Dest[0].objgen in own for a in annots)
            with pdf.open_outline() as outline:
                assert len(outline.root) >= 1
            total += count
        assert str(first) in page_text(path, 1).split()  # the stamped number continues the bundle's
        assert str(total) in page_text(path, count).split()
    assert total == 650
    # splits fall between documents: each later volume starts with a document's first page
    starts = {e.first_page for e in report.entries}
    assert all(first in starts for first in first_pages[1:])


def test_cli_split_and_build_with_volumes(built, tmp_path, capsys):
    code = main(["bundle", "split", str(built), "--max-pages", "5", "--out-dir", str(tmp_path)])
    assert code == 0
    written = capsys.readouterr().out.split()
    counts = []
    for path in written:
        with pikepdf.open(path) as pdf:
            counts.append((int(pdf.Root.PageLabels.Nums[1].St), len(pdf.pages)))
    assert all(count <= 5 for _, count in counts)
    assert [start for start, _ in counts] == [1] + [s + c for s, c in counts[:-1]]
    assert sum(count for _, count in counts) == 13


def test_cli_build_with_volumes(small_bundle, tmp_path, capsys):
    out = tmp_path / "b.pdf"
    args = ["bundle", "build", str(small_bundle), "--volumes", "--volume-pages", "6", "--out", str(out), "-q"]
    assert main(args) == 0
    assert "paper volume:" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.glob("b-volume-*.pdf")) == [
        "b-volume-1.pdf",
        "b-volume-2.pdf",
        "b-volume-3.pdf",
    ]
