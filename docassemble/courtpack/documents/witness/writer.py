"""Writing a witness statement with its exhibits: DOCX, PDF, and one PDF of statement plus exhibits.

Why this order: every uploaded exhibit is checked before anything is written;
the exhibit marks are reserved in a short transaction (no lock is held while converting); every DOCX of the run
(statement, statement of account, cover sheets, letter pack) goes through ONE
LibreOffice start; the PDFs are merged with pikepdf; all outputs are staged and
placed together (``OutputSet``), and only then are the marks recorded. A failure at
any step leaves no output and releases the marks it reserved.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import OutlineItem

from ...case.model import Case, EntryKind
from ...errors import DocumentError
from ...law.dates import format_date
from ...law.money import format_money
from .._output import OutputSet
from ..convert import convert_to_pdf
from ..letters import LetterOptions, LetterWriter
from ..render import Template, safe_file_name
from . import exhibits as ex
from . import statement as st
from .register import MarkAllocator

STATEMENT_TEMPLATE = "witness_statement.docx"
COVER_TEMPLATE = "exhibit_cover.docx"
ACCOUNT_TEMPLATE = "exhibit_statement_of_account.docx"


@dataclass(frozen=True)
class WitnessStatement:
    """What was written: the statement (DOCX, PDF), statement plus exhibits (PDF), its number and marks."""

    statement_docx: Path
    statement_pdf: Path
    with_exhibits_pdf: Path
    number: int
    exhibits: tuple[ex.PlannedExhibit, ...]

    @property
    def marks(self) -> list[str]:
        return [e.mark for e in self.exhibits]

    @property
    def files(self) -> list[Path]:
        return [self.statement_docx, self.statement_pdf, self.with_exhibits_pdf]


def file_stem(case: Case, witness: st.Witness, number: int) -> str:
    """'FTA-2025-0142 witness statement of Priya Shah (1)'."""
    return safe_file_name(f"{case.reference} witness statement of {witness.name} ({number})")


def exhibit_requests(case: Case, options: st.StatementOptions) -> list[tuple[str, str, Path | None]]:
    """(kind, description, file) for each exhibit, in the order the statement refers to them."""
    requests: list[tuple[str, str, Path | None]] = []
    if options.statement_of_account:
        requests.append(("statement_of_account", "the statement of account", None))
    if options.letter:
        name = "letter of claim" if case.debtor.is_individual else "letter before claim"
        requests.append(
            (
                "letter_before_claim",
                f"a copy of the {name} dated {format_date(options.letter.date)} and its enclosures",
                options.letter.pdf,
            )
        )
    for upload in options.uploads:
        description = " ".join(upload.description.split())
        if not description:
            raise DocumentError(f"{upload.path}: say what the exhibit is (e.g. 'the tenancy agreement')")
        requests.append((ex.KINDS.get(upload.path.suffix.lower(), "pdf"), description, Path(upload.path)))
    return requests


def heading_context(case: Case, options: st.StatementOptions) -> dict[str, Any]:
    words = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"]
    roles = (
        ["Defendant"]
        if len(case.debtors) == 1
        else [f"{words[n] if n < len(words) else st.ordinal(n + 1)} Defendant" for n in range(len(case.debtors))]
    )
    return {
        "court_heading": st.court_heading(options.court),
        "claim_number": " ".join(options.claim_number.split()),
        "claimant_name": case.claimant.name,
        "defendants": [{"name": d.name, "role": role} for d, role in zip(case.debtors, roles, strict=True)],
        "defendants_line": " and ".join(d.name for d in case.debtors),
        "reference": case.reference,
        "statement_date": options.statement_date,
    }


def account_context(case: Case, options: st.StatementOptions) -> dict[str, Any]:
    """The statement of account exhibit: every ledger entry to the statement's date, with running balance."""
    records, system = st.default_records(case)
    rows = [
        {
            "date": e.date,
            "description": e.description,
            "debit": format_money(e.amount) if e.kind is EntryKind.CHARGE else "",
            "credit": format_money(e.amount) if e.kind is EntryKind.PAYMENT else "",
            "balance": balance,
        }
        for e, balance in case.running_ledger()
        if e.date <= options.statement_date
    ]
    entries = [e for e in case.ledger if e.date <= options.statement_date]
    return {
        "rows": rows,
        "debt": case.debt,
        "debt_label": case.debt.type.label,
        "records": options.records or records,
        "records_system": options.records_system or system,
        "total_debit": sum((e.amount for e in entries if e.kind is EntryKind.CHARGE), Decimal("0.00")),
        "total_credit": sum((e.amount for e in entries if e.kind is EntryKind.PAYMENT), Decimal("0.00")),
        "balance": case.balance(options.statement_date),
    }


def statement_context(
    case: Case, options: st.StatementOptions, witness: st.Witness, number: int, exhibits: list[ex.PlannedExhibit]
) -> dict[str, Any]:
    """Everything the witness statement template may use (see docs/templates.md)."""
    if not options.claim_number.strip():
        raise DocumentError(
            f"case {case.reference}: the witness statement needs the claim number "
            "(from the claim form or the court's notice of issue)"
        )
    return {
        **heading_context(case, options),
        "party": "Claimant",
        "witness": witness,
        "witness_short": witness.initials_and_surname,
        "statement_number": number,
        "statement_ordinal": st.ordinal(number),
        "exhibit_marks": st.mark_range([e.mark for e in exhibits]),
        "exhibits": exhibits,
        "body": st.body(case, options, witness, exhibits),
        **st.closing_context(options, witness),
    }


def write_witness_statement(
    case: Case, options: st.StatementOptions, out_dir: Path, marks: MarkAllocator
) -> WitnessStatement:
    """Write the statement (DOCX and PDF) and statement plus exhibits (one PDF) into ``out_dir``.

    ``marks`` keeps the witness's numbering across statements (the case register, from the glue).
    """
    out_dir = Path(out_dir)
    witness = options.witness or st.Witness.officer_of(case.claimant)
    requests = exhibit_requests(case, options)
    ex.check_uploads([path for _, _, path in requests if path is not None], options.max_upload_mb)
    st.preparation_paragraph(options)  # refuse a bad answer before reserving marks
    st.refuse_english_only(options, witness)
    reservation = marks.reserve(case.reference, witness.name, len(requests), options.statement_number)
    try:
        number = reservation.number
        exhibits = [
            ex.PlannedExhibit(mark, description, kind, path)
            for mark, (kind, description, path) in zip(reservation.marks, requests, strict=True)
        ]
        context = statement_context(case, options, witness, number, exhibits)
        stem = file_stem(case, witness, number)
        targets = [out_dir / f"{stem}.docx", out_dir / f"{stem}.pdf", out_dir / f"{stem} with exhibits.pdf"]
        with OutputSet(out_dir) as out:
            work = out.scratch / "work"
            work.mkdir()
            staged = _produce(case, options, context, exhibits, work, stem)
            for source, target in zip(staged, targets, strict=True):
                os.replace(source, out.stage(target.name))
    except BaseException:
        marks.release(reservation)
        raise
    marks.record(reservation, options.statement_date, targets[2].name, [e.description for e in exhibits])
    return WitnessStatement(*targets, number=number, exhibits=tuple(exhibits))


def _produce(
    case: Case,
    options: st.StatementOptions,
    context: dict[str, Any],
    exhibits: list[ex.PlannedExhibit],
    scratch: Path,
    stem: str,
) -> list[Path]:
    """Render, convert (one LibreOffice start) and merge; returns staged [docx, pdf, with-exhibits pdf]."""
    docs = scratch / "docx"
    statement_docx = Template(STATEMENT_TEMPLATE).render(context, docs / "w00 statement.docx")
    to_convert = [statement_docx]
    parts: dict[str, list[Path]] = {}  # mark -> DOCX or PDF files making up the exhibit, after its cover
    cover = Template(COVER_TEMPLATE)
    for n, exhibit in enumerate(exhibits, start=1):
        description = exhibit.description
        cover_docx = cover.render(
            {
                **context,
                "mark": exhibit.mark,
                "description": description,
                "description_title": description[:1].upper() + description[1:],
            },
            docs / f"w{n:02d} cover {exhibit.mark}.docx",
        )
        to_convert.append(cover_docx)
        if exhibit.kind == "statement_of_account":
            account = Template(ACCOUNT_TEMPLATE).render(
                {**context, **account_context(case, options)}, docs / f"w{n:02d} account.docx"
            )
            parts[exhibit.mark] = [account]
        elif exhibit.kind == "letter_before_claim" and exhibit.path is None:
            letter_options = LetterOptions(letter_date=options.letter.date)  # type: ignore[union-attr]
            work = docs / "letter"
            work.mkdir()
            parts[exhibit.mark] = LetterWriter().render_docx(case, letter_options, work)
        elif exhibit.kind == "image":
            parts[exhibit.mark] = [ex.images_to_pdf([exhibit.path], scratch / f"image {n:02d}.pdf")]  # type: ignore[list-item]
        else:
            parts[exhibit.mark] = [exhibit.path]  # type: ignore[list-item]
        to_convert += [p for p in parts[exhibit.mark] if p.suffix.lower() == ".docx"]
    pdfs = dict(zip(to_convert, convert_to_pdf(to_convert, scratch / "pdf"), strict=True))
    as_pdf = {mark: [pdfs.get(p, p) for p in files] for mark, files in parts.items()}
    covers = {e.mark: pdfs[docs / f"w{n:02d} cover {e.mark}.docx"] for n, e in enumerate(exhibits, start=1)}
    combined = scratch / "combined.pdf"
    _merge(pdfs[statement_docx], exhibits, covers, as_pdf, combined, f"{stem} with exhibits", case)
    return [statement_docx, pdfs[statement_docx], combined]


def _merge(
    statement: Path,
    exhibits: list[ex.PlannedExhibit],
    covers: dict[str, Path],
    parts: dict[str, list[Path]],
    target: Path,
    title: str,
    case: Case,
) -> None:
    with pikepdf.Pdf.new() as out, contextlib.ExitStack() as stack:
        marks: list[tuple[str, int]] = []

        def extend(path: Path) -> None:
            try:
                source = stack.enter_context(pikepdf.open(path))
            except pikepdf.PdfError as err:
                raise DocumentError(f"{path}: cannot be read as a PDF ({err}); save or scan it again") from None
            out.pages.extend(source.pages)

        extend(statement)
        for exhibit in exhibits:
            marks.append((f"Exhibit {exhibit.mark}: {exhibit.description}", len(out.pages)))
            extend(covers[exhibit.mark])
            for part in parts[exhibit.mark]:
                extend(part)
        with out.open_outline() as outline:
            outline.root.append(OutlineItem("Witness statement", 0))
            for label, page in marks:
                outline.root.append(OutlineItem(label, page))
        out.docinfo["/Title"] = title
        out.docinfo["/Author"] = case.claimant.name
        out.save(target)
