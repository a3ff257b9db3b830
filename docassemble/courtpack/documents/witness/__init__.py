"""Witness statements (CPR 32, PD 32) with their exhibits, as DOCX and PDF (LAW.md §5).

Public API::

    options = StatementOptions(statement_date=date(2025, 6, 2), claim_number="K1QZ1234",
                               court="County Court at Bromley", letter=LetterExhibit(date(2025, 4, 7)),
                               uploads=(UploadedExhibit(Path("tenancy.pdf"), "the tenancy agreement"),))
    result = write_witness_statement(case, options, Path("out/ws"), marks)
    result.files   # [statement .docx, statement .pdf, statement with exhibits .pdf]
    result.marks   # ['PS1', 'PS2', 'PS3'] — continued by the witness's next statement (PS4...)

Exhibit marks come from a ``MarkAllocator`` (``register.py``); the interview glue gives the
writer the one kept in the case register (``interview_glue.witness.RegisterMarks``).
"""

from __future__ import annotations

from .exhibits import LetterExhibit, PlannedExhibit, UploadedExhibit, check_uploads
from .register import MarkAllocator, Reservation, initials, marks_for
from .statement import STATEMENT_OF_TRUTH, StatementOptions, Witness
from .writer import WitnessStatement, statement_context, write_witness_statement

__all__ = [
    "STATEMENT_OF_TRUTH",
    "LetterExhibit",
    "MarkAllocator",
    "PlannedExhibit",
    "Reservation",
    "StatementOptions",
    "UploadedExhibit",
    "Witness",
    "WitnessStatement",
    "check_uploads",
    "initials",
    "marks_for",
    "statement_context",
    "write_witness_statement",
]
