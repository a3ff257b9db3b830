"""Each possession interview run headless with docassemble's real engine on the example case (slow).

The example (examples/possession/) loaded as at Wednesday 16 September 2026, so every "as_at - N weeks"
date is a Wednesday and none is a bank holiday. Rent £120.00 a week, charged each Wednesday (the tenancy
began Wednesday 22 September 2021); the account opens on Wednesday 10 December 2025 with £300.00 brought
forward. Universal Credit pays £240.00 every four weeks from 10 December 2025; the tenant pays £40.00 on
24 December 2025 and 21 January 2026. Daily rate £120.00 ÷ 7 = £17.142… → £17.14.

- Notice, handed over Wednesday 11 March 2026: 14 rent days (10 Dec … 11 Mar, 91 days) = £1,680.00;
  UC 4 × £240.00 = £960.00; tenant £80.00: 300 + 1,680 − 960 − 80 = £940.00 = 7.8 weeks (940 ÷ 120 = 7.83).
  The date named: the first rent day at least 4 weeks on, 11 March + 28 days = Wednesday 8 April 2026;
  in force twelve months from it, so proceedings must be begun by 7 April 2027.
- Claim, Wednesday 22 April 2026: 20 rent days = £2,400.00; UC 5 × £240.00 = £1,200.00; tenant £80.00:
  300 + 2,400 − 1,200 − 80 = £1,420.00 = 11.8 weeks (11.83). Fee £404.00.
- Hearing pack, 3 June 2026: 26 rent days = £3,120.00; UC 7 = £1,680.00: 300 + 3,120 − 1,680 − 80 = £1,660.00.
- Order at the hearing, 10 June 2026: suspended, possession by 8 July 2026, rent + £10.00 a week from
  17 June. The tenant pays £70.00 on 17 June, 24 June and 1 July and £35.00 on 8 July; UC £240.00 on
  24 June, 22 July, 19 August. Thirteen complete weekly periods to 15 September: due 13 × £130.00 =
  £1,690.00; paid 245 + 720 = £965.00; shortfall £725.00; first short in the period to 23 June (70 of 130).
- Warrant, 16 September 2026: 41 rent days = £4,920.00; UC 10 = £2,400.00; tenant £325.00:
  300 + 4,920 − 2,400 − 325 = £2,495.00.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docassemble.courtpack.cli.demo_possession import REFERENCE, load_possession_example
from docassemble.courtpack.errors import NotReadyError
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.register import open_register
from docassemble.courtpack.register.case_check import check_case
from docassemble.courtpack.register.settings import read_settings_file, save_settings
from docassemble.courtpack.register.steps import case_facts

from ..conftest import EXAMPLES
from .helpers import docx_text, pdf_text

pytestmark = pytest.mark.slow

AS_AT = dt.date(2026, 9, 16)
SIGN = {"signatory_name": "Amara Bello", "signatory_position": "Income Manager"}


@pytest.fixture
def register_url(tmp_path, monkeypatch):
    monkeypatch.setenv("COURTPACK_DOCUMENT_STORE", str(tmp_path / "store"))
    url = f"sqlite:///{tmp_path / 'register.db'}"
    register = open_register(url)
    try:
        save_settings(register, read_settings_file(EXAMPLES / "settings" / "lewisham.yaml"), who="test")
        load_possession_example(register, EXAMPLES, AS_AT, "test")
    finally:
        register.dispose()
    return url


def _run(name: str, answers: dict, out: Path, url: str, day: dt.date) -> list[Path]:
    return run_interview(name, answers, out, reference=REFERENCE, register_url=url, as_at=day).documents


def _by_name(documents: list[Path], words: str) -> Path:
    return next(p for p in documents if words in p.name)


def test_the_four_possession_interviews_from_notice_to_warrant(register_url, tmp_path):
    url = register_url
    notice = _run(
        "possession_notice",
        {
            "notice_date": "2026-03-11",
            "notice_method": "hand",
            "notice_served_now": True,
            "notice_seen": True,
            "notice_particulars": "",
            **SIGN,
        },
        tmp_path / "notice",
        url,
        dt.date(2026, 3, 11),
    )
    text = docx_text(_by_name(notice, "notice of seeking possession.docx"))
    assert "the arrears of rent on your account are £940.00, which is 7.8 weeks of rent" in text
    assert "can be begun after 8 April 2026" in text and "must be begun by 7 April 2027" in text
    assert any(p.suffix == ".pdf" for p in notice)
    served = case_facts(url, REFERENCE).latest("possession_notice_served")
    assert served is not None and served.facts["date_specified"] == "2026-04-08"

    claim_answers = {
        "possession_court": "County Court at Bromley",
        "human_rights": False,
        "claim_seen": True,
        "defendant_circumstances": "",
        "claimant_circumstances": "",
        **SIGN,
    }
    # 8 April is the date the notice names: proceedings may be begun only after it
    with pytest.raises(
        NotReadyError, match="The notice period has not run: proceedings may be begun from 9 April 2026"
    ):
        _run(
            "possession_claim",
            {**claim_answers, "issue_date": "2026-04-08"},
            tmp_path / "early",
            url,
            dt.date(2026, 4, 8),
        )
    claim = _run(
        "possession_claim", {**claim_answers, "issue_date": "2026-04-22"}, tmp_path / "claim", url, dt.date(2026, 4, 22)
    )
    n119 = pdf_text(_by_name(claim, "N119"))
    assert "are £1,420.00, which is 11.8 weeks of rent" in n119 and "£17.14" in n119
    assert "11 March 2026" in n119  # the notice as served
    assert "£404.00" in pdf_text(_by_name(claim, "N5"))
    assert "£1,420.00" in pdf_text(_by_name(claim, "rent statement"))

    pack = _run(
        "possession_order",
        {
            "order_task": "hearing_pack",
            "prepared_on": "2026-06-03",
            "hearing_circumstances": "",
            "order_sought": "Possession suspended on terms.",
            "acceptable_terms": "The rent plus £10.00 a week.",
            "officer_name": "Amara Bello",
            "officer_position": "Income Manager",
        },
        tmp_path / "pack",
        url,
        dt.date(2026, 6, 3),
    )
    brief = pdf_text(pack[0])
    assert "Arrears on 3 June 2026: £1,660.00" in brief and "K7BR2Q4M" in brief and "Hearing: 10 June 2026" in brief
    assert "N5 claim form for possession" in brief and "Notice of seeking possession" in brief

    _run(
        "possession_order",
        {
            "order_task": "record_order",
            "order_date": "2026-06-10",
            "order_kind": "suspended",
            "possession_date": "2026-07-08",
            "instalment": "10.00",
            "order_frequency": "weekly",
            "first_payment": "2026-06-17",
            "order_arrears": "1780.00",
            "order_costs": "404.00",
        },
        tmp_path / "order",
        url,
        dt.date(2026, 6, 10),
    )
    warrant = _run(
        "warrant_of_possession",
        {"request_date": "2026-09-16", "enforcement_seen": True, "risk_information": "", **SIGN},
        tmp_path / "warrant",
        url,
        AS_AT,
    )
    form = pdf_text(_by_name(warrant, "N325A"))
    assert "£1,690.00 fell due" in form and "£965.00 was paid" in form and "shortfall of £725.00" in form
    assert "period ending 23 June 2026" in form and "£148.00" in form
    assert "£2,495.00" in pdf_text(_by_name(warrant, "statement of payments"))
    assert case_facts(url, REFERENCE).latest("warrant_requested").facts["kind"] == "n325_warrant"
    assert check_case(url, REFERENCE) == []  # every document states what the register holds on its date


def test_a_warrant_is_refused_while_the_terms_are_kept(register_url, tmp_path):
    """Before the first period of the order's terms has ended nothing can be broken: 17 June 2026."""
    from docassemble.courtpack.register.steps import record_step

    record_step(
        register_url,
        REFERENCE,
        "possession_order",
        {
            "date": "2026-06-10",
            "kind": "suspended",
            "possession_date": "2026-07-08",
            "instalment": "10.00",
            "frequency": "weekly",
            "first_payment": "2026-06-17",
        },
        today=AS_AT,
    )
    with pytest.raises(NotReadyError, match="date for possession, 8 July 2026, has not passed"):
        _run(
            "warrant_of_possession",
            {"request_date": "2026-06-17", "enforcement_seen": True, "risk_information": "", **SIGN},
            tmp_path / "warrant",
            register_url,
            dt.date(2026, 6, 17),
        )
