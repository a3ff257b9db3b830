"""Court form specs: one YAML file per form in ``court_forms/``, loaded and checked here.

Why data: a form's sections, labels, legal basis and official field names change with each
HMCTS edition. Keeping them in a spec means a new edition is a data change a reviewer can read
against the printed form, and both renderers (courtpack's own PDF and the official AcroForm
fill) work from the same list of fields, so neither can silently drop one.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...case.fields import load_yaml
from ...errors import DocumentError
from ...resources import data_dir

KINDS = ("text", "multiline", "money", "date", "check", "choice", "address", "number")
CONTEMPT = (
    "I understand that proceedings for contempt of court may be brought against anyone who makes, or "
    "causes to be made, a false statement in a document verified by a statement of truth without an "
    "honest belief in its truth."
)


def statement_of_truth(document: str, party: str | None = None) -> str:
    """The statement of truth in force since 6 April 2020 (CPR 22, PD 22 para 2.1), exactly.

    ``party`` None: "I believe ..."; otherwise "The claimant believes ..." for a party that is a
    body (a council), signed by an authorised officer.
    """
    opening = "I believe" if not party else f"The {party} believes"
    return f"{opening} that the facts stated in this {document} are true. {CONTEMPT}"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str = "text"
    source: str = ""  # where the value comes from (case path, law result or interview answer)
    required: bool = False
    help: str = ""
    options: dict[str, str] = field(default_factory=dict)  # choice: value -> label
    official: Any = None  # AcroForm field name, or a dict (dates, addresses, choices)
    official_format: str = ""  # "plain" money without £ (the form prints the £ sign)


@dataclass(frozen=True)
class SectionSpec:
    title: str
    fields: tuple[FieldSpec, ...]
    text: str = ""  # the form's printed wording for the section (declarations, certificates)


@dataclass(frozen=True)
class OfficialSpec:
    file: str
    source: str
    sha256: str
    source_confirmed: bool = False
    note: str = ""


@dataclass(frozen=True)
class FormSpec:
    number: str
    title: str
    edition: str  # the edition alone ("04.14"), as printed on documents
    rule: str
    sections: tuple[SectionSpec, ...]
    statement_of_truth: dict[str, str] | None = None  # {document, party}
    official: OfficialSpec | None = None
    notes: tuple[str, ...] = ()
    path: Path | None = None
    file_title: str = ""  # short title for file names ("request for judgment")
    edition_verified: bool = False  # confirmed against the court's published form (listed when not)
    edition_source: str = ""

    @property
    def fields(self) -> list[FieldSpec]:
        return [f for s in self.sections for f in s.fields]

    def field(self, key: str) -> FieldSpec:
        for item in self.fields:
            if item.key == key:
                return item
        raise DocumentError(f"form {self.number}: the spec has no field {key!r}")

    @property
    def file_label(self) -> str:
        """``N1 claim form`` — used in output file names."""
        title = self.file_title or f"{self.title[0].lower()}{self.title[1:]}"
        return title if self.number.upper() == "PARTICULARS" else f"{self.number} {title}"

    def sot_text(self) -> str | None:
        if not self.statement_of_truth:
            return None
        return statement_of_truth(self.statement_of_truth["document"], self.statement_of_truth.get("party"))

    def check_values(self, values: dict[str, Any]) -> None:
        """Refuse values the spec does not know and required fields left empty, naming them."""
        unknown = sorted(set(values) - {f.key for f in self.fields})
        if unknown:
            raise DocumentError(
                f"form {self.number}: values given for fields the spec does not have: "
                f"{', '.join(unknown)} — add them to {self.path.name if self.path else 'the spec'}"
            )
        missing = [f.label for f in self.fields if f.required and _empty(values.get(f.key))]
        if missing:
            raise DocumentError(
                f"form {self.number}: required field(s) empty: {'; '.join(missing)} — "
                "give them in the case file or the interview answers"
            )
        for item in self.fields:
            value = values.get(item.key)
            if _empty(value):
                continue
            if item.kind == "money" and not isinstance(value, Decimal):
                raise DocumentError(f"form {self.number}: {item.label} must be an amount, not {value!r}")
            if item.kind == "date" and not isinstance(value, dt.date):
                raise DocumentError(f"form {self.number}: {item.label} must be a date, not {value!r}")
            if item.kind == "choice" and value not in item.options:
                raise DocumentError(
                    f"form {self.number}: {item.label} is {value!r}; use one of {', '.join(item.options)}"
                )


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value is False


def _field(form: str, raw: dict[str, Any]) -> FieldSpec:
    try:
        item = FieldSpec(
            key=str(raw["key"]),
            label=str(raw["label"]),
            kind=str(raw.get("kind", "text")),
            source=str(raw.get("from", "")),
            required=bool(raw.get("required", False)),
            help=str(raw.get("help", "")),
            options={str(k): str(v) for k, v in (raw.get("options") or {}).items()},
            official=raw.get("official"),
            official_format=str(raw.get("official_format", "")),
        )
    except KeyError as err:
        raise DocumentError(f"form spec {form}: a field lacks {err.args[0]!r}") from None
    if item.kind not in KINDS:
        raise DocumentError(f"form spec {form}: field {item.key} has kind {item.kind!r}; use one of {', '.join(KINDS)}")
    if item.kind == "choice" and not item.options:
        raise DocumentError(f"form spec {form}: choice field {item.key} has no options")
    return item


def parse_spec(raw: dict[str, Any], path: Path | None = None) -> FormSpec:
    """Build and validate a spec from its YAML mapping."""
    name = path.name if path else str(raw.get("number", "?"))
    for key in ("number", "title", "edition", "rule", "sections"):
        if key not in raw:
            raise DocumentError(f"form spec {name}: {key!r} is missing")
    sections = tuple(
        SectionSpec(
            str(s["title"]), tuple(_field(name, f) for f in s.get("fields") or ()), str(s.get("text", "")).strip()
        )
        for s in raw["sections"]
    )
    keys = [f.key for s in sections for f in s.fields]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise DocumentError(f"form spec {name}: duplicate field keys {', '.join(duplicates)}")
    official = None
    if raw.get("official"):
        o = raw["official"]
        official = OfficialSpec(
            str(o["file"]),
            str(o["source"]),
            str(o["sha256"]).lower(),
            bool(o.get("source_confirmed", False)),
            str(o.get("note", "")),
        )
        if len(official.sha256) != 64:
            raise DocumentError(f"form spec {name}: official.sha256 must be 64 hex digits")
    sot = raw.get("statement_of_truth")
    edition, verified, edition_source = _edition(name, raw["edition"])
    return FormSpec(
        number=str(raw["number"]),
        title=str(raw["title"]),
        edition=edition,
        rule=str(raw["rule"]),
        sections=sections,
        statement_of_truth=dict(sot) if sot else None,
        official=official,
        notes=tuple(str(n) for n in raw.get("notes") or ()),
        path=path,
        file_title=str(raw.get("file_title", "")),
        edition_verified=verified,
        edition_source=edition_source,
    )


def _edition(name: str, raw: Any) -> tuple[str, bool, str]:
    """``edition: {number: "04.14", verified: false, source: ...}`` (or a bare string, unverified).

    Why a flag and not a "(verify)" suffix: the edition is printed on the form a court receives,
    so doubt about it belongs in the data (listed for checking), never on the document.
    """
    if isinstance(raw, dict):
        if "number" not in raw:
            raise DocumentError(f"form spec {name}: edition needs a 'number' (e.g. \"04.14\")")
        number, verified, source = str(raw["number"]), bool(raw.get("verified", False)), str(raw.get("source", ""))
    else:
        number, verified, source = str(raw), False, ""
    if "verify" in number.lower() or not number.strip():
        raise DocumentError(
            f"form spec {name}: edition {number!r} must be the edition alone; record doubt with 'verified: false'"
        )
    return number.strip(), verified, source


def _spec_error(source: str, where: str, problem: str, fix: str) -> DocumentError:
    return DocumentError(f"form spec {Path(source).name}: {where + ': ' if where else ''}{problem} — {fix}")


def specs_dir() -> Path:
    return data_dir("sources")


@functools.lru_cache(maxsize=64)
def load_spec(number: str) -> FormSpec:
    """The spec of form ``number`` (``N1``, ``n225``, ``particulars``)."""
    wanted = number.strip().upper()
    for path in sorted(specs_dir().glob("*.yaml")):
        if path.stem.upper() == wanted:
            return parse_spec(load_yaml(path, what="form spec", error=_spec_error), path)
    known = ", ".join(all_numbers())
    raise DocumentError(f"courtpack has no form {number!r}; the forms are: {known}")


def all_numbers() -> list[str]:
    return sorted((p.stem for p in specs_dir().glob("*.yaml")), key=_order)


def _order(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 10_000, number)


def all_specs() -> list[FormSpec]:
    return [load_spec(n) for n in all_numbers()]
