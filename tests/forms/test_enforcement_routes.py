"""Each enforcement route, run through the real interview headlessly: the officer's answers reach the form.

Why per route: answers once travelled as a loose dict read with ``.get(key, "")``, so the N349's
sort code and account number never arrived, every N349 said the debtor "has paid the claimant
from an account held with this third party", and every N244 asked for a warrant. Each test
gives distinctive answers and reads them back from the PDF the interview produced.

Figures: FTA-2025-0142's judgment (JUDGMENT below) is £2,270.46 with nothing paid since; it is
under £5,000, so no judgment interest runs (County Courts (Interest on Judgment Debts) Order 1991
art 2), and the balance due is £2,270.46 + £0.00 − £0.00 = £2,270.46.
"""

from __future__ import annotations

import json

import pytest

from docassemble.courtpack.documents.forms.official import read_fields
from docassemble.courtpack.errors import InterviewIncomplete
from docassemble.courtpack.headless.runner import run_interview

from .conftest import EXAMPLES, pdf_text, squash

pytestmark = pytest.mark.slow

JUDGMENT = {
    "judgment_claim_number": "K00QZ123",
    "judgment_court": "County Court at Bromley",
    "judgment_date": "2025-12-20",
    "judgment_amount": "2270.46",
    "judgment_paid_since": "0",
}
BASE = {
    **JUDGMENT,
    "as_at": "2026-02-02",
    "debtor_employed": False,
    "routes_seen": True,
    "signatory_name": "Priya Shah",
    "signatory_position": "Income Recovery Manager",
}
FTA = EXAMPLES / "FTA-2025-0142.yaml"


def _named(documents, fragment):
    found = [p for p in documents if fragment in p.name]
    assert len(found) == 1, (fragment, [p.name for p in documents])
    return found[0]


def test_warrant_n323_and_no_private_agent_letter(tmp_path):
    result = run_interview("enforcement", {**BASE, "chosen_routes": ["warrant_of_control"]}, tmp_path, FTA)
    text = squash(pdf_text(_named(result.documents, "N323")))
    assert "K00QZ123" in text and "20 December 2025" in text
    assert "£2,270.46" in text  # balance due, worked in the module docstring
    assert "Priya Shah" in text and "Income Recovery Manager" in text
    # a County Court warrant is executed by the court's own enforcement agents: no instruction letter, no referral
    assert not [p for p in result.documents if "instruction letter" in p.name or "referral" in p.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in result.documents)


def test_writ_n293a_other_enforcement_from_the_register_and_named_officer(tmp_path):
    from docassemble.courtpack.register import add_case
    from docassemble.courtpack.register.steps import record_step

    # the N293A is signed under a statement of truth: its "other enforcement" is what the register holds
    url = f"sqlite:///{tmp_path / 'register.db'}"
    add_case(url, FTA, who="tests")
    record_step(
        url,
        "FTA-2025-0142",
        "enforcement_issued",
        {"date": "2026-01-12", "type": "warrant_of_control", "reference": "K00QZ123/W1"},
        who="tests",
    )
    answers = {
        **BASE,
        "chosen_routes": ["writ_of_control"],
        "agent_name": "Marston Holdings HCEO",
        "agent_address": "1 High Street, Bromley BR1 1AA",
    }
    out = tmp_path / "out"
    result = run_interview("enforcement", answers, out, reference="FTA-2025-0142", register_url=url)
    text = squash(pdf_text(_named(result.documents, "N293A")))
    assert "Other enforcement is pending" in text  # from the register, not a ticked "no other enforcement"
    assert "Warrant of control issued on 12 January 2026 (reference K00QZ123/W1), no outcome yet" in text
    assert "Marston Holdings HCEO" in text
    letter = squash(pdf_text(_named(result.documents, "instruction letter.pdf")))
    assert "Marston Holdings HCEO" in letter and "1 High Street, Bromley BR1 1AA" in letter
    assert "appointed enforcement agent" not in letter
    record = json.loads(_named(result.documents, "referral.json").read_text())
    assert record["route"] == "writ_of_control" and record["outstanding"] == "2270.46"


def test_writ_without_a_named_officer_is_asked(tmp_path):
    answers = {**BASE, "chosen_routes": ["writ_of_control"]}
    with pytest.raises(InterviewIncomplete) as err:
        run_interview("enforcement", answers, tmp_path, FTA)
    assert err.value.variable == "agent_name"


def test_attachment_of_earnings_n337_carries_the_employer(tmp_path):
    answers = {
        **BASE,
        "debtor_employed": True,
        "chosen_routes": ["attachment_of_earnings"],
        "employer": "Greenwich Leisure Ltd, Middlegate House, London SE18 6RN",
    }
    result = run_interview("enforcement", answers, tmp_path, FTA)
    text = squash(pdf_text(_named(result.documents, "N337")))
    assert "Greenwich Leisure Ltd" in text and "Middlegate House" in text


def test_third_party_debt_order_n349_states_only_what_the_officer_said(tmp_path):
    answers = {
        **BASE,
        "chosen_routes": ["third_party_debt_order"],
        "third_party": "Northern Bank plc, 2 Park Row, Leeds LS1 5AB",
        "account_details": "sort code 40-11-22, account 12345678",
        "belief": "The debtor's housing benefit was paid into this account in November 2025.",
    }
    result = run_interview("enforcement", answers, tmp_path, FTA)
    text = squash(pdf_text(_named(result.documents, "N349")))
    assert "40-11-22" in text and "12345678" in text  # the account the officer gave
    assert "housing benefit was paid into this account in November 2025" in text
    assert "has paid the claimant from an account" not in text  # the old invented belief
    assert "CPR 72.5" in text  # service times noted


def test_third_party_debt_order_without_a_belief_is_asked(tmp_path):
    answers = {
        **BASE,
        "chosen_routes": ["third_party_debt_order"],
        "third_party": "Northern Bank plc",
        "account_details": "",
    }
    with pytest.raises(InterviewIncomplete) as err:
        run_interview("enforcement", answers, tmp_path, FTA)
    assert err.value.variable == "belief"


def test_order_to_obtain_information_n316a_names_the_officer(tmp_path):
    answers = {
        **BASE,
        "judgment_amount": "8406.14",
        "chosen_routes": ["order_to_obtain_information"],
        "officer_name": "Ann Roast",
        "officer_position": "Director",
    }
    result = run_interview("enforcement", answers, tmp_path, EXAMPLES / "CR-2025-0310.yaml")
    text = squash(pdf_text(_named(result.documents, "N316A")))
    assert "Ann Roast" in text and "Director" in text


def test_permission_n244_names_the_writ_when_a_writ_is_sought(tmp_path):
    answers = {
        **BASE,
        "judgment_date": "2018-03-01",
        "permission_granted": False,
        "chosen_routes": ["permission"],
        "permission_route": "writ_of_control",
        "delay_reasons": "The defendant paid by arrangement until 2024.",
    }
    result = run_interview("enforcement", answers, tmp_path, FTA)
    n244 = _named(result.documents, "N244")
    fields = read_fields(n244)
    order = fields.get("3. What order are you asking the court to make and why?") or pdf_text(n244)
    assert "to issue a writ of control" in order and "warrant" not in order


def test_permission_route_must_be_answered(tmp_path):
    answers = {
        **BASE,
        "judgment_date": "2018-03-01",
        "permission_granted": False,
        "chosen_routes": ["permission"],
        "delay_reasons": "The defendant paid by arrangement until 2024.",
    }
    with pytest.raises(InterviewIncomplete) as err:
        run_interview("enforcement", answers, tmp_path, FTA)
    assert err.value.variable == "permission_route"
