"""Building a bundle: index, links, bookmarks, page numbers, labels, opening view, metadata."""

from __future__ import annotations

import os
import re
import subprocess

import pikepdf
import pytest
from PIL import Image

from docassemble.courtpack.documents.bundle import BundleSpec, build_bundle, load_spec
from docassemble.courtpack.documents.bundle.spec import BundleDocument, BundleSection

# small_bundle: index 1 page; claim 3 (2-4), defence 2 (5-6, 6 landscape), witness 5 (7-11: 8 /Rotate 90,
# 9 /Rotate 180, 10 /Rotate 270, 11 MediaBox origin 100,200), letter 2 (12-13, 13 a scan)
EXPECTED = [("A1", 2, 4), ("A2", 5, 6), ("B1", 7, 11), ("C1", 12, 13)]


@pytest.fixture
def built(small_bundle, tmp_path, merge_mode):
    out = tmp_path / "out" / "bundle.pdf"
    out.parent.mkdir()
    report = build_bundle(load_spec(small_bundle), out)
    return out, report


def words(page_text, pdf, number):
    """(text, xMin, yMin, xMax, yMax) for each word, and the displayed page size, from pdftotext -bbox."""
    html = page_text(pdf, number, "-bbox")
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    found = [
        (m.group(5), *map(float, m.group(1, 2, 3, 4)))
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html
        )
    ]
    width, height = float(size.group(1)), float(size.group(2))
    info = subprocess.run(
        ["pdfinfo", "-f", str(number), "-l", str(number), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    if re.search(rf"Page +{number} rot: +(90|270)", info):  # -bbox words are as displayed, the page size is not
        width, height = height, width
    return found, width, height


def test_report_gives_page_ranges(built):
    out, report = built
    assert [(e.tab, e.first_page, e.last_page) for e in report.entries] == EXPECTED
    assert report.page_count == 13 and report.index_pages == 1
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 13


def test_index_is_page_one_and_lists_sections_documents_dates_and_pages(built, page_text):
    out, _ = built
    text = page_text(out, 1, "-layout")
    for expected in (
        "IN THE COUNTY COURT AT LEEDS",
        "Claim number: K1QZ1234",
        "TRIAL BUNDLE",
        "Hearing: 14 March 2025",
        "Leeds City Council v Kirkgate Coffee Roasters Ltd",
        "INDEX",
    ):
        assert expected in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "A Statements of case and orders 2–6" in lines
    assert "A1 Claim form and particulars of claim 10 January 2025 2–4" in lines
    assert "A2 Defence 3 February 2025 5–6" in lines
    assert "B Witness statements and exhibits 7–11" in lines
    assert "B1 Witness statement of Hannah Clarke 7–11" in lines
    assert "C1 Letter before claim 1 November 2024 12–13" in lines
    assert "Claim form page 1" in page_text(out, 2)  # the first document follows the index


def test_each_index_row_links_to_its_first_page(built, page_text):
    out, _ = built
    with pikepdf.open(out) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        links = sorted(pdf.pages[0].obj.Annots, key=lambda a: -float(a.Rect[3]))  # top to bottom
        targets = [index[a.Dest[0].objgen] + 1 for a in links]
        assert all(a.Subtype == pikepdf.Name.Link and a.Dest[1] == pikepdf.Name.XYZ for a in links)
    # rows: A, A1, A2, B, B1, C, C1
    assert targets == [2, 2, 5, 7, 7, 12, 12]
    # the rotated target's view point is the displayed top-left corner
    assert "Defence page 1" in page_text(out, targets[2])


def test_bookmarks_for_every_section_and_document_show_page_numbers(built):
    out, _ = built
    with pikepdf.open(out) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        with pdf.open_outline() as outline:
            top = [
                (
                    item.title,
                    index[item.destination[0].objgen] + 1,
                    [(child.title, index[child.destination[0].objgen] + 1) for child in item.children],
                )
                for item in outline.root
            ]
    assert top == [
        ("Index — page 1", 1, []),
        (
            "A Statements of case and orders — pages 2–6",
            2,
            [
                ("A1 Claim form and particulars of claim (10 January 2025) — pages 2–4", 2),
                ("A2 Defence (3 February 2025) — pages 5–6", 5),
            ],
        ),
        (
            "B Witness statements and exhibits — pages 7–11",
            7,
            [("B1 Witness statement of Hannah Clarke — pages 7–11", 7)],
        ),
        (
            "C Documents and correspondence — pages 12–13",
            12,
            [("C1 Letter before claim (1 November 2024) — pages 12–13", 12)],
        ),
    ]


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        (1, "index"),
        (4, "portrait"),
        (6, "landscape"),
        (8, "rotate 90"),
        (9, "rotate 180"),
        (10, "rotate 270"),
        (11, "origin 100,200"),
        (13, "scan"),
    ],
)
def test_page_number_is_stamped_upright_at_the_bottom_centre(built, page_text, number, kind):
    out, _ = built
    found, width, height = words(page_text, out, number)
    stamps = [w for w in found if w[0] == str(number)]
    assert stamps, f"no page number {number} on the {kind} page"
    _, x0, y0, x1, y1 = stamps[-1]
    assert height - 30 < y0 < y1 <= height, kind  # in the bottom margin of the page as displayed
    assert abs((x0 + x1) / 2 - width / 2) < 3, kind  # centred
    if number >= 10:  # two digits side by side: wider than tall, so the number reads left to right
        assert x1 - x0 > y1 - y0, kind


def test_page_labels_opening_view_and_title(built):
    out, _ = built
    with pikepdf.open(out) as pdf:
        nums = list(pdf.Root.PageLabels.Nums)
        assert nums[0] == 0 and nums[1].S == pikepdf.Name.D and nums[1].get("/St", 1) == 1 and len(nums) == 2
        action = pdf.Root.OpenAction
        assert action[0].objgen == pdf.pages[0].obj.objgen and action[1] == pikepdf.Name.XYZ and action[4] == 1
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines
        title = "Trial bundle, claim K1QZ1234, Leeds City Council v Kirkgate Coffee Roasters Ltd"
        assert str(pdf.docinfo.Title) == title
        assert pdf.open_metadata()["dc:title"] == title
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Trial bundle, claim K1QZ1234" in info


def test_scanned_page_is_reported_when_ocrmypdf_is_missing(small_bundle, tmp_path, monkeypatch):
    from docassemble.courtpack.documents.bundle import textlayer

    monkeypatch.setattr(textlayer, "ocr_program", lambda: None)  # absent, whatever this machine has installed
    report = build_bundle(load_spec(small_bundle), tmp_path / "b.pdf")
    assert report.textless_pages == [13]
    (warning,) = report.warnings
    assert "page 13" in warning and "letter.pdf" in warning and "no text layer" in warning
    assert "install ocrmypdf" in warning


def test_ocrmypdf_is_run_on_sources_with_scans_when_installed(small_bundle, tmp_path, monkeypatch, merge_mode):
    tools = tmp_path / "tools"
    tools.mkdir()
    marker = tmp_path / "ocr-ran"
    fake = tools / "ocrmypdf"
    fake.write_text(
        f'#!/bin/sh\nfor a in "$@"; do prev="$last"; last="$a"; done\ncp "$prev" "$last"\necho "$prev" >> "{marker}"\n'
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    report = build_bundle(load_spec(small_bundle), tmp_path / "b.pdf")
    assert len(marker.read_text().splitlines()) == 1  # only letter.pdf has a scanned page
    assert report.textless_pages == [13]  # the fake OCR added no text
    assert "OCR found no text" in report.warnings[0]
    with pikepdf.open(tmp_path / "b.pdf") as pdf:  # index 1 + 3 + 2 + 5 + 2 pages (see EXPECTED)
        assert len(pdf.pages) == 13


def test_sections_with_their_own_document_lists(tmp_path, page_text, make_pdf, write_spec):
    make_pdf("order.pdf", 1, "Order")
    make_pdf("note.pdf", 2, "Attendance note")
    spec = write_spec(
        {
            "title": "Hearing bundle",
            "sections": [
                {
                    "id": "1",
                    "title": "Orders",
                    "documents": [{"path": "order.pdf", "title": "Order", "date": "2025-01-02"}],
                },
                {"id": "2", "title": "Empty section"},
                {"id": "3", "title": "Notes", "documents": ["note.pdf"]},
            ],
        }
    )
    report = build_bundle(load_spec(spec), tmp_path / "b.pdf")
    assert [(e.tab, e.title, e.pages) for e in report.entries] == [("11", "Order", "2"), ("31", "Note", "3–4")]
    assert "Empty section" not in page_text(tmp_path / "b.pdf", 1)


def test_long_index_runs_over_several_pages_and_numbers_follow_it(tmp_path, page_text, make_pdf):
    source = make_pdf("one.pdf", 1)
    docs = [
        BundleDocument(
            source,
            f"Exhibit {n}: a letter from the council to the defendant about the arrears "
            "of rent, with a long title that wraps onto a second line",
            section="A",
        )
        for n in range(80)
    ]
    spec = BundleSpec(documents=docs, sections=[BundleSection("A", "Exhibits")])
    report = build_bundle(spec, tmp_path / "b.pdf")
    assert report.index_pages > 1
    assert report.entries[0].first_page == report.index_pages + 1
    assert report.entries[-1].last_page == report.page_count == report.index_pages + 80
    last_index = page_text(tmp_path / "b.pdf", report.index_pages)
    assert "INDEX (continued)" in last_index and f"{report.page_count}" in last_index


def test_images_become_a4_pages(tmp_path, page_text):
    Image.new("RGB", (1600, 1000), "navy").save(tmp_path / "photo.jpg", "JPEG")
    Image.new("RGBA", (300, 500), (0, 128, 0, 255)).save(tmp_path / "plan.png")
    spec = BundleSpec(
        documents=[
            BundleDocument(tmp_path / "photo.jpg", "Photograph of the shop", section="C"),
            BundleDocument(tmp_path / "plan.png", "Plan", section="C"),
        ]
    )
    report = build_bundle(spec, tmp_path / "b.pdf")
    with pikepdf.open(tmp_path / "b.pdf") as pdf:
        photo, plan = pdf.pages[1], pdf.pages[2]
        assert [round(float(v)) for v in photo.mediabox] == [0, 0, 842, 595]  # landscape A4 for a wide photo
        assert [round(float(v)) for v in plan.mediabox] == [0, 0, 595, 842]
    assert report.textless_pages == [2, 3]
    assert "2" in page_text(tmp_path / "b.pdf", 2).split()


def test_images_either_side_of_a_pdf_all_reach_the_bundle(tmp_path, make_pdf, page_text, merge_mode):
    """Every image is a page of ONE converted PDF, and a source is closed as soon as its last page is
    merged: the PDF between the two images must not close the images' PDF before the plan is in."""
    Image.new("RGB", (1600, 1000), "navy").save(tmp_path / "photo.jpg", "JPEG")
    make_pdf("letter.pdf", 2, label="Letter")
    Image.new("RGB", (300, 500), "green").save(tmp_path / "plan.png")
    spec = BundleSpec(
        documents=[
            BundleDocument(tmp_path / "photo.jpg", "Photograph of the shop", section="C"),
            BundleDocument(tmp_path / "letter.pdf", "Letter", section="C"),
            BundleDocument(tmp_path / "plan.png", "Plan", section="C"),
        ]
    )
    report = build_bundle(spec, tmp_path / "b.pdf")
    # index page 1; photo page 2; letter pages 3-4; plan page 5
    assert [(e.first_page, e.last_page) for e in report.entries] == [(2, 2), (3, 4), (5, 5)]
    assert "Letter page 2" in page_text(tmp_path / "b.pdf", 4)
    with pikepdf.open(tmp_path / "b.pdf") as pdf:
        plan = pdf.pages[4]
        assert [round(float(v)) for v in plan.mediabox] == [0, 0, 595, 842]  # portrait A4 for a tall plan
        images = [x for _, x in plan.obj.Resources.XObject.items() if x.get("/Subtype") == pikepdf.Name.Image]
        assert len(images) == 1 and (int(images[0].Width), int(images[0].Height)) == (300, 500)


@pytest.mark.slow
def test_docx_input_is_converted_with_libreoffice(tmp_path, page_text, make_pdf):
    import docx  # python-docx, pinned by docassemble.base

    document = docx.Document()
    document.add_paragraph("Witness statement of Hannah Clarke, Senior Income Officer.")
    document.save(tmp_path / "statement.docx")
    document = docx.Document()
    document.add_paragraph("Second statement.")
    (tmp_path / "other").mkdir()
    document.save(tmp_path / "other" / "statement.docx")  # same stem: converted in the same batch
    make_pdf("claim.pdf", 1)
    spec = BundleSpec(
        documents=[
            BundleDocument(tmp_path / "claim.pdf", "Claim form", section="A"),
            BundleDocument(tmp_path / "statement.docx", "Witness statement", section="B"),
            BundleDocument(tmp_path / "other" / "statement.docx", "Reply", section="B"),
        ]
    )
    report = build_bundle(spec, tmp_path / "b.pdf")
    assert [e.first_page for e in report.entries] == [2, 3, 4]
    assert "Witness statement of Hannah Clarke" in page_text(tmp_path / "b.pdf", 3)
    assert "Second statement." in page_text(tmp_path / "b.pdf", 4)
    assert report.warnings == []


def test_progress_is_reported_per_stage(small_bundle, tmp_path):
    seen = []
    build_bundle(load_spec(small_bundle), tmp_path / "b.pdf", progress=lambda s, d, t: seen.append((s, d, t)))
    assert ("Stamping pages", 13, 13) in seen
    assert seen[-1] == ("Writing bundle", 1, 1)


def test_pages_sharing_one_resources_dictionary_each_get_their_own_number(tmp_path, make_pdf, page_text):
    source = make_pdf("shared.pdf", 3)
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        shared = pdf.make_indirect(pdf.pages[0].obj.Resources)
        for page in pdf.pages:
            page.obj.Resources = shared
        pdf.save(source)
    build_bundle(BundleSpec(documents=[BundleDocument(source, "Shared", section="A")]), tmp_path / "b.pdf")
    for number in (2, 3, 4):
        found, _, height = words(page_text, tmp_path / "b.pdf", number)
        assert [w[0] for w in found if w[2] > height - 30] == [str(number)]
    with pikepdf.open(source) as pdf:  # the source file itself is never modified
        assert "/CourtpackNo" not in pdf.pages[0].obj.Resources.get("/XObject", {})


def test_a_bundle_inside_a_bundle_is_renumbered_over_its_own_numbers(built, tmp_path, page_text):
    out, _ = built
    report = build_bundle(
        BundleSpec(documents=[BundleDocument(out, "Earlier bundle", section="A")]), tmp_path / "outer.pdf"
    )
    assert report.page_count == 14
    # the outer stamp (2, on its white box) is drawn over the inner one (1) at the same place
    assert {"2", "1"} <= set(page_text(tmp_path / "outer.pdf", 2).split())
    with pikepdf.open(tmp_path / "outer.pdf") as pdf:
        assert {"/CourtpackNo", "/CourtpackNo2"} <= set(pdf.pages[1].obj.Resources.XObject.keys())


@pytest.mark.slow
def test_example_spec_builds(tmp_path, page_text):
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "examples" / "bundle" / "bundle.yaml"
    report = build_bundle(load_spec(example), tmp_path / "bundle.pdf")
    assert [e.tab for e in report.entries] == ["A1", "A2", "B1", "C1", "C2"]
    assert "PARTICULARS OF CLAIM" in page_text(tmp_path / "bundle.pdf", report.entries[0].first_page)
    assert report.warnings == []


def test_cli_progress_bar_draws_stages(monkeypatch):
    from docassemble.courtpack.cli import bundle as cli_bundle

    monkeypatch.setattr(cli_bundle, "SHOW_AFTER_SECONDS", 0.0)
    bar = cli_bundle.ProgressBar(enabled=True)
    bar("Stamping pages", 340, 1000)
    bar("Stamping pages", 1000, 1000)
    assert bar.bar is not None and bar.bar.tasks[0].description == "Stamping pages"
    assert bar.bar.tasks[0].completed == 1000
    bar.close()


def test_welsh_letters_in_the_index_use_an_embedded_unicode_font(tmp_path, make_pdf, page_text):
    source = make_pdf("llythyr.pdf", 1)
    spec = BundleSpec(
        documents=[BundleDocument(source, "Llythyr gan Gyngor Gwynedd at Mr Ŵyn", section="C")],
        parties="Cyngor Gwynedd v Siôn Ŵyn",
    )
    build_bundle(spec, tmp_path / "b.pdf")
    assert "Llythyr gan Gyngor Gwynedd at Mr Ŵyn" in page_text(tmp_path / "b.pdf", 1)
    fonts = subprocess.run(
        ["pdffonts", "-l", "1", str(tmp_path / "b.pdf")], capture_output=True, text=True, check=True
    ).stdout
    embedded = [line for line in fonts.splitlines() if "TrueType" in line and " yes yes yes " in line]
    assert embedded, f"no embedded Unicode font (install fonts-liberation2 or fonts-dejavu-core):\n{fonts}"
