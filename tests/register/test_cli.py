"""The register commands: output, files, and exit 2 with a clear message (never a traceback) on bad input."""

from __future__ import annotations

import datetime as dt

import icalendar
from openpyxl import load_workbook

from docassemble.courtpack.cli import main

from .conftest import AS_AT, EXAMPLES

IMPORTS = EXAMPLES / "imports"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_demo_command(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path.parent)
    code, out, _ = run(
        capsys, "register", "demo", "--out", tmp_path / "out", "--as-at", "2026-01-10", "--examples", EXAMPLES
    )
    assert code == 0
    assert "3 cases, 16 payments imported, 3 hearings coming up" in out
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {
        "hearings.csv",
        "hearings.xlsx",
        "compliance.csv",
        "compliance.xlsx",
        "hearings.ics",
        "courtpack.db",
        "FTA-2025-0142 pre-hearing check 10 January 2026.pdf",
    } <= names
    code, out, _ = run(
        capsys, "register", "demo", "--out", tmp_path / "out", "--as-at", "2026-01-10", "--examples", EXAMPLES
    )  # again: a fresh demo register, same answer
    assert code == 0 and "16 payments imported" in out


def test_register_commands_end_to_end(capsys, tmp_path, db_url):
    db = ("--db", db_url)
    assert run(capsys, "register", "add", EXAMPLES / "FTA-2025-0142.yaml", *db, "--who", "priya")[1].startswith(
        "added FTA-2025-0142 (version 1)"
    )
    code, out, _ = run(
        capsys,
        "register",
        "order",
        "FTA-2025-0142",
        "--made-on",
        "2025-08-23",
        "--amount",
        "2189.40",
        "--instalment",
        "100",
        "--frequency",
        "monthly",
        "--first-payment",
        "2025-09-13",
        *db,
    )
    assert code == 0, out
    code, out, _ = run(
        capsys,
        "register",
        "hearing",
        "FTA-2025-0142",
        "--date",
        "2026-01-22",
        "--time",
        "10:00",
        "--court",
        "County Court at Bromley",
        "--kind",
        "application to vary (N245)",
        "--key",
        "vary",
        *db,
    )
    assert code == 0 and "22 January 2026 at 10:00" in out
    code, out, err = run(
        capsys, "payments", "import", IMPORTS / "payments.csv", "--mapping", IMPORTS / "payments.yaml", *db
    )
    assert code == 2 and "no case 'RR-2025-0077' in the register" in err and "row 2" in err
    assert run(capsys, "payments", "add", "FTA-2025-0142", "--date", "2025-09-12", "--amount", "100", *db)[0] == 0
    code, out, _ = run(
        capsys, "hearings", "--from", "2026-01-01", "--to", "2026-01-31", "--on", "2026-01-10", "--format", "csv", *db
    )
    assert code == 0
    assert "22 January 2026,10:00,FTA-2025-0142" in out and "3 instalments unpaid: £300.00" in out
    code, out, _ = run(capsys, "compliance", "FTA-2025-0142", "--on", "2026-01-10", *db)
    assert code == 0 and "in arrears" in out and "£2,189.40" in out
    code, out, _ = run(
        capsys, "compliance", "--on", "2026-01-10", "--format", "xlsx", "--out", tmp_path / "c.xlsx", *db
    )
    assert code == 0 and load_workbook(tmp_path / "c.xlsx").worksheets[0]["A2"].value == "FTA-2025-0142"
    code, out, _ = run(capsys, "calendar", "export", "--out", tmp_path / "h.ics", *db)
    assert code == 0
    events = icalendar.Calendar.from_ical((tmp_path / "h.ics").read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["hearing-FTA-2025-0142-vary@courtpack.register"]
    code, out, _ = run(capsys, "register", "show", "FTA-2025-0142", "--on", "2026-01-10", *db)
    assert code == 0 and "Hearings:" in out and "in arrears" in out
    code, out, _ = run(capsys, "register", "list", *db)
    assert code == 0 and "FTA-2025-0142" in out
    hearing_id = out and 1
    assert run(capsys, "register", "outcome", str(hearing_id), "--status", "adjourned", *db)[0] == 0
    code, out, _ = run(capsys, "register", "history", "FTA-2025-0142", *db)
    assert "update hearings" in out and "status=['listed', 'adjourned']" in out
    code, out, _ = run(capsys, "register", "report", str(hearing_id), "--on", "2026-01-10", "--out", tmp_path, *db)
    assert code == 0 and "pre-hearing check 10 January 2026.pdf" in out


def test_bad_input_exits_2_with_a_message(capsys, tmp_path):
    db = ("--db", tmp_path / "r.db")
    code, _, err = run(capsys, "register", "add", tmp_path / "missing.yaml", *db)
    assert code == 2 and "missing.yaml: no such file" in err
    code, _, err = run(capsys, "register", "show", "NOPE-1", *db)
    assert code == 2 and "no case 'NOPE-1' in the register" in err
    code, _, err = run(capsys, "compliance", "--on", "10/01/2026", *db)
    assert code == 2 and "is not a date in the form YYYY-MM-DD" in err
    code, _, err = run(capsys, "hearings", "--db", "postgresql://x:y@127.0.0.1:9/none")
    assert code == 2 and "cannot open the register database" in err
    code, _, err = run(capsys, "register", "order", "X", *db)
    assert code == 2 and "--made-on" in err
    bad = tmp_path / "orders.yaml"
    bad.write_text("case: FTA-2025-0142\norders:\n  - {key: j, kind: judgment, made_on: someday}\n")
    code, _, err = run(capsys, "register", "load", bad, *db)
    assert code == 2 and "orders.yaml: orders[0].made_on: 'someday' is not a date" in err


def test_import_with_bad_rows_changes_nothing_unless_good_rows_only(capsys, tmp_path):
    db = ("--db", tmp_path / "r.db")
    run(capsys, "register", "add", EXAMPLES / "RR-2025-0077.yaml", *db)
    data = tmp_path / "p.csv"
    data.write_text(
        "Case Reference,Payment Date,Amount,Method,Receipt No\nRR-2025-0077,01/12/2025,25.00,dd,X1\n"
        "RR-2025-0077,01/13/2025,25.00,dd,X2\n"
    )
    code, _, err = run(capsys, "payments", "import", data, "--mapping", IMPORTS / "payments.yaml", *db)
    assert code == 2 and f"{data}: row 3, column 'Payment Date': '01/13/2025' is not a date" in err
    assert "£0.00" in run(capsys, "register", "list", "--format", "csv", *db)[1]
    good = ("--mapping", IMPORTS / "payments.yaml", "--good-rows-only", *db)
    code, out, _ = run(capsys, "payments", "import", data, *good)
    assert code == 0 and "1 payment(s) added" in out and "row 3" in out
    code, out, _ = run(capsys, "payments", "import", data, *good)
    assert "0 payment(s) added, 1 already in the register" in out


def test_relative_dates_follow_as_at(capsys, tmp_path):
    db = ("--db", tmp_path / "r.db")
    run(capsys, "register", "add", EXAMPLES / "FTA-2025-0142.yaml", *db)
    orders = EXAMPLES / "orders" / "FTA-2025-0142.yaml"
    code, out, _ = run(capsys, "register", "load", orders, "--as-at", "2026-06-01", *db)
    assert code == 0 and "2 order(s) and 1 hearing(s)" in out
    out = run(capsys, "hearings", "--from", "2026-06-01", "--format", "csv", *db)[1]
    assert (dt.date(2026, 6, 13).strftime("%-d %B %Y")) in out
    assert AS_AT  # the fixed demo date is only a default for the sample files


def test_postgres_tests_fail_loudly_without_a_server(monkeypatch):
    import pytest

    from .conftest import postgres_url

    monkeypatch.delenv("COURTPACK_TEST_POSTGRES_URL", raising=False)
    with pytest.raises(pytest.fail.Exception, match=r"PostgreSQL not running: run scripts/postgres\.sh start"):
        postgres_url()


def test_postgres_script_prints_the_url():
    import os
    import subprocess

    from .conftest import ROOT

    env = {**os.environ, "COURTPACK_PG_PORT": "55499"}
    result = subprocess.run(
        ["sh", str(ROOT / "scripts" / "postgres.sh"), "url"], capture_output=True, text=True, env=env
    )
    assert result.stdout.strip() == "postgresql+psycopg://courtpack:courtpack@127.0.0.1:55499/courtpack"
