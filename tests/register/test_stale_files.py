"""A case file older than the register is refused with "reload the case"; a file that says no version may
only repeat what the register holds. Officer B's run from an old file can no longer undo officer A's change."""

from __future__ import annotations

import yaml
from sqlalchemy import func, select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.models import AuditEntry, Case, Party

from .conftest import EXAMPLES

REF = "FTA-2025-0142"


def cli(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def debtor_address(db) -> str:
    with Register(db) as reg, reg.transaction() as s:
        return s.scalar(select(Party.address).where(Party.role == "debtor"))


def test_officer_b_old_file_cannot_revert_officer_a(tmp_path, capsys):
    db = ("--db", tmp_path / "r.db")
    assert cli(capsys, "register", "add", EXAMPLES / f"{REF}.yaml", *db, "--as", "priya")[0] == 0
    a_file, b_file = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert cli(capsys, "register", "export", REF, "--out", a_file, *db)[0] == 0
    assert cli(capsys, "register", "export", REF, "--out", b_file, *db)[0] == 0
    a = yaml.safe_load(a_file.read_text(encoding="utf-8"))
    assert a["version"] == 1
    a["debtors"][0]["address"]["lines"] = ["Flat 9, 1 New Road"]
    a_file.write_text(yaml.safe_dump(a), encoding="utf-8")
    code, out = cli(capsys, "register", "add", a_file, *db, "--as", "priya")
    assert code == 0 and "updated FTA-2025-0142 (version 2)" in out
    b = yaml.safe_load(b_file.read_text(encoding="utf-8"))
    b["debtors"][0]["phone"] = "07700 900999"  # B works from the file taken before A's change
    b_file.write_text(yaml.safe_dump(b), encoding="utf-8")
    with Register(tmp_path / "r.db") as reg, reg.transaction() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditEntry))
    code, out = cli(capsys, "register", "add", b_file, *db, "--as", "tom")
    assert code == 2
    assert "Case FTA-2025-0142 was changed by someone else while you were working on it" in out
    assert "reload the case" in out
    assert debtor_address(tmp_path / "r.db").startswith("Flat 9, 1 New Road")
    with Register(tmp_path / "r.db") as reg, reg.transaction() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
        assert s.scalar(select(Case.version)) == 2


def test_a_file_without_a_version_may_only_repeat_the_register(tmp_path, capsys):
    db = ("--db", tmp_path / "r.db")
    assert cli(capsys, "register", "add", EXAMPLES / f"{REF}.yaml", *db, "--as", "priya")[0] == 0
    code, out = cli(capsys, "register", "add", EXAMPLES / f"{REF}.yaml", *db, "--as", "priya")
    assert code == 0 and "updated FTA-2025-0142 (version 1)" in out  # the same facts: nothing to change
    changed = yaml.safe_load((EXAMPLES / f"{REF}.yaml").read_text(encoding="utf-8"))
    changed["preferred_court"] = "County Court at Bromley"
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(changed), encoding="utf-8")
    code, out = cli(capsys, "register", "add", path, *db, "--as", "tom")
    assert code == 2
    assert "does not say which version it was based on" in out
    assert f"reload the case with `courtpack register export {REF} --out FILE`" in out
    code, out = cli(capsys, "register", "add", path, *db, "--as", "tom", "--expect-version", "1")
    assert code == 0 and "(version 2)" in out


def test_ten_officers_adding_one_new_case_at_once(db_url):
    """All end cleanly: one adds it, the others find the same facts already there."""
    import threading

    from docassemble.courtpack.register.cases import CaseInfo, add_case

    Register(db_url).dispose()  # migrated before the race
    start = threading.Barrier(10)
    outcomes: list[object] = [None] * 10

    def officer(i: int) -> None:
        start.wait()
        try:
            outcomes[i] = add_case(db_url, EXAMPLES / f"{REF}.yaml", who=f"officer {i}")
        except Exception as err:  # noqa: BLE001 - the assertion below names it
            outcomes[i] = err

    threads = [threading.Thread(target=officer, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(o, CaseInfo) for o in outcomes), [o for o in outcomes if not isinstance(o, CaseInfo)]
    assert sorted(o.created for o in outcomes) == [False] * 9 + [True]
    assert {o.version for o in outcomes} == {1}
