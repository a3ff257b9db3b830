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
import os
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
from .register import ExhibitRegister, register_path
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
    case: Case, options: st.StatementOptions, out_dir: Path, register: Path | str | None = None
) -> TranslatedStatement:
    """Write the statement in the witness's language (DOCX, PDF, with exhibits) and its English
    translation (DOCX, PDF) into ``out_dir``, all or nothing."""
    out_dir = Path(out_dir)
    witness = options.witness or st.Witness.officer_of(case.claimant)
    if options.translation is None:
        raise DocumentError(
            f"case {case.reference}: witness {witness.name} needs the statement in their own language "
            "and its English translation"
        )
    st.refuse_english_only(options, witness)  # checks the translation
    requests = exhibit_requests(case, options)
    register_file = register_path(out_dir, register)
    with ExhibitRegister(register_file).locked() as reg:
        number, marks = reg.witness(case.reference, witness.name).plan(len(requests), options.statement_number)
    exhibits = [
        ex.PlannedExhibit(mark, description, kind, path)
        for mark, (kind, description, path) in zip(marks, requests, strict=True)
    ]
    fixed = dataclasses.replace(options, statement_number=number)
    context = translation_context(case, fixed, witness, number, exhibits)
    stem = safe_file_name(f"{case.reference} witness statement of {witness.name} ({number}) English translation")
    with OutputSet(out_dir) as out:
        work = out.scratch / "translation"
        work.mkdir()
        docx = Template(TRANSLATION_TEMPLATE).render(context, work / f"{stem}.docx")
        (pdf,) = convert_to_pdf([docx], work / "pdf")
        targets = [out.stage(f"{stem}.docx"), out.stage(f"{stem}.pdf")]
        os.replace(docx, targets[0])
        os.replace(pdf, targets[1])
        original = write_witness_statement(case, fixed, out_dir, register)
        if original.number != number or original.marks != marks:
            raise DocumentError(
                f"case {case.reference}: another statement of {witness.name} was made at the same time; "
                "make this one again"
            )
    return TranslatedStatement(original, out_dir / f"{stem}.docx", out_dir / f"{stem}.pdf")
