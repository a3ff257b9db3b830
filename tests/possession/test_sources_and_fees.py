"""The possession rows are listed with every other law table, and the possession fees are dated rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from docassemble.courtpack.law.fees import court_fee
from docassemble.courtpack.law.possession import POSSESSION_ROWS, ground_text
from docassemble.courtpack.law.sources import source_rows


def test_every_possession_row_is_listed_with_a_source() -> None:
    listed = [r for r in source_rows() if r.table == "possession rule"]
    assert len(listed) == len(POSSESSION_ROWS) > 20
    assert all(r.source.strip() for r in listed)
    notice = next(r for r in listed if r.figure.startswith("notice of seeking possession"))
    assert notice.verified and "Housing Act 1985 s.83" in notice.source


def test_possession_fees_from_8_april_2025() -> None:
    assert court_fee("possession_claim", dt.date(2025, 4, 8)).fee == Decimal("404.00")
    assert court_fee("warrant_of_possession", dt.date(2025, 4, 8)).fee == Decimal("148.00")
    assert court_fee("application_on_notice", dt.date(2025, 4, 8)).fee == Decimal("313.00")  # N244 to fix a date


def test_ground_1_words() -> None:
    assert ground_text("secure") == (
        "Rent lawfully due from the tenant has not been paid or an obligation of the tenancy has been broken "
        "or not performed."
    )
    assert ground_text("flexible") == ground_text("secure")
