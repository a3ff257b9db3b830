"""An export's one-line accounts become register cases: addresses, names, later years, and the refusals."""

import datetime as dt
import json
from decimal import Decimal

import pytest

from docassemble.courtpack.cli import main
from docassemble.courtpack.documents.liability.accounts import Account
from docassemble.courtpack.interview_glue.liability_accounts import ensure_case
from docassemble.courtpack.register.case_records import load_case_facts
from docassemble.courtpack.register.db import session_for
from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.settings import read_settings_file
from docassemble.courtpack.register.steps import case_facts

from .conftest import NORTHGATE


def account(**changes):
    values = {
        "account": "7000001",
        "name": "Mr Ben Smith",
        "address": "Flat 2, 10 Elm Road, London SE13 1AB",
        "property": "Flat 2, 10 Elm Road, London SE13 1AB",
        "balance": Decimal("500.00"),
        "year": "2025/26",
        "due_date": dt.date(2025, 4, 1),
        "final_notice": dt.date(2026, 3, 2),
        "employer": "",
        "owner": False,
        "breathing_space_until": None,
    }
    return Account(**{**values, **changes})


def add(url, tax, item):
    with session_for(url, "tests") as session:
        return ensure_case(session, tax, item, read_settings_file(NORTHGATE))


def test_one_line_address_and_titled_name(register_db):
    assert add(register_db, "council_tax", account()) == ("CT-7000001", True)
    facts, _ = load_case_facts(register_db, "CT-7000001")
    debtor = facts.debtor
    assert (debtor.title, debtor.first_names, debtor.surname) == ("Mr", "Ben", "Smith")
    assert (debtor.address.lines, debtor.address.town, debtor.address.postcode) == (
        ("Flat 2", "10 Elm Road"),
        "London",
        "SE13 1AB",
    )
    assert [(e.date, e.description, e.amount) for e in facts.ledger] == [
        (dt.date(2025, 4, 1), "Council tax 2025/26", Decimal("500.00"))
    ]
    assert not facts.properties  # not an owner: no charging order without a title check


def test_company_with_town_before_the_postcode(register_db):
    item = account(name="Acme Trading Ltd", address="Unit 4, Station Approach, Bromley, BR1 1AA")
    assert add(register_db, "business_rates", item) == ("BR-7000001", True)
    facts, _ = load_case_facts(register_db, "BR-7000001")
    assert facts.debt.type.value == "business_rates" and facts.debtor.company_name == "Acme Trading Ltd"
    assert (facts.debtor.address.lines, facts.debtor.address.town) == (("Unit 4", "Station Approach"), "Bromley")


def test_a_later_year_joins_the_ledger_once(register_db):
    add(register_db, "council_tax", account())
    later = account(year="2026/27", due_date=dt.date(2026, 4, 1), balance=Decimal("620.40"))
    assert add(register_db, "council_tax", later) == ("CT-7000001", False)
    assert add(register_db, "council_tax", later) == ("CT-7000001", False)  # the same charge is not added twice
    facts, _ = load_case_facts(register_db, "CT-7000001")
    # 500.00 + 620.40 = 1,120.40
    assert [e.description for e in facts.ledger] == ["Council tax 2025/26", "Council tax 2026/27"]
    assert facts.balance() == Decimal("1120.40")


def test_address_without_a_postcode_is_refused_naming_case_and_field(register_db):
    with pytest.raises(RegisterError) as caught:
        add(register_db, "council_tax", account(address="10 Elm Road, London"))
    assert str(caught.value).startswith(
        "case CT-7000001, address: '10 Elm Road, London' does not end with a UK postcode"
    )
    with pytest.raises(RegisterError):
        load_case_facts(register_db, "CT-7000001")


def test_a_case_of_another_debt_type_is_not_taken_over(register_db):
    add(register_db, "council_tax", account())
    with session_for(register_db, "tests") as session:
        from sqlalchemy import select

        from docassemble.courtpack.register.models import Case

        session.scalar(select(Case).where(Case.reference == "CT-7000001")).debt_type = "sundry"
    with pytest.raises(RegisterError) as caught:
        add(register_db, "council_tax", account())
    assert "case CT-7000001 is a sundry case, not council tax" in str(caught.value)


def test_notices_then_summons_keep_one_story(example, tmp_path, register_db, capsys):
    common = [str(example / "accounts.csv"), "--mapping", str(example / "mapping.yaml")]
    final = ["liability", "notices", *common, "--kind", "final", "--issued", "2026-03-02", "--out", str(tmp_path / "f")]
    assert main(final) == 0
    batch = ["liability", "batch", *common, "--out", str(tmp_path / "b"), "--issued", "2026-03-16"]
    assert main([*batch, "--hearing", "2026-04-02"]) == 0
    # the final notice recorded by the notices run (2 March, as the export says) is not recorded again
    assert [s.step for s in case_facts(register_db, "CT-5100201").steps] == ["final_notice", "summons_issued"]
    facts, _ = load_case_facts(register_db, "CT-5100201")
    assert len(facts.ledger) == 1


def test_venue_advice_for_a_case_in_the_register(example, tmp_path, register_db, capsys):
    batch = [
        "liability",
        "batch",
        str(example / "accounts.csv"),
        "--mapping",
        str(example / "mapping.yaml"),
        "--out",
        str(tmp_path / "b"),
        "--issued",
        "2026-03-16",
        "--hearing",
        "2026-04-02",
    ]
    assert main(batch) == 0
    capsys.readouterr()
    assert main(["register", "show", "CT-5100210", "--on", "2026-03-20"]) == 0
    before = capsys.readouterr().out
    assert "Court: The magistrates' court" in before
    assert "Where it stands: summons NGT-20260402-0008 issued on 16 March 2026 for the hearing at " in before
    assert "Not yet: charging order on the debtor's home: Only once a liability order is held." in before
    assert main(["liability", "record-orders", "--hearing-date", "2026-04-02"]) == 0
    capsys.readouterr()
    assert main(["register", "show", "CT-5100210", "--on", "2026-04-20"]) == 0
    after = capsys.readouterr().out
    # 3,480.10 + 110.00 = 3,590.10: over £1,000 for a charging order, under £5,000 for bankruptcy
    assert "liability order made on 2 April 2026 by Bromley Magistrates' Court for £3,590.10" in after
    assert "Open now: attachment of earnings, deductions from benefits, enforcement agent" in after
    assert "charging order on the debtor's home" in after.split("Open now:")[1].split("\n")[0]
    assert "Not yet: bankruptcy or winding-up petition: £3,590.10 does not meet" in after


def test_a_county_court_case_shows_its_own_route(example, register_db, capsys):
    assert main(["register", "add", str(example.parent / "FTA-2025-0142.yaml")]) == 0
    capsys.readouterr()
    assert main(["register", "show", "FTA-2025-0142", "--on", "2026-04-20"]) == 0
    shown = capsys.readouterr().out.split("Route (as at 20 April 2026):")[1]
    assert "Court: The County Court (a money claim" in shown
    assert "First: letter before claim; then County Court money claim." in shown
    assert "Where it stands" not in shown  # that line is for the magistrates' court route


def test_the_case_screen_on_the_server_shows_the_route(example, tmp_path, register_db, capsys):
    from docassemble.courtpack.interview_glue.start import case_route

    assert main(["register", "add", str(example.parent / "FTA-2025-0142.yaml")]) == 0
    lines = case_route("FTA-2025-0142").splitlines()
    assert lines[0].startswith("- Court: The County Court") and all(line.startswith("- ") for line in lines)


def test_the_work_list_follows_the_magistrates_court_route(example, tmp_path, register_db, capsys):
    from docassemble.courtpack.register.worklist import caseload_by_stage, officer_worklist

    common = [str(example / "accounts.csv"), "--mapping", str(example / "mapping.yaml")]
    final = ["liability", "notices", *common, "--kind", "final", "--issued", "2026-03-02", "--out", str(tmp_path / "f")]
    assert main(final) == 0
    items = {i.reference: i for i in officer_worklist(register_db, "Priya Shah", dt.date(2026, 3, 5))}
    # final notice issued 2 March: the 7 days beginning that day end 8 March, so the summons from 9 March
    ben = items["CT-5100201"]
    assert (ben.stage, ben.next_action, ben.due, ben.task) == (
        "final notice sent",
        "Summons can be issued if still unpaid from",
        dt.date(2026, 3, 9),
        "liability_orders",
    )
    batch = ["liability", "batch", *common, "--out", str(tmp_path / "b"), "--issued", "2026-03-16"]
    assert main([*batch, "--hearing", "2026-04-02"]) == 0
    items = {i.reference: i for i in officer_worklist(register_db, "Priya Shah", dt.date(2026, 3, 20))}
    assert (items["CT-5100201"].stage, items["CT-5100201"].due) == ("summoned", dt.date(2026, 4, 2))
    assert items["CT-5100205"].stage == "final notice sent"  # left out of the batch: its notice was too recent
    stages = dict(caseload_by_stage(register_db, dt.date(2026, 3, 20)))
    assert (stages["summoned"], stages["final notice sent"], stages["new"]) == (9, 3, 0)
    assert "liability order" not in stages  # a stage with no case on the magistrates' route is not listed


def test_case_check_finds_the_recorded_documents_agree(example, tmp_path, register_db, capsys):
    export = tmp_path / "export.csv"
    text = (example / "accounts.csv").read_text(encoding="utf-8").replace("Dev Nowak", "Mr.  Dev Nowak")
    export.write_text(text, encoding="utf-8")
    batch = [
        "liability",
        "batch",
        str(export),
        "--mapping",
        str(example / "mapping.yaml"),
        "--out",
        str(tmp_path / "b"),
    ]
    assert main([*batch, "--issued", "2026-03-16", "--hearing", "2026-04-02"]) == 0
    assert main(["liability", "record-orders", "--hearing-date", "2026-04-02"]) == 0
    next_step = ["liability", "next", "CT-5100203", "--step", "enforcement_agent", "--out", str(tmp_path / "n")]
    assert main([*next_step, "--on", "2026-04-20"]) == 0
    capsys.readouterr()
    # the export's "Mr.  Dev Nowak" is the case's "Mr Dev Nowak" on every document recorded for it
    assert main(["case", "check", "CT-5100203", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"reference": "CT-5100203", "problems": []}
