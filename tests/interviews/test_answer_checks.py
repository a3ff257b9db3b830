"""Interview answers that would put something untrue or absurd on a letter or statement are refused,
naming the question (issue 10): checked in the glue the interviews call, so the browser, the REST API
and headless runs all meet the same rule."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.errors import CourtpackError
from docassemble.courtpack.interview_glue.common import as_date
from docassemble.courtpack.interview_glue.letters import instalment_note
from docassemble.courtpack.interview_glue.witness import statement_options, witness_for

FTA = Path(__file__).resolve().parents[2] / "examples" / "FTA-2025-0142.yaml"


@pytest.mark.parametrize(
    ("amount", "frequency", "reason", "message"),
    [
        ("-5.00", "weekly", "too little", "instalment_amount: -5.00 must be more than £0.00"),
        ("0", "weekly", "too little", "instalment_amount: 0.00 must be more than £0.00"),
        ("5.001", "weekly", "too little", "instalment_amount"),
        ("1e400", "weekly", "too little", "instalment_amount"),
        ("5.00", "hourly", "too little", "instalment_frequency: 'hourly' is not one of the choices"),
        ("5.00", "weekly", "", "instalment_reason: is missing"),
        ("5.00", "weekly", "bad\x00text", "instalment_reason"),
    ],
)
def test_a_letter_never_offers_an_impossible_instalment(amount, frequency, reason, message):
    with pytest.raises(CourtpackError, match=re.escape(message)):
        instalment_note("offered", amount, frequency, reason)


def test_a_good_instalment_offer_reads_as_the_letter_says_it():
    note = instalment_note("offered", "25.00", "weekly", "It would take over six years to clear the debt.")
    assert (note.kind, note.amount, note.frequency) == ("offered to pay", Decimal("25.00"), "a week")


def test_dates_are_plausible_and_past_facts_are_not_in_the_future():
    case = read_case(FTA)
    witness = witness_for(case, "Priya Shah", "Debt Recovery Officer")
    next_year = dt.date.today().year + 1
    # "I have dealt with this account since <a future year>" would be untrue under a statement of truth
    with pytest.raises(CourtpackError, match=rf"dealt_since: {next_year}-01-01 .*future"):
        statement_options(
            "2026-01-10",
            "L4QZ8F2K",
            "County Court at Bromley",
            witness,
            "face to face",
            dealt_since=f"{next_year}-01-01",
        )
    with pytest.raises(CourtpackError, match="hearing_date: 9999-12-31"):
        as_date("9999-12-31", "hearing_date")
    with pytest.raises(CourtpackError, match=r"statement_date: .*2026-02-30"):
        as_date("2026-02-30", "statement_date")


def test_a_witness_name_is_one_short_line():
    case = read_case(FTA)
    with pytest.raises(CourtpackError, match="witness_name"):
        witness_for(case, "P" * 1_000_000, "Debt Recovery Officer")  # once kept LibreOffice busy for 9 minutes
    with pytest.raises(CourtpackError, match="witness_name"):
        witness_for(case, "Priya\nShah", "Debt Recovery Officer")
