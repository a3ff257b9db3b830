"""Glue for ``letter_before_claim.yml``: answers in, letter pack out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from ..case import Case
from ..documents.letters import InstalmentNote, LetterOptions, write_letter_pack
from ..law.money import to_money
from .common import as_date, record_documents, refuse_during_breathing_space

__all__ = ["FREQUENCY_WORDS", "instalment_note", "make_letter_pack"]

FREQUENCY_WORDS = {
    "weekly": "a week",
    "fortnightly": "a fortnight",
    "four_weekly": "every four weeks",
    "monthly": "a month",
}


def instalment_note(status: str, amount: Any = None, frequency: str = "monthly", reason: str = "") -> InstalmentNote:
    """PAPDC 3.1(e): instalments being paid (``paying``) or offered, and why a claim is still considered."""
    kind = "been paying" if status == "paying" else "offered to pay"
    return InstalmentNote(
        kind=kind,
        amount=to_money(str(amount)) if amount is not None else Decimal("0.00"),
        frequency=FREQUENCY_WORDS.get(frequency, frequency),
        reason=str(reason).strip(),
    )


def make_letter_pack(case: Case, letter_date: Any, instalments: InstalmentNote | None, output_dir: Any) -> list[str]:
    """Write the letter (DOCX) and its pack (PDF); returns their paths for the end screen."""
    day = as_date(letter_date, "letter_date")
    refuse_during_breathing_space(case, day, "contact_for_payment", "send a letter asking for payment")
    pack = write_letter_pack(case, LetterOptions(letter_date=day, instalments=instalments), Path(str(output_dir)))
    documents = [str(p) for p in pack.files]
    record_documents(case, "letter before claim", documents)
    return documents
