"""Bad orders files given to `courtpack register load`: exit 2, one sentence naming the file, the field and
the fix, no traceback, nothing recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.models import AuditEntry

from .conftest import EXAMPLES

GOOD = (EXAMPLES / "orders" / "FTA-2025-0142.yaml").read_text(encoding="utf-8")


def edit(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


BAD = [
    (
        "duplicate key",
        edit("    kind: judgment\n", "    kind: judgment\n    kind: variation\n"),
        "the key 'kind' appears twice at line 7",
    ),
    (
        "impossible unquoted date",
        edit("made_on: as_at - 20 weeks", "made_on: 2025-02-30"),
        "orders[0].made_on: '2025-02-30' is not a date that exists",
    ),
    (
        "order made in the future",
        edit("made_on: as_at - 20 weeks", "made_on: 2099-01-01"),
        "orders[0].made_on: 2099-01-01 is in the future",
    ),
    (
        "hearing in 9999",
        edit("date: as_at + 12 days", "date: 9999-12-31"),
        "hearings[0].date: 9999-12-31 is more than 10 years ahead",
    ),
    (
        "negative duration",
        edit("duration_minutes: 30", "duration_minutes: -30"),
        "hearings[0].duration_minutes: -30 is not a whole number",
    ),
    (
        "week-long hearing",
        edit("duration_minutes: 30", "duration_minutes: 99999"),
        "hearings[0].duration_minutes: 99999 is not between 1 and 7200",
    ),
    ("negative amount", edit('amount: "2189.40"', 'amount: "-2189.40"'), "orders[0].amount: -2189.40 must be more"),
    (
        "hourly",
        edit("frequency: monthly", "frequency: hourly"),
        "orders[0].instalments.frequency: 'hourly' is not known",
    ),
    (
        "misspelt key",
        edit("    description: judgment in default", "    descripton: judgment in default"),
        "orders[0].descripton: is not a known field — did you mean description?",
    ),
    ("dots in a key", edit("key: judgment", "key: ../judgment"), "orders[0].key: '../judgment' cannot name files"),
    (
        "NUL in the court",
        edit("court: County Court at Bromley\n    kind", 'court: "Bromley\\0"\n    kind'),
        "hearings[0].court: contains a control character",
    ),
    ("1e400", edit('amount: "100.00"', 'amount: "1e400"'), "orders[0].instalments.amount: '1e400' is not an amount"),
]


@pytest.fixture
def register(tmp_path):
    db = tmp_path / "r.db"
    assert main(["register", "add", str(EXAMPLES / "FTA-2025-0142.yaml"), "--db", str(db), "--as", "priya"]) == 0
    return db


def audit_count(db) -> int:
    with Register(db) as reg, reg.transaction() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


@pytest.mark.parametrize(("label", "change", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_orders_file_is_refused(register, tmp_path, capsys, label, change, message):
    before = audit_count(register)
    bad = tmp_path / "orders.yaml"
    bad.write_text(change(GOOD), encoding="utf-8")
    capsys.readouterr()
    code = main(["register", "load", str(bad), "--as-at", "2026-01-10", "--db", str(register), "--as", "priya"])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert err.startswith(f"courtpack: {bad}: ") and message in err, err
    assert "Traceback" not in out + err
    assert audit_count(register) == before
