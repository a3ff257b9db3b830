"""The liability order batch from the council tax example: summonses, complaint list, orders and next steps."""

import csv
import datetime as dt
import json
from decimal import Decimal

import docx
import pytest

from docassemble.courtpack.cli import main
from docassemble.courtpack.documents.liability.accounts import read_accounts, read_liability_mapping
from docassemble.courtpack.documents.liability.batch import load_settings, summons_batch

from .conftest import generated_export


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
        "--settings",
        str(example / "settings.yaml"),
        "--out",
        str(out),
        "--issued",
        "2026-03-16",
        *extra,
    ]


def test_example_batch(example, tmp_path, capsys):
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


def test_hearing_too_soon_is_refused_and_writes_nothing(example, tmp_path, capsys):
    out = tmp_path / "batch"
    # posted Mon 16 March -> served Wed 18 March -> 14 whole days -> earliest 2 April; 1 April is refused
    assert main(batch_args(example, out, "--hearing", "2026-04-01")) == 2
    assert "the order may be made from 2 April 2026" in capsys.readouterr().err
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_bad_amount_names_line_and_column(example, tmp_path, capsys):
    bad = tmp_path / "accounts.csv"
    bad.write_text((example / "accounts.csv").read_text(encoding="utf-8").replace("87.10", "87.1O"), encoding="utf-8")
    args = batch_args(example, tmp_path / "out", "--hearing", "2026-04-02")
    args[2] = str(bad)
    assert main(args) == 2
    assert "line 4, column 'Arrears'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_orders_and_next_steps(example, tmp_path, capsys):
    out = tmp_path / "batch"
    settings = str(example / "settings.yaml")
    assert main(batch_args(example, out, "--hearing", "2026-04-02")) == 0
    assert main(["liability", "orders", str(out), "--made", "2026-04-01"]) == 2  # before the earliest hearing
    assert main(["liability", "orders", str(out), "--made", "2026-04-02", "--not-made", "5100202=paid"]) == 0
    record = json.loads((out / "batch.json").read_text())
    assert record["accounts"]["5100203"]["order"]["amount"] == "2420.00"  # 2,310.00 + 110.00
    assert record["accounts"]["5100202"]["status"] == "not_made"
    capsys.readouterr()
    # monthly net £1,800: band over £1,420 up to £2,020 -> 17% x 1,800 = £306.00
    assert (
        main(
            [
                "liability",
                "next",
                str(out),
                "--settings",
                settings,
                "--account",
                "5100203",
                "--step",
                "attachment_of_earnings",
                "--employer",
                "Northgate Hospital Trust",
                "--net-earnings",
                "1800",
                "--on",
                "2026-04-20",
            ]
        )
        == 0
    )
    aeo = text_of(out / "5100203 attachment of earnings.docx")
    assert "£306.00" in aeo and "Northgate Hospital Trust" in aeo
    # enforcement agent on £2,420.00: 235 + 7.5% x 920 = 69.00 -> £304.00; sale 110 + 69 = £179.00
    assert (
        main(
            [
                "liability",
                "next",
                str(out),
                "--settings",
                settings,
                "--account",
                "5100203",
                "--step",
                "enforcement_agent",
                "--on",
                "2026-04-20",
            ]
        )
        == 0
    )
    ea = text_of(out / "5100203 enforcement agent.docx")
    assert "£304.00" in ea and "£179.00" in ea and "£75.00" in ea
    assert (
        main(
            [
                "liability",
                "next",
                str(out),
                "--settings",
                settings,
                "--account",
                "5100203",
                "--step",
                "attachment_of_benefits",
                "--on",
                "2026-04-20",
            ]
        )
        == 0
    )
    assert "Department for Work and Pensions" in text_of(out / "5100203 attachment of benefits.docx")
    # charging order: £422.45 outstanding (312.45 + 110) is below £1,000
    assert (
        main(
            [
                "liability",
                "next",
                str(out),
                "--settings",
                settings,
                "--account",
                "5100200",
                "--step",
                "charging_order",
                "--owner",
                "--on",
                "2026-04-20",
            ]
        )
        == 2
    )
    assert "needs at least £1,000.00" in capsys.readouterr().err
    assert (
        main(
            [
                "liability",
                "next",
                str(out),
                "--settings",
                settings,
                "--account",
                "5100202",
                "--step",
                "enforcement_agent",
            ]
        )
        == 2
    )


def test_business_rates_refuses_attachment_of_earnings(example, tmp_path, capsys):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text((example / "mapping.yaml").read_text().replace("tax: council_tax", "tax: business_rates"))
    args = batch_args(example, tmp_path / "out", "--hearing", "2026-04-02")
    args[4] = str(mapping)
    assert main(args) == 0
    assert main(["liability", "orders", str(tmp_path / "out"), "--made", "2026-04-02"]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "liability",
                "next",
                str(tmp_path / "out"),
                "--settings",
                str(example / "settings.yaml"),
                "--account",
                "5100203",
                "--step",
                "attachment_of_earnings",
                "--employer",
                "X",
                "--net-earnings",
                "1800",
            ]
        )
        == 2
    )
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
        settings=load_settings(example / "settings.yaml"),
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


def test_reminder_and_final_notices(example, tmp_path, capsys):
    common = [
        str(example / "accounts.csv"),
        "--mapping",
        str(example / "mapping.yaml"),
        "--settings",
        str(example / "settings.yaml"),
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


def test_bad_hearing_time_is_refused(example, tmp_path, capsys):
    assert main(batch_args(example, tmp_path / "out", "--hearing", "2026-04-02", "--hearing-time", "ten")) == 2
    assert "hearing time" in capsys.readouterr().err


@pytest.mark.slow  # LibreOffice
def test_batch_pdfs_in_one_conversion(example, tmp_path, capsys):
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
