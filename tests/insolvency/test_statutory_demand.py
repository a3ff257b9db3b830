"""Statutory demand documents: the prescribed content on the page, the refusals, and the service record."""

import json
import shutil
from pathlib import Path

import docx
import yaml

from docassemble.courtpack.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "council_tax" / "statutory_demand.yaml"


def text_of(path):
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def write(tmp_path, **changes):
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    target = tmp_path / "demand.yaml"
    target.write_text(yaml.safe_dump(data), encoding="utf-8")
    return target


def test_individual_demand_states_the_prescribed_content(tmp_path, capsys):
    assert main(["insolvency", "demand", str(EXAMPLE), "--out", str(tmp_path)]) == 0
    text = text_of(tmp_path / "NGT-SD-2026-0007 statutory demand.docx")
    # r.10.1(1)(a) heading; (d) amount: 2,405.60 + 2,688.15 = 5,093.75
    assert "Statutory demand under section 268(1) (debt payable immediately) of the Insolvency Act 1986" in text
    assert "you owe £5,093.75, payable immediately" in text
    # assumed service Wed 14 Jan 2026: 18 days -> 1 February 2026; 21 days -> 4 February 2026
    assert "by 1 February 2026 if served on 14 January 2026" in text
    assert "by 4 February 2026 if served on 14 January 2026" in text
    assert "the County Court at Bromley" in text and "Dated 12 January 2026" in text
    assert "(verify)" not in text
    record = json.loads((tmp_path / "NGT-SD-2026-0007 statutory demand service record.json").read_text())
    assert record["amount"] == "5093.75" and record["service"] is None
    assert record["expected"]["petition_from"] == "2026-02-05"


def test_demand_below_the_bankruptcy_level_is_refused(tmp_path, capsys):
    source = write(tmp_path, items=[{"description": "Council tax 2024/25", "amount": "4999.99"}])
    out = tmp_path / "out"
    assert main(["insolvency", "demand", str(source), "--out", str(out)]) == 2
    assert "does not meet the bankruptcy petition threshold" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_company_and_judgment_debt_variants(tmp_path, capsys):
    source = write(
        tmp_path,
        debtor_kind="company",
        kind="judgment_debt",
        debtor={"name": "Elm Cafe Ltd", "address": "3 Market Row, London SE13 5AA", "company_number": "09876543"},
        judgment={"date": "2025-11-03", "court": "the County Court at Bromley", "claim_number": "K9QZ123"},
        items=[{"description": "Business rates under judgment", "amount": "800.00"}],
    )
    assert main(["insolvency", "demand", str(source), "--out", str(tmp_path / "out")]) == 0
    text = text_of(tmp_path / "out" / "NGT-SD-2026-0007 statutory demand.docx")
    assert "section 123(1)(a)" in text and "company number 09876543" in text
    assert "judgment or order of the County Court at Bromley dated 3 November 2025" in text
    assert "wound up" in text and "set aside" not in text


def test_judgment_variant_without_judgment_names_the_field(tmp_path, capsys):
    source = write(tmp_path, kind="judgment_debt")
    assert main(["insolvency", "demand", str(source), "--out", str(tmp_path / "out")]) == 2
    assert "judgment: is missing" in capsys.readouterr().err


def test_service_record_and_petition_check(tmp_path, capsys):
    assert main(["insolvency", "demand", str(EXAMPLE), "--out", str(tmp_path)]) == 0
    record = tmp_path / "NGT-SD-2026-0007 statutory demand service record.json"
    copy = tmp_path / "copy.json"
    shutil.copy(record, copy)
    capsys.readouterr()
    # personally served Fri 16 Jan 2026: comply to the end of 6 Feb; petition from 7 Feb
    assert (
        main(["insolvency", "served", str(copy), "--on", "2026-01-16", "--method", "personal", "--by", "A. Process"])
        == 0
    )
    assert "comply by 6 February 2026; petition from 7 February 2026" in capsys.readouterr().out
    saved = json.loads(copy.read_text())
    assert saved["service"]["set_aside_by"] == "2026-02-03"  # 16 Jan + 18 days
    assert (
        main(
            [
                "insolvency",
                "petition-check",
                "--debt",
                "5093.75",
                "--served",
                "2026-01-16",
                "--on",
                "2026-02-06",
                "--strict",
            ]
        )
        == 2
    )
    assert "a petition may be presented from 7 February 2026" in capsys.readouterr().err
    assert (
        main(
            [
                "insolvency",
                "petition-check",
                "--debt",
                "5093.75",
                "--served",
                "2026-01-16",
                "--on",
                "2026-02-07",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["open"] is True


def test_company_without_number_is_refused(tmp_path, capsys):
    source = write(tmp_path, debtor_kind="company", debtor={"name": "Elm Cafe Ltd", "address": "3 Market Row"})
    assert main(["insolvency", "demand", str(source), "--out", str(tmp_path / "out")]) == 2
    assert "debtor.company_number: is missing" in capsys.readouterr().err
