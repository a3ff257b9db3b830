"""Interview answers go through the same parsers and rules as case files."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.case.answers import (
    FREQUENCIES,
    AnswerError,
    answer_choice,
    answer_date,
    answer_money,
    answer_text,
)

TODAY = dt.date(2026, 1, 10)


def test_good_answers():
    assert answer_money(5.0, "Instalment") == Decimal("5.00")  # a browser's currency float
    assert answer_money("1,234.50", "Claim") == Decimal("1234.50")
    assert answer_money(0, "Costs", positive=False) == Decimal("0.00")
    assert answer_date(dt.datetime(2025, 3, 1, 9), "Since", past=True, today=TODAY) == dt.date(2025, 3, 1)
    assert answer_text("  Priya Shah ", "Officer") == "Priya Shah"
    assert answer_choice("weekly", "How often", FREQUENCIES) == "weekly"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: answer_money(-5.0, "Instalment"), "Instalment: -5.00 must be more than £0.00"),
        (lambda: answer_money(0, "Instalment"), "Instalment: 0.00 must be more than £0.00"),
        (lambda: answer_money(float("inf"), "Claim"), "Claim: inf is not an amount of money"),
        (lambda: answer_money(1e23, "Claim"), "is more than the most courtpack accepts"),
        (lambda: answer_money("1e400", "Claim"), "Claim: '1e400' is not an amount of money"),
        (
            lambda: answer_date("2030-01-01", "Dealing with the account since", past=True, today=TODAY),
            "Dealing with the account since: 2030-01-01 is in the future",
        ),
        (
            lambda: answer_date("2026-02-30", "Date of the letter", past=True, today=TODAY),
            "Date of the letter: '2026-02-30' is not a date that exists",
        ),
        (lambda: answer_date("1899-01-01", "Judgment date", past=True, today=TODAY), "is before 1990"),
        (lambda: answer_choice("hourly", "How often", FREQUENCIES), "How often: 'hourly' is not one of the choices"),
        (lambda: answer_text("Dan\x00iel", "Witness name"), "Witness name: contains a control character"),
        (lambda: answer_text("x" * 1_000_000, "Witness name"), "is 1,000,000 characters long, over the 200 allowed"),
        (lambda: answer_text("", "Witness name"), "Witness name: is missing"),
    ],
)
def test_bad_answers(call, message):
    with pytest.raises(AnswerError) as caught:
        call()
    assert message in str(caught.value)
