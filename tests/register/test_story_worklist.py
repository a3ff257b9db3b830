"""The start page's work list: next action and due date from the recorded steps, overdue first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docassemble.courtpack.register.generated import record_document
from docassemble.courtpack.register.steps import record_step
from docassemble.courtpack.register.worklist import (
    BundleToReview,
    WorkItem,
    bundles_awaiting_review,
    caseload_by_stage,
    hearings_soon,
    officer_worklist,
)

from .helpers import new_case

TODAY = dt.date(2026, 12, 5)
ON = dt.date(2026, 7, 10)
OFFICER = "income.recovery@lewisham.example.gov.uk"  # the example case's officer email
DEBTOR = "Mr Daniel James Okafor"


def test_officer_worklist_orders_overdue_first(db):
    fresh = new_case(db, "W-NEW")
    letter = new_case(db, "W-LETTER")
    issued = new_case(db, "W-ISSUED")
    charged = new_case(db, "W-CHARGE")
    heard = new_case(db, "W-HEARING")
    # letter 2 March 2026 to an individual: 30 clear days to reply, issue from 2 March + 31 = 2 April 2026
    record_step(db, letter, "letter_before_claim_sent", {"date": "2026-03-02", "how": "post"}, today=TODAY)
    # issued Monday 1 June 2026 and served by the court: deemed served five days after issue (law.calendar's
    # court-service rule), Saturday 6 June; 14 days after service ends Saturday 20 June, moved to Monday
    # 22 June (CPR 2.8(5)); judgment may be requested from Tuesday 23 June
    record_step(
        db,
        issued,
        "claim_issued",
        {"date": "2026-06-01", "claim_number": "K1QZ1234", "court": "Civil National Business Centre"},
        today=TODAY,
    )
    # interim charging order Wednesday 1 July 2026: serve within 21 days, by Wednesday 22 July
    record_step(
        db,
        charged,
        "charging_order_interim",
        {"date": "2026-07-01", "title_number": "SGL1", "land": "1 Road, London SE4 1QA"},
        today=TODAY,
    )
    record_step(
        db,
        heard,
        "hearing_listed",
        {
            "date": "2026-07-20",
            "time": "10:00",
            "court": "County Court at Bromley",
            "kind": "disposal hearing",
            "key": "d",
        },
        today=TODAY,
    )
    assert officer_worklist(db, OFFICER, ON) == [
        WorkItem(
            letter, DEBTOR, "letter sent", "Reply period ends; the claim can be issued from", dt.date(2026, 4, 2), True
        ),
        WorkItem(
            issued, DEBTOR, "claim issued", "Judgment in default can be requested from", dt.date(2026, 6, 23), True
        ),
        WorkItem(heard, DEBTOR, "new", "Hearing on", dt.date(2026, 7, 20), False),
        WorkItem(charged, DEBTOR, "charging order", "Serve the interim charging order by", dt.date(2026, 7, 22), False),
        WorkItem(fresh, DEBTOR, "new", "Send the letter before claim", None, False),
    ]
    assert officer_worklist(db, "someone.else@example.gov.uk", ON) == []
    assert caseload_by_stage(db, ON) == [
        ("new", 2),
        ("letter sent", 1),
        ("claim issued", 1),
        ("defended", 0),
        ("judgment", 0),
        ("enforcement", 0),
        ("charging order", 1),
        ("possession", 0),
    ]
    assert [(h.reference, h.starts_at) for h in hearings_soon(db, ON, OFFICER)] == [
        (heard, dt.datetime(2026, 7, 20, 10, 0))
    ]
    # 5 July + 14 days = 19 July: the hearing on 20 July is outside that window
    assert hearings_soon(db, dt.date(2026, 7, 5), OFFICER) == []


def test_judgment_next_action_follows_its_terms(db):
    forthwith = new_case(db, "J-FORTH")
    record_step(
        db, forthwith, "judgment", {"date": "2026-07-01", "amount": "100.00", "terms": "forthwith"}, today=TODAY
    )
    # forthwith: payable within 14 days of 1 July 2026 = 15 July 2026 (CPR 40.11)
    assert officer_worklist(db, OFFICER, dt.date(2026, 7, 20)) == [
        WorkItem(
            forthwith,
            DEBTOR,
            "judgment",
            "Check payments under the judgment; enforce if not paid, from",
            dt.date(2026, 7, 15),
            True,
        )
    ]
    record_step(
        db,
        forthwith,
        "enforcement_issued",
        {"date": "2026-07-21", "type": "warrant_of_control", "reference": "W1"},
        today=TODAY,
    )
    assert officer_worklist(db, OFFICER, dt.date(2026, 7, 22)) == [
        WorkItem(forthwith, DEBTOR, "enforcement", "Record the enforcement outcome", None, False)
    ]


def test_bundles_awaiting_review(db, tmp_path):
    ref = new_case(db, "B-1")
    bundle = tmp_path / "B-1 trial bundle.pdf"
    bundle.write_bytes(b"%PDF-1.4 bundle one")
    other = tmp_path / "B-1 trial bundle (2).pdf"
    other.write_bytes(b"%PDF-1.4 bundle two")
    record_document(db, ref, "court bundle", bundle, who="priya")
    record_document(db, ref, "court bundle", other, who="priya")
    record_document(db, ref, "bundle reviewed: fine", Path(bundle), who="lawyer")
    rows = bundles_awaiting_review(db)
    assert [(r.reference, r.file_name, r.created_by) for r in rows] == [(ref, "B-1 trial bundle (2).pdf", "priya")]
    assert isinstance(rows[0], BundleToReview)


def test_work_list_markdown_for_each_role(db, monkeypatch):
    from docassemble.courtpack.interview_glue.work_list import work_list_markdown

    monkeypatch.setenv("COURTPACK_DATABASE_URL", db.url)
    ref = new_case(db, "M-1")
    record_step(db, ref, "letter_before_claim_sent", {"date": "2026-03-02", "how": "post"}, today=TODAY)
    text = work_list_markdown(OFFICER, ["officer"], ON)
    # letter 2 March 2026 + 31 days = 2 April 2026, before 10 July: overdue, and the next task is the claim
    assert text == (
        "### Your cases\n\n* **Overdue:** M-1 (money_claim) — Mr Daniel James Okafor (letter sent): "
        "Reply period ends; the claim can be issued from 2 April 2026\n\n"
        "### Hearings in the next 14 days\n\nNone."
    )
    manager = work_list_markdown("boss@example.gov.uk", ["manager"], ON)
    assert manager.splitlines()[4:6] == ["| new | 0 |", "| letter sent | 1 |"]
