"""Interview answers checked the same way as case files: one sentence naming the question and the fix.

Why here and not in the interview glue: an answer is a value entering the case like any other, so it
goes through the same parsers (``law.money``, ``law.dates``) and the same rules (``case.fields``):
a browser's currency float is read to the penny, a date must be plausible (nothing in the future
that has already happened — "dealing with the account since 2030"), a frequency comes from the
closed list, text has no control characters. The glue calls these and passes typed values on.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..errors import CourtpackError
from ..law.dates import check_range, parse_date
from ..law.money import to_money
from .fields import TEXT_LIMIT, clean_text
from .model import FREQUENCIES

__all__ = ["FREQUENCIES", "AnswerError", "answer_choice", "answer_date", "answer_money", "answer_text"]


class AnswerError(CourtpackError):
    """An interview answer cannot be used; the message names the question and what to give instead."""

    def __init__(self, question: str, problem: str, fix: str = "") -> None:
        super().__init__(f"{question}: {problem}" + (f" — {fix}" if fix else ""))


def answer_money(value: Any, question: str, *, positive: bool = True) -> Decimal:
    """A currency answer (a float from the browser, text or Decimal headless) as pounds and pence."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AnswerError(question, f"{value!r} is not an amount of money", "give pounds and pence, e.g. 25.00")
        value = f"{value:.2f}"
    try:
        amount = to_money(value)
    except ValueError as err:
        raise AnswerError(question, str(err)) from None
    if amount < 0 or (positive and amount == 0):
        raise AnswerError(
            question,
            f"{amount} must be {'more than' if positive else 'at least'} £0.00",
            "give the amount as a positive figure",
        )
    return amount


def answer_date(value: Any, question: str, *, past: bool, today: dt.date | None = None) -> dt.date:
    """A date answer (DADateTime, datetime, date or text) in a plausible range; ``past`` for what has happened."""
    try:
        day = parse_date(value)
    except ValueError as err:
        raise AnswerError(question, str(err)) from None
    problem = check_range(day, today=today or dt.date.today(), past=past)
    if problem:
        raise AnswerError(question, problem)
    return day


def answer_text(
    value: Any, question: str, *, limit: int = TEXT_LIMIT, multiline: bool = False, required: bool = True
) -> str:
    """A text answer without control characters and within ``limit`` characters."""
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise AnswerError(question, "is missing", "answer the question")
    problem = clean_text(text, limit, multiline)
    if problem:
        raise AnswerError(question, problem, "correct the answer")
    return text


def answer_choice(value: Any, question: str, allowed: tuple[str, ...]) -> str:
    """One of a closed list (e.g. ``FREQUENCIES``): "hourly" is refused, not printed on a letter."""
    text = "" if value is None else str(value).strip()
    if text not in allowed:
        raise AnswerError(question, f"{text[:40]!r} is not one of the choices", f"use one of: {', '.join(allowed)}")
    return text
