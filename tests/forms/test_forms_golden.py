"""Per-form golden files: every box's expected value worked by hand from the case file and the
answers (one comment per value in ``tests/forms/expected/``), never recomputed with courtpack.

Why (STYLE.md §9): the other form tests compare the builders with the builders' own formatter,
so a wrong figure or a wrong box still passes. Boxes whose figures come from law/ tables are
listed under ``law:`` in the golden file and checked by the law tests; every other box must be
in ``values:``, so a new box cannot go unchecked.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from docassemble.courtpack.case import read_case
from docassemble.courtpack.case.figures import claim_figures_for, judgment_position
from docassemble.courtpack.case.model import Address, Judgment
from docassemble.courtpack.documents.forms.builders import enforcement as enf
from docassemble.courtpack.documents.forms.builders.claim import n1_values
from docassemble.courtpack.documents.forms.builders.judgment import n225_values, permission_values
from docassemble.courtpack.law.default_judgment import default_judgment_timing

from .conftest import EXAMPLES

EXPECTED = Path(__file__).parent / "expected"
ON = dt.date(2026, 2, 2)
SIGN = {"signatory_name": "Priya Shah", "signatory_position": "Income Recovery Manager"}


def _position(reference: str, amount: str):
    case = read_case(EXAMPLES / f"{reference}.yaml")
    judgment = Judgment(
        claim_number="K00QZ123", court="County Court at Bromley", date=dt.date(2025, 12, 20), amount=Decimal(amount)
    )
    return case, judgment_position(case, judgment, ON)


def _built(name: str) -> dict[str, Any]:
    if name == "FTA-2025-0142.N225":
        case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
        issue = dt.date(2025, 11, 20)
        return n225_values(
            case,
            claim_figures_for(case, issue, "court"),
            default_judgment_timing(issue),
            claim_number="K00QZ123",
            issue_date=issue,
            request_date=dt.date(2025, 12, 10),
            **SIGN,
        )
    if name == "FTA-2025-0142.N1":
        case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
        issue = dt.date(2025, 11, 20)
        return n1_values(
            case,
            claim_figures_for(case, issue, "court"),
            issue_date=issue,
            hearing_centre="County Court at Bromley",
            **SIGN,
        )
    if name == "FTA-2025-0142.N349":
        case, position = _position("FTA-2025-0142", "2270.46")
        return enf.n349_values(
            case,
            position,
            ON,
            third_party="Northern Bank plc\n2 Park Row\nLeeds LS1 5AB",
            account_details="Park Row branch, sort code 40-11-22, account 12345678",
            belief="The debtor's housing benefit was paid into this account in November 2025.",
            **SIGN,
        )
    if name == "FTA-2025-0142.N323":
        case, position = _position("FTA-2025-0142", "2270.46")
        return enf.n323_values(case, position, ON, **SIGN)
    if name == "FTA-2025-0142.N293A":
        case, position = _position("FTA-2025-0142", "2270.46")
        return enf.n293a_values(
            case,
            position,
            ON,
            other_enforcement="Warrant K00QZ123/W1 issued 10 January 2026, returned unpaid",
            enforcement_officer="Marston Holdings HCEO",
            **SIGN,
        )
    if name == "FTA-2025-0142.N337":
        case, position = _position("FTA-2025-0142", "2270.46")
        return enf.n337_values(
            case, position, ON, employer="Greenwich Leisure Ltd\nMiddlegate House\nLondon SE18 6RN", **SIGN
        )
    if name == "FTA-2025-0142.N316":
        case, position = _position("FTA-2025-0142", "2270.46")
        return enf.n316_values(case, position, ON, officer_name="", officer_position="", **SIGN)
    if name == "FTA-2025-0142.N244":
        case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
        judgment = Judgment(
            claim_number="K00QZ123",
            court="County Court at Bromley",
            date=dt.date(2018, 3, 1),
            amount=Decimal("2270.46"),
        )
        return permission_values(
            case,
            judgment,
            judgment_position(case, judgment, ON),
            application_date=ON,
            route="writ_of_control",
            delay_reasons="the defendant paid by arrangement until 2024",
            **SIGN,
        )
    case, position = _position("CR-2025-0310", "8450.00")
    return enf.n316_values(case, position, ON, officer_name="Ann Roast", officer_position="Director")


def _canon(value: Any) -> Any:
    """The value as the golden file writes it: money and dates as text, an address as its lines."""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Address):
        return "\n".join(value.as_lines())
    return value


@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".yaml") for p in EXPECTED.glob("*.yaml")))
def test_form_boxes_match_the_hand_worked_values(name):
    golden = yaml.safe_load((EXPECTED / f"{name}.yaml").read_text(encoding="utf-8"))
    built = _built(name)
    assert set(built) == set(golden["values"]) | set(golden["law"]), "every box is in values: or law:"
    for box, want in golden["values"].items():
        assert _canon(built[box]) == want, box
