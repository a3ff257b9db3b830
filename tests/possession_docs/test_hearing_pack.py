"""The presenting officer's hearing pack: one paginated bundle, the brief and updated statement first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pikepdf

from docassemble.courtpack.documents._output import OutputSet
from docassemble.courtpack.documents.possession import HearingRequest
from docassemble.courtpack.documents.possession.hearing import write_hearing_pack
from docassemble.courtpack.documents.possession.statement import write_statement

from .helpers import pdf_text


def test_hearing_pack_is_a_bundle_with_the_brief_statement_and_claim(
    tmp_path, case, tenancy, statement, steps, signatory
):
    with OutputSet(tmp_path / "claim") as out:
        claim_statement = write_statement(statement, "Rent statement (PD 55A para 2.3(2))", out.stage("rent.pdf"), "x")
    request = HearingRequest(
        case=case,
        tenancy=tenancy,
        claim_number="K00BR123",
        court="County Court at Bromley",
        hearing_date=dt.date(2025, 3, 24),
        arrears=Decimal("620.00"),
        arrears_weeks=Decimal("5.17"),  # 620 ÷ 120
        arrears_period_word="weeks",
        statement=statement,
        protocol_steps=steps,
        circumstances="Single parent; Universal Credit; no vulnerability recorded.",
        order_sought="Possession suspended on terms: the rent plus £10.00 a week towards the arrears.",
        acceptable_terms="Rent of £120.00 plus £10.00 a week, from 31 March 2025, each Monday.",
        claim_documents=(("Rent statement attached to N119", dt.date(2025, 2, 10), out.final(claim_statement)),),
        prepared_on=dt.date(2025, 3, 17),
        officer=signatory,
    )
    with OutputSet(tmp_path / "pack") as packed:
        pack = packed.final(write_hearing_pack(request, packed))
    assert pack.name == "HRA-2026-0031 possession hearing pack.pdf"
    text = pdf_text(pack)
    assert "POSSESSION HEARING PACK" in text and "K00BR123" in text
    assert "Arrears on 27 January 2025: £620.00, which is 5.17 weeks of rent" in text
    assert "daily rate £17.14" in text
    assert "4 November 2024: Visited the tenant" in text
    assert "Rent of £120.00 plus £10.00 a week, from 31 March 2025" in text
    assert "Statements of case" in text and "Rent statement attached to N119" in text
    with pikepdf.open(pack) as pdf:
        titles = [item.title for item in pdf.open_outline().root]
    assert any("brief" in t for t in titles)
