"""The start page's import of cases from an income-system export (issue 11 item 3), headless.

The glue takes the uploaded export (and a transactions file where the mapping reads one), a shipped
``kind: cases`` mapping, and returns the summary the page shows: cases added and unchanged, or the
rows to correct with nothing imported. Officers and managers may run it; a legal reviewer may not.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from docassemble.courtpack.errors import CourtpackError
from docassemble.courtpack.headless.context import Actor, NotAllowedError, StepContext, headless_step
from docassemble.courtpack.interview_glue.case_import import (
    case_mapping_choices,
    import_case_export,
    needs_transactions,
    run_import_cases,
)
from docassemble.courtpack.register.case_records import load_case_facts
from docassemble.courtpack.register.settings import read_settings_file, save_settings

from ..conftest import EXAMPLES

IMPORTS = EXAMPLES / "imports"


def actor(role: str) -> Actor:
    return Actor(f"{role}@council.example.com", frozenset({role}))


@pytest.fixture
def council(tmp_path):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    save_settings(url, read_settings_file(EXAMPLES / "settings" / "lewisham.yaml"), who="manager")
    return url


def _import(url, tmp_path, export, name, mapping, transactions=None, role="officer"):
    work = tmp_path / f"work-{len(list(tmp_path.iterdir()))}"
    work.mkdir()
    seen: list[str] = []
    with headless_step(StepContext(actor=actor(role), output_dir=tmp_path / "out", register_url=url)):
        summary = import_case_export(
            export, name, mapping, transactions, work, f"{role}@council.example.com", seen.append
        )
    return summary, seen


def test_only_the_shipped_case_mappings_are_offered():
    offered = [key for choice in case_mapping_choices() for key in choice]
    # the three shapes of issue 11: finance aged debt, housing rent (with transactions), sundry debtors;
    # the payments and transactions mappings are not ``kind: cases``
    assert offered == ["finance-aged-debt", "housing-rent-tenancies", "sundry-debtors-invoices"]
    assert needs_transactions("housing-rent-tenancies") and not needs_transactions("sundry-debtors-invoices")
    with pytest.raises(CourtpackError, match="not one of the shipped mappings"):
        needs_transactions("../settings/lewisham")


def test_an_export_adds_its_cases_and_again_changes_nothing(council, tmp_path):
    export = IMPORTS / "sundry-debtors-invoices.csv"
    summary, seen = _import(council, tmp_path, export, "invoices.csv", "sundry-debtors-invoices")
    # three customers (C40118 with two invoices, C40562, C40771): one case each
    assert summary == {
        "ok": True,
        "rows": 4,
        "added": ["SD-C40118", "SD-C40562", "SD-C40771"],
        "updated": [],
        "unchanged": [],
        "errors": [],
    }
    assert seen == ["Importing invoices.csv…", "Done: 3 case(s) added."]
    again, _ = _import(council, tmp_path, export, "invoices.csv", "sundry-debtors-invoices", role="manager")
    assert (again["added"], again["unchanged"]) == ([], ["SD-C40118", "SD-C40562", "SD-C40771"])


def test_the_uploaded_transactions_file_is_read_not_the_shipped_example(council, tmp_path):
    tenancies = IMPORTS / "housing-rent-tenancies.csv"
    with pytest.raises(CourtpackError, match="upload it with the export"):
        _import(council, tmp_path, tenancies, "tenancies.csv", "housing-rent-tenancies")
    # the officer's transactions without the 20 January payment of 150.00
    lines = (IMPORTS / "housing-rent-tenancy-transactions.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("0031-7750,20/01/2025,")]
    assert len(kept) == len(lines) - 1
    mine = tmp_path / "my transactions.csv"
    mine.write_text("\n".join(kept) + "\n", encoding="utf-8")
    summary, _ = _import(council, tmp_path, tenancies, "tenancies.csv", "housing-rent-tenancies", mine)
    assert summary["added"] == ["HRA-0031-7750", "HRA-0019-2286"]
    facts, _ = load_case_facts(council, "HRA-0031-7750")
    # 512.30 + 512.30 + 119.54 = 1,144.14 (the shipped file's 994.14 less its 150.00 payment)
    assert facts.balance() == Decimal("1144.14")


def test_bad_rows_are_listed_and_nothing_is_imported(council, tmp_path):
    bad = tmp_path / "export.csv"
    lines = (IMPORTS / "sundry-debtors-invoices.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("01/06/2025", "31/06/2025")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary, _ = _import(council, tmp_path, bad, "invoices.csv", "sundry-debtors-invoices")
    assert summary == {
        "ok": False,
        "errors": ["invoices.csv: row 4, column 'Due Date': '31/06/2025' is not a date in the form dd/mm/yyyy"],
    }
    again, _ = _import(council, tmp_path, IMPORTS / "sundry-debtors-invoices.csv", "x.csv", "sundry-debtors-invoices")
    assert again["added"] == ["SD-C40118", "SD-C40562", "SD-C40771"]  # the bad file added none of them


def test_a_legal_reviewer_may_not_import_cases(council, tmp_path):
    step = StepContext(actor=actor("legal_reviewer"), output_dir=tmp_path / "out", register_url=council)
    with headless_step(step), pytest.raises(NotAllowedError):
        run_import_cases(None, None, "sundry-debtors-invoices", "courtpack:batch:test")
