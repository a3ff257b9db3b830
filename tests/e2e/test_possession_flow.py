"""A possession notice on the real server, in Chromium (issue 15).

An income officer signs in, chooses the fourth example case (a secure tenant in arrears, which the
server's register holds from ``scripts/server.sh``), serves a notice of seeking possession today and
downloads it. The notice must state the arrears the register's rent account gives on that day and
the date the notice names; the register must then hold the notice, by the officer, and its service.
Every screen is scanned with axe-core: no violation of impact "serious" or "critical".
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from docassemble.courtpack.law.dates import format_date
from docassemble.courtpack.law.money import format_money

from .test_new_case_flow import serious_violations
from .test_server import (
    click_button,
    db_now,
    documents_for,
    download,
    pdf_text,
    register_rows,
    sign_in,
    wait_for_heading,
)

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

NOTICE = "docassemble.courtpack:data/questions/possession_notice.yml"
REFERENCE = "HRA-2026-0031"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def register_url(server) -> str:
    return server.register_url.replace("postgresql://", "postgresql+psycopg://", 1)


def ensure_possession_case(server) -> None:
    """The seeded register has the case; a server seeded before the case existed gets it now."""
    if register_rows(server, "SELECT 1 FROM cases WHERE reference = %s", REFERENCE):
        return
    from docassemble.courtpack.cli.demo_possession import load_possession_example
    from docassemble.courtpack.register import open_register

    register = open_register(register_url(server))
    try:
        load_possession_example(register, EXAMPLES, dt.date.today(), "tests/e2e")
    finally:
        register.dispose()


def test_officer_serves_a_notice_of_seeking_possession(page, server, artifacts):
    from docassemble.courtpack.case.tenancy import balance_at
    from docassemble.courtpack.register.possession import possession_facts

    ensure_possession_case(server)
    email, password = server.login_for("officer")
    since = db_now(server)
    failures: list[str] = []
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={NOTICE}&new_session=1")

    wait_for_heading(page, "Which tenancy is the notice for?")
    failures += serious_violations(page, "which tenancy")
    page.locator("select").first.select_option(REFERENCE)
    click_button(page, "Continue")

    wait_for_heading(page, "When and how will the notice be served?")
    failures += serious_violations(page, "service")
    click_button(page, "Continue")  # dated today, handed to the tenant, service recorded now (the defaults)

    wait_for_heading(page, "dates")  # docassemble curls the apostrophe
    failures += serious_violations(page, "the notice's dates")
    click_button(page, "Continue")
    wait_for_heading(page, "Anything to add to the particulars?")
    click_button(page, "Continue")
    wait_for_heading(page, "Who signs the notice?")
    failures += serious_violations(page, "who signs")
    click_button(page, "Continue")

    wait_for_heading(page, "The notice is ready")
    failures += serious_violations(page, "end screen")
    page.screenshot(path=str(artifacts / "possession_notice-end.png"), full_page=True)
    text = " ".join(pdf_text(download(page, f"{REFERENCE} notice of seeking possession.pdf", artifacts)).split())

    # what the register says on the day the notice was served (the step the interview recorded)
    served = register_rows(
        server,
        "SELECT s.happened_on, s.facts FROM case_steps s JOIN cases c ON c.id = s.case_id "
        "WHERE c.reference = %s AND s.step = 'possession_notice_served' ORDER BY s.id DESC",
        REFERENCE,
    )
    assert served, "the interview did not record the notice's service"
    day, facts = served[0][0], served[0][1]
    facts = facts if isinstance(facts, dict) else json.loads(facts)
    arrears = balance_at(possession_facts(register_url(server), REFERENCE, day).account, day)
    assert "Notice of Seeking Possession" in text and "Ms Grace Mensah" in text
    assert "Rent lawfully due from the tenant has not been paid" in text  # Ground 1
    assert f"the arrears of rent on your account are {format_money(arrears)}" in text, text[:3000]
    assert format_date(dt.date.fromisoformat(facts["date_specified"])) in text
    assert "(verify)" not in text

    recorded = documents_for(server, REFERENCE, since)
    assert any(name == f"{REFERENCE} notice of seeking possession.pdf" and who == email for _, name, who in recorded), (
        recorded
    )
    assert not failures, "\n".join(failures)
