"""Official AcroForm fill against the real N1, N244 and N180: read-back, appearance streams, overflow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pikepdf
import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.case.figures import claim_figures_for, judgment_position
from docassemble.courtpack.documents.forms import load_spec, write_form
from docassemble.courtpack.documents.forms.builders.enforcement import n180_values
from docassemble.courtpack.documents.forms.builders.judgment import permission_values
from docassemble.courtpack.documents.forms.fetch import official_bytes
from docassemble.courtpack.documents.forms.official import assignments, fill_official, read_fields
from docassemble.courtpack.documents.forms.own import continuation_bytes
from docassemble.courtpack.documents.forms.values import form_values

from .conftest import EXAMPLES, ISSUE, judgment_for, pdf_text


def _values(number: str, reference: str = "CR-2025-0310"):
    case = read_case(EXAMPLES / f"{reference}.yaml")
    if number == "N1":
        return case, form_values("N1", case, ISSUE, hearing_centre="Leeds")
    if number == "N180":
        return case, n180_values(
            case,
            court="County Court at Leeds",
            claim_number="K00QZ123",
            hearing_centre="Leeds: the claimant's offices and witnesses are there",
            on=ISSUE,
        )
    judgment = judgment_for("3000.00", dt.date(2018, 1, 5))
    position = judgment_position(case, judgment, dt.date(2026, 2, 2))
    return case, permission_values(case, judgment, position, application_date=dt.date(2026, 2, 2))


def _check_appearances(path, written):
    with pikepdf.open(path) as pdf:
        assert not pdf.Root.AcroForm.NeedAppearances
        for field in pdf.acroform.fields:
            if field.fully_qualified_name not in written:
                continue
            value = written[field.fully_qualified_name]
            for annot in pdf.acroform.get_annotations_for_field(field):
                if field.field_type == "/Btn":
                    assert (pikepdf.Name.Off != annot.obj.AS) == value
                if value:  # every filled or ticked widget carries its own appearance stream
                    assert "/AP" in annot.obj and "/N" in annot.obj.AP, field.fully_qualified_name
                if value and field.field_type != "/Btn":
                    stream = annot.obj.AP.N.read_bytes()
                    assert b"Tj" in stream and b"/CpHelv" in stream


@pytest.mark.parametrize("number", ["N1", "N244", "N180"])
def test_official_fill_reads_back_what_was_written(number, official_forms_dir, tmp_path):
    _case, values = _values(number)
    spec = load_spec(number)
    result = fill_official(spec, values, official_bytes(spec), tmp_path / f"{number}.pdf")
    wanted, _ = assignments(spec, values)
    back = read_fields(result.path)
    for name, value in result.written.items():
        assert back[name] == value, name
    for name, value in wanted.items():  # nothing was changed on the way in except space-less combs
        if isinstance(value, str) and name in result.written and not result.continued:
            assert result.written[name].replace(" ", "") == value.replace(" ", "")
    _check_appearances(result.path, result.written)


def test_n1_boxes_hold_the_law_figures(official_forms_dir, tmp_path):
    case = read_case(EXAMPLES / "CR-2025-0310.yaml")
    figures = claim_figures_for(case, ISSUE)
    path = write_form(
        load_spec("N1"),
        form_values("N1", case, ISSUE, hearing_centre="Leeds"),
        tmp_path,
        case.reference,
        mode="official",
    )
    assert path.name == "CR-2025-0310 N1 claim form.pdf"
    back = read_fields(path)
    assert back["Text25"] == f"{figures.claim_value:,.2f}"
    assert back["Text26"] == f"{figures.fee.fee:,.2f}"
    assert back["Text27"] == f"{figures.costs.costs:,.2f}"
    assert back["Text28"] == f"{figures.total:,.2f}"
    assert back["Text35"] == "Civil National Business Centre"  # PD 7A 4A.1 since 14 August 2023
    assert back["Text Field 28"] == "Leeds"  # the hearing centre given, never one made up from a town
    assert back["Check Box46"] and not back["Check Box45"]  # the claimant believes...
    # Legal Services conduct the claim, but the signer is Hannah Clarke, Senior Income Officer: not a
    # legal representative under CPR 2.3(1), so "Claimant" (47) is ticked and "legal representative" (49) is not
    assert back["Check Box47"] and not back["Check Box49"]
    assert back["Text Field 45"] == ""  # no legal representative's firm for a claimant's own signer
    assert (back["Text31"], back["Text32"], back["Text33"]) == ("20", "11", "2025")


def test_text_too_long_for_a_box_goes_to_a_continuation_sheet(official_forms_dir, tmp_path):
    _case, values = _values("N244")
    values["evidence"] = "\n".join(
        f"{i}. The claimant relies on this paragraph of evidence, number {i}, which "
        "explains the history of the account and every payment."
        for i in range(1, 90)
    )
    spec = load_spec("N244")
    result = fill_official(spec, values, official_bytes(spec), tmp_path / "long.pdf", continuation=continuation_bytes)
    assert result.continued
    back = read_fields(result.path)
    assert back["evidence set out in the box below"].startswith("See the continuation sheet")
    text = pdf_text(result.path)
    assert "89. The claimant relies on this paragraph of evidence, number 89" in text
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.pages) > 5


def test_official_mode_without_the_pdf_says_how_to_get_it(tmp_path, monkeypatch):
    from docassemble.courtpack.documents.forms import fetch
    from docassemble.courtpack.errors import DocumentError

    monkeypatch.setenv("COURTPACK_FORMS_DIR", str(tmp_path / "none"))
    monkeypatch.setattr(fetch, "shipped_dir", lambda: tmp_path / "not shipped")
    case, values = _values("N1")
    with pytest.raises(DocumentError, match="courtpack forms fetch N1"):
        write_form(load_spec("N1"), values, tmp_path, case.reference, mode="official")
    # auto falls back to courtpack's own rendering
    assert write_form(load_spec("N1"), values, tmp_path, case.reference).is_file()


def test_altered_official_pdf_is_refused(tmp_path, monkeypatch, official_forms_dir):
    from docassemble.courtpack.errors import DocumentError

    (tmp_path / "N1_1224.pdf").write_bytes((official_forms_dir / "N1_1224.pdf").read_bytes() + b"\n%tampered")
    monkeypatch.setenv("COURTPACK_FORMS_DIR", str(tmp_path))
    with pytest.raises(DocumentError, match="SHA-256"):
        official_bytes(load_spec("N1"))


def test_each_fill_starts_from_the_blank_form_not_the_last_fill(official_forms_dir, tmp_path):
    """The blank N1 is parsed once and refilled: a box ticked or written in one claim must not show
    through in the next, and the next must come out exactly as it would from a fresh parse."""
    from docassemble.courtpack.documents.forms import official

    spec = load_spec("N1")
    source = official_bytes(spec)
    _case, first = _values("N1")
    # the first claim is signed by the claimant (Check Box47) and has £80.00 legal costs (Text27)...
    first = dict(first, signed_by="claimant", legal_costs=Decimal("80.00"))
    # ...the second by its legal representative (Check Box49), with no legal costs
    second = dict(first, signed_by="legal_representative", legal_costs=None)
    fill_official(spec, first, source, tmp_path / "first.pdf")
    reused = fill_official(spec, second, source, tmp_path / "second.pdf")
    official._BLANKS.clear()  # a fresh parse of the blank form
    fresh = fill_official(spec, second, source, tmp_path / "fresh.pdf")

    back = read_fields(reused.path)
    assert back["Check Box49"] and not back["Check Box47"]  # the first claim's tick is gone
    assert back["Text27"] == ""  # and so is its £80.00
    assert back == read_fields(fresh.path)
    with pikepdf.open(reused.path) as one, pikepdf.open(fresh.path) as other:
        assert len(one.pages) == len(other.pages)
        for a, b in zip(one.acroform.fields, other.acroform.fields, strict=True):
            widgets_a = one.acroform.get_annotations_for_field(a)
            widgets_b = other.acroform.get_annotations_for_field(b)
            for wa, wb in zip(widgets_a, widgets_b, strict=True):
                assert wa.obj.get("/AS") == wb.obj.get("/AS"), a.fully_qualified_name
                if "/AP" in wb.obj and isinstance(wb.obj.AP.N, pikepdf.Stream):  # text: our appearance stream
                    assert wa.obj.AP.N.read_bytes() == wb.obj.AP.N.read_bytes(), a.fully_qualified_name
