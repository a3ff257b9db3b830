"""The month's performance report on the real server (issue 14): a manager produces it in the
background worker and downloads the XLSX and the PDF; an officer opening the report or the write-off
interview is refused and offered no file. The register holds the example cases the server loaded on
its first start."""

from __future__ import annotations

import re

import pytest

from .test_server import START, choose, click_button, download, pdf_text, sign_in, wait_for_heading

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

REPORT = "docassemble.courtpack:data/questions/performance_report.yml"
WRITEOFF = "docassemble.courtpack:data/questions/writeoff.yml"
REFUSED = re.compile(r"cannot do this|not allowed to access this interview", re.IGNORECASE)


def test_manager_produces_the_months_performance_report_and_downloads_both_files(page, server, artifacts):
    import openpyxl

    email, password = server.login_for("manager")
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={START}&new_session=1")
    wait_for_heading(page, "What do you want to do?")
    page.get_by_role("link", name="Performance report", exact=True).first.click()

    wait_for_heading(page, "Which month is the report for?")
    click_button(page, "Continue")  # this month (the default)
    wait_for_heading(page, "Which team?")
    choose(page, "All teams")
    click_button(page, "Continue")
    # produced by the Celery worker; the waiting screen reloads itself until the files are ready
    wait_for_heading(page, "The performance report is ready", timeout_ms=300_000)
    page.screenshot(path=str(artifacts / "performance_report-end.png"), full_page=True)

    xlsx_link = page.get_by_role("link", name=re.compile(r"^performance .*\.xlsx$")).first
    pdf_link = page.get_by_role("link", name=re.compile(r"^performance .*\.pdf$")).first
    xlsx = download(page, xlsx_link.inner_text().strip(), artifacts)
    pdf = download(page, pdf_link.inner_text().strip(), artifacts)

    book = openpyxl.load_workbook(xlsx)
    charts = {sheet.title: len(sheet._charts) for sheet in book.worksheets if sheet._charts}
    assert charts, f"no native Excel chart on any sheet of {xlsx.name}: {book.sheetnames}"
    assert "Performance indicators" in pdf_text(pdf)


@pytest.mark.parametrize("interview", [REPORT, WRITEOFF], ids=["performance_report", "writeoff"])
def test_an_officer_is_refused_the_managers_interviews(page, server, artifacts, interview):
    email, password = server.login_for("officer")
    sign_in(page, server, email, password)
    page.goto(f"{server.url}/interview?i={interview}&new_session=1")
    page.wait_for_load_state("networkidle")
    body = page.inner_text("body")
    name = interview.rsplit("/", 1)[-1].removesuffix(".yml")
    page.screenshot(path=str(artifacts / f"{name}-officer-refused.png"), full_page=True)
    # docassemble's own privilege check (metadata: required privileges) or the interview's role check
    assert REFUSED.search(body), body[:1500]
    assert "Which month is the report for?" not in body and "Which cases do you recommend" not in body
    files = page.locator("a[href*='uploadedfile'], a[href$='.pdf'], a[href$='.xlsx'], a[href$='.docx']")
    assert files.count() == 0, [files.nth(i).get_attribute("href") for i in range(files.count())]
