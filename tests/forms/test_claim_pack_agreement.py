"""The claim pack attaches the written agreement (PD 16 para 7.3) and says so when it cannot."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.documents.forms.claim_pack import ClaimOptions, write_claim_pack

from .conftest import EXAMPLES, pdf_text, squash

pytestmark = pytest.mark.slow


def _options(**changes):
    base = {
        "issue_date": dt.date(2025, 11, 20),
        "letter_date": dt.date(2025, 9, 1),
        "hearing_centre": "Lewisham",
        "human_rights": False,
        "vulnerability": "",
        "signatory_name": "Priya Shah",
        "signatory_position": "Debt Recovery Officer",
        "mode": "own",
    }
    return ClaimOptions(**{**base, **changes})


def test_the_agreement_copy_goes_with_the_particulars_and_the_letter_lists_it(tmp_path):
    from reportlab.pdfgen import canvas

    agreement = tmp_path / "tenancy.pdf"
    drawing = canvas.Canvas(str(agreement))
    drawing.drawString(72, 760, "SECURE TENANCY AGREEMENT")
    drawing.save()
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    pack = write_claim_pack(case, _options(agreement_copy=agreement), tmp_path / "out")
    names = [p.name for p in pack.files]
    assert "FTA-2025-0142 particulars of claim - copy of the agreement.pdf" in names
    assert "SECURE TENANCY AGREEMENT" in pdf_text(
        tmp_path / "out" / names[names.index("FTA-2025-0142 particulars of claim - copy of the agreement.pdf")]
    )
    letter = squash(
        pdf_text(tmp_path / "out" / "FTA-2025-0142 covering letter to the Civil National Business Centre.pdf")
    )
    assert "Civil National Business Centre" in letter and "NN1 2LH" in letter and "DX 702885 Northampton 7" in letter
    assert "Copy of the written agreement attached to the particulars" in letter
    assert "Money Claims Centre" not in letter and "PO Box 527" not in letter
    particulars = squash(pdf_text(tmp_path / "out" / "FTA-2025-0142 particulars of claim.pdf"))
    assert "A copy of the agreement is attached to these particulars of claim." in particulars
    summary = json.loads((tmp_path / "out" / "FTA-2025-0142 claim figures.json").read_text())
    # Priya Shah, Debt Recovery Officer: neither a senior position nor a lawyer (PD 22 para 3.4, 3.11)
    assert [w for w in summary["warnings"] if "PD 22" in w]
    assert not [w for w in summary["warnings"] if "PD 16 para 7.3" in w]


def test_without_the_agreement_copy_the_pack_warns_to_attach_it(tmp_path):
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    pack = write_claim_pack(case, _options(signatory_position="Income Recovery Manager"), tmp_path / "out")
    (warning,) = pack.summary["warnings"]
    assert "Attach a copy of the written secure tenancy agreement" in warning and "PD 16 para 7.3" in warning
