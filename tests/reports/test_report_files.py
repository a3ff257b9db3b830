"""The report files: XLSX (sheets, native charts, formats, frozen headers, filters, formula-safe text),
PDF (rendered to PNG by poppler, charts drawn) and HTML (inline SVG, escaped text)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import openpyxl
import pytest

from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.reporting import generate_caseload, write_report
from docassemble.courtpack.register.reporting.xlsx import safe_text

from .conftest import AS_AT, JANUARY, add_case

EVIL = '=HYPERLINK("http://evil.example","click")'


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing: apt-get install -y poppler-utils", pytrace=False)
    return found


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    """A register of its own (the shared 2,000 cases stay untouched): 300 generated cases and two with
    hostile names."""
    reg = Register(str(tmp_path_factory.mktemp("files") / "register.db"))
    with reg.transaction("t") as s:
        generate_caseload(s, 300, AS_AT)
        add_case(s, "ZZ-EVIL", "75.00", dt.date(2026, 1, 20), debtor=EVIL, officer="@SUM(1+1)")
        add_case(s, "ZZ-HTML", "80.00", dt.date(2026, 1, 21), debtor="<script>alert(1)</script>")
    yield reg
    reg.dispose()


@pytest.fixture(scope="module")
def xlsx(register, tmp_path_factory):
    out = tmp_path_factory.mktemp("files") / "january.xlsx"
    write_report(register, *JANUARY, None, "xlsx", out)
    return out


def test_xlsx_has_sheets_charts_formats_and_filters(xlsx):
    book = openpyxl.load_workbook(xlsx)
    for sheet in (
        "Indicators",
        "Caseload",
        "Flow",
        "Collections by month",
        "Money",
        "Timeliness",
        "Compliance",
        "Ageing",
        "Limitation watch",
        "Past threshold",
        "Cases",
        "Payments",
        "Orders",
    ):
        assert sheet in book.sheetnames
    charts = {ws.title: len(ws._charts) for ws in book.worksheets if ws._charts}
    assert charts == {"Caseload": 1, "Collections trend": 1, "Ageing": 1, "Compliance": 1}
    cases = book["Cases"]
    assert cases.freeze_panes == "A2" and cases.auto_filter.ref.startswith("A1:M")
    assert cases.max_row == 303  # header + 300 generated + the two added here
    money = book["Money"]
    assert money["B2"].number_format == '"£"#,##0.00;-"£"#,##0.00' and isinstance(money["B2"].value, (int, float))
    assert book["Cases"]["F2"].is_date


def test_xlsx_user_text_never_becomes_a_formula(xlsx):
    cases = openpyxl.load_workbook(xlsx)["Cases"]
    row = next(r for r in cases.iter_rows(min_row=2) if r[0].value == "ZZ-EVIL")
    assert row[1].value == "'" + EVIL and row[1].data_type == "s"
    assert row[3].value == "'@SUM(1+1)" and row[3].data_type == "s"
    assert safe_text("+44 20") == "'+44 20" and safe_text("-1") == "'-1" and safe_text("Smith") == "Smith"


def test_pdf_renders_with_its_charts(register, tmp_path):
    out = tmp_path / "january.pdf"
    write_report(register, *JANUARY, None, "pdf", out)
    text = subprocess.run(
        [_tool("pdftotext"), "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for heading in (
        "Performance indicators",
        "Caseload by stage",
        "Collected by month against target (last 12 months)",
        "Outstanding debt by age and debt type",
        "Instalment orders by compliance",
        "Open cases within 6 months of a limitation date",
    ):
        assert heading in text, heading
    assert "(verify)" not in text
    subprocess.run(
        [_tool("pdftoppm"), "-r", "40", "-png", "-f", "1", "-l", "2", str(out), str(tmp_path / "page")], check=True
    )
    assert sorted(p.name for p in tmp_path.glob("page-*.png")) == ["page-01.png", "page-02.png"]
    assert not list(tmp_path.glob(".january.pdf.*"))  # no temporary file left behind


def test_html_inlines_svg_and_escapes_text(register, tmp_path):
    out = tmp_path / "january.html"
    write_report(register, *JANUARY, None, "html", out)
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 4
    assert "<script>" not in page


def test_unwritable_folder_is_one_sentence_and_no_file(register, tmp_path):
    from docassemble.courtpack.register.errors import RegisterError

    with pytest.raises(RegisterError, match="no such folder"):
        write_report(register, *JANUARY, None, "pdf", tmp_path / "missing" / "r.pdf")
