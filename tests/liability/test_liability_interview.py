"""liability_orders.yml, driven headlessly from the council tax example, with the register's council settings."""

from decimal import Decimal

import pytest

from docassemble.courtpack.errors import InterviewIncomplete, NotReadyError
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.register.settings import read_settings_file, save_settings
from docassemble.courtpack.register.steps import case_facts

pytestmark = pytest.mark.slow


def batch_answers(example):
    return {
        "task": "batch",
        "accounts_export": str(example / "accounts.csv"),
        "accounts_mapping": str(example / "mapping.yaml"),
        "issued": "2026-03-16",
        "hearing": "2026-04-02",
        "hearing_time": "10:00",
    }


def test_batch_result_and_next_step_through_the_register(example, tmp_path, register_db):
    result = run_interview("liability_orders", batch_answers(example), tmp_path / "out", register_url=register_db)
    assert result.title == "The liability order batch is ready"
    names = [p.name for p in result.documents]
    assert names[:2] == ["complaint list.csv", "complaint schedule.docx"] and len(names) == 11  # 9 summonses
    assert case_facts(register_db, "CT-5100203").latest("summons_issued").facts["hearing_date"] == "2026-04-02"

    hearing = {"task": "result", "tax": "council_tax", "hearing_date": "2026-04-02"}
    result = run_interview(
        "liability_orders",
        {**hearing, "withdrawn_accounts": "5100202 = paid in full"},
        tmp_path / "result",
        register_url=register_db,
    )
    assert result.title == "The hearing's result is recorded"
    # 2,310.00 + 70.00 summons + 40.00 order costs
    assert case_facts(register_db, "CT-5100203").latest("liability_order").facts["amount"] == "2420.00"
    assert case_facts(register_db, "CT-5100202").latest("summons_withdrawn").facts["reason"] == "paid in full"

    step = {
        "task": "next",
        "case_reference": "CT-5100203",
        "next_step_kind": "attachment_of_earnings",
        "document_date": "2026-04-20",
        "net_earnings": "1800",
        "pay_period": "monthly",
    }
    result = run_interview("liability_orders", step, tmp_path / "next", register_url=register_db)
    assert [p.name for p in result.documents] == ["CT-5100203 attachment of earnings.docx"]
    assert (
        case_facts(register_db, "CT-5100203").latest("liability_enforcement").facts["kind"] == "attachment_of_earnings"
    )


def test_stops_at_the_hearing(example, tmp_path, register_db):
    answers = {k: v for k, v in batch_answers(example).items() if k in ("task", "accounts_export", "accounts_mapping")}
    with pytest.raises(InterviewIncomplete) as caught:
        run_interview("liability_orders", answers, tmp_path, register_url=register_db)
    assert caught.value.variable == "issued"


def test_missing_liability_settings_says_what_to_do(example, tmp_path):
    url = f"sqlite:///{tmp_path / 'bare.db'}"
    save_settings(url, read_settings_file(example.parent / "settings" / "lewisham.yaml"), who="tests")
    with pytest.raises(NotReadyError) as caught:
        run_interview("liability_orders", batch_answers(example), tmp_path / "out", register_url=url)
    assert "no liability_orders section" in str(caught.value) and "courtpack settings set" in str(caught.value)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.docx"))


def test_saving_settings_through_their_interview_keeps_the_liability_section(tmp_path, register_db, monkeypatch):
    from docassemble.courtpack.register.settings import council_settings

    stored = council_settings(register_db)
    answers = {
        "legal_name": "London Borough of Northgate",
        "address_line_1": "Town Hall",
        "address_line_2": "1 High Street",
        "address_town": "London",
        "address_postcode": "SE13 5XD",
        "service_line_1": "Legal Services",
        "service_line_2": "Town Hall, 1 High Street",
        "service_town": "London",
        "service_postcode": "SE13 5XD",
        "team": "Council Tax Recovery",
        "phone": "020 7946 0111",
        "email": "counciltax@northgate.example.gov.uk",
        "payment_details": "Pay online at northgate.example.gov.uk/pay.",
        "fee_account": "PBA0077001",
        "legal_department_conducts": False,
        "signatories": [
            {
                "name": "Priya Shah",
                "position": "Recovery Team Leader",
                "senior_position": True,
                "legal_representative": False,
            }
        ],
        "agents": [],
        "settings_checked": True,
    }
    result = run_interview("council_settings", answers, tmp_path / "out", register_url=register_db)
    assert result.title.startswith("The council settings are saved")
    again = council_settings(register_db)
    # the settings screens do not ask for the liability order section: saving them must not wipe it
    assert again.phone == "020 7946 0111" and again.liability_orders == stored.liability_orders
    assert again.liability().costs.total == Decimal("110.00")  # 70.00 summons + 40.00 liability order
