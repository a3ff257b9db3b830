"""N5 and N119 with the PD 55A rent statement: every section of each form, and the register's figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.documents._output import OutputSet
from docassemble.courtpack.documents.forms import load_spec
from docassemble.courtpack.documents.possession import ClaimRequest
from docassemble.courtpack.documents.possession.claim import write_claim
from docassemble.courtpack.errors import NotReadyError

from .conftest import GROUND_1
from .helpers import pdf_text

ISSUE = dt.date(2025, 2, 10)


def _request(case, tenancy, statement, steps, signatory, **change):
    values = dict(
        case=case,
        tenancy=tenancy,
        court="County Court at Bromley",
        issue_date=ISSUE,
        notice_kind="notice_seeking_possession",
        notice_served=dt.date(2024, 12, 9),
        ground_heading="Ground 1 of Schedule 2 to the Housing Act 1985",
        ground_text=GROUND_1,
        arrears=Decimal("620.00"),
        arrears_weeks=Decimal("5.17"),  # 620 ÷ 120 = 5.1666… → 5.17
        arrears_period_word="weeks",
        statement=statement,
        protocol_steps=steps,
        defendant_circumstances="Receives Universal Credit; the housing costs element is paid to her, not direct.",
        claimant_circumstances="",
        court_fee=Decimal("404.00"),
        legal_costs=Decimal("0.00"),
        human_rights=False,
        signatory=signatory,
    )
    values.update(change)
    return ClaimRequest(**values)


def test_n5_n119_and_statement_carry_the_figures_and_every_section(
    tmp_path, case, tenancy, statement, steps, signatory
):
    with OutputSet(tmp_path) as out:
        staged = write_claim(_request(case, tenancy, statement, steps, signatory), out, mode="own")
    n5, n119, rent = (out.final(p) for p in staged)
    assert n5.name == "HRA-2026-0031 N5 claim form for possession.pdf"
    text5 = pdf_text(n5)
    for section in load_spec("N5").sections:
        assert section.title in text5, section.title
    assert "edition 10.15" in text5 and "verify" not in text5.lower()
    assert "Flat 2 40 Honor Oak Park London SE23 1DY" in text5
    assert "£404.00" in text5  # fee 404.00 + legal costs 0.00 = total 404.00
    assert "rent arrears [X]" in text5 and "trespass []" in text5
    assert "The claimant believes that the facts stated in this claim form are true." in text5

    text119 = pdf_text(n119)
    for section in load_spec("N119").sections:
        assert section.title in text119, section.title
    assert "under a(n) * secure tenancy which began on * 5 April 2021" in text119
    assert "£120.00" in text119 and "£17.14" in text119  # weekly rent; daily rate 120 ÷ 7 = 17.142… → £17.14
    assert "The arrears of rent on 10 February 2025 (the date of issue) are £620.00, which is 5.17 weeks" in text119
    assert "Ground 1 of Schedule 2 to the Housing Act 1985" in text119 and "Rent lawfully due" in text119
    assert "[X] notice seeking possession" in text119 and "9 December 2024" in text119
    assert "4 November 2024: Visited the tenant" in text119
    assert "The claimant believes that the facts stated in these particulars of claim are true." not in text119
    assert "The claimant believes that the facts stated in this particulars of claim are true." in text119

    rent_text = pdf_text(rent)
    # totals worked in conftest: due £480.00, paid £40.00, UC £120.00, closing £620.00
    for figure in ("£300.00", "£480.00", "£40.00", "£120.00", "£620.00", "£360.00", "£460.00", "£580.00"):
        assert figure in rent_text, figure
    assert "6 January 2025 to 27 January 2025" in rent_text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"protocol_steps": ()}, "the register holds none"),
        ({"arrears": Decimal("0.00")}, "shows no arrears on 10 February 2025"),
        ({"notice_served": dt.date(2025, 3, 1)}, "after the issue date 10 February 2025"),
    ],
)
def test_particulars_that_could_not_be_verified_are_refused(
    tmp_path, case, tenancy, statement, steps, signatory, change, words
):
    with pytest.raises(NotReadyError, match=words), OutputSet(tmp_path / "out") as out:
        write_claim(_request(case, tenancy, statement, steps, signatory, **change), out, mode="own")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
