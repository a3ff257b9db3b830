"""Assembling the bundle: index, documents, numbers, links, bookmarks, labels, metadata.

Why this order: the index goes first and its length fixes every page number, so
it is laid out with placeholder numbers, the documents are numbered, and then it
is drawn for real. Pages are merged with pikepdf (``Pdf.new`` + ``pages.extend``
from the already-open sources, so nothing is parsed twice), numbered from a
handful of reportlab-drawn stamp templates (see ``stamp``), and the result is
written to a temporary file that replaces ``out`` only when complete — a failed
build leaves no partial bundle.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import OutlineItem

from ...law.dates import format_date
from . import ondisk, pdfdoc
from .index import IndexHeader, IndexRow, index_page_count, page_range, render_index
from .inputs import PreparedInput, prepare_inputs
from .spec import BundleSpec
from .stamp import stamp_page_numbers

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BundleEntry:
    """Where one document landed: physical page numbers, 1-based, as stamped."""

    tab: str
    title: str
    date: dt.date | None
    section: str
    section_title: str
    first_page: int
    last_page: int
    source: Path

    @property
    def pages(self) -> str:
        return page_range(self.first_page, self.last_page)


@dataclass
class BundleReport:
    """What was built: the caller shows ``warnings`` to the caseworker."""

    path: Path
    title: str
    page_count: int
    index_pages: int
    entries: list[BundleEntry]
    warnings: list[str] = field(default_factory=list)
    textless_pages: list[int] = field(default_factory=list)
    volumes: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def _noop(stage: str, done: int, total: int) -> None:
    return None


def bookmark_title(tab: str, title: str, first: int, last: int, day: dt.date | None = None) -> str:
    """'A1 Claim form (10 January 2025) — pages 3–5': bookmarks show the page numbers."""
    when = f" ({format_date(day)})" if day else ""
    where = f"page {first}" if first == last else f"pages {page_range(first, last)}"
    return f"{tab} {title}{when} \u2014 {where}".strip()


def scan_warnings(items: list[PreparedInput], entries: list[BundleEntry]) -> tuple[list[str], list[int]]:
    """One warning per page with no text layer, naming the bundle page and the source."""
    warnings, pages = [], []
    for item, entry in zip(items, entries, strict=True):
        for index in item.textless:
            number = entry.first_page + (index - item.pages.start)
            pages.append(number)
            fix = "OCR found no text (a blank page?)" if item.ocr else "install ocrmypdf to make it searchable"
            warnings.append(
                f"page {number} ({entry.tab} {entry.title}, page {index - item.pages.start + 1} of "
                f"{entry.source.name}) has no text layer (a scan or a blank page); {fix}"
            )
    return warnings, pages


def merge(out_pdf: pikepdf.Pdf, items: list[PreparedInput], progress: Progress) -> None:
    """Copy every input's pages into ``out_pdf``, closing each source once its last pages are in.

    pikepdf copies a foreign page whole (its streams' bytes too), so a source is no longer needed
    once copied; closing it there releases its mapped file instead of holding every source to the end.
    """
    total = len(items)
    last_use = {id(item.pdf): n for n, item in enumerate(items)}
    for done, item in enumerate(items, start=1):
        if item.pages == range(len(item.pdf.pages)):
            out_pdf.pages.extend(item.pdf.pages)
        else:
            out_pdf.pages.extend(item.pdf.pages[item.pages.start : item.pages.stop])
        if last_use[id(item.pdf)] == done - 1:
            item.pdf.close()
        progress("Merging documents", done, total)


def header_for(spec: BundleSpec, heading: str = "INDEX", note: str = "") -> IndexHeader:
    hearing = f"Hearing: {format_date(spec.hearing_date)}" if spec.hearing_date else ""
    return IndexHeader(
        title=spec.title,
        court=spec.court,
        claim_number=spec.claim_number,
        parties=spec.parties,
        hearing=hearing,
        heading=heading,
        note=note,
    )


def header_info(spec: BundleSpec) -> dict[str, str]:
    """The index heading, kept in the PDF's document information for later supplementary indexes."""
    hearing = f"Hearing: {format_date(spec.hearing_date)}" if spec.hearing_date else ""
    return {
        "/CourtpackTitle": spec.title,
        "/CourtpackCourt": spec.court,
        "/CourtpackClaimNumber": spec.claim_number,
        "/CourtpackParties": spec.parties,
        "/CourtpackHearing": hearing,
    }


def build_bundle(
    spec: BundleSpec, out: Path, progress: Progress | None = None, *, volume_pages: int | None = None
) -> BundleReport:
    """Build ``spec`` into one PDF at ``out`` (and paper volumes when ``volume_pages`` is given).

    Raises ``DocumentError`` naming every unusable input before anything is written.
    """
    started = time.perf_counter()
    report = progress or _noop
    out = Path(out)
    grouped = spec.grouped()
    ordered = [doc for _, docs in grouped for doc in docs]
    with prepare_inputs(ordered, max_file_mb=spec.max_file_mb, ocr=spec.ocr, progress=report) as inputs:
        header = header_for(spec)
        placeholder: list[IndexRow] = []
        for section, docs in grouped:  # row heights depend on titles only, so page numbers can wait
            placeholder.append(IndexRow(section.id, section.title, heading=True))
            placeholder += [IndexRow(f"{section.id}{k}", doc.title) for k, doc in enumerate(docs, start=1)]
        index_pages = index_page_count(header, placeholder)

        entries: list[BundleEntry] = []
        rows: list[IndexRow] = []
        sections: list[tuple[int, int, list[BundleEntry]]] = []
        next_page = index_pages + 1
        items = iter(inputs.items)
        for section, docs in grouped:
            first_of_section, section_entries = next_page, []
            for k, doc in enumerate(docs, start=1):
                item = next(items)
                entry = BundleEntry(
                    f"{section.id}{k}",
                    doc.title,
                    doc.date,
                    section.id,
                    section.title,
                    next_page,
                    next_page + item.page_count - 1,
                    doc.path,
                )
                next_page = entry.last_page + 1
                section_entries.append(entry)
            last_of_section = next_page - 1
            rows.append(
                IndexRow(
                    section.id,
                    section.title,
                    "",
                    page_range(first_of_section, last_of_section),
                    first_of_section - 1,
                    heading=True,
                )
            )
            rows += [
                IndexRow(e.tab, e.title, format_date(e.date) if e.date else "", e.pages, e.first_page - 1)
                for e in section_entries
            ]
            sections.append((first_of_section, last_of_section, section_entries))
            entries += section_entries

        index_bytes, links = render_index(header, rows)
        index_pdf = pikepdf.open(io.BytesIO(index_bytes))
        out_pdf = pikepdf.Pdf.new()
        try:
            if len(index_pdf.pages) != index_pages:  # pragma: no cover - layout and drawing share paginate()
                raise RuntimeError("index layout changed between counting and drawing")
            if ondisk.wanted(inputs):
                out_pdf.close()
                out_pdf = ondisk.merge_on_disk(index_bytes, inputs.items, inputs.scratch, report)
            else:
                out_pdf.pages.extend(index_pdf.pages)
                merge(out_pdf, inputs.items, report)
            stamp_page_numbers(out_pdf, 0, 1, report)
            pages = list(out_pdf.pages)
            for link in links:
                pdfdoc.add_link(out_pdf, pages, link.page, link.rect, link.target)
            with out_pdf.open_outline() as outline:
                outline.root.append(
                    OutlineItem(bookmark_title("", "Index", 1, index_pages), pdfdoc.destination(pages, 0))
                )
                for (section, _), (first, last, section_entries) in zip(grouped, sections, strict=True):
                    node = OutlineItem(
                        bookmark_title(section.id, section.title, first, last), pdfdoc.destination(pages, first - 1)
                    )
                    for e in section_entries:
                        node.children.append(
                            OutlineItem(
                                bookmark_title(e.tab, e.title, e.first_page, e.last_page, e.date),
                                pdfdoc.destination(pages, e.first_page - 1),
                            )
                        )
                    outline.root.append(node)
            pdfdoc.set_page_labels(out_pdf, 1)
            pdfdoc.set_opening_view(out_pdf)
            pdfdoc.set_title(out_pdf, ", ".join(spec.title_lines()), subject="Court bundle")
            for key, value in header_info(spec).items():  # for the supplementary index of late additions
                out_pdf.docinfo[pikepdf.Name(key)] = value
            out_pdf.docinfo[pikepdf.Name("/CourtpackLateDocuments")] = 0
            page_count = len(out_pdf.pages)
            report("Writing bundle", 0, 1)
            pdfdoc.save_atomically(out_pdf, out)
            report("Writing bundle", 1, 1)
        finally:
            index_pdf.close()
            out_pdf.close()
        warnings, textless = scan_warnings(inputs.items, entries)
        warnings = inputs.warnings + warnings

    result = BundleReport(
        path=out,
        title=", ".join(spec.title_lines()),
        page_count=page_count,
        index_pages=index_pages,
        entries=entries,
        warnings=warnings,
        textless_pages=textless,
    )
    if volume_pages:
        from .volumes import split_volumes

        result.volumes = split_volumes(
            out, max_pages=volume_pages, breaks=[e.first_page for e in entries], progress=report
        )
    result.seconds = time.perf_counter() - started
    return result
