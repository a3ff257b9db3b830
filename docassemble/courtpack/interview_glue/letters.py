"""Glue for ``letter_before_claim.yml``: answers in, letter pack out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.answers import answer_choice, answer_money, answer_text
from ..documents.letters import InstalmentNote, LetterOptions, write_letter_pack
from ..law.money import money_str
from .acting import acting_user
from .cases import register_url
from .common import as_date, record_documents, refuse_during_breathing_space

__all__ = ["FREQUENCY_WORDS", "SENT_BY", "instalment_note", "make_letter_pack"]

SENT_BY = ("post", "email", "hand")

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


def make_letter_pack(
    case: Case, letter_date: Any, instalments: InstalmentNote | None, output_dir: Any, sent_by: Any = None
) -> list[str]:
    """Write the letter (DOCX) and its pack (PDF); returns the documents' paths for the end screen.

    With ``sent_by`` (post, email, hand: the officer said how it goes) the register records that it was sent,
    so the claim never asks for its date again. Without it (batch letters, produced for posting later)
    nothing is assumed: the officer records the step when the letters go (``case_step``).
    """
    day = as_date(letter_date, "letter_date")
    refuse_during_breathing_space(case, day, "contact_for_payment", "send a letter asking for payment")
    pack = write_letter_pack(case, LetterOptions(letter_date=day, instalments=instalments), Path(str(output_dir)))
    documents = [str(p) for p in pack.files]
    stated = {"letter_date": day.isoformat(), "balance": money_str(case.balance(day))}  # as the letter states them
    record_documents(case, "letter before claim", documents, facts=stated, as_at=day)
    if sent_by is not None:
        _record_sent(case, day, answer_choice(sent_by, "letter_sent_by", SENT_BY))
    return documents


def _record_sent(case: Case, day: dt.date, how: str) -> None:
    """The step "letter before claim sent", once: a letter dated ahead is recorded when it is sent (case_step)."""
    from ..register.steps import case_facts, record_step

    if day > dt.date.today():
        return
    url = register_url()
    if any(s.happened_on == day for s in case_facts(url, case.reference).all("letter_before_claim_sent")):
        return
    record_step(url, case.reference, "letter_before_claim_sent", {"date": day, "how": how}, who=acting_user())
