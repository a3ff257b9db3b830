"""The claim-to-enforcement interviews, driven headlessly through docassemble's engine."""

from __future__ import annotations

import csv
import json

import pytest

from docassemble.courtpack.documents.forms.official import read_fields
from docassemble.courtpack.errors import InterviewIncomplete, NotReadyError
from docassemble.courtpack.headless.runner import run_interview

from .conftest import EXAMPLES, pdf_text, squash

pytestmark = pytest.mark.slow

CLAIM = {
    "letter_before_claim_date": "2025-09-01",
    "issue_date": "2025-11-20",
    "hearing_centre": "Lewisham",
    "human_rights": False,
    "claimant_vulnerable": False,
    "signatory_name": "Priya Shah",
    "signatory_position": "Debt Recovery Officer",
    "claim_checked": True,
}
JUDGMENT = {
    "judgment_claim_number": "K00QZ123",
    "judgment_court": "County Court at Bromley",
    "judgment_date": "2025-12-20",
    "judgment_amount": "2270.46",
    "judgment_paid_since": "0",
}
SIGN = {"signatory_name": "Priya Shah", "signatory_position": "Debt Recovery Officer"}


def _named(documents, fragment):
    return next(p for p in documents if fragment in p.name)


def test_money_claim_produces_n1_particulars_and_covering_letter(tmp_path, official_forms_dir):
    result = run_interview("money_claim", CLAIM, tmp_path, EXAMPLES / "FTA-2025-0142.yaml")
    names = [p.name for p in result.documents]
    assert "FTA-2025-0142 N1 claim form.pdf" in names
    assert "FTA-2025-0142 particulars of claim.pdf" in names
    assert "FTA-2025-0142 covering letter to the Civil National Business Centre.pdf" in names
    assert all(p.is_file() and p.parent == tmp_path for p in result.documents)
    figures = json.loads(_named(result.documents, "claim figures").read_text())
    n1 = read_fields(_named(result.documents, "N1 claim form"))
    # debt 2,037.98 + s.69 interest item by item 151.86 (tests/law/test_itemised_interest.py works it) = 2,189.84
    # claimed; + issue fee 115.00 (£1,500.01-£3,000) = 2,304.84; no legal representative's costs (officer acting)
    assert n1["Text25"] == f"{float(figures['claim_value']):,.2f}" == "2,189.84" and n1["Text28"] == "2,304.84"
    assert n1["Text Field 28"] == "Lewisham"
    particulars = pdf_text(_named(result.documents, "particulars of claim.pdf"))
    assert "section 69 of the County Courts Act 1984 at the rate of 8% a year" in particulars
    assert f"it continues at the daily rate of £{figures['daily_rate']}" in particulars
    # each sum from when it fell due: e.g. Rent December 2024, 568.40 x 8% x 353 / 365 = 43.98
    assert "£568.40 (Rent December 2024) from 2 December 2024 to 20 November 2025, 353 days, £43.98" in particulars
    # the part of the arrears brought forward paid on 16 December 2024: 200.00 x 8% x 42 / 365 = 1.84
    assert (
        "£200.00 (Arrears brought forward) from 4 November 2024 to 16 December 2024, when it was paid, 42 days, "
        "£1.84" in particulars
    )
    assert "The interest to the date of issue is £151.86" in particulars
    assert (
        squash(
            "The claimant believes that the facts stated in these particulars of claim are true. I understand "
            "that proceedings for contempt of court may be brought against anyone who makes, or causes to be "
            "made, a false statement in a document verified by a statement of truth without an honest belief "
            "in its truth."
        )
        in particulars
    )
    letter = pdf_text(_named(result.documents, "covering letter").with_suffix(".pdf"))
    assert "PBA0012345" in letter and "£2,304.84" in letter and "£115.00" in letter


def test_money_claim_missing_answer_names_the_variable(tmp_path):
    answers = {k: v for k, v in CLAIM.items() if k != "hearing_centre"}
    with pytest.raises(InterviewIncomplete) as err:
        run_interview("money_claim", answers, tmp_path, EXAMPLES / "FTA-2025-0142.yaml")
    assert err.value.variable == "hearing_centre"


def test_money_claim_refused_before_the_protocol_period_has_run(tmp_path):
    with pytest.raises(NotReadyError, match="issue from 2 December 2025") as err:
        run_interview(
            "money_claim",
            {**CLAIM, "letter_before_claim_date": "2025-11-01"},
            tmp_path,
            EXAMPLES / "FTA-2025-0142.yaml",
        )
    assert "It becomes possible from 2 December 2025" in str(err.value)
    assert not list(tmp_path.glob("*.pdf"))


def test_money_claim_refused_when_statute_barred(tmp_path, case_file):
    def old(data):
        data["ledger"] = [{"date": "2017-01-02", "description": "Rent", "amount": "500.00", "kind": "charge"}]
        data["interest"] = {"basis": "statutory", "from_date": "2017-01-02"}

    with pytest.raises(NotReadyError, match="statute-barred"):
        run_interview("money_claim", CLAIM, tmp_path, case_file("FTA-2025-0142", old))


def test_money_claim_refused_during_a_breathing_space(tmp_path, case_file):
    def space(data):
        data["debtors"][0]["breathing_spaces"] = [{"start": "2025-11-01"}]

    with pytest.raises(NotReadyError, match="breathing space") as err:
        run_interview("money_claim", CLAIM, tmp_path, case_file("FTA-2025-0142", space))
    assert "1 January 2026" in str(err.value)  # 60 days from 1 November, possible the day after


def test_default_judgment_dates_and_n225(tmp_path):
    answers = {
        "claim_number": "K00QZ123",
        "issue_date": "2025-11-20",
        "service_method": "court",
        "acknowledged": False,
        "timing_seen": True,
        "request_date": "2025-12-10",
        "payment_terms": "forthwith",
        "paid_since": 0,
        **SIGN,
    }
    result = run_interview("default_judgment", answers, tmp_path, EXAMPLES / "FTA-2025-0142.yaml")
    note = json.loads(_named(result.documents, "judgment request dates").read_text())
    assert note["deemed_service"] == "2025-11-25" and note["earliest_request"] == "2025-12-10"
    text = pdf_text(_named(result.documents, "N225"))
    # claim as stated on the N1: 2,037.98 + 151.86 item-by-item interest = 2,189.84; interest since issue
    # 2,037.98 x 8% / 365 = 0.44668 a day x 20 days (20 November to 10 December) = 8.93;
    # + fee 115.00 = 2,313.77 payable
    assert "K00QZ123" in text and "£2,189.84" in text and "£8.93" in text and "£2,313.77" in text
    assert "25 November 2025" in text
    with pytest.raises(NotReadyError, match="from 10 December 2025"):
        run_interview(
            "default_judgment",
            {**answers, "request_date": "2025-12-05"},
            tmp_path / "early",
            EXAMPLES / "FTA-2025-0142.yaml",
        )
    with pytest.raises(InterviewIncomplete) as err:
        run_interview(
            "default_judgment",
            {k: v for k, v in answers.items() if k != "service_method"},
            tmp_path / "missing",
            EXAMPLES / "FTA-2025-0142.yaml",
        )
    assert err.value.variable == "service_method"


def test_charging_order_n379_and_deadlines(tmp_path):
    answers = {
        **JUDGMENT,
        "judgment_amount": "8406.14",
        "application_date": "2026-02-02",
        "title_number": "",
        "debtor_interest": "",
        "other_creditors": "Yorkshire Bank plc (registered charge)",
        "persons_to_serve": "",
        "interim_order_date": "2026-02-09",
        **SIGN,
    }
    result = run_interview("charging_order", answers, tmp_path, EXAMPLES / "CR-2025-0310.yaml")
    note = json.loads(_named(result.documents, "charging order dates").read_text())
    assert note["title_number"] == "WYK123456"
    assert note["serve_by"] == "2026-03-02" and note["objections_by"] == "2026-03-30"
    text = pdf_text(_named(result.documents, "N379"))
    assert "WYK123456" in text and "leasehold owner" in text and "Yorkshire Bank plc" in text
    with pytest.raises(InterviewIncomplete) as err:
        run_interview(
            "charging_order",
            {k: v for k, v in answers.items() if k != "interim_order_date"},
            tmp_path / "missing",
            EXAMPLES / "CR-2025-0310.yaml",
        )
    assert err.value.variable == "interim_order_date"


def test_enforcement_writ_and_referral_pack(tmp_path):
    answers = {
        **JUDGMENT,
        "as_at": "2026-02-02",
        "debtor_employed": False,
        "routes_seen": True,
        "chosen_routes": ["writ_of_control", "order_to_obtain_information"],
        "agent_name": "Bailiff Services Ltd",
        "agent_address": "1 High Street, Bromley BR1 1AA",
        **SIGN,
    }
    result = run_interview("enforcement", answers, tmp_path, EXAMPLES / "FTA-2025-0142.yaml")
    names = [p.name for p in result.documents]
    assert "FTA-2025-0142 N293A certificate of judgment and request for writ of control.pdf" in names
    assert "FTA-2025-0142 N316 order to obtain information.pdf" in names
    record = json.loads(_named(result.documents, "referral.json").read_text())
    assert record["outstanding"] == "2270.46" and record["claim_number"] == "K00QZ123"
    assert {"daily_interest", "vulnerability", "debtor_name"} <= set(record)
    with _named(result.documents, "referral.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [record]
    letter = pdf_text(_named(result.documents, "instruction letter.pdf"))
    assert "Bailiff Services Ltd" in letter and "writ of control" in letter


def test_enforcement_blocked_route_is_refused_with_the_reason(tmp_path):
    answers = {
        **JUDGMENT,
        "as_at": "2026-02-02",
        "debtor_employed": False,
        "routes_seen": True,
        "chosen_routes": ["attachment_of_earnings"],
        **SIGN,
    }
    with pytest.raises(NotReadyError, match="not known to be employed"):
        run_interview("enforcement", answers, tmp_path, EXAMPLES / "FTA-2025-0142.yaml")


def test_old_judgment_needs_permission_then_n244(tmp_path):
    old = {
        **JUDGMENT,
        "judgment_date": "2018-03-01",
        "as_at": "2026-02-02",
        "debtor_employed": False,
        "routes_seen": True,
        "permission_granted": False,
        **SIGN,
    }
    with pytest.raises(NotReadyError, match="apply for permission on N244"):
        run_interview(
            "enforcement", {**old, "chosen_routes": ["warrant_of_control"]}, tmp_path, EXAMPLES / "FTA-2025-0142.yaml"
        )
    result = run_interview(
        "enforcement",
        {
            **old,
            "chosen_routes": ["permission"],
            "permission_route": "warrant_of_control",
            "delay_reasons": "The defendant paid by arrangement until 2024.",
        },
        tmp_path / "n244",
        EXAMPLES / "FTA-2025-0142.yaml",
    )
    n244 = _named(result.documents, "N244")
    text = pdf_text(n244) if "official" not in n244.name else ""
    fields = read_fields(n244)
    evidence = fields.get("evidence set out in the box below") or text
    assert "The amount originally due under the judgment was £2,270.46" in evidence
    assert "paid by arrangement until 2024" in evidence


def test_carry_case_through_claim_to_enforcement(tmp_path, monkeypatch):
    import datetime as dt

    from docassemble.courtpack.cli.demo_case import carry_case_through
    from docassemble.courtpack.register import open_register
    from docassemble.courtpack.register.demo import load_demo

    url = f"sqlite:///{tmp_path / 'register.db'}"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    register = open_register(url)
    try:
        load_demo(register, EXAMPLES, None, dt.date(2025, 11, 23))
        documents = carry_case_through(register, "CR-2025-0310", EXAMPLES, tmp_path, dt.date(2025, 11, 23))
    finally:
        register.dispose()
    assert all(p.is_file() and p.parent == tmp_path / "CR-2025-0310" for p in documents)
    names = " | ".join(p.name for p in documents)
    for part in (
        "N1 claim form",
        "particulars of claim.pdf",
        "covering letter",
        "N225",
        "N293A",
        "N316A",
        "enforcement referral.csv",
        "N379",
        "charging order dates.json",
    ):
        assert part in names
