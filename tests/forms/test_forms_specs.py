"""Form specs: every form loads, official maps match the real PDFs, the statement of truth is exact."""

from __future__ import annotations

import hashlib

import pikepdf
import pytest

from docassemble.courtpack.documents.forms import all_specs, load_spec, statement_of_truth
from docassemble.courtpack.documents.forms.spec import parse_spec
from docassemble.courtpack.errors import DocumentError

EXPECTED = {"N1", "PARTICULARS", "N225", "N244", "N379", "N323", "N293A", "N316", "N316A", "N337", "N349", "N180"}
EXPECTED |= {"N5", "N119", "N325", "N325A"}  # possession claims for rent arrears (issue 15)
LAW_MD_SOT = (
    "The claimant believes that the facts stated in this claim form are true. I understand that "
    "proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a "
    "false statement in a document verified by a statement of truth without an honest belief in its truth."
)


def test_every_form_has_a_spec_with_number_title_edition_rule():
    specs = {s.number: s for s in all_specs()}
    assert set(specs) == EXPECTED
    for spec in specs.values():
        assert spec.title and spec.edition and spec.rule and spec.sections
        assert all(f.label for f in spec.fields)
        assert any(f.required for f in spec.fields)


def test_statement_of_truth_is_the_current_wording():
    assert statement_of_truth("claim form", "claimant") == LAW_MD_SOT
    assert load_spec("N1").sot_text() == LAW_MD_SOT
    assert statement_of_truth("witness statement").startswith("I believe that the facts stated in this witness")


@pytest.mark.parametrize("number", ["N1", "N244", "N180"])
def test_official_map_names_real_fields_and_sha(number, official_forms_dir):
    spec = load_spec(number)
    path = official_forms_dir / spec.official.file
    assert hashlib.sha256(path.read_bytes()).hexdigest() == spec.official.sha256
    with pikepdf.open(path) as pdf:
        names = {f.fully_qualified_name for f in pdf.acroform.fields}
    mapped = set()
    for item in spec.fields:
        target = item.official
        if isinstance(target, dict):
            mapped.update(target.values())
        elif target:
            mapped.add(target)
    assert mapped <= names, sorted(mapped - names)
    if number == "N1":
        assert mapped == names  # every one of the N1's 43 generic fields is mapped


def test_n1_source_is_the_published_address():
    official = load_spec("N1").official
    assert official.source == ("https://assets.publishing.service.gov.uk/media/674d7ea12e91c6fb83fb5162/N1_1224.pdf")
    assert official.source_confirmed
    assert not load_spec("N244").official.source_confirmed  # gov.uk form finder: to be confirmed


def test_bad_specs_are_refused_with_the_reason():
    with pytest.raises(DocumentError, match="'rule' is missing"):
        parse_spec({"number": "X1", "title": "x", "edition": "1", "sections": []})
    with pytest.raises(DocumentError, match="kind 'colour'"):
        parse_spec(
            {
                "number": "X1",
                "title": "x",
                "edition": "1",
                "rule": "r",
                "sections": [{"title": "s", "fields": [{"key": "a", "label": "A", "kind": "colour"}]}],
            }
        )
    with pytest.raises(DocumentError, match="no form 'N999'"):
        load_spec("N999")


def test_values_are_checked_against_the_spec():
    spec = load_spec("N323")
    with pytest.raises(DocumentError, match="required field"):
        spec.check_values({"court": "x"})
    with pytest.raises(DocumentError, match="does not have: colour"):
        spec.check_values({"colour": "red"})


def test_edition_is_printed_alone_and_doubt_is_a_flag():
    # "04.14 (verify)" was printed on eight forms; the spec now refuses it and records doubt as data
    with pytest.raises(DocumentError, match="edition alone"):
        parse_spec({"number": "X1", "title": "x", "edition": "04.14 (verify)", "rule": "r", "sections": []})
    spec = parse_spec(
        {
            "number": "X1",
            "title": "x",
            "rule": "r",
            "sections": [],
            "edition": {"number": "04.14", "verified": False, "source": "form finder"},
        }
    )
    assert (spec.edition, spec.edition_verified, spec.edition_source) == ("04.14", False, "form finder")
    assert load_spec("N1").edition_verified and not load_spec("N349").edition_verified
