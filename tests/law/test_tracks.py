"""Tracks (CPR 26) and the N1 statement of value."""

import datetime as dt

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.tracks import allocate_track, statement_of_value

ON = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("claim", "track", "words"),
    [
        ("0.01", "small_claims", "not more than £10,000"),
        ("10000.00", "small_claims", "not more than £10,000"),
        # CPR 16.3(2)(b) from 1 October 2023: four bands, each edge belonging to the lower band
        ("10000.01", "fast", "more than £10,000 but not more than £25,000"),
        ("25000.00", "fast", "more than £10,000 but not more than £25,000"),
        ("25000.01", "intermediate", "more than £25,000 but not more than £100,000"),
        ("100000.00", "intermediate", "more than £25,000 but not more than £100,000"),
        ("100000.01", "multi", "more than £100,000"),
    ],
)
def test_tracks_and_statement_of_value(claim, track, words):
    result = allocate_track(claim, ON)
    assert (result.track, result.statement_of_value) == (track, words)
    assert statement_of_value(claim, ON) == words


def test_no_middle_band_of_10000_to_100000_in_any_version():
    for on in (dt.date(2023, 9, 30), dt.date(2023, 10, 1), ON):
        for claim in ("10000.01", "30000", "99999.99"):
            assert statement_of_value(claim, on) != "more than £10,000 but not more than £100,000"
    # before 1 October 2023 the top band was "more than £25,000"
    assert statement_of_value("30000", dt.date(2023, 9, 30)) == "more than £25,000"


def test_no_intermediate_track_before_october_2023():
    assert allocate_track("50000", dt.date(2023, 9, 30)).track == "multi"
    assert allocate_track("50000", dt.date(2023, 10, 1)).track == "intermediate"


def test_negative_claim_refused():
    with pytest.raises(LawError, match=r"claim is -1\.00"):
        allocate_track("-1", ON)
