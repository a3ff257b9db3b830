"""Reading a bundle spec: the YAML file that says what goes in a court bundle.

Why a spec file: a caseworker assembles a trial bundle from files already on
disk (claim form, witness statements, letters). Listing them once in YAML — with
a title and a date each — makes the bundle reproducible: rebuild it after a late
witness statement and every page lands where it did before.

Format (paths relative to the spec's folder)::

    title: Trial bundle
    claim_number: K1QZ1234
    court: County Court at Leeds
    parties: Leeds City Council v Kirkgate Coffee Roasters Ltd
    hearing_date: 2025-03-14
    sections:                       # optional; defaults to A, B and C below
      - {id: A, title: Statements of case and orders}
    documents:
      - {path: claim-form.pdf, title: Claim form, date: 2025-01-10, section: A}

A section may instead carry its own ``documents:`` list (no ``section:`` keys).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...case.fields import load_yaml
from ...errors import DocumentError
from ...law import dates

DEFAULT_SECTIONS: tuple[tuple[str, str], ...] = (
    ("A", "Statements of case and orders"),
    ("B", "Witness statements and exhibits"),
    ("C", "Documents and correspondence"),
)
DEFAULT_MAX_FILE_MB = 200.0
SPEC_KEYS = {"title", "claim_number", "court", "parties", "hearing_date", "sections", "documents", "max_file_mb", "ocr"}


@dataclass(frozen=True)
class BundleSection:
    """One tab of the bundle: ``id`` is the letter printed in the index ("A")."""

    id: str
    title: str


@dataclass(frozen=True)
class BundleDocument:
    """One input file. ``section`` is a section id; empty for late additions."""

    path: Path
    title: str
    date: dt.date | None = None
    section: str = ""


@dataclass
class BundleSpec:
    """Everything needed to build one bundle; build it with ``build_bundle``."""

    documents: list[BundleDocument]
    title: str = "Trial bundle"
    claim_number: str = ""
    court: str = ""
    parties: str = ""
    hearing_date: dt.date | None = None
    sections: list[BundleSection] = field(default_factory=lambda: [BundleSection(i, t) for i, t in DEFAULT_SECTIONS])
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    ocr: bool = True
    source: Path | None = None

    def grouped(self) -> list[tuple[BundleSection, list[BundleDocument]]]:
        """Sections in order, each with its documents; empty sections are left out."""
        known = {s.id for s in self.sections}
        for doc in self.documents:
            if doc.section not in known:
                raise DocumentError(
                    f"{doc.path}: section {doc.section!r} is not one of the bundle's sections "
                    f"({', '.join(sorted(known))}); fix the document's `section:`"
                )
        groups = [(s, [d for d in self.documents if d.section == s.id]) for s in self.sections]
        return [(s, docs) for s, docs in groups if docs]

    def title_lines(self) -> list[str]:
        """The one-line description used for PDF metadata and volume titles."""
        parts = [self.title]
        if self.claim_number:
            parts.append(f"claim {self.claim_number}")
        if self.parties:
            parts.append(self.parties)
        return parts


def _fail(source: str, where: str, problem: str, fix: str) -> DocumentError:
    return DocumentError(f"{source}: {where}: {problem} — {fix}")


def parse_date(value: Any, source: str, where: str) -> dt.date | None:
    """An optional date: the project's one date parser (``law.dates.parse_date``), its refusal named here."""
    if value is None or value == "":
        return None
    try:
        return dates.parse_date(value)
    except ValueError as err:
        raise _fail(source, where, str(err), "write it as YYYY-MM-DD, e.g. 2025-01-10") from None


def _text(value: Any, source: str, where: str, required: bool = False) -> str:
    if value is None:
        value = ""
    if isinstance(value, list | tuple):
        value = " v ".join(str(v) for v in value)
    if not isinstance(value, str | int | float):
        raise _fail(source, where, "must be text", "write it as a single line of text")
    text = " ".join(str(value).split())
    if required and not text:
        raise _fail(source, where, "is missing", "give it a title")
    return text


def parse_document(item: Any, base_dir: Path, source: str, where: str, section: str = "") -> BundleDocument:
    """One ``documents:`` entry: a mapping with path and title, or a bare path."""
    if isinstance(item, str):
        item = {"path": item}
    if not isinstance(item, Mapping):
        raise _fail(source, where, "must be a mapping with `path` and `title`", "see examples/bundle/bundle.yaml")
    unknown = set(item) - {"path", "title", "date", "section"}
    if unknown:
        raise _fail(
            source, where, f"unknown key(s) {', '.join(sorted(map(str, unknown)))}", "use path, title, date and section"
        )
    raw_path = _text(item.get("path"), source, f"{where}.path")
    if not raw_path:
        raise _fail(source, f"{where}.path", "is missing", "give the document's file name")
    path = Path(raw_path).expanduser()
    if not path.is_absolute():
        path = base_dir / path
    title = _text(item.get("title"), source, f"{where}.title") or _title_from_name(path)
    return BundleDocument(
        path=path,
        title=title,
        date=parse_date(item.get("date"), source, f"{where}.date"),
        section=_text(item.get("section"), source, f"{where}.section") or section,
    )


def _title_from_name(path: Path) -> str:
    words = path.stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else path.name


def spec_from_dict(data: Any, base_dir: Path, source: str = "bundle spec") -> BundleSpec:
    """Validate a parsed spec; every error names the spec, the field and the fix."""
    if not isinstance(data, Mapping):
        raise DocumentError(
            f"{source}: must be a YAML mapping with `title` and `documents` — see examples/bundle/bundle.yaml"
        )
    unknown = set(data) - SPEC_KEYS
    if unknown:
        raise _fail(
            source, ", ".join(sorted(map(str, unknown))), "unknown key(s)", f"use only {', '.join(sorted(SPEC_KEYS))}"
        )
    sections: list[BundleSection] = []
    documents: list[BundleDocument] = []
    raw_sections = data.get("sections")
    if raw_sections is None:
        sections = [BundleSection(i, t) for i, t in DEFAULT_SECTIONS]
    elif not isinstance(raw_sections, list) or not raw_sections:
        raise _fail(source, "sections", "must be a list", "list each section with `id` and `title`")
    for n, item in enumerate(raw_sections or []):
        where = f"sections[{n}]"
        if not isinstance(item, Mapping):
            raise _fail(source, where, "must be a mapping", "give `id` and `title`")
        sid = _text(item.get("id"), source, f"{where}.id")
        if not sid:
            raise _fail(source, f"{where}.id", "is missing", "give the tab letter, e.g. A")
        if any(s.id == sid for s in sections):
            raise _fail(source, f"{where}.id", f"{sid!r} is used twice", "give each section its own id")
        sections.append(BundleSection(sid, _text(item.get("title"), source, f"{where}.title", required=True)))
        docs = item.get("documents") or []
        if not isinstance(docs, list):
            raise _fail(source, f"{where}.documents", "must be a list", "list the section's documents")
        documents += [parse_document(d, base_dir, source, f"{where}.documents[{k}]", sid) for k, d in enumerate(docs)]
    flat = data.get("documents") or []
    if not isinstance(flat, list):
        raise _fail(source, "documents", "must be a list", "list each document with `path`, `title` and `section`")
    ids = ", ".join(s.id for s in sections)
    for n, item in enumerate(flat):
        doc = parse_document(item, base_dir, source, f"documents[{n}]")
        if not doc.section:
            raise _fail(source, f"documents[{n}].section", "is missing", f"add `section:` with one of {ids}")
        if doc.section not in {s.id for s in sections}:
            raise _fail(
                source,
                f"documents[{n}].section",
                f"section {doc.section!r} is not one of the bundle's sections ({ids})",
                "fix the document's `section:` or add the section to `sections:`",
            )
        documents.append(doc)
    if not documents:
        raise _fail(source, "documents", "the bundle lists no documents", "add at least one document")
    try:
        max_mb = float(data.get("max_file_mb", DEFAULT_MAX_FILE_MB))
    except (TypeError, ValueError):
        raise _fail(source, "max_file_mb", "must be a number", "e.g. 200") from None
    spec = BundleSpec(
        documents=documents,
        sections=sections,
        title=_text(data.get("title"), source, "title") or "Trial bundle",
        claim_number=_text(data.get("claim_number"), source, "claim_number"),
        court=_text(data.get("court"), source, "court"),
        parties=_text(data.get("parties"), source, "parties"),
        hearing_date=parse_date(data.get("hearing_date"), source, "hearing_date"),
        max_file_mb=max_mb,
        ocr=bool(data.get("ocr", True)),
        source=None,
    )
    spec.grouped()  # checks every document's section now, naming the spec
    return spec


def _spec_error(source: str, where: str, problem: str, fix: str) -> DocumentError:
    return DocumentError(f"{source}: {where + ': ' if where else ''}{problem} — {fix}")


def _read_yaml(path: Path) -> Any:
    """The project's one YAML reader (``case.fields.load_yaml``: duplicate keys refused, line named)."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(f"{path}: no such bundle spec — check the file name")
    return load_yaml(path, what="bundle spec", error=_spec_error)


def load_spec(path: Path) -> BundleSpec:
    """Read and validate a bundle spec file."""
    path = Path(path)
    spec = spec_from_dict(_read_yaml(path), path.resolve().parent, str(path))
    spec.source = path
    return spec


def load_documents(path: Path) -> list[BundleDocument]:
    """Read a late-additions file: a ``documents:`` list (or a bare list) of path/title/date."""
    path = Path(path)
    data = _read_yaml(path)
    items = data.get("documents") if isinstance(data, Mapping) else data
    if not isinstance(items, list) or not items:
        raise DocumentError(f"{path}: must list `documents:` (path, title, date) — add at least one")
    base = path.resolve().parent
    return [parse_document(item, base, str(path), f"documents[{n}]") for n, item in enumerate(items)]
