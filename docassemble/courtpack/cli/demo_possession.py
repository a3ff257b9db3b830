"""The demo's income officer: the fourth example case, a secure tenant in arrears, from notice to warrant.

Why through the interviews and the register, like the money-claim cases: each possession document is
produced by its interview (docassemble's real engine) on the case as the register holds it that day,
and the notice's service and the order are recorded by those interviews; the facts nobody produces (the
tenancy, Universal Credit credits, the tenant's payments, the protocol steps, the court's notice of
issue) come from ``examples/possession/story.yaml``. Every document records the facts it states
(arrears, weeks of rent, daily rate, the notice's dates, the order's terms), which ``courtpack case check``
compares with the register as at each document's date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from ..case.fields import Fields
from ..errors import CaseFileError, CourtpackError
from ..law.calendar import on_or_next_business_day
from ..register.cases import add_case
from ..register.db import Register, session_for
from ..register.demo import court_day_on_or_before, read_story, record_once
from ..register.orders import resolve_date
from ..register.settings import council_settings
from .demo_case import DemoOfficer, signatory

__all__ = ["FOLDER", "REFERENCE", "carry_possession_through", "load_possession_example"]

FOLDER = "possession"  # examples/possession/: the case file and its story
REFERENCE = "HRA-2026-0031"


def _story(examples: Path) -> Fields:
    path = examples / FOLDER / "story.yaml"
    if not path.is_file():
        raise CaseFileError(str(path), "", "the possession example's story is missing", "restore examples/possession/")
    return Fields(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))


def load_possession_example(register: Register, examples: Path, as_at: dt.date, who: str) -> str:
    """Add the case and record its story's steps (dates against ``as_at``) in one transaction; loading twice
    adds nothing. The story is read as the other examples' are (``register.demo.read_story``)."""
    add_case(register, examples / FOLDER / f"{REFERENCE}.yaml", who=who)
    steps = read_story(examples / FOLDER / "story.yaml", as_at)
    with session_for(register, who) as session:
        for name, facts in steps:
            record_once(session, REFERENCE, name, facts, who, today=as_at)
    return REFERENCE


def _day(officer: Fields, key: str, as_at: dt.date) -> dt.date:
    try:
        return court_day_on_or_before(resolve_date(officer.raw(key), as_at))
    except ValueError as err:
        raise officer.fail(key, str(err)) from None


def carry_possession_through(register: Register, examples: Path, out_dir: Path, as_at: dt.date) -> list[Path]:
    """Notice -> claim -> hearing pack -> order -> warrant request, each by its interview on its day."""
    from ..case.tenancy import balance_at
    from ..law.money import money_str
    from ..register.possession import possession_facts

    officer = _story(examples).section("officer")
    drive = DemoOfficer(register, REFERENCE, Path(out_dir) / REFERENCE)
    story = drive.story(as_at)
    signer = signatory(council_settings(register, story.claimant))
    sign = {"signatory_name": signer.name, "signatory_position": signer.position}

    notice = officer.section("notice")
    notice_day = _day(notice, "date", as_at)
    drive.run(
        "possession_notice",
        {
            "notice_date": notice_day.isoformat(),
            "notice_method": notice.text("method"),
            "notice_served_now": True,
            "notice_seen": True,
            "notice_particulars": "",
            **sign,
        },
        notice_day,
    )

    claim = officer.section("claim")
    issue_day = _day(claim, "date", as_at)
    drive.run(
        "possession_claim",
        {
            "issue_date": issue_day.isoformat(),
            "possession_court": claim.text("court"),
            "human_rights": False,
            "claim_seen": True,
            "defendant_circumstances": "",
            "claimant_circumstances": "",
            **sign,
        },
        issue_day,
    )

    pack = officer.section("hearing_pack")
    pack_day = _day(pack, "date", as_at)
    drive.run(
        "possession_order",
        {
            "order_task": "hearing_pack",
            "prepared_on": pack_day.isoformat(),
            "hearing_circumstances": "",
            "order_sought": pack.long_text("order_sought"),
            "acceptable_terms": pack.long_text("acceptable_terms"),
            "officer_name": signer.name,
            "officer_position": signer.position,
        },
        pack_day,
    )

    order = officer.section("order")
    facts = possession_facts(register, REFERENCE, as_at)
    if facts.claim is None or facts.claim.hearing_date is None:
        raise CourtpackError(
            f"{REFERENCE}: the story needs the claim as issued and its hearing (claim_issued, hearing_listed)"
        )
    heard = facts.claim.hearing_date  # the order is made at the hearing the court listed
    drive.run(
        "possession_order",
        {
            "order_task": "record_order",
            "order_date": heard.isoformat(),
            "order_kind": order.text("kind"),
            "possession_date": _day(order, "possession_date", as_at).isoformat(),
            "instalment": order.text("instalment"),
            "order_frequency": order.text("frequency"),
            "first_payment": on_or_next_business_day(resolve_date(order.raw("first_payment"), as_at)).isoformat(),
            "order_arrears": money_str(balance_at(facts.account, heard)),
            "order_costs": order.text("costs"),
        },
        heard,
    )

    request_day = court_day_on_or_before(as_at)
    drive.run(
        "warrant_of_possession",
        {
            "request_date": request_day.isoformat(),
            "enforcement_seen": True,
            "risk_information": officer.section("warrant").long_text("risk_information"),
            **sign,
        },
        request_day,
    )
    return drive.written
