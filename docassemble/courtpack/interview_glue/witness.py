"""Glue for ``witness_statement.yml``: answers in, witness statement and exhibits out.

Uploaded files arrive as docassemble ``DAFile``/``DAFileList`` objects in a
browser and as plain paths headless; both become ``UploadedExhibit``s here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..case import Case, EventKind
from ..case.answers import answer_text
from ..documents.witness import (
    LetterExhibit,
    Reservation,
    StatementOptions,
    UploadedExhibit,
    Witness,
    marks_for,
)
from ..documents.witness.statement import Translation, mark_range, ordinal
from ..errors import DocumentError
from ..register import exhibits as register_exhibits
from ..register.db import Register
from .cases import register_url
from .common import as_date, record_documents, witness_facts

__all__ = [
    "LETTER_CHOICES",
    "RegisterMarks",
    "default_claim_number",
    "default_court",
    "default_letter_date",
    "letter_exhibit_from",
    "make_translated_witness_statement",
    "make_witness_statement",
    "statement_options",
    "statement_preview",
    "translation_from",
    "uploaded_exhibits",
    "with_translation",
    "witness_for",
]

LETTER_CHOICES = ("generate", "upload", "none")


class RegisterMarks:
    """The witness writer's ``MarkAllocator``, kept in the case register (``register/exhibits.py``).

    Why here: documents/ and register/ are sibling layers, so the glue joins them. Each call is
    its own short transaction; none is held while LibreOffice converts.
    """

    def __init__(self, db: Register | str) -> None:
        self.db = db

    def _reservation(self, witness: str, slot: register_exhibits.StatementSlot) -> Reservation:
        return Reservation(slot.number, marks_for(witness, slot.exhibit_numbers), slot)

    def preview(self, reference: str, witness: str, exhibits: int) -> Reservation:
        return self._reservation(witness, register_exhibits.plan(self.db, reference, witness, exhibits))

    def reserve(self, reference: str, witness: str, exhibits: int, number: int | None = None) -> Reservation:
        marks_for(witness, [])  # refuse a name without initials before taking numbers
        return self._reservation(witness, register_exhibits.reserve(self.db, reference, witness, exhibits, number))

    def record(self, reservation: Reservation, statement_date: dt.date, file: str, descriptions: Sequence[str]) -> None:
        register_exhibits.record(self.db, _slot(reservation), statement_date, file, descriptions)

    def release(self, reservation: Reservation) -> None:
        register_exhibits.release(self.db, _slot(reservation))


def _slot(reservation: Reservation) -> register_exhibits.StatementSlot:
    if not isinstance(reservation.token, register_exhibits.StatementSlot):
        raise TypeError("this reservation was not made by the case register")
    return reservation.token


def register_marks() -> RegisterMarks:
    """The exhibit marks of the register this step uses (``interview_glue.cases.register_url``)."""
    return RegisterMarks(str(register_url()))


def default_court(case: Case) -> str:
    return case.judgment.court if case.judgment else (case.preferred_court or "")


def default_claim_number(case: Case) -> str:
    return case.judgment.claim_number if case.judgment else ""


def default_letter_date(case: Case) -> str:
    sent = case.latest_event(EventKind.LETTER_BEFORE_CLAIM_SENT)
    return sent.date.isoformat() if sent else ""


def witness_for(case: Case, name: Any, position: Any) -> Witness:
    """The officer named in the answers, at the claimant's address (their professional capacity)."""
    officer = Witness.officer_of(case.claimant)
    name = answer_text(name, "witness_name", limit=200, required=False) or officer.name
    position = answer_text(position, "witness_position", limit=200, required=False) or officer.position
    department = officer.department if name == officer.name else ""
    return Witness(
        name=name,
        position=position,
        employer=officer.employer,
        work_address=officer.work_address,
        department=department,
    )


def _paths(files: Any) -> list[Path]:
    """A DAFileList, a DAFile, a list of paths or one path -> file paths with their real extensions."""
    if files is None or files == "" or files is False:
        return []
    items = list(files) if isinstance(files, list | tuple) or hasattr(files, "elements") else [files]
    paths = []
    for item in items:
        if hasattr(item, "path") and callable(item.path):
            path = Path(item.path())
            name = getattr(item, "filename", "") or path.name
            if Path(name).suffix.lower() != path.suffix.lower():  # docassemble stores uploads without the name
                link = Path(tempfile.mkdtemp(prefix="courtpack-upload-")) / Path(name).name
                os.symlink(path, link)
                path = link
            paths.append(path)
        else:
            paths.append(Path(str(item)))
    return paths


def uploaded_exhibits(files: Any, descriptions: Any) -> tuple[UploadedExhibit, ...]:
    """Pair each uploaded file with its description (one a line, in the same order)."""
    paths = _paths(files)
    lines = [" ".join(line.split()) for line in str(descriptions or "").splitlines() if line.strip()]
    if len(lines) != len(paths):
        raise DocumentError(
            f"{len(paths)} document(s) uploaded but {len(lines)} description(s) given; "
            "describe each document on its own line, in the order uploaded"
        )
    return tuple(UploadedExhibit(path, text) for path, text in zip(paths, lines, strict=True))


def letter_exhibit_from(choice: str, letter_date: Any = None, letter_file: Any = None) -> LetterExhibit | None:
    if choice not in LETTER_CHOICES:
        raise DocumentError(f"letter_exhibit: {choice!r} is not one of {', '.join(LETTER_CHOICES)}")
    if choice == "none":
        return None
    day = as_date(letter_date, "letter_date")
    if choice == "generate":
        return LetterExhibit(day)
    files = _paths(letter_file)
    if len(files) != 1:
        raise DocumentError("upload exactly one copy of the letter before claim (a PDF)")
    return LetterExhibit(day, files[0])


def statement_options(
    statement_date: Any,
    claim_number: Any,
    court: Any,
    witness: Witness,
    preparation: str,
    prepared_by: Any = "",
    interpreter: Any = "",
    interpreter_language: Any = "",
    dealt_since: Any = None,
    letter: LetterExhibit | None = None,
    uploads: tuple[UploadedExhibit, ...] = (),
    additional_facts: Any = "",
) -> StatementOptions:
    facts = [p for p in str(additional_facts or "").split("\n\n") if p.strip()]
    return StatementOptions(
        statement_date=as_date(statement_date, "statement_date"),
        claim_number=str(claim_number or ""),
        court=str(court or ""),
        witness=witness,
        preparation=str(preparation),
        prepared_by=" ".join(str(prepared_by or "").split()),
        interpreter=" ".join(str(interpreter or "").split()),
        interpreter_language=" ".join(str(interpreter_language or "").split()),
        dealt_since=as_date(dealt_since, "dealt_since", past=True) if dealt_since else None,
        letter=letter,
        uploads=uploads,
        additional_facts=tuple(facts),
    )


def statement_preview(case: Case, options: StatementOptions, output_dir: Any = None) -> str:
    """'This will be Priya Shah's 2nd statement in this case, exhibiting PS4–PS6.' (for the check screen).

    The marks come from the case register; ``output_dir`` is no longer read (the interview still passes it).
    """
    witness = options.witness or Witness.officer_of(case.claimant)
    count = int(options.statement_of_account) + int(options.letter is not None) + len(options.uploads)
    planned = register_marks().preview(case.reference, witness.name, count)
    exhibits = f"exhibiting {mark_range(list(planned.marks))}" if planned.marks else "with no exhibits"
    return f"This will be {witness.name}'s {ordinal(planned.number)} statement in case {case.reference}, {exhibits}."


def make_witness_statement(case: Case, options: StatementOptions, output_dir: Any) -> list[str]:
    """Write the statement (DOCX, PDF) and statement with exhibits (PDF); returns their paths."""
    from ..documents.witness import write_witness_statement

    result = write_witness_statement(case, options, Path(str(output_dir)), register_marks())
    documents = [str(p) for p in result.files]
    record_documents(case, "witness statement", documents, facts=_stated(options), as_at=options.statement_date)
    return documents


def _stated(options: StatementOptions) -> dict[str, str]:
    """What the statement says that the register holds: the claim number and the letter's date."""
    return witness_facts(options.claim_number, options.letter.date if options.letter else None)


# --- a witness who made the statement in their own language (PD 32 18.1, 20.1, 23.2) ---


def _paragraphs(text: Any) -> tuple[str, ...]:
    """Paragraphs separated by a blank line, as pasted into a text area."""
    blocks = str(text or "").replace("\r\n", "\n").split("\n\n")
    return tuple(" ".join(block.split()) for block in blocks if block.strip())


def translation_from(
    language: Any,
    interpreter: Any,
    own_language_text: Any,
    english_text: Any,
    statement_of_truth: Any,
    translator: Any = "",
) -> Translation:
    """The statement as the interpreter took it down and its English translation, paragraph by
    paragraph (a blank line between paragraphs); courtpack lays them out and does not translate."""
    return Translation(
        language=answer_text(language, "interpreter_language", limit=100, required=False),
        interpreter=answer_text(interpreter, "interpreter", limit=200, required=False),
        paragraphs=_paragraphs(own_language_text),
        english=_paragraphs(english_text),
        statement_of_truth=" ".join(str(statement_of_truth or "").split()),
        translator=answer_text(translator, "translator", limit=200, required=False),
    )


def make_translated_witness_statement(case: Case, options: StatementOptions, output_dir: Any) -> list[str]:
    """Write the statement in the witness's language (DOCX, PDF, with exhibits) and its English
    translation (DOCX, PDF); record all as the case's documents; returns their paths."""
    from ..documents.witness.translation import write_translated_statement

    result = write_translated_statement(case, options, Path(str(output_dir)), register_marks())
    documents = [str(p) for p in result.files]
    record_documents(case, "witness statement", documents, facts=_stated(options), as_at=options.statement_date)
    return documents


def with_translation(options: StatementOptions, translation: Translation | None) -> StatementOptions:
    """The options with the witness's own-language statement and its translation, if any."""
    return dataclasses.replace(options, translation=translation) if translation else options
