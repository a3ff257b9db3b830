"""The notice before the claim: the prescribed NOSP for a secure tenancy, the notice of proceedings otherwise."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.documents._output import OutputSet
from docassemble.courtpack.documents.possession import NoticeRequest, TenancyKind
from docassemble.courtpack.documents.possession.notice import write_notice
from docassemble.courtpack.errors import NotReadyError

from .conftest import GROUND_1
from .helpers import docx_text


def _request(case, tenancy, statement, signatory, **change):
    values = dict(
        case=case,
        tenancy=tenancy,
        ground_heading="Ground 1 of Schedule 2 to the Housing Act 1985",
        ground_text=GROUND_1,
        arrears=Decimal("620.00"),
        arrears_weeks=Decimal("5.17"),  # 620 ÷ 120 = 5.1666… → 5.17
        arrears_period_word="weeks",
        statement=statement,
        particulars="No payment arrangement has been kept since November 2024.",
        notice_date=dt.date(2025, 1, 28),
        expected_service=dt.date(2025, 1, 28),
        # weekly tenancy, rent week from Monday: 4 weeks from Tuesday 28 January is Tuesday 25 February;
        # the next end of a rental period is Sunday 2 March 2025 (the law module's figure; here by hand)
        date_specified=dt.date(2025, 3, 2),
        proceedings_by=dt.date(2026, 3, 1),  # the twelve months beginning with 2 March 2025 end on 1 March 2026
        review_by=None,
        date_basis="",
        signatory=signatory,
    )
    values.update(change)
    return NoticeRequest(**values)


def test_secure_tenancy_notice_follows_the_prescribed_form(tmp_path, case, tenancy, statement, signatory):
    with OutputSet(tmp_path) as out:
        staged = write_notice(_request(case, tenancy, statement, signatory), out)
    path = out.final(staged)
    assert path.name == "HRA-2026-0031 notice of seeking possession.docx"
    text = docx_text(path)
    for words in (
        "Notice of Seeking Possession",
        "Housing Act 1985, section 83",
        "1. To Ms Grace Mensah",
        "2. London Borough of Lewisham intends to apply to the Court for an order requiring you to give up "
        "possession of: Flat 2, 40 Honor Oak Park, London, SE23 1DY",
        "3. Possession will be sought on Ground 1 of Schedule 2 to the Housing Act 1985, which reads:",
        GROUND_1,
        "4. Particulars of each Ground are as follows:",
        "the arrears of rent on your account are £620.00, which is 5.17 weeks of rent at the current rent of "
        "£120.00 a week",
        # period totals by hand (conftest): due 4 × £120.00 = £480.00, paid £40.00, UC £120.00
        "rent of £480.00 fell due; you paid £40.00, and Housing Benefit or Universal Credit housing costs paid £120.00",
        "No payment arrangement has been kept since November 2024.",
        "5. Court proceedings for possession of the dwelling-house can be begun after 2 March 2025.",
        "Proceedings under this Notice must be begun by 1 March 2026; after that day it lapses.",
        "Amara Bello, Income Manager, on behalf of London Borough of Lewisham",
        "Date: 28 January 2025",
        "SI 1987/755",
    ):
        assert words in text, words
    assert "£360.00" in text and "£460.00" in text and "£580.00" in text  # the running arrears, row by row


def test_introductory_tenancy_gets_a_notice_of_proceedings_with_the_review(
    tmp_path, case, tenancy, statement, signatory
):
    introductory = dataclasses.replace(tenancy, kind=TenancyKind.INTRODUCTORY)
    # review: 14 days beginning with service on 28 January 2025 -> 28 Jan + 13 = 10 February 2025
    request = _request(case, introductory, statement, signatory, proceedings_by=None, review_by=dt.date(2025, 2, 10))
    with OutputSet(tmp_path) as out:
        staged = write_notice(request, out)
    text = docx_text(out.final(staged))
    assert out.final(staged).name == "HRA-2026-0031 notice of proceedings for possession.docx"
    assert "Housing Act 1996, section 128" in text
    assert "which you hold as an introductory tenant" in text
    assert "Court proceedings for possession may be begun after 2 March 2025" in text
    assert "by 10 February 2025 if it is served on 28 January 2025" in text
    assert "Citizens Advice" in text and "lapses" not in text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"expected_service": dt.date(2025, 1, 27)}, "before its own date 28 January 2025"),
        ({"date_specified": dt.date(2025, 1, 28)}, "must come after service"),
        ({"proceedings_by": None}, "must state when it lapses"),
        ({"arrears": Decimal("0.00")}, "shows no arrears on 28 January 2025"),
    ],
)
def test_a_notice_that_would_be_untrue_is_refused(tmp_path, case, tenancy, statement, signatory, change, words):
    with pytest.raises(NotReadyError, match=words), OutputSet(tmp_path / "out") as out:
        write_notice(_request(case, tenancy, statement, signatory, **change), out)
    assert not any((tmp_path / "out").iterdir())
