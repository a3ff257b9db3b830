"""Glue for ``letter_before_claim.yml``: answers in, letter pack out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..case import Case
from ..case.answers import answer_choice, answer_money, answer_text
from ..documents.letters import InstalmentNote, LetterOptions, write_letter_pack
from ..law.money import money_str
from .common import as_date, record_documents, refuse_during_breathing_space

__all__ = ["FREQUENCY_WORDS", "instalment_note", "make_letter_pack"]

FREQUENCY_WORDS = {
    "weekly": "a week",
    "fortnightly": "a fortnight",
    "four_weekly": "every four weeks",
    "monthly": "a month",
}


def instalment_note(status: str, amount: Any, frequency: str, reason: str) -> InstalmentNote:
    """PAPDC 3.1(e): instalments being paid (``paying``) or offered, and why a claim is still considered.

    Why checked here: the letter states the amount and how often to the debtor — a negative sum or
    "hourly" must be refused with the question named, never printed.
    """
    kind = "been paying" if status == "paying" else "offered to pay"
    return InstalmentNote(
        kind=kind,
        amount=answer_money(amount, "instalment_amount"),
        frequency=FREQUENCY_WORDS[answer_choice(frequency, "instalment_frequency", tuple(FREQUENCY_WORDS))],
        reason=answer_text(reason, "instalment_reason", multiline=True),
    )


def make_letter_pack(case: Case, letter_date: Any, instalments: InstalmentNote | None, output_dir: Any) -> list[str]:
    """Write the letter (DOCX) and its pack (PDF); returns their paths for the end screen."""
    day = as_date(letter_date, "letter_date")
    refuse_during_breathing_space(case, day, "contact_for_payment", "send a letter asking for payment")
    pack = write_letter_pack(case, LetterOptions(letter_date=day, instalments=instalments), Path(str(output_dir)))
    documents = [str(p) for p in pack.files]
    stated = {"letter_date": day.isoformat(), "balance": money_str(case.balance(day))}  # as the letter states them
    record_documents(case, "letter before claim", documents, facts=stated, as_at=day)
    return documents
