"""`courtpack liability demand`: a statutory demand built from the liability orders the register holds."""

import docx

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.steps import record_step

HEADER = (
    "Account Ref,Liable Party,Correspondence Address,Property Address,Arrears,Year,Earliest Due,"
    "Final Notice Date,Employer,Owner Occupier,Breathing Space End\n"
)


def text_of(path):
    document = docx.Document(str(path))
    return "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )


def summon_and_order(example, tmp_path, rows):
    export = tmp_path / "export.csv"
    export.write_text(HEADER + rows, encoding="utf-8")
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


def demand(*refs, out):
    return main(
        [
            "liability",
            "demand",
            *refs,
            "--date",
            "2026-05-11",
            "--set-aside-court",
            "the County Court at Bromley",
            "--signatory",
            "Priya Shah",
            "--out",
            str(out),
        ]
    )


ADDRESS = '"4 Orchard Close, London SE13 6PQ"'
ROW = "{account},{name}," + f"{ADDRESS},{ADDRESS}," + "{amount},2025/26,01/04/2025,02/03/2026,,N,\n"


def test_demand_states_each_order_and_what_is_still_owed(example, tmp_path, register_db, capsys):
    summon_and_order(example, tmp_path, ROW.format(account="7100001", name="Daniel Mercer", amount="5200.00"))
    record_step(register_db, "CT-7100001", "payment", {"date": "2026-04-30", "amount": "100.00"}, who="tests")
    assert demand("CT-7100001", out=tmp_path / "sd") == 0
    text = text_of(tmp_path / "sd" / "CT-7100001-SD statutory demand.docx")
    # 5,200.00 + 110.00 costs = 5,310.00 ordered on 2 April 2026; less 100.00 paid = 5,210.00 (at least £5,000)
    assert "made on 2 April 2026 for £5,310.00 (including £110.00 costs), less £100.00 paid since" in text
    assert "£5,210.00" in text and "Daniel Mercer" in text and "London Borough of Northgate" in text
    assert "Bromley Magistrates' Court" in text


def test_demand_below_the_bankruptcy_level_is_refused(example, tmp_path, register_db, capsys):
    summon_and_order(example, tmp_path, ROW.format(account="7100002", name="Ann Lee", amount="3480.10"))
    capsys.readouterr()
    # 3,480.10 + 110.00 = 3,590.10: under the £5,000 a bankruptcy petition needs
    assert demand("CT-7100002", out=tmp_path / "sd") == 2
    assert "a statutory demand for £3,590.10 is refused" in capsys.readouterr().err
    assert not (tmp_path / "sd").exists() or not list((tmp_path / "sd").iterdir())


def test_demand_without_an_order_or_for_two_debtors_is_refused(example, tmp_path, register_db, capsys):
    rows = ROW.format(account="7100003", name="Ann Lee", amount="3000.00") + ROW.format(
        account="7100004", name="Bo Lee", amount="3000.00"
    )
    export = tmp_path / "export.csv"
    export.write_text(HEADER + rows, encoding="utf-8")
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
    capsys.readouterr()
    assert demand("CT-7100003", out=tmp_path / "sd") == 2
    assert "CT-7100003 has no liability order recorded; record the hearing result first" in capsys.readouterr().err
    assert main(["liability", "record-orders", "--hearing-date", "2026-04-02"]) == 0
    capsys.readouterr()
    assert demand("CT-7100003", "CT-7100004", out=tmp_path / "sd") == 2
    assert "a statutory demand is for one debtor" in capsys.readouterr().err
