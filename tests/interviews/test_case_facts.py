"""The interviews record the facts their documents state, so ``courtpack case check`` checks the server's documents.

Issue 11 items 4 and 5: a letter and a claim run through docassemble's real engine on a case in a
scratch register agree with the register; a payment made before issue but recorded afterwards makes
the claim's balance untrue, and the check names exactly that. An enforcement request whose statement
of truth would be untrue on the register (a warrant while the instalment order is kept to) is refused.
"""

from __future__ import annotations

import datetime as dt

import pytest

from docassemble.courtpack.errors import NotReadyError
from docassemble.courtpack.headless.context import Actor, StepContext, headless_step
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.interview_glue.common import load_case
from docassemble.courtpack.interview_glue.enforcement import register_arrears
from docassemble.courtpack.register.case_check import Problem, check_case
from docassemble.courtpack.register.generated import documents_for
from docassemble.courtpack.register.steps import record_step

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow

REF = "FTA-2025-0142"
TODAY = dt.date(2026, 12, 5)
SIGN = {"signatory_name": "Priya Shah", "signatory_position": "Debt Recovery Officer"}
CLAIM = {
    "letter_before_claim_date": "2025-09-01",
    "issue_date": "2025-11-20",
    "hearing_centre": "Lewisham",
    "human_rights": False,
    "claimant_vulnerable": False,
    "claim_checked": True,
    **SIGN,
}
CNBC = "Civil National Business Centre"


def _letter_and_claim(url: str, tmp_path) -> list:
    """Letter on 1 September 2025 (posted that day), claim issued on Thursday 20 November 2025 as K00QZ123."""
    run_interview(
        "letter_before_claim",
        {"letter_date": "2025-09-01", "instalments_status": "none", "letter_checked": True, "letter_sent_by": "post"},
        tmp_path / "letter",
        EXAMPLES / f"{REF}.yaml",
        register_url=url,
        as_at=dt.date(2025, 9, 1),
    )
    record_step(url, REF, "letter_before_claim_sent", {"date": "2025-09-01", "how": "post"}, today=TODAY)
    claim = run_interview(
        "money_claim", CLAIM, tmp_path / "claim", reference=REF, register_url=url, as_at=dt.date(2025, 11, 20)
    ).documents
    record_step(
        url, REF, "claim_issued", {"date": "2025-11-20", "claim_number": "K00QZ123", "court": CNBC}, today=TODAY
    )
    return claim


def test_letter_and_claim_state_their_facts_and_agree_until_an_earlier_payment_is_recorded(tmp_path):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    claim = _letter_and_claim(url, tmp_path)
    recorded = {d.file_name: d.facts for d in documents_for(url, REF)}
    letter = recorded[f"{REF} letter of claim pack.pdf"]
    # the letter states the balance on its date: the account's 2,037.98 (tests/interviews/test_letter_before_claim.py)
    assert letter["letter_date"] == "2025-09-01" and letter["as_at"] == "2025-09-01"
    assert letter["balance"] == "2037.98"
    assert letter["claimant"] and letter["debtors"]
    n1 = recorded[f"{REF} N1 claim form.pdf"]
    # debt 2,037.98 + s.69 interest 151.86 = 2,189.84 claimed; + issue fee 115.00 = 2,304.84
    # (tests/forms/test_forms_interviews.py works the same claim)
    assert (n1["issue_date"], n1["balance"], n1["claim_value"], n1["court_fee"], n1["total"]) == (
        "2025-11-20",
        "2037.98",
        "2189.84",
        "115.00",
        "2304.84",
    )
    assert n1["hearing_centre"] == "Lewisham" and n1["as_at"] == "2025-11-20"
    assert check_case(url, REF) == []

    # £100.00 paid on 1 October 2025 (after the letter, before issue), recorded only now: the claim's
    # balance was 2,037.98 - 100.00 = 1,937.98 on its issue date, so every claim document states an untrue
    # balance; the letter of 1 September stays right.
    record_step(url, REF, "payment", {"date": "2025-10-01", "amount": "100.00", "method": "card"}, today=TODAY)
    expected = [Problem(p.name, "balance", "2037.98", "1937.98") for p in claim]
    assert sorted(check_case(url, REF), key=str) == sorted(expected, key=str)


def _judgment_by_instalments(url: str) -> None:
    """Judgment on Monday 22 December 2025 for 2,304.84, payable at £100.00 a month from 22 January 2026."""
    record_step(
        url,
        REF,
        "judgment",
        {
            "date": "2025-12-22",
            "amount": "2304.84",
            "terms": "instalments",
            "instalment_amount": "100.00",
            "frequency": "monthly",
            "first_payment": "2026-01-22",
        },
        today=TODAY,
    )
    record_step(url, REF, "payment", {"date": "2026-01-20", "amount": "100.00", "method": "card"}, today=TODAY)


ENFORCE = {
    "as_at": "2026-03-02",
    "debtor_employed": False,
    "routes_seen": True,
    "chosen_routes": ["warrant_of_control"],
    # the officer answers "in arrears"; the register's payments decide instead
    "instalments_in_arrears": True,
    "arrears_answer": True,
    "agent_name": "Bailiff Services Ltd",
    "agent_address": "1 High Street, Bromley BR1 1AA",
    **SIGN,
}


def test_a_warrant_is_refused_while_the_register_shows_the_instalment_order_kept_to(tmp_path):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    _letter_and_claim(url, tmp_path)
    _judgment_by_instalments(url)
    # by 2 March 2026 two instalments fell due (22 January, 22 February) = £200.00; paid £100 + £100 = £200.00
    record_step(url, REF, "payment", {"date": "2026-02-20", "amount": "100.00", "method": "card"}, today=TODAY)
    with pytest.raises(NotReadyError, match="instalment order is being kept to"):
        run_interview(
            "enforcement", ENFORCE, tmp_path / "enforce", reference=REF, register_url=url, as_at=dt.date(2026, 3, 2)
        )
    assert not (tmp_path / "enforce").exists() or not any((tmp_path / "enforce").iterdir())


def test_the_register_decides_whether_an_instalment_is_in_arrears(tmp_path):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    officer = Actor("officer@council.example.com", frozenset({"officer"}))
    _letter_and_claim(url, tmp_path)
    step = StepContext(actor=officer, output_dir=tmp_path / "out", register_url=url)
    with headless_step(step):
        case = load_case(REF)
        assert register_arrears(case, "2026-03-02") is None  # no judgment yet: the interview asks
        _judgment_by_instalments(url)
        # 22 January due £100.00, paid £100.00 on 20 January: kept to on 1 February
        assert register_arrears(case, "2026-02-01") is False
        # 22 February also due by 2 March: £200.00 due, £100.00 paid -> in arrears
        assert register_arrears(case, "2026-03-02") is True
