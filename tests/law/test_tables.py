"""The law tables themselves: every row cited and dated, no overlaps, and the law layer stays pure."""

import ast
import datetime as dt
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest

from docassemble.courtpack.law import (
    costs,
    courts,
    enforcement,
    fees,
    forms,
    interest,
    judgment_interest,
    limitation,
    sources,
    tracks,
)

LAW = Path(fees.__file__).parent
TABLES = {
    "issue fee bands": fees.ISSUE_FEE_BANDS,
    "other fees": fees.OTHER_FEES,
    "commencement costs": costs.COMMENCEMENT_COSTS,
    "judgment costs": costs.JUDGMENT_COSTS,
    "further defendant": costs.FURTHER_DEFENDANT,
    "base rates": interest.BASE_RATES,
    "statutory rates": interest.STATUTORY_RATES,
    "judgment rates": judgment_interest.JUDGMENT_RATES,
    "judgment threshold": judgment_interest.THRESHOLDS,
    "paper claims centre": courts.PAPER_CLAIMS_CENTRES,
    "hearing centres": courts.HEARING_CENTRES,
    "form editions": forms.FORM_EDITIONS,
    "late payment compensation": interest.LATE_PAYMENT_COMPENSATION,
    "tracks": tracks.TRACK_BANDS,
    "statement of value": tracks.STATEMENT_OF_VALUE,
    "limitation": limitation.PERIODS,
    "thresholds": enforcement.THRESHOLDS,
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_row_is_dated_and_cited(name):
    for row in TABLES[name]:
        assert isinstance(row.effective_from, dt.date)
        assert row.effective_to is None or row.effective_to >= row.effective_from
        assert len(row.source) > 10, (name, row)
        for value in vars(row).values():
            assert not isinstance(value, float), (name, row)


def test_no_source_says_verify_the_flag_does():
    # "(verify)" must never reach a document, so no source carries it; the verified flag says it instead
    for name, table in TABLES.items():
        for row in table:
            assert "verify" not in row.source.lower(), (name, row)
            assert isinstance(row.verified, bool), (name, row)


def test_sources_list_every_row_and_unverified_subset():
    rows = sources.source_rows()
    assert len(rows) == sum(len(table) for _, table, _ in sources.TABLES)
    unverified = sources.source_rows(unverified_only=True)
    assert unverified and all(not row.verified for row in unverified)
    assert len(unverified) < len(rows)  # some rows were read in the instrument itself
    # rows read in the instrument: the 2015 issue fee bands (SI 2015/576 art 2(3)), CPR 83.15(9)(b), the
    # 1991 Order's relevant-judgment test, and the shipped N1/N180/N244 footers
    verified = {(row.table, row.figure) for row in rows if row.verified}
    assert ("issue fee", "over £0.00 up to £300.00: £35.00") in verified
    assert ("form edition", "N1 (12.24) Claim form") in verified
    assert ("judgment interest threshold", "ordered £5,000.00 or more") in verified


def _periods(table, key):
    groups = {}
    for row in table:
        groups.setdefault(key(row), []).append(row)
    return groups


@pytest.mark.parametrize(
    ("table", "key"),
    [
        (fees.ISSUE_FEE_BANDS, lambda r: r.above),
        (fees.OTHER_FEES, lambda r: r.code),
        (costs.COMMENCEMENT_COSTS, lambda r: r.above),
        (costs.JUDGMENT_COSTS, lambda r: r.above),
        (tracks.TRACK_BANDS, lambda r: (r.above, r.value)),
        (enforcement.THRESHOLDS, lambda r: r.name),
        (tracks.STATEMENT_OF_VALUE, lambda r: r.above),
        (forms.FORM_EDITIONS, lambda r: r.form),
        (courts.HEARING_CENTRES, lambda r: r.postcode),
    ],
)
def test_no_overlapping_rows(table, key):
    for rows in _periods(table, key).values():
        ordered = sorted(rows, key=lambda r: r.effective_from)
        for earlier, later in pairwise(ordered):
            assert earlier.effective_to is not None and earlier.effective_to < later.effective_from


@pytest.mark.parametrize("on", [dt.date(2020, 1, 1), dt.date(2025, 4, 7), dt.date(2025, 4, 8)])
def test_issue_fee_bands_are_contiguous(on):
    bands = sorted(
        (
            b
            for b in fees.ISSUE_FEE_BANDS
            if b.effective_from <= on and (b.effective_to is None or on <= b.effective_to)
        ),
        key=lambda b: b.above,
    )
    assert bands[0].above == 0 and bands[-1].up_to is None
    for lower, upper in pairwise(bands):
        assert lower.up_to == upper.above


def test_base_rates_in_date_order_and_sane():
    days = [row.effective_from for row in interest.BASE_RATES]
    assert days == sorted(days)
    assert all(Decimal("0") < row.rate < Decimal("10") for row in interest.BASE_RATES)


def test_law_layer_imports_nothing_above_it():
    forbidden = ("case", "documents", "register", "cli", "interview", "web")
    for path in LAW.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert not (node.level == 2 and module.split(".")[0] in forbidden), (path.name, module)
                assert not module.startswith(("docassemble.base", "docassemble.webapp")), path.name
                assert not module.startswith(tuple(f"docassemble.courtpack.{f}" for f in forbidden)), path.name
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith(("docassemble", "sqlalchemy", "requests")), path.name


def test_law_modules_stay_small():
    # one rule a module: a module past ~500 lines (ruff-formatted) holds more than one rule and wants splitting
    for path in LAW.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path.name
