"""council_settings.yml driven headlessly: a manager's answers become the council's settings."""

from __future__ import annotations

import pytest

from docassemble.courtpack.errors import CaseFileError
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.register.settings import council_settings

pytestmark = pytest.mark.slow
ANSWERS = {
    "legal_name": "London Borough of Lewisham",
    "address_line_1": "Laurence House",
    "address_line_2": "1 Catford Road",
    "address_town": "London",
    "address_postcode": "se6 4ru",
    "service_line_1": "Legal Services",
    "service_line_2": "Laurence House",
    "service_town": "London",
    "service_postcode": "SE6 4RU",
    "team": "Income Recovery Team",
    "phone": "020 8314 6000",
    "email": "income.recovery@lewisham.example.gov.uk",
    "payment_details": "Pay online at lewisham.example.gov.uk/pay quoting your reference.",
    "fee_account": "PBA0012345",
    "legal_department_conducts": False,
    "signatories": [
        {
            "name": "Marcus Bell",
            "position": "Head of Income Recovery",
            "senior_position": True,
            "legal_representative": False,
        }
    ],
    "agents": [
        {
            "name": "Ravensbourne Enforcement Services Ltd",
            "kind": "enforcement_agent",
            "line_1": "Unit 4, Station Approach",
            "town": "Bromley",
            "postcode": "BR1 1AA",
            "email": "",
            "reference_format": "LBL/{reference}",
        }
    ],
    "settings_checked": True,
}


def test_settings_are_saved_and_versioned(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    result = run_interview("council_settings", ANSWERS, tmp_path / "out")
    assert result.title.startswith("The council settings are saved")
    saved = council_settings(url)
    assert (saved.version, saved.address.one_line(), saved.address_for_service.lines) == (
        1,
        "Laurence House, 1 Catford Road, London, SE6 4RU",
        ("Legal Services", "Laurence House"),
    )
    assert [(s.name, s.senior_position) for s in saved.signatories] == [("Marcus Bell", True)]
    assert [a.reference_for("FTA-2025-0142") for a in saved.enforcement_agents] == ["LBL/FTA-2025-0142"]
    run_interview("council_settings", {**ANSWERS, "phone": "020 8314 7000"}, tmp_path / "again")
    assert (council_settings(url).version, council_settings(url).phone) == (2, "020 8314 7000")


def test_a_signatory_who_may_not_sign_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{tmp_path / 'register.db'}")
    junior = {
        **ANSWERS,
        "signatories": [
            {"name": "Sam Junior", "position": "Assistant", "senior_position": False, "legal_representative": False}
        ],
    }
    with pytest.raises(
        CaseFileError, match="Sam Junior neither holds a senior position nor is the legal representative"
    ):
        run_interview("council_settings", junior, tmp_path / "out")
