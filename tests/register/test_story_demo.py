"""The demo register tells each example case's story from its recorded steps, on court days."""

from __future__ import annotations

import datetime as dt

from docassemble.courtpack.register.case_check import check_case
from docassemble.courtpack.register.demo import load_demo
from docassemble.courtpack.register.steps import case_facts
from docassemble.courtpack.register.worklist import WorkItem, caseload_by_stage, officer_worklist

from .conftest import AS_AT, EXAMPLES


def test_fta_story_as_recorded(demo_db):
    story = case_facts(demo_db, "FTA-2025-0142")
    # as at Saturday 10 January 2026: letter - 34 weeks = Saturday 17 May 2025 -> the officer's working day
    # before, Friday 16 May; issue - 26 weeks = Saturday 12 July 2025 -> Friday 11 July; judgment - 20 weeks = Saturday
    # 23 August 2025 -> Friday 22 August; the vary hearing + 12 days = Thursday 22 January 2026
    assert [(s.step, s.happened_on) for s in story.steps] == [
        ("letter_before_claim_sent", dt.date(2025, 5, 16)),
        ("claim_issued", dt.date(2025, 7, 11)),
        ("judgment", dt.date(2025, 8, 22)),
        ("hearing_listed", dt.date(2026, 1, 22)),
    ]
    assert (story.claim_number, story.court) == ("L4QZ8F2K", "Civil National Business Centre")
    judgment = story.judgment
    assert (judgment.facts["amount"], judgment.facts["terms"], judgment.facts["instalment_amount"]) == (
        "2189.40",
        "instalments",
        "100.00",
    )
    assert check_case(demo_db, "FTA-2025-0142") == []


def test_loading_twice_records_no_step_twice(demo_db):
    before = {ref: case_facts(demo_db, ref).steps for ref in ("FTA-2025-0142", "RR-2025-0077", "CR-2025-0310")}
    load_demo(demo_db, EXAMPLES, None, AS_AT)
    assert {ref: case_facts(demo_db, ref).steps for ref in before} == before


def test_demo_work_list(demo_db):
    # Hannah Clarke (CR-2025-0310): interim charging order as_at - 30 days = Thursday 11 December 2025; the
    # final hearing is listed (12 February 2026), so the hearing is the next thing on her list
    assert officer_worklist(demo_db, "Hannah Clarke", AS_AT) == [
        WorkItem(
            "CR-2025-0310", "Kirkgate Coffee Roasters Ltd", "charging order", "Hearing on", dt.date(2026, 2, 12), False
        )
    ]
    assert caseload_by_stage(demo_db, AS_AT) == [
        ("new", 0),
        ("letter sent", 0),
        ("claim issued", 0),
        ("defended", 0),
        ("judgment", 2),
        ("enforcement", 0),
        ("charging order", 1),
        ("possession", 0),
    ]
