"""Choosing a bundle's documents: from those the register recorded for the case, plus uploads.

Why not a folder or a spec file: a path typed on the server would let a user bundle any file the
server can read (other users' documents, other sessions' folders). The register knows which
documents were produced for the case and the document store keeps each one (``recorded.py``);
uploads arrive as docassemble files. Each chosen document gets a section, title and date (prefilled:
section and title from its name, date from when it was recorded), and within each section the
documents are in date order.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..case import Case
from ..documents.bundle import BundleDocument, BundleSpec
from ..documents.bundle.inputs import KINDS
from ..documents.bundle.spec import DEFAULT_SECTIONS
from ..errors import DocumentError
from ..headless import server
from ..headless.context import running_headless
from ..law.dates import format_date
from .bundle import section_for
from .cases import register_url
from .common import as_date
from .recorded import RecordedFile, recorded_files

__all__ = ["BundleItem", "bundle_items_for", "detail_fields", "plan_bundle", "recorded_choices"]

log = logging.getLogger(__name__)
SECTIONS = dict(DEFAULT_SECTIONS)
# what a trial bundle normally holds (PD 39A 3.2): statements of case, orders, witness statements and the
# correspondence relied on; not requests for judgment, enforcement papers or covering letters to the court
TRIAL_KINDS = frozenset({"letter before claim", "claim", "witness statement", "order", "defence", "directions"})


@dataclass(frozen=True)
class BundleItem:
    """One document chosen for the bundle, with the section, title and date offered for it."""

    key: str  # "r<register document id>" or "u<upload number>"
    path: Path
    title: str
    section: str
    date: dt.date | None


def _title(file_name: str, reference: str) -> str:
    stem = Path(file_name).stem
    if stem.startswith(f"{reference} "):
        stem = stem[len(reference) + 1 :]
    stem = " ".join(stem.split())
    return stem[:1].upper() + stem[1:]


def _candidates(case: Case) -> list[RecordedFile]:
    """The case's recorded documents a bundle can hold: one copy each, no earlier bundles, and a
    statement's 'with exhibits' PDF instead of the bare statement."""
    files = [
        f
        for f in recorded_files(str(register_url()), case.reference)
        if f.path.suffix.lower() in KINDS and "bundle" not in f.file_name.lower()
    ]
    names = {f.file_name for f in files}
    latest: dict[str, RecordedFile] = {}
    for f in files:  # oldest first: a document recorded again (same name) keeps its latest copy
        stem = Path(f.file_name).stem
        if f"{stem} with exhibits.pdf" in names:
            continue
        if f.path.suffix.lower() != ".pdf" and f"{stem}.pdf" in names:  # the editable DOCX of a PDF recorded too
            continue
        latest[f.file_name] = f
    return list(latest.values())


def _for_trial(f: RecordedFile) -> bool:
    return f.kind in TRIAL_KINDS and "covering letter" not in f.file_name.lower()


def recorded_choices(case: Case) -> list[dict[str, Any]]:
    """Checkbox choices of the documents recorded for the case; those a trial bundle holds are ticked."""
    return [
        {
            "value": f"r{f.id}",
            "label": f"{f.file_name} ({f.kind}, dated {_day(f.stated_on or f.created_at)})",
            "default": _for_trial(f),
        }
        for f in _candidates(case)
    ]


def _day(value: Any) -> str:
    return format_date(value.date() if isinstance(value, dt.datetime) else value)


def _ticked(value: Any, every: list[str], trial: list[str]) -> list[str]:
    """The ticked keys; an answers file may say ``"all"`` (every recorded document) or ``"trial"`` (those a
    trial bundle holds, as ticked on the screen)."""
    if value == "all":
        return every
    if value == "trial":
        return trial
    if isinstance(value, dict) or hasattr(value, "items"):
        return [str(k) for k, v in value.items() if v]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


def _uploads(value: Any) -> list[tuple[Path, str]]:
    """Uploaded files as (path, original name): docassemble files; plain paths only in a headless run."""
    if value is None or value is False or value == "" or value == []:
        return []
    items = list(value) if isinstance(value, list | tuple) or hasattr(value, "elements") else [value]
    found: list[tuple[Path, str]] = []
    for item in items:
        if hasattr(item, "path") and callable(item.path):
            found += list(server.uploaded_paths(item))
        elif running_headless() is not None:
            found.append((Path(str(item)), Path(str(item)).name))
        else:
            log.warning("refused a bundle upload that is not a docassemble file: %r", item)
            raise DocumentError("bundle_uploads: upload each document; a path on the server is not accepted")
    return found


def bundle_items_for(case: Case, picked: Any, uploads: Any) -> list[BundleItem]:
    """The chosen recorded documents and the uploads, each with its prefilled section, title and date."""
    recorded = {f"r{f.id}": f for f in _candidates(case)}
    wanted = set(_ticked(picked, list(recorded), [k for k, f in recorded.items() if _for_trial(f)]))
    unknown = wanted - set(recorded)
    if unknown:
        raise DocumentError(
            f"case {case.reference}: {', '.join(sorted(unknown))} is not a document recorded for "
            "this case; choose from the list"
        )
    items = []
    for key, f in recorded.items():
        if key in wanted:
            title = _title(f.file_name, case.reference)
            created = f.created_at.date() if isinstance(f.created_at, dt.datetime) else None
            items.append(BundleItem(key, f.path, title, section_for(title)[0], f.stated_on or created))
    for number, (path, name) in enumerate(_uploads(uploads), start=1):
        title = _title(name, case.reference)
        items.append(BundleItem(f"u{number}", path, title, section_for(title)[0], None))
    if not items:
        raise DocumentError(f"case {case.reference}: choose at least one document for the bundle, or upload one")
    return items


def detail_fields(items: list[BundleItem]) -> list[dict[str, Any]]:
    """The fields of the 'section, title and date' screen: three per document, prefilled."""
    choices = [{"label": f"{key} — {title}", "value": key} for key, title in SECTIONS.items()]
    fields: list[dict[str, Any]] = []
    for item in items:
        fields.append(
            {
                "label": f"Section of {item.title}",
                "field": f"bundle_section['{item.key}']",
                "input type": "dropdown",
                "choices": choices,
                "default": item.section,
            }
        )
        fields.append({"label": "Title", "field": f"bundle_title['{item.key}']", "default": item.title})
        fields.append(
            {
                "label": "Date",
                "field": f"bundle_date['{item.key}']",
                "datatype": "date",
                "required": False,
                "default": item.date.isoformat() if item.date else "",
            }
        )
    return fields


def plan_bundle(
    case: Case,
    items: list[BundleItem],
    sections: Any,
    titles: Any,
    dates: Any,
    claim_number: Any = "",
    court: Any = "",
    hearing_date: Any = None,
    title: str = "Trial bundle",
) -> BundleSpec:
    """The bundle to build: each document in its section, in date order within the section (undated last)."""
    documents = []
    for item in items:
        section = str(sections.get(item.key) or item.section).strip()
        if section not in SECTIONS:
            raise DocumentError(f"bundle_section[{item.key}]: {section!r} is not one of {', '.join(SECTIONS)}")
        name = " ".join(str(titles.get(item.key) or item.title).split())
        raw = dates.get(item.key) if item.key in dates else item.date
        day = as_date(raw, f"bundle_date[{item.key}]") if raw else None
        documents.append(BundleDocument(path=item.path, title=name, date=day, section=section))
    documents.sort(key=lambda d: (d.section, d.date is None, d.date or dt.date.min, d.title))
    parties = " and ".join(d.name for d in case.debtors)
    return BundleSpec(
        documents=documents,
        title=title,
        claim_number=" ".join(str(claim_number or "").split()),
        court=" ".join(str(court or "").split()),
        parties=f"{case.claimant.name} v {parties}",
        hearing_date=as_date(hearing_date, "hearing_date") if hearing_date else None,
    )
