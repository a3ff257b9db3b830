"""Council settings: entered once, read typed, refused when a signatory could not sign (PD 22)."""

from __future__ import annotations

import pytest
import yaml

from docassemble.courtpack.cli import main
from docassemble.courtpack.errors import CaseFileError
from docassemble.courtpack.register.errors import ConcurrentUpdateError, RegisterError
from docassemble.courtpack.register.settings import (
    council_settings,
    read_settings_file,
    save_settings,
    settings_from_dict,
)

from .conftest import EXAMPLES

SETTINGS = EXAMPLES / "settings" / "lewisham.yaml"


def test_settings_round_trip_through_the_register(db):
    with pytest.raises(RegisterError, match="no council settings in the register"):
        council_settings(db)
    version = save_settings(db, read_settings_file(SETTINGS), who="manager")
    settings = council_settings(db)
    assert settings.version == version == 1
    assert settings.legal_name == "London Borough of Lewisham"
    assert settings.address_for_service.as_lines() == [
        "Legal Services",
        "Laurence House",
        "1 Catford Road",
        "London",
        "SE6 4RU",
    ]
    assert [(s.name, s.position) for s in settings.signatories] == [
        ("Amara Osei", "Income Recovery Manager"),
        ("Marcus Bell", "Head of Income Recovery"),
    ]
    assert [(a.name, a.kind) for a in settings.enforcement_agents] == [
        ("Ravensbourne Enforcement Services Ltd", "enforcement_agent"),
        ("Hilly Fields High Court Enforcement Ltd", "hceo"),
    ]
    assert settings.agent("Ravensbourne Enforcement Services Ltd").reference_for("FTA-2025-0142") == "LBL/FTA-2025-0142"
    claimant = settings.claimant("Priya Shah", "Debt Recovery Officer")
    assert (claimant.name, claimant.officer_phone, claimant.fee_account, claimant.solicitor_conducted) == (
        "London Borough of Lewisham",
        "020 8314 6000",
        "PBA0012345",
        False,
    )


def test_a_stale_settings_edit_is_refused(db):
    first = save_settings(db, read_settings_file(SETTINGS), who="a")
    changed = settings_from_dict({**yaml.safe_load(SETTINGS.read_text(encoding="utf-8")), "phone": "020 8314 7000"})
    second = save_settings(db, changed, who="b", expected_version=first)
    assert second == first + 1
    with pytest.raises(ConcurrentUpdateError):
        save_settings(db, read_settings_file(SETTINGS), who="a", expected_version=first)
    assert council_settings(db).phone == "020 8314 7000"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {
                "signatories": [
                    {
                        "name": "Sam Junior",
                        "position": "Assistant",
                        "senior_position": False,
                        "legal_representative": False,
                    }
                ]
            },
            "signatories[0].senior_position: Sam Junior neither holds a senior position nor is the legal "
            "representative",
        ),
        ({"fee_acount": "PBA1"}, "fee_acount: is not a known setting"),
        (
            {"address": {"lines": ["1 Road"], "town": "London", "postcode": "SE6 99"}},
            "address.postcode: 'SE6 99' is not a UK postcode",
        ),
        (
            {
                "enforcement_agents": [
                    {
                        "name": "X Ltd",
                        "kind": "bailiff",
                        "address": {"lines": ["1 Road"], "town": "London", "postcode": "SE6 4RU"},
                        "reference_format": "{reference}",
                    }
                ]
            },
            "enforcement_agents[0].kind: 'bailiff' is not known",
        ),
        ({"legal_department_lawyer": True}, "legal_department_lawyer: is true but legal_department_conducts is false"),
    ],
)
def test_bad_settings_name_the_setting(change, message):
    data = {**yaml.safe_load(SETTINGS.read_text(encoding="utf-8")), **change}
    with pytest.raises(CaseFileError) as err:
        settings_from_dict(data)
    assert message in str(err.value)


def test_settings_cli_set_and_show(tmp_path, capsys):
    db = str(tmp_path / "r.db")
    assert main(["settings", "set", str(SETTINGS), "--db", db, "--who", "manager"]) == 0
    assert capsys.readouterr().out == "council settings saved (version 1)\n"
    assert main(["settings", "show", "--db", db]) == 0
    shown = capsys.readouterr().out
    assert shown.splitlines()[0] == "# version 1"
    assert yaml.safe_load(shown)["enforcement_agents"][1]["reference_format"] == "LBL-HC/{reference}"
    bad = tmp_path / "bad.yaml"
    bad.write_text("legal_name: [\n", encoding="utf-8")
    assert main(["settings", "set", str(bad), "--db", db]) == 2
    assert "is not valid UTF-8 YAML" in capsys.readouterr().err


def test_several_councils_share_a_register(db):
    for name in ("lewisham", "bristol", "leeds"):
        save_settings(db, read_settings_file(EXAMPLES / "settings" / f"{name}.yaml"), who="admin")
    with pytest.raises(
        RegisterError,
        match=r"the register holds the settings of 3 councils \(Bristol City Council, "
        r"Leeds City Council, London Borough of Lewisham\)",
    ):
        council_settings(db)
    bristol = council_settings(db, "Bristol City Council")
    assert (bristol.legal_representative, [s.name for s in bristol.signatories if s.legal_representative]) == (
        "Bristol City Council Legal Services",
        ["Sarah Whitfield"],
    )
    claimant = bristol.claimant("Tom Hughes", "Housing Income Officer")
    assert (claimant.solicitor_conducted, claimant.legal_representative) == (
        True,
        "Bristol City Council Legal Services",
    )
    with pytest.raises(RegisterError, match="no council settings for 'Camden'"):
        council_settings(db, "Camden")
