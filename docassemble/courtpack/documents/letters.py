"""The letter before claim and its enclosures, as one pack ready to post.

Why one module: the Pre-Action Protocol for Debt Claims (para 3) fixes what the
Letter of Claim says and what goes with it (statement of account, Information
Sheet, Reply Form, Financial Statement); companies get a Practice Direction –
Pre-Action Conduct letter instead. The wording lives in editable DOCX templates;
this module decides which templates, fills their facts, and assembles the pack.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf

from ..case.figures import interest_start
from ..case.model import AgreementKind, Case, EntryKind
from ..errors import CourtpackError, DocumentError
from ..law import protocol
from ..law.dates import format_date
from ..law.interest import interest_for
from ..law.money import format_money
from ._output import OutputSet
from .convert import convert_each, convert_to_pdf
from .render import Template, safe_file_name

INDIVIDUAL_ENCLOSURES = (
    "Statement of account",
    "Information Sheet",
    "Reply Form",
    "Financial Statement (income and expenditure)",
)
COMPANY_ENCLOSURES = ("Statement of account",)


@dataclass(frozen=True)
class InstalmentNote:
    """Instalments being paid or offered, and why they do not settle the matter (PAPDC 3.1(e))."""

    kind: str  # "been paying" or "offered to pay"
    amount: Decimal
    frequency: str  # "a month", "a week"
    reason: str


@dataclass(frozen=True)
class LetterOptions:
    letter_date: dt.date
    instalments: InstalmentNote | None = None


@dataclass(frozen=True)
class LetterPack:
    letter_docx: Path
    pack_pdf: Path
    reply_by: dt.date

    @property
    def files(self) -> list[Path]:
        return [self.letter_docx, self.pack_pdf]


def reply_by(case: Case, letter_date: dt.date) -> dt.date:
    """Last day of the reply period: 30 days (PAPDC) or 14 days (PD-PAC, companies)."""
    days = protocol.REPLY_DAYS if case.debtor.is_individual else protocol.COMPANY_DAYS
    return letter_date + dt.timedelta(days=days)


def interest_sentence(case: Case, on: dt.date) -> str:
    """Whether interest is continuing, and at what daily rate (PAPDC 3.1(b)); its basis from law.interest."""
    basis = case.interest.basis.value
    if basis == "none":
        return "We are not adding interest or other charges to this debt."
    start = interest_start(case)
    figures = interest_for(basis, case.balance(on), start, max(on, start), case.interest.rate)
    if basis == "statutory":
        # s.69 County Courts Act 1984 interest is awarded by the court: nothing is "being added" before a claim
        return (
            f"If we have to start a court claim, we will ask the court to award interest under section 69 of the "
            f"County Courts Act 1984 at {figures.rate.normalize():f}% a year ({format_money(figures.daily_rate)} "
            f"a day) from {format_date(start)}. It is not included in the balance above."
        )
    return (
        f"Interest is continuing to be added at {figures.rate.normalize():f}% a year "
        f"({format_money(figures.daily_rate)} a day) from {format_date(start)}; it is not included in the "
        f"balance above. Basis: {figures.basis}"
    )


def agreement_sentence(case: Case) -> str:
    """The agreement the debt arises under (PAPDC 3.1(c)): written, oral, or none (statutory debts)."""
    agreement = case.debt.agreement
    parties = " and ".join(agreement.parties) if agreement.parties else f"{case.claimant.name} and you"
    if agreement.kind is AgreementKind.WRITTEN:
        return (
            f"The debt is due under a written {agreement.description or 'agreement'} dated "
            f"{format_date(agreement.date)} between {parties}. You can ask us for a copy of it."
        )
    if agreement.kind is AgreementKind.ORAL:
        return (
            f"The debt is due under an oral agreement made by {agreement.made_by} on "
            f"{format_date(agreement.date)} at {agreement.place}: {agreement.description}."
        )
    return f"The debt is owed to {case.claimant.name} by law ({case.debt.type.label}); there is no written agreement."


def statement_rows(case: Case, on: dt.date) -> list[dict[str, Any]]:
    """The statement of account up to the letter's date (PAPDC 3.1(b))."""
    return [
        {
            "date": entry.date,
            "description": entry.description,
            "charge": format_money(entry.amount) if entry.kind is EntryKind.CHARGE else "",
            "payment": format_money(entry.amount) if entry.kind is EntryKind.PAYMENT else "",
            "balance": balance,
        }
        for entry, balance in case.running_ledger()
        if entry.date <= on
    ]


def letter_context(case: Case, options: LetterOptions) -> dict[str, Any]:
    """Everything the letter templates may use (see docs/templates.md)."""
    balance = case.balance(options.letter_date)
    if balance <= 0:
        raise DocumentError(
            f"case {case.reference}: the balance at {format_date(options.letter_date)} is "
            f"{format_money(balance)}; there is nothing to claim"
        )
    individual = case.debtor.is_individual
    instalments = options.instalments
    return {
        "reference": case.reference,
        "claimant": case.claimant,
        "claimant_address": case.claimant.address.one_line(),
        "reply_address": case.claimant.address_for_replies.one_line(),
        "debtor": case.debtor,
        "debtor_address": "\n".join(case.debtor.address.as_lines()),
        "debt": case.debt,
        "debt_label": case.debt.type.label,
        "balance": balance,
        "letter_date": options.letter_date,
        "reply_by": reply_by(case, options.letter_date),
        "interest_sentence": interest_sentence(case, options.letter_date),
        "agreement_sentence": agreement_sentence(case),
        "instalments": {
            "kind": instalments.kind,
            "amount": instalments.amount,
            "frequency": instalments.frequency,
            "reason": instalments.reason,
        }
        if instalments
        else None,
        "statement": statement_rows(case, options.letter_date),
        "enclosures": INDIVIDUAL_ENCLOSURES if individual else COMPANY_ENCLOSURES,
    }


def templates_for(case: Case) -> list[tuple[str, str]]:
    """(template, title) in pack order."""
    if case.debtor.is_individual:
        return [
            ("letter_of_claim.docx", "letter of claim"),
            ("statement_of_account.docx", "statement of account"),
            ("information_sheet.docx", "information sheet"),
            ("reply_form.docx", "reply form"),
            ("financial_statement.docx", "financial statement"),
        ]
    return [
        ("letter_before_claim_company.docx", "letter before claim"),
        ("statement_of_account.docx", "statement of account"),
    ]


class LetterWriter:
    """Loads the templates once, then writes any number of packs (batch letters)."""

    def __init__(self) -> None:
        self._templates: dict[str, Template] = {}

    def template(self, name: str) -> Template:
        if name not in self._templates:
            self._templates[name] = Template(name)
        return self._templates[name]

    def render_docx(self, case: Case, options: LetterOptions, work_dir: Path) -> list[Path]:
        """Render the letter and enclosures as DOCX files into ``work_dir``."""
        context = letter_context(case, options)
        paths = []
        for index, (name, title) in enumerate(templates_for(case)):
            target = work_dir / f"{index:02d} {case.reference} {title}.docx"
            paths.append(self.template(name).render(context, target))
        return paths

    def write_packs(self, jobs: list[tuple[Case, LetterOptions, Path]]) -> list[LetterPack]:
        """Write each case's letter DOCX and PDF pack into its folder; one LibreOffice start for all.

        Every file of every job is staged and placed only after all conversions and merges
        succeeded, so a failure leaves no letter without its pack (``OutputSet``).
        """
        with tempfile.TemporaryDirectory(prefix="courtpack-letters-") as scratch, contextlib.ExitStack() as stack:
            rendered = []
            for number, (case, options, _) in enumerate(jobs):
                work = Path(scratch, str(number))
                work.mkdir()
                rendered.append(self.render_docx(case, options, work))
            pdfs = convert_to_pdf([p for docs in rendered for p in docs], Path(scratch, "pdf"))
            outputs: dict[Path, OutputSet] = {}
            packs, start = [], 0
            for (case, options, out_dir), docs in zip(jobs, rendered, strict=True):
                out = outputs.get(Path(out_dir))
                if out is None:
                    out = outputs[Path(out_dir)] = stack.enter_context(OutputSet(out_dir))
                pack_pdfs, start = pdfs[start : start + len(docs)], start + len(docs)
                packs.append(_stage_pack(out, case, options, docs, pack_pdfs))
        return packs

    def write_each(
        self, jobs: Sequence[tuple[Case, LetterOptions, Path]], progress: Progress | None = None
    ) -> list[LetterPack | CourtpackError]:
        """Each job's pack, or the error that stopped that job alone.

        Why not ``write_packs``: a caseload batch of a thousand letters must not lose 999 packs because
        one case's letter cannot be written (no balance, a document LibreOffice refuses). Each case's
        letter and pack still appear together or not at all (an ``OutputSet`` per case).

        Why in chunks of ``CHUNK_CASES``: LibreOffice converts one chunk (one start each) while this
        process renders the next, so the two cores work at once; and a converter that fails takes one
        chunk's cases with it, never the whole caseload. ``progress`` is told ``(stage, done, total)``.
        """
        counts = _Counts(progress, len(jobs), sum(len(templates_for(case)) for case, _, _ in jobs))
        results: list[LetterPack | CourtpackError] = []
        with tempfile.TemporaryDirectory(prefix="courtpack-letters-") as scratch, ThreadPoolExecutor(1) as converter:
            pending = None
            for first in range(0, len(jobs), CHUNK_CASES):
                chunk = list(jobs[first : first + CHUNK_CASES])
                rendered = [
                    self._render_or_refuse(job, Path(scratch, str(first + n)), counts) for n, job in enumerate(chunk)
                ]
                docs = [p for parts in rendered if isinstance(parts, list) for p in parts]
                future = converter.submit(convert_each, docs, Path(scratch, f"pdf{first}"), counts.converted)
                if pending is not None:
                    results += _assemble(*pending, counts)
                pending = (chunk, rendered, future)
            if pending is not None:
                results += _assemble(*pending, counts)
        return results

    def _render_or_refuse(
        self, job: tuple[Case, LetterOptions, Path], work: Path, counts: _Counts
    ) -> list[Path] | CourtpackError:
        case, options, _ = job
        work.mkdir()
        try:
            return self.render_docx(case, options, work)
        except CourtpackError as err:
            return err
        finally:
            counts.step("Writing letters")


CHUNK_CASES = 30  # about 140 documents: one LibreOffice start (convert.DOCUMENTS_PER_START) for each chunk


class _Counts:
    """Progress over the whole batch while its chunks are rendered, converted and assembled."""

    def __init__(self, progress: Progress | None, cases: int, documents: int) -> None:
        self.progress, self.cases, self.documents = progress, cases, documents
        self.done: dict[str, int] = {}
        self.converted_before = 0

    def step(self, stage: str) -> None:
        self.done[stage] = self.done.get(stage, 0) + 1
        if self.progress:
            self.progress(stage, self.done[stage], self.cases)

    def converted(self, in_chunk: int) -> None:
        if self.progress:
            self.progress("Converting to PDF", self.converted_before + in_chunk, self.documents)


def _assemble(
    chunk: list[tuple[Case, LetterOptions, Path]],
    rendered: list[list[Path] | CourtpackError],
    future: Future[list[Path | DocumentError]],
    counts: _Counts,
) -> list[LetterPack | CourtpackError]:
    """One converted chunk's packs placed (or each case's reason why not)."""
    try:
        converted = iter(future.result())
    except DocumentError as err:  # the converter failed as a whole (stopped after its time limit)
        converted = iter([err] * sum(len(parts) for parts in rendered if isinstance(parts, list)))
    counts.converted_before += sum(len(parts) for parts in rendered if isinstance(parts, list))
    results: list[LetterPack | CourtpackError] = []
    for (case, options, out_dir), parts in zip(chunk, rendered, strict=True):
        if isinstance(parts, list):
            results.append(_place_pack(case, options, out_dir, parts, [next(converted) for _ in parts]))
        else:
            results.append(parts)
        counts.step("Assembling packs")
    return results


Progress = Callable[[str, int, int], None]


def _stage_pack(out: OutputSet, case: Case, options: LetterOptions, docs: list[Path], pdfs: list[Path]) -> LetterPack:
    """Stage one case's letter (DOCX) and pack (the PDFs merged) in ``out``."""
    title = "letter of claim" if case.debtor.is_individual else "letter before claim"
    letter = out.stage(safe_file_name(f"{case.reference} {title}.docx"))
    pack = out.stage(safe_file_name(f"{case.reference} {title} pack.pdf"))
    letter.write_bytes(docs[0].read_bytes())
    _merge(pdfs, pack, case, title)
    return LetterPack(out.final(letter), out.final(pack), reply_by(case, options.letter_date))


def _place_pack(
    case: Case, options: LetterOptions, out_dir: Path, docs: list[Path], pdfs: list[Path | DocumentError]
) -> LetterPack | CourtpackError:
    """One case's pack placed in its folder, or why it could not be (nothing of it is left behind)."""
    failed = next((p for p in pdfs if isinstance(p, DocumentError)), None)
    if failed is not None:
        return DocumentError(f"case {case.reference}: {failed}")
    try:
        with OutputSet(out_dir) as out:
            pack = _stage_pack(out, case, options, docs, [p for p in pdfs if isinstance(p, Path)])
    except CourtpackError as err:
        return err
    return pack


def _merge(parts: list[Path], target: Path, case: Case, title: str) -> None:
    with pikepdf.Pdf.new() as pack:
        for part in parts:
            with pikepdf.open(part) as source:
                pack.pages.extend(source.pages)
        pack.docinfo["/Title"] = f"{case.reference} {title} and enclosures"
        pack.docinfo["/Author"] = case.claimant.name
        pack.save(target)


def write_letter_pack(case: Case, options: LetterOptions, out_dir: Path) -> LetterPack:
    """One case's letter before claim: the letter as DOCX and the whole pack as one PDF."""
    return LetterWriter().write_packs([(case, options, out_dir)])[0]
