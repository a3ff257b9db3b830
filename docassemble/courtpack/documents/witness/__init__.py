"""Witness statements (CPR 32, PD 32) with their exhibits, as DOCX and PDF (LAW.md §5).

Public API::

    options = StatementOptions(statement_date=date(2025, 6, 2), claim_number="K1QZ1234",
                               court="County Court at Bromley", letter=LetterExhibit(date(2025, 4, 7)),
                               uploads=(UploadedExhibit(Path("tenancy.pdf"), "the tenancy agreement"),))
    result = write_witness_statement(case, options, Path("out/ws"))
    result.files   # [statement .docx, statement .pdf, statement with exhibits .pdf]
    result.marks   # ['PS1', 'PS2', 'PS3'] — continued by the witness's next statement (PS4...)

Exhibit marks are kept in an exhibit register (``register.py``): by default
``<out_dir>/../exhibit-register.yaml``, or ``$COURTPACK_EXHIBIT_REGISTER``.
"""

from __future__ import annotations

from .exhibits import LetterExhibit, PlannedExhibit, UploadedExhibit, check_uploads
from .register import REGISTER_ENV, ExhibitRegister, WitnessRecord, initials, register_path
from .statement import STATEMENT_OF_TRUTH, StatementOptions, Witness
from .writer import WitnessStatement, statement_context, write_witness_statement

__all__ = [
    "REGISTER_ENV",
    "STATEMENT_OF_TRUTH",
    "ExhibitRegister",
    "LetterExhibit",
    "PlannedExhibit",
    "StatementOptions",
    "UploadedExhibit",
    "Witness",
    "WitnessRecord",
    "WitnessStatement",
    "check_uploads",
    "initials",
    "register_path",
    "statement_context",
    "write_witness_statement",
]
