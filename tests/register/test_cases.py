"""Cases from case files, the audit log, documents, and two officers changing one case at once."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
import time
from decimal import Decimal

import pytest
from sqlalchemy import select

from docassemble.courtpack.case.casefile import read_case
from docassemble.courtpack.errors import CaseFileError, CourtpackError
from docassemble.courtpack.register.audit import history
from docassemble.courtpack.register.caseload import list_cases
from docassemble.courtpack.register.cases import add_case, get_case
from docassemble.courtpack.register.db import Register, resolve_url
from docassemble.courtpack.register.errors import ConcurrentUpdateError, RegisterError
from docassemble.courtpack.register.generated import documents_for, record_document
from docassemble.courtpack.register.models import AuditEntry, Case, LedgerEntry, Party

from .conftest import EXAMPLES


def test_add_case_with_parties_and_ledger(db):
    info = add_case(db, EXAMPLES / "FTA-2025-0142.yaml", who="priya")
    assert (info.reference, info.created, info.version) == ("FTA-2025-0142", True, 1)
    with db.transaction() as s:
        case = get_case(s, "FTA-2025-0142")
        assert case.debtor_name == "Mr Daniel James Okafor"
        assert case.balance == Decimal("2037.98")
        assert [p.role for p in case.parties] == ["claimant", "debtor"]
        assert len(case.ledger) == 7 and isinstance(case.ledger[0].amount, Decimal)
        assert json.loads(case.casefile)["reference"] == "FTA-2025-0142"


def test_adding_again_updates_in_place_and_audits_the_change(db):
    add_case(db, EXAMPLES / "FTA-2025-0142.yaml", who="priya")
    facts = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    changed = dataclasses.replace(
        facts, preferred_court="County Court at Bromley", ledger=facts.ledger[:-1], version=1
    )  # exported from the register at version 1
    info = add_case(db, changed, who="tom")
    assert (info.created, info.version) == (False, 2)
    with db.transaction() as s:
        assert s.query(Case).count() == 1
        assert s.query(LedgerEntry).count() == 6
        assert s.query(Party).count() == 2
        updates = [e for e in history(s) if e.action == "update" and e.entity == "cases"]
        assert updates[0].who == "tom"
        assert json.loads(updates[0].detail)["preferred_court"] == ["", "County Court at Bromley"]
        assert any(e.entity == "ledger_entries" and e.action == "delete" for e in history(s))


def test_every_change_is_in_the_audit_log(db):
    add_case(db, EXAMPLES / "RR-2025-0077.yaml", who="kerry")
    with db.transaction() as s:
        entries = s.scalars(select(AuditEntry)).all()
        assert {e.entity for e in entries} >= {"cases", "parties", "ledger_entries"}
        assert all(e.who == "kerry" and e.at is not None for e in entries)
        assert all(e.entity_id for e in entries)


def test_unknown_case_is_a_clear_error(db):
    with pytest.raises(RegisterError, match="no case 'NOPE-1' in the register"), db.transaction() as s:
        get_case(s, "NOPE-1")


def test_bad_case_file_changes_nothing(db, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((EXAMPLES / "FTA-2025-0142.yaml").read_text().replace("postcode: SE23 1JG", "postcode: NOWHERE"))
    with pytest.raises(CaseFileError, match="postcode"):
        add_case(db, bad, who="test")
    assert list_cases(db) == []


def test_record_document(db, tmp_path):
    add_case(db, EXAMPLES / "CR-2025-0310.yaml", who="test")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 test")
    record = record_document(db, "CR-2025-0310", "letter before claim", letter, who="hannah")
    assert record.sha256 == hashlib.sha256(b"%PDF-1.4 test").hexdigest()
    with db.transaction() as session:  # inside the caller's transaction
        record_document(session, "CR-2025-0310", "claim form", letter, who="hannah")
    assert [(d.kind, d.created_by) for d in documents_for(db, "CR-2025-0310")] == [
        ("letter before claim", "hannah"),
        ("claim form", "hannah"),
    ]
    with pytest.raises(CourtpackError, match="does not exist"):
        record_document(db, "CR-2025-0310", "x", tmp_path / "missing.pdf")


def test_expected_version_refuses_a_stale_update(db):
    add_case(db, EXAMPLES / "FTA-2025-0142.yaml", who="test")
    facts = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    seen = 1  # both officers opened the case at version 1
    add_case(db, dataclasses.replace(facts, preferred_court="Bromley"), who="alice", expected_version=seen)
    with pytest.raises(ConcurrentUpdateError, match="reload the case"):
        add_case(db, dataclasses.replace(facts, preferred_court="Croydon"), who="bob", expected_version=seen)
    assert list_cases(db)[0].version == 2


def test_two_sessions_second_writer_gets_concurrent_update_error(db):
    add_case(db, EXAMPLES / "FTA-2025-0142.yaml", who="test")
    first, second = db.session("alice"), db.session("bob")
    try:
        a = get_case(first, "FTA-2025-0142")
        b = get_case(second, "FTA-2025-0142")
        a.officer_name = "Alice Jones"
        first.commit()
        b.preferred_court = "County Court at Bromley"
        with pytest.raises(ConcurrentUpdateError):
            from docassemble.courtpack.register.db import translate_errors

            with translate_errors():
                second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    with db.transaction("bob") as s:  # bob reloads and applies his change again: neither is lost
        get_case(s, "FTA-2025-0142").preferred_court = "County Court at Bromley"
    with db.transaction() as s:
        case = get_case(s, "FTA-2025-0142")
        assert (case.officer_name, case.preferred_court, case.version) == ("Alice Jones", "County Court at Bromley", 3)


@pytest.mark.postgres
def test_postgres_concurrent_transactions_on_two_connections(pg_db):
    """Officer B's update waits on A's row lock, then fails cleanly when A commits; A's change is kept."""
    add_case(pg_db, EXAMPLES / "FTA-2025-0142.yaml", who="test")
    loaded = threading.Event()
    outcome: dict[str, object] = {}

    def officer_b() -> None:
        try:
            with pg_db.transaction("bob") as s:
                case = get_case(s, "FTA-2025-0142")
                loaded.set()
                time.sleep(0.3)  # A has updated (uncommitted) by now
                case.preferred_court = "County Court at Croydon"
                s.flush()  # blocks on A's row lock until A commits, then finds version 1 gone
            outcome["b"] = "committed"
        except Exception as err:  # noqa: BLE001
            outcome["b"] = err

    with pg_db.transaction("alice") as s:
        case = get_case(s, "FTA-2025-0142")
        thread = threading.Thread(target=officer_b)
        thread.start()
        assert loaded.wait(5)
        case.officer_name = "Alice Jones"
        s.flush()
        time.sleep(0.8)  # B is now waiting for the lock
    thread.join(10)
    assert isinstance(outcome["b"], ConcurrentUpdateError), outcome
    assert "reload the case" in str(outcome["b"])
    with pg_db.transaction() as s:
        case = get_case(s, "FTA-2025-0142")
        assert (case.officer_name, case.preferred_court, case.version) == ("Alice Jones", "", 2)


def test_database_url_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv("COURTPACK_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_url() == f"sqlite:///{tmp_path / 'courtpack.db'}"
    assert resolve_url("x/y.db").endswith("/x/y.db")
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", "sqlite:////tmp/other.db")
    assert resolve_url() == "sqlite:////tmp/other.db"
    with pytest.raises(RegisterError, match="no such folder"):
        Register(tmp_path / "missing" / "r.db")
    with pytest.raises(RegisterError, match="cannot open the register database"):
        Register("postgresql+psycopg://nobody:wrong@127.0.0.1:9/none")
