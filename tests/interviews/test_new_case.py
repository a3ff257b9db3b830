"""new_case.yml driven headlessly: the answers become a case in the register and a case file that validates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import yaml
from sqlalchemy import select

from docassemble.courtpack.case import read_case
from docassemble.courtpack.errors import InterviewIncomplete
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.register import open_register
from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.models import Case, CaseStep, LedgerEntry, Party
from docassemble.courtpack.register.settings import read_settings_file, save_settings

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow
ANSWERS = yaml.safe_load((EXAMPLES / "answers" / "new_case.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def register(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    save_settings(url, read_settings_file(EXAMPLES / "settings" / "lewisham.yaml"), who="manager")
    reg = open_register(url)
    yield reg
    reg.dispose()


def test_new_case_is_saved_in_the_register(register, tmp_path):
    result = run_interview("new_case", {**ANSWERS, "letter_sent": "2026-01-12"}, tmp_path / "out")
    assert result.title == "The case is saved in the register"
    assert [p.name for p in result.documents] == ["GR-2026-0015.yaml"]
    case = read_case(result.documents[0])
    assert case.debtor.name == "Ms Grace Abena Mensah"
    # the officer who entered it deals with it: their email puts it on their work list (tests/conftest.py's user)
    assert case.claimant.officer_email == "tests@council.example.com"
    # 65.00 x 4 charges - 30.00 paid = 230.00
    assert case.balance() == Decimal("230.00")
    with register.transaction() as s:
        assert s.execute(select(Case.reference, Case.debt_type, Case.debtor_name, Case.balance)).all() == [
            ("GR-2026-0015", "garage_rent", "Ms Grace Abena Mensah", Decimal("230.00"))
        ]
        assert s.execute(select(Party.role, Party.name, Party.postcode).order_by(Party.position)).all() == [
            ("claimant", "London Borough of Lewisham", "SE6 4RU"),
            ("debtor", "Ms Grace Abena Mensah", "SE6 3JL"),
        ]
        assert s.execute(
            select(LedgerEntry.entry_date, LedgerEntry.kind, LedgerEntry.amount).order_by(LedgerEntry.entry_date)
        ).all() == [
            (dt.date(2025, 9, 1), "charge", Decimal("65.00")),
            (dt.date(2025, 10, 1), "charge", Decimal("65.00")),
            (dt.date(2025, 10, 14), "payment", Decimal("30.00")),
            (dt.date(2025, 11, 1), "charge", Decimal("65.00")),
            (dt.date(2025, 12, 1), "charge", Decimal("65.00")),
        ]
        assert s.execute(select(CaseStep.step, CaseStep.happened_on)).all() == [
            ("letter_before_claim_sent", dt.date(2026, 1, 12))
        ]
    # the same reference again is refused, and the register is unchanged
    with pytest.raises(RegisterError, match="case GR-2026-0015 is already in the register"):
        run_interview("new_case", ANSWERS, tmp_path / "again")


def test_company_debtor_and_missing_answers(register, tmp_path):
    answers = {
        **ANSWERS,
        "reference": "SD-2026-0001",
        "debt_type": "sundry",
        "debt_description": "hire of Mountsfield Park on 14 June 2025",
        "debtors": [
            {
                "kind": "company",
                "company_name": "Adebayo Events Ltd",
                "company_number": "11223344",
                "line_1": "68 Molesworth Street",
                "town": "London",
                "postcode": "SE13 7EU",
            }
        ],
        "agreement_kind": "oral",
        "agreement_made_by": "Ms T Adebayo to the council's events officer",
        "agreement_place": "by telephone",
        "interest_basis": "late_payment",
    }
    del answers["property_address"]  # a sundry debt has no property, so it is not asked
    result = run_interview("new_case", answers, tmp_path / "out")
    case = read_case(result.documents[0])
    assert (case.debtor.name, case.debt.agreement.made_by, case.debt.property_address) == (
        "Adebayo Events Ltd",
        "Ms T Adebayo to the council's events officer",
        None,
    )
    incomplete = {k: v for k, v in ANSWERS.items() if k != "ledger_rows"}
    incomplete["reference"] = "GR-2026-0099"
    with pytest.raises(InterviewIncomplete) as err:
        run_interview("new_case", incomplete, tmp_path / "incomplete")
    assert err.value.variable.startswith("ledger_rows")


def test_a_bad_postcode_names_the_field(register, tmp_path):
    answers = {**ANSWERS, "reference": "GR-2026-0020"}
    answers["debtors"] = [{**ANSWERS["debtors"][0], "postcode": "SE6 ZZZ"}]
    with pytest.raises(Exception, match=r"debtors\[0\]\.address\.postcode: 'SE6 ZZZ' is not a UK postcode"):
        run_interview("new_case", answers, tmp_path / "out")
    with register.transaction() as s:
        assert s.scalars(select(Case.reference)).all() == []


def test_edit_case_changes_the_case_with_the_version_check(register, tmp_path):
    run_interview("new_case", ANSWERS, tmp_path / "new")
    edit = {
        "case_reference": "GR-2026-0015",
        "edit_checked": True,
        "debtor_edit": {
            "line_1": "Flat 9, 40 Bromley Road",
            "town": "London",
            "postcode": "SE6 2UA",
            "email": "grace.mensah@example.com",
            "phone": "",
            "vulnerability": "Prefers email",
        },
        "new_rows": [
            {"date": "2026-01-01", "kind": "charge", "description": "Garage rent January 2026", "amount": "65.00"}
        ],
    }
    result = run_interview("edit_case", edit, tmp_path / "edit")
    case = read_case(result.documents[0])
    assert (case.debtor.address.one_line(), case.debtor.phone, case.debtor.vulnerability) == (
        "Flat 9, 40 Bromley Road, London, SE6 2UA",
        "",
        "Prefers email",
    )
    # 230.00 + 65.00 = 295.00
    assert case.balance() == Decimal("295.00")
    with register.transaction() as s:
        assert s.execute(select(Case.reference, Case.balance, Case.version)).all() == [
            ("GR-2026-0015", Decimal("295.00"), 2)
        ]


def test_a_stale_edit_is_refused(register, tmp_path):
    from docassemble.courtpack.headless.context import Actor, StepContext, headless_step
    from docassemble.courtpack.interview_glue.new_case import edited_case, load_for_edit, save_case_answers
    from docassemble.courtpack.register.errors import ConcurrentUpdateError

    run_interview("new_case", ANSWERS, tmp_path / "new")
    officer = Actor("olu.officer@council.example.com", frozenset({"officer"}))
    with headless_step(StepContext(actor=officer, output_dir=tmp_path)):
        case, version = load_for_edit("GR-2026-0015")
        address = {"line_1": "Flat 9, 40 Bromley Road", "town": "London", "postcode": "SE6 2UA"}
        # someone else saved a change first (a new phone number)
        save_case_answers(
            edited_case(case, {**address, "phone": "020 7946 0001"}, []), tmp_path, expected_version=version
        )
        with pytest.raises(ConcurrentUpdateError, match="reload the case"):
            save_case_answers(
                edited_case(case, {**address, "phone": "020 7946 0002"}, []), tmp_path, expected_version=version
            )


def test_the_account_from_an_uploaded_statement(register, tmp_path):
    statement = tmp_path / "garage statement.csv"
    statement.write_text(
        "Posted,Narrative,Value\n01/09/2025,Garage rent September 2025,65.00\n"
        "14/10/2025,Payment received,-30.00\n01/10/2025,Garage rent October 2025,65.00\n",
        encoding="utf-8",
    )
    answers = {
        **ANSWERS,
        "account_source": "statement",
        "statement_file": str(statement),
        "statement_date_column": "Posted",
        "statement_description_column": "Narrative",
        "statement_amount_column": "Value",
        "statement_date_format": "%d/%m/%Y",
        "statement_charges_are": "positive",
    }
    del answers["ledger_rows"]
    case = read_case(run_interview("new_case", answers, tmp_path / "out").documents[0])
    assert [(e.date, e.kind.value, e.amount) for e in case.ledger] == [
        (dt.date(2025, 9, 1), "charge", Decimal("65.00")),
        (dt.date(2025, 10, 1), "charge", Decimal("65.00")),
        (dt.date(2025, 10, 14), "payment", Decimal("30.00")),
    ]
    # 65.00 + 65.00 - 30.00 = 100.00
    assert case.balance() == Decimal("100.00")


def test_case_step_records_the_claim_number_with_a_court_day_warning(register, tmp_path):
    from docassemble.courtpack.register.steps import case_facts

    run_interview("new_case", ANSWERS, tmp_path / "new")
    # Saturday 7 February 2026 (7 February 2026: 1 January is a Thursday, + 37 days = Saturday)
    result = run_interview(
        "case_step",
        {
            "case_reference": "GR-2026-0015",
            "step": "claim_issued",
            "step_facts_asked": True,
            "step_facts": {"date": "2026-02-07", "claim_number": "M2QZ4B7K", "court": "Civil National Business Centre"},
        },
        tmp_path / "step",
    )
    assert result.title == "Recorded"
    story = case_facts(register, "GR-2026-0015")
    assert [(s.step, s.happened_on, s.facts["claim_number"]) for s in story.steps] == [
        ("claim_issued", dt.date(2026, 2, 7), "M2QZ4B7K")
    ]
