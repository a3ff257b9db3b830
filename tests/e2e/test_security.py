"""Who may read and do what on the real server: anonymous visitors, forged variables, other users'
files and another role's actions — in Chromium and over the REST API (each example user has a key)."""

from __future__ import annotations

import base64
import re
import time

import pytest
import requests

from .test_server import START, click_button, db_now, documents_for, sign_in, wait_for_heading

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

INTERVIEWS = (
    "start",
    "letter_before_claim",
    "money_claim",
    "default_judgment",
    "charging_order",
    "enforcement",
    "witness_statement",
    "court_bundle",
    "hearing_check",
)
LBC = "docassemble.courtpack:data/questions/letter_before_claim.yml"
FILE_LINK = re.compile(r"/uploadedfile(?:download)?/(\d+)/")


def interview(name: str) -> str:
    return f"docassemble.courtpack:data/questions/{name}.yml"


def safeid(variable: str) -> str:
    """How docassemble names a variable's input in a form (base64, no padding)."""
    return base64.b64encode(variable.encode()).decode().replace("=", "")


def api_letter(server, key: str, extra: dict) -> requests.Response:
    """Run the letter before claim over the REST API with ``key``; the reply at the end (or the refusal)."""
    headers = {"X-API-Key": key}
    new = requests.get(f"{server.url}/api/session/new", params={"i": LBC}, headers=headers, timeout=60)
    new.raise_for_status()
    session, secret = new.json()["session"], new.json()["secret"]
    answers = {
        "case_reference": "RR-2025-0077",
        "letter_date": time.strftime("%Y-%m-%d"),
        "instalments_status": "none",
        "letter_checked": True,
        "letter_sent_by": "post",
        **extra,
    }
    return requests.post(
        f"{server.url}/api/session",
        json={"i": LBC, "session": session, "secret": secret, "variables": answers, "question": True},
        headers=headers,
        timeout=300,
    )


@pytest.mark.parametrize("name", INTERVIEWS)
def test_an_anonymous_visitor_is_sent_to_sign_in(server, name):
    # one request per connection: uwsgi's plain http-socket does not keep connections alive
    reply = requests.get(
        f"{server.url}/interview",
        params={"i": interview(name)},
        timeout=60,
        allow_redirects=False,
        headers={"Connection": "close"},
    )
    assert reply.status_code == 302, (reply.status_code, reply.text[:500])
    assert reply.headers["Location"].split("?")[0].endswith("/user/sign-in"), reply.headers["Location"]
    assert "Which case" not in reply.text and "What do you want to do?" not in reply.text
    sign_in_page = requests.get(
        server.url + reply.headers["Location"]
        if reply.headers["Location"].startswith("/")
        else reply.headers["Location"],
        timeout=60,
        headers={"Connection": "close"},
    )
    assert sign_in_page.status_code == 200 and 'id="password"' in sign_in_page.text


def test_a_forged_documents_field_in_a_browser_post_is_rejected(page, server):
    """restrict input variables: a POST may set only the fields of the question on the screen."""
    email, password = server.login_for("officer")
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={LBC}&new_session=1")
    wait_for_heading(page, "Which case is the letter for?")
    page.locator("select").first.select_option("FTA-2025-0142")
    page.evaluate(
        """([name, value]) => {
        const input = document.createElement('input');
        input.type = 'hidden'; input.name = name; input.value = value;
        document.querySelector('form#daform').appendChild(input);
    }""",
        [safeid("documents"), "['/etc/passwd']"],
    )
    click_button(page, "Continue")
    page.wait_for_load_state("networkidle")
    body = page.inner_text("body")
    assert "not in the allowed fields" in body, body[:1500]
    assert not page.get_by_role("link", name=re.compile("passwd")).count()


def test_a_forged_documents_list_over_the_rest_api_is_refused(server):
    """The API sets any variable it is given; the end screen still offers only files the step signed."""
    secrets = str(server.register_url)  # any server path will do; these two are the attacker's favourites
    reply = api_letter(
        server, server.api_keys["officer"], {"documents": ["/etc/passwd", "/proc/self/environ", secrets]}
    )
    assert reply.status_code >= 400, reply.text[:1000]
    assert "was not produced by this step" in reply.text, reply.text[:1000]
    assert not FILE_LINK.search(reply.text)


def test_an_officer_cannot_obtain_a_file_another_user_produced(page, server, artifacts):
    reply = api_letter(server, server.api_key, {})  # the administrator produces the letter
    reply.raise_for_status()
    numbers = FILE_LINK.findall(reply.json()["subquestionText"])
    assert numbers, reply.text[:1000]
    number = numbers[0]
    # over the API with the officer's own key
    theirs = requests.get(
        f"{server.url}/api/file/{number}", headers={"X-API-Key": server.api_keys["officer"]}, timeout=60
    )
    assert theirs.status_code in (400, 403, 404), (theirs.status_code, theirs.content[:200])
    assert not theirs.content.startswith(b"%PDF")
    # and in the browser, signed in as the officer
    email, password = server.login_for("officer")
    sign_in(page, server, email, password)
    response = page.request.get(f"{server.url}/uploadedfile/{number}/document.pdf")
    assert response.status in (403, 404), response.status
    assert not response.body().startswith(b"%PDF")


def test_a_manager_posting_the_batch_letters_button_is_refused(page, server):
    email, password = server.login_for("manager")
    since = db_now(server)
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={START}&new_session=1")
    wait_for_heading(page, "What do you want to do?")
    assert not page.get_by_role("button", name="Batch letters before claim").count()
    # post the hidden button's value, as a hand-made request would
    page.evaluate(
        """([name]) => {
        const form = document.querySelector('form#daform');
        const input = document.createElement('input');
        input.type = 'hidden'; input.name = name; input.value = 'batch';
        form.appendChild(input); form.submit();
    }""",
        [safeid("menu_choice")],
    )
    wait_for_heading(page, "You cannot do this")
    assert "only a debt recovery officer can do this" in page.inner_text("body")
    for reference in ("FTA-2025-0142", "RR-2025-0077", "CR-2025-0310"):
        assert documents_for(server, reference, since) == []


@pytest.mark.parametrize(
    ("role", "name"),
    [("manager", "letter_before_claim"), ("officer", "charging_order"), ("legal_reviewer", "hearing_check")],
)
def test_the_rest_api_applies_the_browsers_role_checks(server, role, name):
    headers = {"X-API-Key": server.api_keys[role]}
    new = requests.get(f"{server.url}/api/session/new", params={"i": interview(name)}, headers=headers, timeout=60)
    if new.status_code >= 400:  # refused at the door (required privileges)
        assert "insufficient permissions" in new.text.lower(), new.text[:500]
        return
    data = new.json()
    question = requests.get(
        f"{server.url}/api/session/question",
        params={"i": interview(name), "session": data["session"], "secret": data["secret"]},
        headers=headers,
        timeout=60,
    )
    assert question.status_code >= 400 or question.json().get("questionText", "").startswith("You cannot"), (
        question.text[:1000]
    )


def test_over_the_rest_api_a_manager_cannot_run_the_batch_letters(server):
    """The start page admits a manager; the Python check refuses the batch action they post."""
    headers = {"X-API-Key": server.api_keys["manager"]}
    new = requests.get(f"{server.url}/api/session/new", params={"i": START}, headers=headers, timeout=60)
    new.raise_for_status()
    data = new.json()
    reply = requests.post(
        f"{server.url}/api/session",
        json={
            "i": START,
            "session": data["session"],
            "secret": data["secret"],
            "question": True,
            "variables": {
                "menu_choice": "batch",
                "batch_references": {"FTA-2025-0142": True},
                "batch_letter_date": time.strftime("%Y-%m-%d"),
            },
        },
        headers=headers,
        timeout=120,
    )
    reply.raise_for_status()
    assert reply.json().get("questionText") == "You cannot do this", reply.text[:1000]
    assert "only a debt recovery officer can do this" in reply.json().get("subquestionText", "")


def test_documents_are_private_and_no_step_folder_outlives_its_step(server):
    """After the letters above: every stored file is readable by the server's account only (umask 077),
    and the steps' working folders are gone."""
    from .conftest import RUN

    api_letter(server, server.api_keys["officer"], {}).raise_for_status()
    stored = [p for p in (RUN / "files").rglob("*") if p.is_file()]
    kept = [p for p in (RUN / "state" / "documents").iterdir() if p.is_file()]
    assert stored and kept
    loose = [f"{p} {p.stat().st_mode & 0o777:o}" for p in stored + kept if p.stat().st_mode & 0o077]
    assert loose == []
    assert list((RUN / "home" / "steps").iterdir()) == []
