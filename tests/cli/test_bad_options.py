"""Bad command-line options and output folders: exit 2, the message names the option or file and the fix,
no traceback, nothing written, no register change. Who acted is always a named user."""

from __future__ import annotations

import errno
import os

import pytest
from sqlalchemy import func, select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.models import AuditEntry

from ..conftest import EXAMPLES

REF = "FTA-2025-0142"


@pytest.fixture
def register(tmp_path, monkeypatch):
    monkeypatch.delenv("COURTPACK_USER", raising=False)
    db = tmp_path / "r.db"
    assert main(["register", "add", str(EXAMPLES / f"{REF}.yaml"), "--db", str(db), "--as", "priya"]) == 0
    return db


def audit_count(db) -> int:
    with Register(db) as reg, reg.transaction() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


HEARING = ("register", "hearing", REF, "--court", "County Court at Bromley", "--kind", "disposal hearing")
# (what is wrong, the arguments after the command name, the words the message must contain)
BAD = [
    ("hearing on 9999-12-31", (*HEARING, "--date", "9999-12-31", "--as", "priya"), "more than 10 years ahead"),
    (
        "negative duration",
        (*HEARING, "--date", "2026-12-20", "--duration", "-5", "--as", "priya"),
        "Invalid value for '--duration'",
    ),
    ("impossible date", (*HEARING, "--date", "2026-02-30", "--as", "priya"), "'2026-02-30' is not a date that exists"),
    (
        "payment in the future",
        ("payments", "add", REF, "--date", "2099-01-01", "--amount", "5", "--as", "priya"),
        "2099-01-01 is in the future",
    ),
    (
        "negative payment",
        ("payments", "add", REF, "--date", "2025-01-01", "--amount", "-5", "--as", "priya"),
        "-5.00 is negative; give the amount as a positive figure",
    ),
    (
        "exponent",
        ("payments", "add", REF, "--date", "2025-01-01", "--amount", "1e400", "--as", "priya"),
        "'1e400' is not an amount of money",
    ),
    (
        "decimal comma",
        ("payments", "add", REF, "--date", "2025-01-01", "--amount", "10,00", "--as", "priya"),
        "'10,00' is not an amount of money",
    ),
    (
        "10**23 pounds",
        ("payments", "add", REF, "--date", "2025-01-01", "--amount", "1" + "0" * 23, "--as", "priya"),
        "is more than the most courtpack accepts",
    ),
    (
        "order made in the future",
        ("register", "order", REF, "--made-on", "2099-01-01", "--amount", "100", "--as", "priya"),
        "2099-01-01 is in the future",
    ),
    (
        "hourly instalments",
        (
            "register",
            "order",
            REF,
            "--made-on",
            "2025-01-01",
            "--amount",
            "100",
            "--instalment",
            "5",
            "--frequency",
            "hourly",
            "--first-payment",
            "2025-02-01",
            "--as",
            "priya",
        ),
        "Invalid value for '--frequency'",
    ),
    (
        "negative instalment",
        (
            "register",
            "order",
            REF,
            "--made-on",
            "2025-01-01",
            "--amount",
            "100",
            "--instalment",
            "-5",
            "--frequency",
            "weekly",
            "--first-payment",
            "2025-02-01",
            "--as",
            "priya",
        ),
        "-5.00 is negative",
    ),
    ("dots in a reference", ("register", "show", "../../etc"), "'../../etc' is not a reference"),
    ("newline in a key", (*HEARING, "--date", "2026-12-20", "--key", "a\nb", "--as", "priya"), "is not a reference"),
    (
        "NUL in the court",
        ("register", "hearing", REF, "--court", "Bromley\x00", "--kind", "x", "--date", "2026-12-20", "--as", "priya"),
        "the text contains a control character",
    ),
    (
        "nobody named",
        ("payments", "add", REF, "--date", "2025-01-01", "--amount", "5"),
        "the register records who made each change: give your name with --as NAME (or set COURTPACK_USER=NAME)",
    ),
    ("zero history", ("register", "history", "--limit", "0"), "Invalid value for '--limit'"),
    ("date with slashes", ("compliance", "--on", "10/01/2026"), "is not a date in the form YYYY-MM-DD"),
]


@pytest.mark.parametrize(("label", "argv", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_options_exit_2_and_change_nothing(register, capsys, label, argv, message):
    before = audit_count(register)
    capsys.readouterr()
    code = main([*argv, "--db", str(register)])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert message in err
    assert "Traceback" not in out + err and "internal error" not in err
    assert audit_count(register) == before


def test_the_actor_comes_from_as_or_courtpack_user_never_the_login(register, capsys, monkeypatch):
    monkeypatch.setenv("USER", "root")
    monkeypatch.setenv("LOGNAME", "root")
    assert (
        main(["payments", "add", REF, "--date", "2025-01-01", "--amount", "5", "--as", "tom", "--db", str(register)])
        == 0
    )
    monkeypatch.setenv("COURTPACK_USER", "kerry")
    assert main(["payments", "add", REF, "--date", "2025-01-02", "--amount", "5", "--db", str(register)]) == 0
    with Register(register) as reg, reg.transaction() as session:
        who = session.scalars(select(AuditEntry.who).order_by(AuditEntry.id)).all()
    assert set(who) == {"priya", "tom", "kerry"}


def read_only_folder(tmp_path):
    """A folder this process cannot write: chmod for a normal user; /sys for root, whom chmod does not stop."""
    if os.geteuid() == 0:
        return "/sys"
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    return str(folder)


@pytest.mark.parametrize(
    "command",
    [
        ("compliance", "--format", "csv", "--out"),
        ("register", "list", "--format", "xlsx", "--out"),
        ("calendar", "export", "--out"),
        ("register", "export", REF, "--out"),
    ],
)
def test_unwritable_output_is_one_sentence(register, tmp_path, capsys, command):
    target = os.path.join(read_only_folder(tmp_path), "out.file")
    capsys.readouterr()
    code = main([*command, target, "--db", str(register)])
    err = capsys.readouterr().err
    assert code == 2 and f"{target}: cannot write it (Permission denied) — you may not write there" in err
    code = main([*command, str(tmp_path / "no" / "such" / "out.file"), "--db", str(register)])
    err = capsys.readouterr().err
    assert code == 2 and "no such folder for out.file — create it first" in err
    code = main([*command, str(tmp_path), "--db", str(register)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err


def test_full_disk_leaves_the_earlier_file(register, tmp_path, capsys, monkeypatch):
    target = tmp_path / "cases.csv"
    target.write_text("earlier export", encoding="utf-8")

    def full(_fd):  # the disk fills as the data is flushed: what ENOSPC looks like to a writer
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code = main(["register", "list", "--format", "csv", "--out", str(target), "--db", str(register)])
    err = capsys.readouterr().err
    assert code == 2 and f"{target}: cannot write it (No space left on device) — the disk is full" in err
    assert target.read_text(encoding="utf-8") == "earlier export"
    assert [p.name for p in tmp_path.iterdir() if "cases" in p.name] == ["cases.csv"]  # no temporary file left


def test_report_into_an_unwritable_folder_records_nothing(register, tmp_path, capsys):
    assert main([*HEARING, "--date", "2026-12-20", "--key", "h1", "--as", "priya", "--db", str(register)]) == 0
    before = audit_count(register)
    target = os.path.join(read_only_folder(tmp_path), "reports")
    capsys.readouterr()
    code = main(
        ["register", "report", "1", "--on", "2026-12-10", "--out", target, "--as", "priya", "--db", str(register)]
    )
    err = capsys.readouterr().err
    assert code == 2 and f"{target}: cannot write it (" in err and "you may not write there" in err
    assert "Traceback" not in err
    assert audit_count(register) == before  # no document recorded for files that were never written
