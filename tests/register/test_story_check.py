"""`courtpack case check`: documents that disagree with the register are listed; agreeing ones are not."""

from __future__ import annotations

import datetime as dt
import json

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.case_check import Problem, check_case
from docassemble.courtpack.register.generated import documents_for, record_document
from docassemble.courtpack.register.steps import record_step

from .helpers import new_case

TODAY = dt.date(2026, 12, 5)


def _story(db, ref):
    record_step(db, ref, "letter_before_claim_sent", {"date": "2026-03-02", "how": "post"}, today=TODAY)
    record_step(
        db,
        ref,
        "claim_issued",
        {"date": "2026-06-01", "claim_number": "L4QZ8F2K", "court": "Civil National Business Centre"},
        today=TODAY,
    )
    record_step(
        db,
        ref,
        "judgment",
        {"date": "2026-07-01", "amount": "2151.98", "costs": "70.00", "terms": "forthwith"},
        today=TODAY,
    )
    record_step(db, ref, "payment", {"date": "2026-08-03", "amount": "200.00", "method": "card"}, today=TODAY)


def test_n323_agrees_until_an_earlier_payment_is_recorded(db, tmp_path):
    ref = new_case(db)
    _story(db, ref)
    n323 = tmp_path / "N323.pdf"
    n323.write_bytes(b"%PDF-1.4 test")
    # as at 1 September 2026 the register holds one payment since judgment: 200.00
    record_document(
        db,
        ref,
        "enforcement",
        n323,
        who="priya",
        facts={
            "as_at": "2026-09-01",
            "claim_number": "L4QZ8F2K",
            "court": "Civil National Business Centre",
            "judgment_date": "2026-07-01",
            "judgment_amount": "2151.98",
            "judgment_terms": "forthwith",
            "paid_since_judgment": "200.00",
            "other_enforcement_pending": "no",
            "debtors": "Mr Daniel James Okafor",
        },
    )
    assert check_case(db, ref) == []
    assert documents_for(db, ref)[0].facts["paid_since_judgment"] == "200.00"
    # a payment made on 20 August (before the N323) but recorded only now: the N323's "£200.00 paid" is untrue;
    # 200.00 + 25.00 = 225.00
    record_step(db, ref, "payment", {"date": "2026-08-20", "amount": "25.00", "method": "cash"}, today=TODAY)
    # a payment after the N323's date does not make it wrong
    record_step(db, ref, "payment", {"date": "2026-10-01", "amount": "30.00", "method": "cash"}, today=TODAY)
    assert check_case(db, ref) == [Problem("N323.pdf", "paid_since_judgment", "200.00", "225.00")]


def test_every_kind_of_contradiction_is_named(db, tmp_path):
    ref = new_case(db)
    _story(db, ref)
    record_step(
        db,
        ref,
        "enforcement_issued",
        {"date": "2026-09-07", "type": "warrant_of_control", "reference": "W0000001"},
        today=TODAY,
    )
    doc = tmp_path / "N293A.pdf"
    doc.write_bytes(b"%PDF-1.4 test")
    record_document(
        db,
        ref,
        "enforcement",
        doc,
        facts={
            "as_at": "2026-10-01",
            "claim_number": "260142CP",
            "letter_date": "2026-12-01",
            "issue_date": "2026-09-12",
            "judgment_terms": "instalments",
            "other_enforcement_pending": "no",
            "deemed_service": "2026-06-03",
            "claimant": "London Borough of Lewisham",
            "signatory": "anyone",
        },
    )
    assert check_case(db, ref) == [
        Problem("N293A.pdf", "claim_number", "260142CP", "L4QZ8F2K"),
        Problem("N293A.pdf", "deemed_service", "2026-06-03", "(not recorded)"),
        Problem("N293A.pdf", "issue_date", "2026-09-12", "2026-06-01"),
        Problem("N293A.pdf", "judgment_terms", "instalments", "forthwith"),
        Problem("N293A.pdf", "letter_date", "2026-12-01", "2026-03-02"),
        Problem("N293A.pdf", "other_enforcement_pending", "no", "yes"),
    ]


def test_case_check_cli_json_and_exit_codes(db, tmp_path, capsys):
    ref = new_case(db)
    _story(db, ref)
    assert main(["case", "check", ref, "--json", "--db", db.url]) == 0
    assert json.loads(capsys.readouterr().out) == {"reference": ref, "problems": []}
    doc = tmp_path / "N1.pdf"
    doc.write_bytes(b"%PDF-1.4 test")
    record_document(db, ref, "claim", doc, facts={"as_at": "2026-06-01", "claim_number": "K1QZ1234"})
    assert main(["case", "check", ref, "--json", "--db", db.url]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "reference": ref,
        "problems": [{"document": "N1.pdf", "field": "claim_number", "says": "K1QZ1234", "register": "L4QZ8F2K"}],
    }
    assert main(["case", "check", ref, "--db", db.url]) == 1
    assert capsys.readouterr().out == (
        f"{ref}: 1 contradiction(s):\n  N1.pdf: claim_number says 'K1QZ1234'; the register holds 'L4QZ8F2K'\n"
    )
    assert main(["case", "check", "NOPE-9", "--db", db.url]) == 2
    assert "no case 'NOPE-9' in the register" in capsys.readouterr().err


def test_case_step_cli_records_and_warns(db, tmp_path, capsys):
    ref = new_case(db)
    facts = tmp_path / "issued.yaml"
    facts.write_text(
        "date: 2026-09-12\nclaim_number: K1QZ1234\ncourt: Civil National Business Centre\n", encoding="utf-8"
    )
    assert main(["case", "step", ref, "claim_issued", "--facts", str(facts), "--db", db.url]) == 0
    out = capsys.readouterr()
    assert out.out == f"{ref}: recorded claim_issued on 2026-09-12\n"
    assert "12 September 2026 is a Saturday" in out.err


def test_case_story_and_worklist_cli(db, capsys):
    ref = new_case(db)
    _story(db, ref)
    assert main(["case", "story", ref, "--db", db.url]) == 0
    assert capsys.readouterr().out == (
        "2026-03-02  letter_before_claim_sent  (how: post)\n"
        "2026-06-01  claim_issued  (claim_number: L4QZ8F2K, court: Civil National Business Centre)\n"
        "2026-07-01  judgment  (amount: 2151.98, costs: 70.00, terms: forthwith)\n"
        "2026-08-03  payment  (amount: 200.00, method: card)\n"
    )
    assert (
        main(
            [
                "case",
                "worklist",
                "--officer",
                "income.recovery@lewisham.example.gov.uk",
                "--on",
                "2026-07-20",
                "--db",
                db.url,
            ]
        )
        == 0
    )
    # judgment payable forthwith on 1 July 2026: within 14 days, by 15 July 2026 (CPR 40.11) - overdue on 20 July
    assert capsys.readouterr().out == (
        f"OVERDUE {ref}  Mr Daniel James Okafor  [judgment]  Check payments under the judgment; enforce if not "
        "paid, from 15 July 2026\n"
    )
