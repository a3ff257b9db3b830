"""A witness statement in the witness's own language, with its English translation (PD 32).

Why two documents: PD 32 para 18.1 has the statement drafted in the witness's own language and
para 20.1 its statement of truth in that language; para 23.2 has the party relying on it file
that statement with an English translation, the translator signing the original and
certifying the translation accurate; para 17.2 puts the date of the translation at the top
right. So the original (with its exhibits, as for any statement) is written by
``write_witness_statement`` and the translation beside it, under the same number and marks.

Why the translation is staged before the original is written: if rendering or converting the
translation fails, nothing is written and no exhibit number is used up; the original's own
writer places its files and updates the register last.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...case.model import Case
from ...errors import DocumentError
from .._output import OutputSet
from ..convert import convert_to_pdf
from ..render import Template, safe_file_name
from . import exhibits as ex
from . import statement as st
from .register import MarkAllocator, Reservation
from .writer import WitnessStatement, exhibit_requests, statement_context, write_witness_statement

TRANSLATION_TEMPLATE = "witness_statement_translation.docx"


@dataclass(frozen=True)
class TranslatedStatement:
    """The statement in the witness's language (with exhibits) and its English translation."""

    original: WitnessStatement
    translation_docx: Path
    translation_pdf: Path

    @property
    def files(self) -> list[Path]:
        return [*self.original.files, self.translation_docx, self.translation_pdf]


def translation_context(
    case: Case, options: st.StatementOptions, witness: st.Witness, number: int, exhibits: list[ex.PlannedExhibit]
) -> dict[str, Any]:
    """The English translation: the same heading and marks, the English paragraphs, the statement
    of truth in English and the translator's statement (see docs/templates.md)."""
    t = options.translation
    if t is None:
        raise DocumentError(f"case {case.reference}: there is no translation to write for {witness.name}")
    return {
        **statement_context(case, options, witness, number, exhibits),
        "body": st.numbered(t.english),
        "statement_of_truth": st.STATEMENT_OF_TRUTH,
        "language": t.language,
        "translation_date": options.statement_date,
    }


def write_translated_statement(
    case: Case, options: st.StatementOptions, out_dir: Path, marks: MarkAllocator
) -> TranslatedStatement:
    """Write the statement in the witness's language (DOCX, PDF, with exhibits) and its English
    translation (DOCX, PDF) into ``out_dir``, all or nothing, under one reserved number and marks."""
    out_dir = Path(out_dir)
    witness = options.witness or st.Witness.officer_of(case.claimant)
    if options.translation is None:
        raise DocumentError(
            f"case {case.reference}: witness {witness.name} needs the statement in their own language "
            "and its English translation"
        )
    st.refuse_english_only(options, witness)  # checks the translation before any mark is taken
    requests = exhibit_requests(case, options)
    ex.check_uploads([path for _, _, path in requests if path is not None], options.max_upload_mb)
    st.preparation_paragraph(options)  # every refusal the writer makes before it reserves, made here first
    reservation = marks.reserve(case.reference, witness.name, len(requests), options.statement_number)
    handed_over = False
    try:
        number = reservation.number
        exhibits = [
            ex.PlannedExhibit(mark, description, kind, path)
            for mark, (kind, description, path) in zip(reservation.marks, requests, strict=True)
        ]
        fixed = dataclasses.replace(options, statement_number=number)
        context = translation_context(case, fixed, witness, number, exhibits)
        stem = safe_file_name(f"{case.reference} witness statement of {witness.name} ({number}) English translation")
        with OutputSet(out_dir) as out:
            work = out.scratch / "translation"
            work.mkdir()
            docx = Template(TRANSLATION_TEMPLATE).render(context, work / f"{stem}.docx")
            (pdf,) = convert_to_pdf([docx], work / "pdf")
            os.replace(docx, out.stage(f"{stem}.docx"))
            os.replace(pdf, out.stage(f"{stem}.pdf"))
            handed_over = True  # from here the writer records or releases the reservation
            original = write_witness_statement(case, fixed, out_dir, _Reserved(marks, reservation))
    except BaseException:
        if not handed_over:
            marks.release(reservation)
        raise
    return TranslatedStatement(original, out_dir / f"{stem}.docx", out_dir / f"{stem}.pdf")


class _Reserved:
    """A mark allocator that hands the writer the reservation already taken for the translation, so the
    statement and its translation carry the same number and marks."""

    def __init__(self, inner: MarkAllocator, reservation: Reservation) -> None:
        self.inner = inner
        self.reservation = reservation

    def preview(self, reference: str, witness: str, exhibits: int) -> Reservation:
        return self.reservation

    def reserve(self, reference: str, witness: str, exhibits: int, number: int | None = None) -> Reservation:
        return self.reservation

    def record(self, reservation: Reservation, statement_date: dt.date, file: str, descriptions: Sequence[str]) -> None:
        self.inner.record(reservation, statement_date, file, descriptions)

    def release(self, reservation: Reservation) -> None:
        self.inner.release(reservation)
