"""``courtpack interview run --timings`` says how long docassemble took to load and how long the interview took.

No time is asserted (the machine's load decides those); the test proves each figure is reported, that
they add up within the total, and that without the flag nothing is added to the output.
"""

from __future__ import annotations

import re

import pytest

from docassemble.courtpack.cli import main

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow

TIMINGS = re.compile(
    r"timings: docassemble engine loaded in (\d+\.\d\d) s; interview letter_before_claim ran in (\d+\.\d\d) s; "
    r"(\d+\.\d\d) s in the register and case file; (\d+\.\d\d) s in all"
)


def test_timings_split_the_engine_from_the_interview(tmp_path, capsys):
    common = [
        "interview",
        "run",
        "letter_before_claim",
        "--case",
        str(EXAMPLES / "FTA-2025-0142.yaml"),
        "--answers",
        str(EXAMPLES / "answers" / "letter_before_claim.yaml"),
        "--as",
        "olu@council.example.com",
        "--role",
        "officer",
    ]
    assert main([*common, "--out", str(tmp_path / "a"), "--timings"]) == 0
    printed = capsys.readouterr()
    found = TIMINGS.search(printed.err)
    assert found, printed.err
    engine, interview, rest, total = (float(x) for x in found.groups())
    assert interview > 0
    assert abs(engine + interview + rest - total) <= 0.02  # three parts of one run, each rounded to 0.01 s
    assert main([*common, "--out", str(tmp_path / "b")]) == 0
    assert "timings:" not in capsys.readouterr().err
