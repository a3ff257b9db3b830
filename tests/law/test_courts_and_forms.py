"""Where paper claims go (the CNBC), which hearing centre serves a postcode, and form editions."""

import datetime as dt
from pathlib import Path

import pytest
import yaml

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.courts import PAPER_CLAIMS_CENTRES, hearing_centre_for, paper_claims_centre
from docassemble.courtpack.law.forms import FORM_EDITIONS, form_edition

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ON = dt.date(2025, 6, 1)


def test_paper_claims_go_to_the_civil_national_business_centre():
    centre = paper_claims_centre(ON)
    assert centre.name == "Civil National Business Centre"
    assert centre.one_line == (
        "Civil National Business Centre, St Katharine's House, 21-27 St Katharine's Street, Northampton, NN1 2LH"
    )
    assert paper_claims_centre(dt.date(2023, 8, 14)).name == "Civil National Business Centre"
    with pytest.raises(LawError, match="paper claims centre"):
        paper_claims_centre(dt.date(2023, 8, 13))  # courtpack does not address claims to the old centres


def test_no_row_names_the_old_centres():
    for row in PAPER_CLAIMS_CENTRES:
        text = " ".join((row.one_line, row.dx, row.source))
        assert "Money Claims Centre" not in text and "PO Box 527" not in text and "verify" not in text


@pytest.mark.parametrize(
    ("postcode", "centre"),
    [
        ("LS2 7HY", "County Court at Leeds"),  # an area outside London: the area decides
        ("ls27hy", "County Court at Leeds"),  # written without the space, in lower case
        ("BS7 8AE", "County Court at Bristol"),
        ("M1 1AE", "County Court at Manchester"),
        ("B1 1AA", "County Court at Birmingham"),
        ("SE23 1JG", "County Court at Bromley"),  # London: the district decides
        ("SE1 7HY", "County Court at Wandsworth"),  # SE1, not SE17
        ("SE17 1AA", "County Court at Wandsworth"),
        ("EC4M 7AA", "Mayor's and City of London Court"),
    ],
)
def test_hearing_centre_for_a_postcode(postcode, centre):
    assert hearing_centre_for(postcode, ON) == centre


def test_unknown_areas_get_no_made_up_court():
    assert hearing_centre_for("SE28 8AA", ON) is None  # a London district courtpack does not know
    assert hearing_centre_for("ZE1 0AA", ON) is None  # an area not in the table
    with pytest.raises(LawError, match="not a UK postcode"):
        hearing_centre_for("SE13 5X", ON)


def test_every_example_debtor_has_a_real_hearing_centre():
    for path in sorted(EXAMPLES.glob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        for debtor in case["debtors"]:
            assert hearing_centre_for(debtor["address"]["postcode"], ON), (path.name, debtor["address"])


def test_form_editions_are_printable_as_they_stand():
    assert form_edition("N1", ON).edition == "12.24"
    assert form_edition("n180", ON).edition == "11.24"
    assert form_edition("N244", ON).edition == "06.22"
    for row in FORM_EDITIONS:
        assert "verify" not in row.edition and "(" not in row.edition
    # the N379 and N337 editions post-date the 2016 rule changes (CPR 73 substituted; CPR 89)
    assert form_edition("N379", ON).effective_from >= dt.date(2016, 4, 6)
    assert form_edition("N337", ON).effective_from >= dt.date(2016, 4, 6)
    with pytest.raises(LawError, match="not in courtpack's editions table"):
        form_edition("N999", ON)
