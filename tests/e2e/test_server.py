"""courtpack on a real docassemble server: officers and managers in Chromium, a client over the REST API.

Each test signs in as the role that does the task, completes the interview to its end screen,
downloads the PDF it produced (text checked with pdftotext), screenshots the end screen into
.run/e2e-artifacts/, and the register (PostgreSQL) is checked to hold the documents, by whom.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
import requests

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

START = "docassemble.courtpack:data/questions/start.yml"
LBC = "docassemble.courtpack:data/questions/letter_before_claim.yml"
HEARING = "docassemble.courtpack:data/questions/hearing_check.yml"


def pdf_text(path: Path) -> str:
    assert path.read_bytes()[:5] == b"%PDF-", f"{path} is not a PDF"
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def sign_in(page, server, email: str, password: str) -> None:
    page.goto(f"{server.url}/user/sign-in")
    page.fill("#email", email)
    page.fill("#password", password)
    page.locator("button[type=submit], input[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    assert "/user/sign-in" not in page.url, f"could not sign in as {email}: {page.inner_text('body')[:500]}"


def wait_for_heading(page, text: str, timeout_ms: int = 120_000) -> None:
    """Wait for the screen titled ``text``; docassemble's error screen fails at once with its message."""
    wanted = page.locator("h1", has_text=text)
    error = page.locator("h1", has_text=re.compile(r"^\s*Error\s*$"))
    wanted.or_(error).first.wait_for(timeout=timeout_ms)
    if not wanted.count():
        pytest.fail(
            f"expected the screen {text!r}; the server showed an error at {page.url}:\n{page.inner_text('body')[:1500]}"
        )


def click_button(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()


def choose(page, label: str) -> None:
    """A docassemble radio choice (labelauty): click its label text."""
    page.locator("label", has_text=label).first.click()


def download(page, link_text: str, artifacts: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(re.escape(link_text))).first.click()
    target = artifacts / info.value.suggested_filename
    info.value.save_as(target)
    return target


def register_rows(server, sql: str, *params) -> list[tuple]:
    import psycopg

    with psycopg.connect(server.register_url, connect_timeout=10) as conn:
        return conn.execute(sql, params).fetchall()


def documents_for(server, reference: str, since) -> list[tuple]:
    return register_rows(
        server,
        """
        SELECT d.kind, d.file_name, d.created_by FROM documents d JOIN cases c ON c.id = d.case_id
        WHERE c.reference = %s AND d.created_at >= %s ORDER BY d.id""",
        reference,
        since,
    )


def db_now(server):
    return register_rows(server, "SELECT LOCALTIMESTAMP AT TIME ZONE 'UTC'")[0][0]


def test_officer_completes_letter_before_claim_from_the_register(page, server, artifacts):
    email, password = server.login_for("officer")
    since = db_now(server)
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={START}&new_session=1")
    wait_for_heading(page, "What do you want to do?")
    body = page.inner_text("body")
    assert "Letter before claim" in body and "Debt recovery officer" in body
    assert "Mark a bundle reviewed" not in body  # an officer is not a legal reviewer
    click_button(page, "Start a task for a case")

    wait_for_heading(page, "Which task, for which case?")
    choose(page, "Letter before claim")
    page.locator("select").first.select_option("FTA-2025-0142")
    page.get_by_role("button", name="Start", exact=True).click()
    wait_for_heading(page, "Letter before claim for FTA-2025-0142 (Mr Daniel James Okafor)")
    click_button(page, "Open letter before claim")

    wait_for_heading(page, "When will the letter be sent?")  # the case came from the register
    assert "letter_before_claim.yml" in page.url
    click_button(page, "Continue")  # dated today (the default)
    wait_for_heading(page, "paying or offering instalments")
    choose(page, "No instalments are being paid or offered")
    click_button(page, "Continue")
    wait_for_heading(page, "Check the letter before it is produced")
    assert "FTA-2025-0142" in page.inner_text("body")
    click_button(page, "Produce the letter")

    wait_for_heading(page, "The letter before claim is ready")
    page.screenshot(path=str(artifacts / "letter_before_claim-end.png"), full_page=True)
    pdf = download(page, "FTA-2025-0142 letter of claim pack.pdf", artifacts)
    text = pdf_text(pdf)
    assert "Letter of Claim" in text
    assert "FTA-2025-0142" in text and "Okafor" in text
    assert "Reply Form" in text

    recorded = documents_for(server, "FTA-2025-0142", since)
    assert sorted(recorded) == [
        ("letter before claim", "FTA-2025-0142 letter of claim pack.pdf", email),
        ("letter before claim", "FTA-2025-0142 letter of claim.docx", email),
    ], recorded


def test_manager_completes_hearing_check(page, server, artifacts):
    email, password = server.login_for("manager")
    since = db_now(server)
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={START}&new_session=1")
    wait_for_heading(page, "What do you want to do?")
    assert "Team leader / manager" in page.inner_text("body")
    page.get_by_role("link", name="Hearing check").first.click()

    wait_for_heading(page, "Which day is the check made on?")
    click_button(page, "Continue")
    wait_for_heading(page, "Which hearing is coming up?")
    first = page.locator("label").filter(has_text=re.compile(r"[A-Z]{2,3}-\d{4}-\d{4}")).first
    reference = re.search(r"[A-Z]{2,3}-\d{4}-\d{4}", first.inner_text()).group(0)
    first.click()
    click_button(page, "Continue")
    wait_for_heading(page, "Compliance before the hearing")
    click_button(page, "Produce the pre-hearing check report")

    wait_for_heading(page, "The pre-hearing check is ready")
    page.screenshot(path=str(artifacts / "hearing_check-end.png"), full_page=True)
    link = page.get_by_role("link", name=re.compile(r"\.pdf$")).first
    pdf = download(page, link.inner_text().strip(), artifacts)
    text = pdf_text(pdf)
    assert reference in text

    recorded = documents_for(server, reference, since)
    # each of the report's files once, under the signed-in manager (it was recorded twice, under two users)
    name = link.inner_text().strip()
    assert sorted(recorded) == sorted(
        [("pre-hearing check", name, email), ("pre-hearing check", name[:-4] + ".docx", email)]
    ), recorded


def test_letter_before_claim_over_the_rest_api(server, artifacts):
    """A client (e.g. a council's case management system) drives the interview with an API key."""
    headers = {"X-API-Key": server.api_key}
    api = f"{server.url}/api"
    new = requests.get(f"{api}/session/new", params={"i": LBC}, headers=headers, timeout=60)
    new.raise_for_status()
    session, secret = new.json()["session"], new.json()["secret"]
    question = requests.get(
        f"{api}/session/question", params={"i": LBC, "session": session, "secret": secret}, headers=headers, timeout=60
    ).json()
    assert question["fields"][0]["variable_name"] == "case_reference"  # chosen from the register, not a path

    answers = {
        "case_reference": "RR-2025-0077",
        "letter_date": time.strftime("%Y-%m-%d"),
        "instalments_status": "none",
        "letter_checked": True,
        "letter_sent_by": "post",
    }
    reply = requests.post(
        f"{api}/session",
        json={"i": LBC, "session": session, "secret": secret, "variables": answers, "question": True},
        headers=headers,
        timeout=300,
    )
    reply.raise_for_status()
    end = reply.json()
    assert end.get("id") == "end screen", end
    (artifacts / "letter_before_claim-api-end.json").write_text(reply.text, encoding="utf-8")
    numbers = re.findall(r"/uploadedfile(?:download)?/(\d+)/([^)\s\"?]+\.pdf)", end["subquestionText"])
    assert numbers, end["subquestionText"]
    number, _name = numbers[0]
    pdf = requests.get(f"{api}/file/{number}", headers=headers, timeout=60)
    pdf.raise_for_status()
    target = artifacts / "RR-2025-0077-api.pdf"
    target.write_bytes(pdf.content)
    assert "RR-2025-0077" in pdf_text(target)


def test_officer_runs_batch_letters_in_the_background(page, server, artifacts):
    """Long work runs in the Celery worker; the page shows its progress and then the letters."""
    import zipfile

    email, password = server.login_for("officer")
    since = db_now(server)
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={START}&new_session=1")
    wait_for_heading(page, "What do you want to do?")
    click_button(page, "Batch letters before claim")
    wait_for_heading(page, "Letters before claim for several cases")
    for reference in ("FTA-2025-0142", "RR-2025-0077"):
        page.locator("label", has_text=reference).first.click()
    click_button(page, "Produce the letters")

    wait_for_heading(page, "The letters before claim are ready", timeout_ms=300_000)
    page.screenshot(path=str(artifacts / "batch_letters-end.png"), full_page=True)
    assert "2 of 2 letters produced" in page.inner_text("body")
    archive = download(page, "letters before claim", artifacts)
    names = zipfile.ZipFile(archive).namelist()
    assert any(n.endswith("FTA-2025-0142 letter of claim pack.pdf") for n in names), names
    assert any(n.endswith("RR-2025-0077 letter of claim pack.pdf") for n in names), names
    for reference in ("FTA-2025-0142", "RR-2025-0077"):
        recorded = documents_for(server, reference, since)
        assert sorted(recorded) == [
            ("letter before claim", f"{reference} letter of claim pack.pdf", email),
            ("letter before claim", f"{reference} letter of claim.docx", email),
        ], recorded


def test_only_a_legal_reviewer_marks_a_bundle_reviewed(page, server, artifacts, tmp_path):
    from reportlab.pdfgen import canvas

    bundle = tmp_path / "CR-2025-0310 hearing bundle.pdf"
    drawing = canvas.Canvas(str(bundle))
    drawing.drawString(72, 720, "Hearing bundle CR-2025-0310")
    drawing.save()

    email, password = server.login_for("legal_reviewer")
    since = db_now(server)
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={START}&new_session=1")
    wait_for_heading(page, "What do you want to do?")
    assert "Batch letters before claim" not in page.inner_text("body")  # letters are an officer's task
    click_button(page, "Mark a bundle reviewed")
    wait_for_heading(page, "Mark a bundle reviewed")
    page.locator("select").first.select_option("CR-2025-0310")
    page.locator("input[type=file]").first.set_input_files(str(bundle))
    page.wait_for_timeout(1500)  # docassemble's file widget takes the file in asynchronously
    click_button(page, "Mark reviewed")
    wait_for_heading(page, "Bundle marked reviewed")
    page.screenshot(path=str(artifacts / "bundle_reviewed-end.png"), full_page=True)
    assert email in page.inner_text("body")
    recorded = documents_for(server, "CR-2025-0310", since)
    assert recorded == [("bundle reviewed", bundle.name, email)], recorded


def test_legal_reviewer_builds_a_bundle_from_the_documents_the_register_recorded(page, server, artifacts, tmp_path):
    """No folder or spec path: the case's recorded documents are ticked, an upload added, each given a
    section, title and date."""
    from reportlab.pdfgen import canvas

    upload = tmp_path / "tenancy agreement.pdf"
    drawing = canvas.Canvas(str(upload))
    drawing.drawString(72, 720, "TENANCY AGREEMENT")
    drawing.save()
    # the officer's letter for the case is recorded (and kept) first, over the API
    headers = {"X-API-Key": server.api_keys["officer"]}
    new = requests.get(f"{server.url}/api/session/new", params={"i": LBC}, headers=headers, timeout=60).json()
    requests.post(
        f"{server.url}/api/session",
        json={
            "i": LBC,
            "session": new["session"],
            "secret": new["secret"],
            "question": True,
            "variables": {
                "case_reference": "FTA-2025-0142",
                "letter_date": time.strftime("%Y-%m-%d"),
                "instalments_status": "none",
                "letter_checked": True,
                "letter_sent_by": "post",
            },
        },
        headers=headers,
        timeout=300,
    ).raise_for_status()

    email, password = server.login_for("legal_reviewer")
    since = db_now(server)
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i=docassemble.courtpack:data/questions/court_bundle.yml&new_session=1")
    wait_for_heading(page, "Which case is the bundle for?")
    page.locator("select").first.select_option("FTA-2025-0142")
    click_button(page, "Continue")
    wait_for_heading(page, "Which documents go in the bundle?")
    body = page.inner_text("body")
    assert "FTA-2025-0142 letter of claim pack.pdf" in body
    assert "Folder" not in body and "spec file" not in body  # no path to type anywhere
    page.locator("input[type=file]").first.set_input_files(str(upload))
    page.wait_for_timeout(1500)  # docassemble's file widget takes the file in asynchronously
    click_button(page, "Continue")
    wait_for_heading(page, "Section, title and date of each document")
    assert "Tenancy agreement" in page.content()
    click_button(page, "Continue")
    wait_for_heading(page, "The claim and the hearing")
    page.get_by_label("Claim number", exact=True).fill("K1QZ1234")
    page.get_by_label("Court", exact=True).fill("County Court at Bromley")
    page.locator("input[type=date], input.dadate").last.fill("2026-03-02")
    click_button(page, "Continue")
    wait_for_heading(page, "Check the bundle")  # docassemble curls the apostrophe
    click_button(page, "Build the bundle")
    wait_for_heading(page, "The court bundle is ready")
    page.screenshot(path=str(artifacts / "court_bundle-end.png"), full_page=True)
    pdf = download(page, "FTA-2025-0142 trial bundle.pdf", artifacts)
    text = pdf_text(pdf)
    assert "TENANCY AGREEMENT" in text and "Letter of claim pack" in text
    recorded = documents_for(server, "FTA-2025-0142", since)
    assert recorded == [("court bundle", "FTA-2025-0142 trial bundle.pdf", email)], recorded
