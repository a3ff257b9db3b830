"""The liability order batch from the council tax example: summonses, complaint list, orders and next steps."""

import csv
import datetime as dt
from decimal import Decimal

import docx
import pytest

from docassemble.courtpack.cli import main
from docassemble.courtpack.documents.liability.accounts import read_accounts, read_liability_mapping
from docassemble.courtpack.documents.liability.batch import summons_batch
from docassemble.courtpack.documents.liability.synthetic import generated_export
from docassemble.courtpack.interview_glue.liability_cases import liability_settings
from docassemble.courtpack.register.case_records import load_case_facts
from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.settings import read_settings_file
from docassemble.courtpack.register.steps import case_facts, record_step

from .conftest import NORTHGATE


def text_of(path):
    document = docx.Document(str(path))
    return "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )


def batch_args(example, out, *extra):
    return [
        "liability",
        "batch",
        str(example / "accounts.csv"),
        "--mapping",
        str(example / "mapping.yaml"),
        "--out",
        str(out),
        "--issued",
        "2026-03-16",
        *extra,
    ]


def test_example_batch(example, tmp_path, register_db, capsys):
    out = tmp_path / "batch"
    assert main(batch_args(example, out, "--hearing", "2026-04-02")) == 0
    printed = capsys.readouterr().out
    # 12 accounts: 5100205's final notice (18 March) is too recent; 5100209's sum fell due 1 March 2020, and
    # six years beginning that day ended on 28 February 2026; 5100207 is in a breathing space to 15 May 2026.
    assert "left out 5100205" in printed and "left out 5100209" in printed
    assert "left out 5100207: A breathing space is active until 15 May 2026" in printed
    assert len(list(out.glob("NGT-20260402-* summons *.docx"))) == 9
    with (out / "complaint list.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 9
    ben = next(r for r in rows if r["account"] == "5100201")
    # 1,045.20 + costs 70.00 + 40.00 = 1,155.20
    assert (ben["amount_outstanding"], ben["costs"], ben["total"]) == ("1045.20", "110.00", "1155.20")
    schedule = text_of(out / "complaint schedule.docx")
    # 312.45+1045.20+87.10+2310.00+655.55+410.00+1200.00+3480.10+742.60 = 10,243.00; costs 9 x 110 = 990.00
    assert "£10,243.00" in schedule and "£990.00" in schedule and "£11,233.00" in schedule
    summons = text_of(out / "NGT-20260402-0004 summons 5100203.docx")
    assert "on 2 April 2026 at 10:00" in summons and "£2,420.00" in summons and "(verify)" not in summons


def test_hearing_too_soon_is_refused_and_writes_nothing(example, tmp_path, register_db, capsys):
    out = tmp_path / "batch"
    # posted Mon 16 March -> served Wed 18 March -> 14 whole days -> earliest 2 April; 1 April is refused
    assert main(batch_args(example, out, "--hearing", "2026-04-01")) == 2
    assert "the order may be made from 2 April 2026" in capsys.readouterr().err
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_bad_amount_names_line_and_column(example, tmp_path, register_db, capsys):
    bad = tmp_path / "accounts.csv"
    bad.write_text((example / "accounts.csv").read_text(encoding="utf-8").replace("87.10", "87.1O"), encoding="utf-8")
    args = batch_args(example, tmp_path / "out", "--hearing", "2026-04-02")
    args[2] = str(bad)
    assert main(args) == 2
    assert "line 4, column 'Arrears'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def story(url, reference):
    return case_facts(url, reference)


def test_each_summons_is_a_case_in_the_register(example, tmp_path, register_db, capsys):
    assert main(batch_args(example, tmp_path / "batch", "--hearing", "2026-04-02")) == 0
    dev = story(register_db, "CT-5100203")
    # the export's final notice (2 March 2026) and the summons, with its hearing and the agreed costs
    assert [s.step for s in dev.steps] == ["final_notice", "summons_issued"]
    summons = dev.latest("summons_issued")
    assert summons.facts == {
        "date": "2026-03-16",
        "summons_number": "NGT-20260402-0004",
        "court": "Bromley Magistrates' Court",
        "hearing_date": "2026-04-02",
        "hearing_time": "10:00",
        "year": "2025/26",
        "balance": "2310.00",
        "summons_costs": "70.00",
        "order_costs": "40.00",
    }
    facts, _ = load_case_facts(register_db, "CT-5100203")
    assert facts.debt.type.value == "council_tax" and facts.debtor.surname == "Nowak"
    assert (facts.debtor.address.lines, facts.debtor.address.town, facts.debtor.address.postcode) == (
        ("13 Elm Road",),
        "London",
        "SE13 4AB",
    )
    assert facts.debtor.employer.startswith("Northgate Hospital Trust") and facts.properties  # owner: Y
    assert facts.claimant.name == "London Borough of Northgate"
    # the three accounts left out are not summoned, so have no case
    with pytest.raises(RegisterError):
        load_case_facts(register_db, "CT-5100205")
    # a second batch before the hearing's result is recorded summons nobody twice
    assert main(batch_args(example, tmp_path / "again", "--hearing", "2026-04-09")) == 2
    assert "Already summoned (NGT-20260402-0001) for the hearing on 2 April 2026" in capsys.readouterr().err
    assert not (tmp_path / "again" / "complaint list.csv").exists()


def test_missing_liability_settings_is_refused_before_anything_is_written(example, tmp_path, monkeypatch, capsys):
    from docassemble.courtpack.register.settings import read_settings_file, save_settings

    url = f"sqlite:///{tmp_path / 'bare.db'}"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    save_settings(url, read_settings_file(example.parent / "settings" / "lewisham.yaml"), who="tests")
    assert main(batch_args(example, tmp_path / "out", "--hearing", "2026-04-02")) == 2
    err = capsys.readouterr().err
    assert "London Borough of Lewisham have no liability_orders section" in err and "courtpack settings set" in err
    assert not (tmp_path / "out").exists()


def record(*args):
    return main(["liability", "record-orders", *args])


def next_step(reference, step, out, *extra):
    return main(["liability", "next", reference, "--step", step, "--out", str(out), "--on", "2026-04-20", *extra])


def test_hearing_result_and_next_steps_read_the_register(example, tmp_path, register_db, capsys):
    out = tmp_path / "batch"
    assert main(batch_args(example, out, "--hearing", "2026-04-02")) == 0
    # no order yet: every later step is refused, naming the case and what to record first
    assert next_step("CT-5100203", "enforcement_agent", out) == 2
    assert "CT-5100203 has no liability order recorded; record the hearing result first" in capsys.readouterr().err
    assert record("--hearing-date", "2026-04-03") == 2  # no summons listed for that day
    assert "no council tax summons awaiting a result is listed for 3 April 2026" in capsys.readouterr().err
    assert record("--hearing-date", "2026-04-02", "--withdrawn", "5100299=paid") == 2  # not on the list
    assert record("--hearing-date", "2026-04-02", "--withdrawn", "5100202=paid in full") == 0
    assert "recorded 8 liability order(s); no order on 1 account(s)" in capsys.readouterr().out
    assert story(register_db, "CT-5100203").latest("liability_order").facts == {
        "date": "2026-04-02",
        "summons_number": "NGT-20260402-0004",
        "court": "Bromley Magistrates' Court",
        "amount": "2420.00",  # 2,310.00 + 70.00 + 40.00
        "costs": "110.00",
    }
    assert story(register_db, "CT-5100202").latest("summons_withdrawn").facts["reason"] == "paid in full"
    assert record("--hearing-date", "2026-04-02") == 2  # recorded once: nothing left awaiting a result
    capsys.readouterr()
    # monthly net £1,800: band over £1,420 up to £2,020 -> 17% x 1,800 = £306.00; employer from the case
    assert next_step("CT-5100203", "attachment_of_earnings", out, "--net-earnings", "1800") == 0
    aeo = text_of(out / "CT-5100203 attachment of earnings.docx")
    assert "£306.00" in aeo and "Northgate Hospital Trust" in aeo and "£2,420.00" in aeo
    # enforcement agent on £2,420.00: 235 + 7.5% x (2,420 - 1,500 = 920) = 69.00 -> £304.00; sale 110 + 69 = £179.00
    assert next_step("CT-5100203", "enforcement_agent", out) == 0
    ea = text_of(out / "CT-5100203 enforcement agent.docx")
    assert "£304.00" in ea and "£179.00" in ea and "£75.00" in ea
    assert next_step("CT-5100203", "attachment_of_benefits", out) == 0
    assert "Department for Work and Pensions" in text_of(out / "CT-5100203 attachment of benefits.docx")
    steps = [s.facts["kind"] for s in story(register_db, "CT-5100203").all("liability_enforcement")]
    assert steps == ["attachment_of_earnings", "enforcement_agent", "attachment_of_benefits"]
    capsys.readouterr()
    # charging order: £422.45 outstanding (312.45 + 110.00) is below £1,000
    assert next_step("CT-5100200", "charging_order", out) == 2
    assert "needs at least £1,000.00" in capsys.readouterr().err
    # £1,310.00 (1,200.00 + 110.00) meets it, but the export does not say Isla Taylor owns the dwelling
    assert next_step("CT-5100208", "charging_order", out) == 2
    assert "not recorded as owning an interest in the dwelling" in capsys.readouterr().err
    assert next_step("CT-5100203", "charging_order", out) == 0
    assert next_step("CT-5100202", "enforcement_agent", out) == 2  # withdrawn: no order to enforce
    assert "the summons was withdrawn on 2 April 2026 (paid in full)" in capsys.readouterr().err
    assert not (out / "CT-5100202 enforcement agent.docx").exists()


def test_payments_recorded_after_the_order_reduce_what_is_enforced(example, tmp_path, register_db, capsys):
    out = tmp_path / "batch"
    assert main(batch_args(example, out, "--hearing", "2026-04-02")) == 0
    assert record("--hearing-date", "2026-04-02") == 0
    record_step(register_db, "CT-5100203", "payment", {"date": "2026-04-10", "amount": "420.00"}, who="tests")
    # £2,420.00 - £420.00 = £2,000.00: fee 235 + 7.5% x (2,000 - 1,500 = 500) = 37.50 -> £272.50; sale £147.50
    assert next_step("CT-5100203", "enforcement_agent", out) == 0
    ea = text_of(out / "CT-5100203 enforcement agent.docx")
    assert "£2,000.00" in ea and "£272.50" in ea and "£147.50" in ea
    assert story(register_db, "CT-5100203").latest("liability_enforcement").facts["outstanding"] == "2000.00"


def test_business_rates_refuses_attachment_of_earnings(example, tmp_path, register_db, capsys):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text((example / "mapping.yaml").read_text().replace("tax: council_tax", "tax: business_rates"))
    args = batch_args(example, tmp_path / "out", "--hearing", "2026-04-02")
    args[4] = str(mapping)
    assert main(args) == 0
    assert record("--hearing-date", "2026-04-02", "--tax", "business_rates") == 0
    assert story(register_db, "BR-5100203").latest("liability_order").facts["amount"] == "2420.00"
    capsys.readouterr()
    assert next_step("BR-5100203", "attachment_of_earnings", tmp_path / "out", "--net-earnings", "1800") == 2
    assert "not available for business rates" in capsys.readouterr().err.lower()


@pytest.mark.slow  # 500 DOCX renders: a minute on a loaded machine, so kept out of `make check`
def test_five_hundred_accounts_in_one_run(example, tmp_path, capsys):
    export = generated_export(tmp_path / "export.csv", 500)
    mapping = read_liability_mapping(example / "mapping.yaml")
    accounts = read_accounts(export, mapping)
    ticks = []
    result = summons_batch(
        accounts,
        tax="council_tax",
        settings=liability_settings(read_settings_file(NORTHGATE)),
        issued=dt.date(2026, 3, 16),
        hearing=dt.date(2026, 4, 2),
        hearing_time="10:00",
        out_dir=tmp_path / "out",
        progress=ticks.append,
    )
    assert len(result.summonses) == 500 and len(ticks) == 500 and not result.excluded
    with result.complaint_list.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # balances 100.50 .. 599.50; sum = 500 x 100.50 + (0+...+499) = 50,250 + 124,750 = 175,000.00
    assert sum(Decimal(r["amount_outstanding"]) for r in rows) == Decimal("175000.00")
    assert rows[-1]["summons_number"] == "NGT-20260402-0500"


def test_reminder_and_final_notices(example, tmp_path, register_db, capsys):
    common = [
        str(example / "accounts.csv"),
        "--mapping",
        str(example / "mapping.yaml"),
        "--issued",
        "2026-03-02",
    ]
    assert main(["liability", "notices", *common, "--kind", "reminder", "--out", str(tmp_path / "r")]) == 0
    assert main(["liability", "notices", *common, "--kind", "final", "--out", str(tmp_path / "f")]) == 0
    assert len(list((tmp_path / "r").glob("*.docx"))) == 12 == len(list((tmp_path / "f").glob("*.docx")))
    # reminder issued 2 March: pay by 9 March (7 days), whole year due 16 March (a further 7)
    reminder = text_of(tmp_path / "r" / "5100201 reminder notice.docx")
    assert "by 9 March 2026" in reminder and "due on 16 March 2026" in reminder
    # final notice issued 2 March: 7 days beginning that day end 8 March; complaint from 9 March
    final = text_of(tmp_path / "f" / "5100201 final notice.docx")
    assert "from 9 March 2026 the council may apply" in final and "£1,045.20" in final
    # each notice is a step of the account's case (12 cases, each with its reminder and final notice)
    assert [s.step for s in story(register_db, "CT-5100201").steps] == ["reminder_notice", "final_notice"]
    assert story(register_db, "CT-5100207").latest("final_notice").facts == {"date": "2026-03-02"}


def test_bad_hearing_time_is_refused(example, tmp_path, register_db, capsys):
    assert main(batch_args(example, tmp_path / "out", "--hearing", "2026-04-02", "--hearing-time", "ten")) == 2
    assert "hearing time" in capsys.readouterr().err


@pytest.mark.slow  # LibreOffice
def test_batch_pdfs_in_one_conversion(example, tmp_path, register_db, capsys):
    import subprocess

    out = tmp_path / "batch"
    assert main(batch_args(example, out, "--hearing", "2026-04-02", "--pdf")) == 0
    pdfs = sorted((out / "pdf").glob("*.pdf"))
    assert len(pdfs) == 10  # 9 summonses and the schedule
    text = subprocess.run(
        ["pdftotext", str(out / "pdf" / "NGT-20260402-0004 summons 5100203.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "2 April 2026 at 10:00" in text and "£2,420.00" in text


def test_the_interview_says_plainly_what_to_do_when_settings_are_missing(example, tmp_path, monkeypatch):
    from docassemble.courtpack.interview_glue.liability import liability_settings_problem
    from docassemble.courtpack.register.settings import save_settings

    url = f"sqlite:///{tmp_path / 'bare.db'}"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    assert "no council settings in the register" in liability_settings_problem()
    save_settings(url, read_settings_file(example.parent / "settings" / "lewisham.yaml"), who="tests")
    problem = liability_settings_problem()
    assert "London Borough of Lewisham have no liability_orders section" in problem
    assert "courtpack settings set" in problem and "magistrates' court" in problem
    save_settings(url, read_settings_file(NORTHGATE), who="tests")
    assert liability_settings_problem() == ""


def test_a_second_batch_for_the_same_hearing_goes_on_numbering(example, tmp_path, register_db, capsys):
    first = generated_export(tmp_path / "first.csv", 3)
    args = batch_args(example, tmp_path / "one", "--hearing", "2026-04-02")
    args[2] = str(first)
    assert main(args) == 0
    assert main(batch_args(example, tmp_path / "two", "--hearing", "2026-04-02")) == 0
    # 3 summonses already for 2 April (0001-0003): the example's 9 are 0004-0012, in the export's order
    assert story(register_db, "CT-5100200").latest("summons_issued").facts["summons_number"] == "NGT-20260402-0004"
    assert story(register_db, "CT-5100211").latest("summons_issued").facts["summons_number"] == "NGT-20260402-0012"
    assert main(["liability", "record-orders", "--hearing-date", "2026-04-02"]) == 0
    assert "recorded 12 liability order(s)" in capsys.readouterr().out  # both batches' summonses
