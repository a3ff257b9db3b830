"""After a breach: N325 (outright), N325A (suspended) with the statement of payments, N244 to fix a date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.documents._output import OutputSet
from docassemble.courtpack.documents.forms import load_spec
from docassemble.courtpack.documents.possession import FixDateRequest, PossessionOrder, WarrantRequest
from docassemble.courtpack.documents.possession.warrant import write_fix_date_application, write_warrant_request
from docassemble.courtpack.errors import NotReadyError

from .helpers import pdf_text

# under the order: rent £120.00 + £10.00 towards the arrears = £130.00 a week due from 14 April 2025;
# four weeks to 5 May 2025 -> 4 × 130 = £520.00 due; paid 130 + 130 + 0 + 65 = £325.00; short by £195.00
BREACH = "Four weekly payments of £130.00 fell due from 14 April 2025 (£520.00); £325.00 was paid, £195.00 short."
POSTPONED = PossessionOrder(
    date=dt.date(2025, 4, 7),
    kind="postponed",
    description="Possession postponed while the defendant pays the rent plus £10.00 a week from 14 April 2025.",
    possession_date=None,
)


def _warrant(case, tenancy, statement, signatory, order, **change):
    values = dict(
        case=case,
        tenancy=tenancy,
        claim_number="K00BR123",
        court="County Court at Bromley",
        order=order,
        breach=BREACH,
        statement=statement,
        fee=Decimal("148.00"),
        legal_costs=Decimal("0.00"),
        risk_information="The tenant's son (aged 9) lives at the property.",
        request_date=dt.date(2025, 5, 12),
        signatory=signatory,
    )
    values.update(change)
    return WarrantRequest(**values)


def test_suspended_order_breach_goes_on_n325a_with_the_statement(
    tmp_path, case, tenancy, statement, signatory, suspended_order
):
    with OutputSet(tmp_path) as out:
        staged = write_warrant_request(_warrant(case, tenancy, statement, signatory, suspended_order), out, mode="own")
    form, payments = (out.final(p) for p in staged)
    assert "N325A" in form.name
    text = pdf_text(form)
    for section in load_spec("N325A").sections:
        assert section.title in text, section.title
    assert "K00BR123" in text and "7 April 2025" in text and "£195.00 short" in text
    assert "£148.00" in text  # fee 148.00 + costs 0.00 = total 148.00
    assert "Kofi Mensah (son, aged 9)" in text
    assert "£620.00" in pdf_text(payments)


def test_outright_order_uses_n325_only_after_the_date_for_possession(tmp_path, case, tenancy, statement, signatory):
    outright = PossessionOrder(
        date=dt.date(2025, 4, 7),
        kind="outright",
        description="Possession on or before 5 May 2025.",
        possession_date=dt.date(2025, 5, 5),
    )
    with OutputSet(tmp_path / "a") as out:
        staged = write_warrant_request(
            _warrant(case, tenancy, statement, signatory, outright, breach=""), out, mode="own"
        )
    text = pdf_text(out.final(staged[0]))
    assert "N325 " in text and "5 May 2025" in text
    for section in load_spec("N325").sections:
        assert section.title in text, section.title
    early = _warrant(case, tenancy, statement, signatory, outright, request_date=dt.date(2025, 5, 5))
    with pytest.raises(NotReadyError, match="possession by 5 May 2025"), OutputSet(tmp_path / "b") as out:
        write_warrant_request(early, out, mode="own")


def test_terms_being_kept_or_postponed_order_refuse_a_warrant(
    tmp_path, case, tenancy, statement, signatory, suspended_order
):
    with pytest.raises(NotReadyError, match="are being kept"), OutputSet(tmp_path / "a") as out:
        write_warrant_request(_warrant(case, tenancy, statement, signatory, suspended_order, breach=""), out)
    with pytest.raises(NotReadyError, match="fix the date for possession first"), OutputSet(tmp_path / "b") as out:
        write_warrant_request(_warrant(case, tenancy, statement, signatory, POSTPONED), out)
    assert not any((tmp_path / "a").iterdir()) and not any((tmp_path / "b").iterdir())


def _fix(case, tenancy, statement, signatory, **change):
    values = dict(
        case=case,
        tenancy=tenancy,
        claim_number="K00BR123",
        court="County Court at Bromley",
        order=POSTPONED,
        breach=BREACH,
        statement=statement,
        warning_letter=dt.date(2025, 5, 12),
        application_date=dt.date(2025, 5, 27),
        signatory=signatory,
    )
    values.update(change)
    return FixDateRequest(**values)


def test_postponed_order_breach_gives_an_n244_to_fix_the_date(tmp_path, case, tenancy, statement, signatory):
    with OutputSet(tmp_path) as out:
        staged = write_fix_date_application(_fix(case, tenancy, statement, signatory), out, mode="own")
    form = out.final(staged[0])
    assert form.name == "HRA-2026-0031 N244 application to fix the date for possession.pdf"
    text = pdf_text(form)
    assert "An order fixing the date on which the defendant must give the claimant possession" in text
    assert "postponed order for possession of 7 April 2025" in text
    assert "£195.00 short" in text and "The arrears on 27 January 2025 are £620.00" in text
    assert "On 12 May 2025 the claimant wrote to the defendant" in text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"breach": ""}, "are being kept"),
        ({"order": dataclasses.replace(POSTPONED, kind="suspended")}, "is suspended, not postponed"),
        ({"warning_letter": dt.date(2025, 6, 1)}, "after the application"),
    ],
)
def test_fix_date_refusals(tmp_path, case, tenancy, statement, signatory, change, words):
    with pytest.raises(NotReadyError, match=words), OutputSet(tmp_path / "out") as out:
        write_fix_date_application(_fix(case, tenancy, statement, signatory, **change), out, mode="own")
