"""Bad case files given to `courtpack register add`: exit 2, one sentence naming the file, the field and the
fix, no traceback, and nothing written to the register."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.models import AuditEntry, Case

from ..conftest import EXAMPLES

GOOD = (EXAMPLES / "FTA-2025-0142.yaml").read_text(encoding="utf-8")
JUDGMENT = """
judgment:
  claim_number: K12AB345
  court: County Court Money Claims Centre
  date: 2025-05-01
  amount: "2100.00"
  instalments: {amount: "50.00", frequency: monthly, first_payment: 2025-06-01}
"""


def edit(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


# (what is wrong, how the file is changed, the words the message must contain)
BAD = [
    (
        "duplicate key",
        edit("reference: FTA-2025-0142\n", "reference: FTA-2025-0142\nreference: FTA-2025-0143\n"),
        "the key 'reference' appears twice at line 3 — keep one of them",
    ),
    (
        "impossible unquoted date",
        edit("date: 2019-06-03", "date: 2026-02-30"),
        "debt.agreement.date: '2026-02-30' is not a date that exists",
    ),
    (
        "payment in the future",
        edit("{date: 2024-12-16, description: Payment", "{date: 2099-12-16, description: Payment"),
        "ledger[2].date: 2099-12-16 is in the future",
    ),
    ("before 1990", edit("date: 2019-06-03", "date: 1919-06-03"), "debt.agreement.date: 1919-06-03 is before 1990"),
    (
        "negative amount",
        edit('amount: "200.00"', 'amount: "-200.00"'),
        "ledger[2].amount: -200.00 must be more than zero",
    ),
    ("exponent", edit('amount: "200.00"', 'amount: "1e400"'), "ledger[2].amount: '1e400' is not an amount of money"),
    (
        "10**23 pounds",
        edit('amount: "642.18"', "amount: 100000000000000000000000"),
        "ledger[0].amount: 100,000,000,000,000,000,000,000 is more than the most courtpack accepts",
    ),
    (
        "pennies lost",
        edit('amount: "642.18"', 'amount: "12345678901234567.89"'),
        "ledger[0].amount: '12345678901234567.89' is more than the most courtpack accepts",
    ),
    (
        "hourly instalments",
        lambda t: t + JUDGMENT.replace("monthly", "hourly"),
        "judgment.instalments.frequency: 'hourly' is not known — use one of: weekly, fortnightly, four_weekly, monthly",
    ),
    (
        "negative instalment",
        lambda t: t + JUDGMENT.replace('"50.00"', '"-5.00"'),
        "judgment.instalments.amount: -5.00 must be more than zero",
    ),
    (
        "judgment in 2099",
        lambda t: t + JUDGMENT.replace("date: 2025-05-01", "date: 2099-05-01"),
        "judgment.date: 2099-05-01 is in the future",
    ),
    (
        "NUL in a name",
        edit("surname: Okafor", 'surname: "Oka\\0for"'),
        "debtors[0].surname: contains a control character (such as NUL)",
    ),
    (
        "dots in the reference",
        edit("reference: FTA-2025-0142", "reference: ../../etc/passwd"),
        "reference: '../../etc/passwd' cannot name files",
    ),
    (
        "newline in the reference",
        edit("reference: FTA-2025-0142", 'reference: "FTA\\n2025"'),
        "reference: must be on one line",
    ),
    (
        "misspelt required key",
        edit("officer_name: Priya Shah", "offcer_name: Priya Shah"),
        "claimant.offcer_name: is not a known field — did you mean officer_name?",
    ),
    (
        "misspelt optional key",
        edit("fee_account: PBA0012345", "fee_acount: PBA0012345"),
        "claimant.fee_acount: is not a known field — did you mean fee_account?",
    ),
    ("no debtors", edit("debtors:\n", "debtors: []\nold_debtors:\n"), "debtors: has no entries — add at least one"),
    (
        "very long text",
        edit("surname: Okafor", "surname: " + "O" * 5000),
        "debtors[0].surname: is 5,000 characters long, over the 200 allowed",
    ),
    (
        "a 5,001-entry ledger",
        lambda t: t.replace(
            "ledger:\n",
            "ledger:\n" + '  - {date: 2024-11-04, description: x, amount: "1.00", kind: charge}\n' * 4994,
            1,
        ),
        "ledger: has 5,001 entries, over the 5,000 allowed — split the file",
    ),  # 4,994 added to the example's 7
    ("not a mapping", lambda t: "- just\n- a list\n", "(top level): must be a set of named fields"),
    ("empty file", lambda t: "", "is empty — start from one of the files in examples/"),
    ("broken YAML", lambda t: t.replace("claimant:\n", "claimant: [\n", 1), "is not valid YAML at line"),
]


@pytest.fixture
def register(tmp_path):
    db = tmp_path / "r.db"
    assert main(["register", "add", str(EXAMPLES / "FTA-2025-0142.yaml"), "--db", str(db), "--as", "priya"]) == 0
    return db


def state(db) -> tuple[int, int, str]:
    with Register(db) as reg, reg.transaction() as session:
        case = session.scalar(select(Case))
        return (
            session.scalar(select(func.count()).select_from(AuditEntry)),
            session.scalar(select(func.count()).select_from(Case)),
            case.casefile,
        )


@pytest.mark.parametrize(("label", "change", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_case_file_is_refused_and_changes_nothing(register, tmp_path, capsys, label, change, message):
    before = state(register)
    capsys.readouterr()
    bad = tmp_path / "bad.yaml"
    bad.write_text(change(GOOD), encoding="utf-8")
    code = main(["register", "add", str(bad), "--db", str(register), "--as", "priya"])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert err.startswith(f"courtpack: {bad}: ")
    assert message in err
    assert err.count("\n") == 1  # one sentence on one line
    assert "Traceback" not in out + err
    assert state(register) == before


@pytest.mark.parametrize(
    ("label", "content", "message"),
    [
        ("oversized", b"# padding\n" * 220_000, "is over 2 MB"),
        ("binary", b"\xff\xfe\x00\x01PK\x03\x04", "is not a text file — save it as UTF-8 YAML"),
    ],
)
def test_corrupt_and_oversized_files(register, tmp_path, capsys, label, content, message):
    before = state(register)
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    capsys.readouterr()
    code = main(["register", "add", str(bad), "--db", str(register), "--as", "priya"])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert state(register) == before
