"""Late additions: documents appended after the last page, earlier pages untouched.

Why append: once a bundle has been lodged, every party, advocate and the judge
refers to its page numbers. The guidance says late documents go at the end
without re-paginating. courtpack appends a supplementary index page (listing
the additions with their pages, each a link) followed by the documents,
numbered on from the last page; earlier pages, their numbers and their content
streams are left exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Sequence
from pathlib import Path

import pikepdf
from pikepdf import Name, OutlineItem

from ...errors import DocumentError
from ...law.dates import format_date
from . import pdfdoc
from .build import BundleEntry, BundleReport, Progress, _noop, bookmark_title, merge, scan_warnings
from .index import IndexHeader, IndexRow, index_page_count, page_range, render_index
from .inputs import open_pdf, prepare_inputs
from .spec import DEFAULT_MAX_FILE_MB, BundleDocument
from .stamp import stamp_page_numbers

LATE_COUNT = Name("/CourtpackLateDocuments")
LATE_SECTION = "Late additions"


def _open_bundle(bundle: Path) -> pikepdf.Pdf:
    bundle = Path(bundle)
    if not bundle.is_file():
        raise DocumentError(f"{bundle}: no such bundle — build it first with `courtpack bundle build`")
    pdf, problem = open_pdf(bundle)
    if problem:
        raise DocumentError(f"{bundle}: {problem}")
    return pdf


def add_late_documents(
    bundle: Path,
    documents: Sequence[BundleDocument],
    out: Path,
    progress: Progress | None = None,
    *,
    added_on: dt.date | None = None,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    ocr: bool = True,
) -> BundleReport:
    """Append ``documents`` to ``bundle`` behind a supplementary index; write the result to ``out``.

    ``out`` may be ``bundle`` itself (replaced atomically). Returns a report whose
    entries are the late documents only.
    """
    started = time.perf_counter()
    report = progress or _noop
    if not documents:
        raise DocumentError(f"{bundle}: no late documents given — name at least one file to add")
    added_on = added_on or dt.date.today()
    pdf = _open_bundle(bundle)
    try:
        with prepare_inputs(documents, max_file_mb=max_file_mb, ocr=ocr, progress=report) as inputs:
            existing = len(pdf.pages)
            done_before = int(pdf.docinfo.get(LATE_COUNT, 0))
            title = str(pdf.docinfo.get(Name.Title, "")) or Path(bundle).stem
            saved = {
                key: str(pdf.docinfo.get(Name(key), ""))
                for key in ("/CourtpackTitle", "/CourtpackCourt", "/CourtpackClaimNumber", "/CourtpackParties")
            }
            header = IndexHeader(
                title=saved["/CourtpackTitle"] or title,
                court=saved["/CourtpackCourt"],
                claim_number=saved["/CourtpackClaimNumber"],
                parties=saved["/CourtpackParties"],
                heading="SUPPLEMENTARY INDEX",
                note=(
                    f"Documents added on {format_date(added_on)}, after the bundle was paginated. "
                    f"Pages 1\u2013{existing} are unchanged."
                ),
            )
            section = f"{LATE_SECTION} ({format_date(added_on)})"
            placeholder = [IndexRow("", section, heading=True)]
            placeholder += [IndexRow(f"L{done_before + k}", d.title) for k, d in enumerate(documents, start=1)]
            sup_pages = index_page_count(header, placeholder)

            entries: list[BundleEntry] = []
            next_page = existing + sup_pages + 1
            for k, (doc, item) in enumerate(zip(documents, inputs.items, strict=True), start=1):
                entries.append(
                    BundleEntry(
                        f"L{done_before + k}",
                        doc.title,
                        doc.date,
                        "L",
                        section,
                        next_page,
                        next_page + item.page_count - 1,
                        doc.path,
                    )
                )
                next_page = entries[-1].last_page + 1
            first, last = existing + 1, next_page - 1
            rows = [IndexRow("", section, "", page_range(first, last), first - 1, heading=True)]
            rows += [
                IndexRow(e.tab, e.title, format_date(e.date) if e.date else "", e.pages, e.first_page - 1)
                for e in entries
            ]
            index_bytes, links = render_index(header, rows)
            index_pdf = pikepdf.open(io.BytesIO(index_bytes))
            try:
                pdf.pages.extend(index_pdf.pages)
                merge(pdf, inputs.items, report)
                stamp_page_numbers(pdf, existing, existing + 1, report)
                pages = list(pdf.pages)
                for link in links:
                    pdfdoc.add_link(pdf, pages, existing + link.page, link.rect, link.target)
                with pdf.open_outline() as outline:
                    node = OutlineItem(bookmark_title("", section, first, last), pdfdoc.destination(pages, first - 1))
                    node.children.append(
                        OutlineItem(
                            bookmark_title("", "Supplementary index", first, first + sup_pages - 1),
                            pdfdoc.destination(pages, first - 1),
                        )
                    )
                    for e in entries:
                        node.children.append(
                            OutlineItem(
                                bookmark_title(e.tab, e.title, e.first_page, e.last_page, e.date),
                                pdfdoc.destination(pages, e.first_page - 1),
                            )
                        )
                    outline.root.append(node)
                pdfdoc.set_page_labels(pdf, 1)
                pdf.docinfo[LATE_COUNT] = done_before + len(documents)
                page_count = len(pdf.pages)
                report("Writing bundle", 0, 1)
                pdfdoc.save_atomically(pdf, out)
                report("Writing bundle", 1, 1)
            finally:
                index_pdf.close()
            warnings, textless = scan_warnings(inputs.items, entries)
            warnings = inputs.warnings + warnings
    finally:
        pdf.close()
    return BundleReport(
        path=Path(out),
        title=title,
        page_count=page_count,
        index_pages=sup_pages,
        entries=entries,
        warnings=warnings,
        textless_pages=textless,
        seconds=time.perf_counter() - started,
    )
