"""courtpack's own rendering of every form: values present, statement of truth exact, nothing cut off."""

from __future__ import annotations

import datetime as dt

import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.case.figures import (
    claim_figures_for,
    judgment_position,
)
from docassemble.courtpack.documents.forms import load_spec, write_form
from docassemble.courtpack.documents.forms.builders import enforcement as enf
from docassemble.courtpack.documents.forms.builders.claim import n1_values
from docassemble.courtpack.documents.forms.builders.judgment import n225_values, permission_values
from docassemble.courtpack.documents.forms.own import display
from docassemble.courtpack.law.charging_order import charging_order_dates
from docassemble.courtpack.law.default_judgment import default_judgment_timing

from .conftest import EXAMPLES, ISSUE, judgment_for, pdf_text, squash

ON = dt.date(2026, 2, 2)


def _values(number: str):
    case = read_case(EXAMPLES / "CR-2025-0310.yaml")
    figures = claim_figures_for(case, ISSUE)
    if number == "N1":
        return case, n1_values(case, figures, issue_date=ISSUE, hearing_centre="Leeds")
    if number == "N225":
        timing = default_judgment_timing(ISSUE)
        return case, n225_values(
            case, figures, timing, claim_number="K00QZ123", issue_date=ISSUE, request_date=timing.earliest_request
        )
    if number == "N180":
        return case, enf.n180_values(
            case, court="County Court at Leeds", claim_number="K00QZ123", hearing_centre="Leeds", on=ON
        )
    old = number == "N244"
    judgment = judgment_for("3000.00" if old else "8450.00", dt.date(2018, 1, 5) if old else dt.date(2025, 12, 20))
    position = judgment_position(case, judgment, ON)
    if number == "N244":
        return case, permission_values(case, judgment, position, application_date=ON)
    if number == "N379":
        return case, enf.n379_values(case, position, ON, case.properties[0])
    builders = {
        "N323": (enf.n323_values, {}),
        "N293A": (enf.n293a_values, {"other_enforcement": "Warrant of control K00QZ123/1 returned unpaid"}),
        "N337": (enf.n337_values, {"employer": "Acme Ltd, 1 Park Row, Leeds LS1 5AB"}),
        "N349": (
            enf.n349_values,
            {
                "third_party": "Northern Bank plc, 2 Park Row, Leeds LS1 5AB",
                "account_details": "Park Row branch, sort code 40-11-22, account 12345678",
                "belief": "The debtor paid the council's invoices from this account.",
            },
        ),
        "N316": (enf.n316_values, {"officer_name": "", "officer_position": ""}),
        "N316A": (enf.n316_values, {"officer_name": "Ann Roast", "officer_position": "Director"}),
    }
    builder, extra = builders[number]
    return case, builder(case, position, ON, **extra)


FORMS = ["N1", "N225", "N244", "N379", "N323", "N293A", "N316", "N316A", "N337", "N349", "N180"]


@pytest.mark.parametrize("number", FORMS)
def test_own_rendering_carries_every_label_and_value(number, tmp_path):
    case, values = _values(number)
    spec = load_spec(number)
    path = write_form(spec, values, tmp_path, case.reference, mode="own")
    assert path.name.startswith(f"{case.reference} {number} ")
    text = pdf_text(path)
    assert spec.title in text and number in text
    assert squash(f"edition {spec.edition}") in text  # the edition alone ...
    assert "verify" not in text.lower()  # ... never "(verify)": doubt is the spec's `verified: false`
    for section in spec.sections:
        assert squash(section.title) in text, section.title
        for item in section.fields:
            assert squash(item.label) in text, item.label
            shown = display(item, values.get(item.key))
            for line in shown.splitlines():
                assert squash(line) in text, (item.key, line)
    if spec.sot_text():
        assert squash(spec.sot_text()) in text


def test_long_text_continues_on_a_sheet_and_is_never_cut_off(tmp_path):
    case, values = _values("N244")
    values["evidence"] = "\n".join(
        f"Paragraph {i}: the account history continues with payment details." for i in range(1, 400)
    )
    path = write_form(load_spec("N244"), values, tmp_path, case.reference, mode="own")
    text = pdf_text(path)
    assert "See continuation sheet 1." in text
    assert "Continuation sheet 1" in text
    assert "Paragraph 399: the account history continues" in text


def test_charging_order_dates_are_21_and_28_days():
    dates = charging_order_dates(dt.date(2026, 3, 2))
    assert dates.serve_by == dt.date(2026, 3, 23)
    assert dates.objections_by == dt.date(2026, 4, 20)
    assert "CPR 73.7" in dates.source


def test_default_judgment_timing_court_service():
    timing = default_judgment_timing(dt.date(2025, 11, 20))
    assert timing.deemed_service == dt.date(2025, 11, 25)
    assert timing.last_day == dt.date(2025, 12, 9)
    assert timing.earliest_request == dt.date(2025, 12, 10)
    acknowledged = default_judgment_timing(dt.date(2025, 11, 20), acknowledged=True)
    assert acknowledged.last_day == dt.date(2025, 12, 23)
    assert acknowledged.stage == "default-defence"
