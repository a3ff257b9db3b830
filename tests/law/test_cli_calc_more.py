"""`courtpack calc` new answers and `courtpack law sources`: the JSON contract, hand-worked figures, exit 2."""

import json
from pathlib import Path

from docassemble.courtpack.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def calc(capsys, *args):
    code, out, err = run(capsys, "calc", *args, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["basis"] and data["source"]
    return data


def test_judgment_interest(capsys):
    # £6,000 given 1 January 2025, £1,000 paid 1 July, to 31 December: 39.67 + 398.90 (see test_judgment_interest)
    data = calc(
        capsys,
        "judgment-interest",
        "--amount",
        "6000",
        "--judgment-date",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--payment",
        "2025-07-01:1000.00",
    )
    assert (data["interest"], data["daily_rate"]) == ("438.57", "1.10")
    data = calc(
        capsys,
        "judgment-interest",
        "--amount",
        "6000",
        "--judgment-date",
        "2025-01-01",
        "--to",
        "2025-05-01",
        "--payment",
        "2025-02-01:500",
        "--instalment",
        "500",
        "--frequency",
        "monthly",
        "--first-instalment",
        "2025-02-01",
    )
    assert data["interest"] == "9.97"  # 6.68 + 3.29 on the March and April instalments
    data = calc(
        capsys,
        "judgment-interest",
        "--amount",
        "7300",
        "--judgment-date",
        "2025-01-01",
        "--to",
        "2026-01-01",
        "--enforcement-started",
        "2025-01-11",
        "--enforcement-unproductive",
    )
    assert data["interest"] == "584.00"
    assert (
        calc(
            capsys,
            "judgment-interest",
            "--amount",
            "8000",
            "--judgment-date",
            "2025-01-01",
            "--to",
            "2026-01-01",
            "--cca-regulated",
        )["interest"]
        == "0.00"
    )


def test_late_payment(capsys):
    # 1000 notice 1 March 2025: relevant day 30 March, 12.75%, 307 days to 31 January 2026 = 107.24;
    # 500 agreed due 9 February: 12.75%, 356 days = 62.18. Interest 169.42; fixed sums 70 + 40 = 110
    data = calc(
        capsys,
        "late-payment",
        "--invoice",
        "1000:2025-03-01",
        "--invoice",
        "500.00:2025-01-10:2025-02-09",
        "--to",
        "2026-01-31",
    )
    assert (data["interest"], data["compensation"], data["rate"], data["total"]) == (
        "169.42",
        "110.00",
        "12.75",
        "279.42",
    )
    assert [i["relevant_day"] for i in data["items"]] == ["2025-03-30", "2025-02-09"]


def test_protocol(capsys):
    # letter 24 November 2025: reply period to 24 December; issue from 25 December, a bank holiday;
    # 26-28 December closed: first working day Monday 29 December
    data = calc(capsys, "protocol", "--debtor", "individual", "--letter", "2025-11-24", "--on", "2025-12-01")
    assert (data["ready"], data["earliest"], data["earliest_working_day"]) == (False, "2025-12-25", "2025-12-29")
    # a company: 14 days, issue from letter + 15 = 26 December (Boxing Day) -> 29 December
    data = calc(capsys, "protocol", "--debtor", "company", "--letter", "2025-12-11", "--on", "2026-01-05")
    assert (data["ready"], data["earliest"], data["earliest_working_day"]) == (True, "2025-12-26", "2025-12-29")
    # a reply received 1 December, 14 days' notice given 10 December: issue from the later of 31 days after
    # the reply (1 January 2026) and 15 days after the notice (25 December)
    data = calc(
        capsys,
        "protocol",
        "--debtor",
        "individual",
        "--letter",
        "2025-11-01",
        "--reply",
        "2025-12-01",
        "--notice",
        "2025-12-10",
        "--on",
        "2026-01-02",
    )
    assert (data["ready"], data["earliest"]) == (True, "2026-01-01")


def test_default_judgment_charging_order_part_warrant(capsys):
    data = calc(capsys, "default-judgment", "--served", "2025-12-22")
    assert (data["last_day"], data["request_from"]) == ("2026-01-05", "2026-01-06")
    data = calc(capsys, "default-judgment", "--served", "2025-12-22", "--acknowledged")
    assert data["request_from"] == "2026-01-20"
    data = calc(capsys, "charging-order", "--interim", "2026-03-16")
    assert (data["serve_by"], data["post_by"]) == ("2026-04-06", "2026-03-31")
    assert calc(capsys, "part-warrant", "--instalment", "20", "--frequency", "weekly")["minimum"] == "80.00"
    assert calc(capsys, "part-warrant", "--instalment", "30", "--frequency", "monthly")["minimum"] == "50.00"


def test_limitation_items(capsys):
    data = calc(
        capsys,
        "limitation",
        "--cause",
        "contract",
        "--accrued",
        "2019-03-01",
        "--accrued",
        "2019-01-01",
        "--accrued",
        "2019-09-01",
        "--on",
        "2025-07-01",
    )
    assert data["barred"] is True and data["last_day"] == "2025-01-01"  # the earliest last day
    assert [(i["accrued"], i["barred"]) for i in data["items"]] == [
        ("2019-01-01", True),
        ("2019-03-01", True),
        ("2019-09-01", False),
    ]


def test_claim_interest_item_by_item_from_the_example(capsys):
    # FTA-2025-0142 to 20 November 2025 at 8%, payments to the oldest sum first:
    #   £200 of 642.18 (4 Nov 2024 - 16 Dec 2024, 42 d) 1.84; £150 (to 20 Feb 2025, 108 d) 3.55;
    #   £292.18 (381 d) 24.40; 568.40 from 2 Dec 2024 (353 d) 43.98; from 6 Jan 2025 (318 d) 39.62;
    #   from 3 Feb 2025 (290 d) 36.13; 40.60 from 2 Mar 2025 (263 d) 2.34 -> 151.86
    data = calc(capsys, "claim", str(EXAMPLES / "FTA-2025-0142.yaml"), "--issue-date", "2025-11-20")
    assert (data["principal"], data["interest"], data["claim_value"]) == ("2037.98", "151.86", "2189.84")
    assert [i["interest"] for i in data["interest_items"]] == [
        "1.84",
        "3.55",
        "24.40",
        "43.98",
        "39.62",
        "36.13",
        "2.34",
    ]
    assert data["legal_representative"] is False and data["barred_sum"] == "0.00"
    assert data["issuing_centre"].startswith("Civil National Business Centre")
    assert data["preferred_hearing_centre"] == "County Court at Bromley"  # debtor at SE23


def test_bad_input_exits_2_with_one_sentence(capsys):
    for args in (
        (
            "judgment-interest",
            "--amount",
            "6000",
            "--judgment-date",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--payment",
            "July:100",
        ),
        ("late-payment", "--invoice", "1000", "--to", "2025-12-31"),
        (
            "judgment-interest",
            "--amount",
            "6000",
            "--judgment-date",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--instalment",
            "100",
        ),
        ("judgment-interest", "--amount", "6000", "--judgment-date", "2025-01-01", "--to", "2024-12-31"),
        ("charging-order", "--interim", "2026-02-30"),
        ("part-warrant", "--instalment", "-5", "--frequency", "weekly"),
    ):
        code, _, err = run(capsys, "calc", *args)
        assert code == 2, args
        assert "Traceback" not in err and err.strip(), args


def test_law_sources(capsys):
    code, out, _ = run(capsys, "law", "sources", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {"table", "effective_from", "figure", "source", "verified"} <= set(rows[0])
    assert any(r["verified"] for r in rows) and any(not r["verified"] for r in rows)
    code, out, _ = run(capsys, "law", "sources", "--unverified", "--json")
    assert code == 0 and all(not r["verified"] for r in json.loads(out))
    code, out, _ = run(capsys, "law", "sources")
    assert code == 0 and "Civil National Business Centre" in out and "UNVERIFIED" in out
