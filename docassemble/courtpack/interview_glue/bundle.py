"""Glue for ``court_bundle.yml``: a case's generated documents in, one court bundle PDF out.

Two ways to say what goes in: a folder of documents courtpack generated for the
case (picked by file name into sections A, B and C), or a bundle spec file
(``documents/bundle/spec.py``) for full control. Either way the bundle itself
is built by ``documents.bundle.build_bundle``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..case import Case
from ..documents.bundle import BundleDocument, BundleReport, BundleSpec, build_bundle, load_spec
from ..documents.render import safe_file_name
from ..errors import DocumentError
from .common import as_date, record_documents

__all__ = [
    "SOURCES",
    "STATEMENTS_OF_CASE",
    "WITNESS",
    "bundle_contents",
    "bundle_path",
    "bundle_spec",
    "case_documents",
    "make_bundle",
    "section_for",
]

SOURCES = ("folder", "spec")
# Section A: statements of case and orders, in the order a judge reads them (PD 39A 3.2)
STATEMENTS_OF_CASE = (
    "claim form",
    "particulars of claim",
    "defence",
    "reply to defence",
    "notice of issue",
    "judgment",
    "order",
)
WITNESS = ("witness statement", "exhibit")


def section_for(title: str) -> tuple[str, int]:
    """(section id, rank within the section) for a document title, from its words."""
    lowered = title.lower()
    for rank, words in enumerate(WITNESS):
        if words in lowered:
            return "B", rank
    if "questionnaire" not in lowered and "application" not in lowered and "request" not in lowered:
        for rank, words in enumerate(STATEMENTS_OF_CASE):
            if re.search(rf"\b{words}\b", lowered):
                return "A", rank
    return "C", 0


def case_documents(case: Case, folder: Path) -> list[BundleDocument]:
    """The case's generated PDFs in ``folder`` ('<reference> …pdf'), each placed in section A, B or C.

    A witness statement's 'with exhibits' PDF is used instead of the bare statement;
    earlier bundles and partial files are left out.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DocumentError(
            f"{folder}: no such folder of documents — give the folder the case's documents were written to"
        )
    prefix = f"{case.reference} "
    pdfs = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() == ".pdf" and p.name.startswith(prefix) and "bundle" not in p.name.lower()
    )
    names = {p.name for p in pdfs}
    picked = []
    for pdf in pdfs:
        if f"{pdf.stem} with exhibits.pdf" in names:
            continue  # the statement is in its 'with exhibits' PDF
        title = pdf.stem[len(prefix) :].strip()
        title = title[:1].upper() + title[1:]
        section, rank = section_for(title)
        picked.append((section, rank, title, pdf))
    if not picked:
        raise DocumentError(
            f"{folder}: holds no PDF documents for case {case.reference} (their names start "
            f"'{prefix}'); produce the documents first or use a bundle spec file"
        )
    picked.sort(key=lambda item: (item[0], item[1], item[2]))
    return [BundleDocument(path=pdf, title=title, section=section) for section, _, title, pdf in picked]


def bundle_spec(
    case: Case,
    source: str,
    folder: Any = None,
    spec_file: Any = None,
    claim_number: Any = "",
    court: Any = "",
    hearing_date: Any = None,
    title: str = "Trial bundle",
) -> BundleSpec:
    """The bundle to build: from a folder of the case's documents, or from a spec file."""
    if source not in SOURCES:
        raise DocumentError(f"bundle_source: {source!r} is not one of {', '.join(SOURCES)}")
    if source == "spec":
        return load_spec(Path(str(spec_file)))
    parties = " and ".join(d.name for d in case.debtors)
    return BundleSpec(
        documents=case_documents(case, Path(str(folder))),
        title=title,
        claim_number=" ".join(str(claim_number or "").split()),
        court=" ".join(str(court or "").split()),
        parties=f"{case.claimant.name} v {parties}",
        hearing_date=as_date(hearing_date, "hearing_date") if hearing_date else None,
    )


def bundle_contents(spec: BundleSpec) -> str:
    """Markdown list of sections and documents, for the check screen."""
    lines = []
    for section, documents in spec.grouped():
        lines.append(f"**{section.id} {section.title}**\n")
        lines += [f"{n}. {doc.title}" for n, doc in enumerate(documents, start=1)]
        lines.append("")
    return "\n".join(lines)


def bundle_path(case: Case, spec: BundleSpec, output_dir: Any) -> Path:
    return Path(str(output_dir)) / safe_file_name(f"{case.reference} {spec.title.lower()}.pdf")


def make_bundle(case: Case, spec: BundleSpec, output_dir: Any) -> tuple[list[str], list[str]]:
    """Build the bundle into ``output_dir``; returns ([bundle path], warnings for the end screen)."""
    report: BundleReport = build_bundle(spec, bundle_path(case, spec, output_dir))
    stated = {"claim_number": spec.claim_number} if spec.claim_number else {}
    record_documents(case, "court bundle", [str(report.path)], facts=stated)
    return [str(report.path)], list(report.warnings)
