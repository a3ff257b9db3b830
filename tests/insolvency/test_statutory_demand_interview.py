"""statutory_demand.yml, driven headlessly on cases in a scratch register ("one case, one story").

The officer chooses the case; the creditor is the council's settings, the debtor the case's debtor and
the debt what the register shows is still owed. Each refusal is one sentence naming the case, and
nothing is written or recorded. Expected figures are worked by hand in the comments.
"""

from __future__ import annotations

import datetime as dt

import docx
import pytest
import yaml

from docassemble.courtpack.case import read_case
from docassemble.courtpack.cli import main
from docassemble.courtpack.errors import NotReadyError
from docassemble.courtpack.headless.context import Actor, StepContext, headless_step
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.interview_glue.cases import load_case
from docassemble.courtpack.interview_glue.insolvency import demand_plan, petition_summary
from docassemble.courtpack.register import add_case
from docassemble.courtpack.register.case_check import check_case
from docassemble.courtpack.register.generated import documents_for
from docassemble.courtpack.register.settings import read_settings_file, save_settings
from docassemble.courtpack.register.steps import record_step

from ..conftest import EXAMPLES

pytestmark = pytest.mark.slow

COUNCIL_TAX = EXAMPLES / "council_tax"
HEADER = (
    "Account Ref,Liable Party,Correspondence Address,Property Address,Arrears,Year,Earliest Due,"
    "Final Notice Date,Employer,Owner Occupier,Breathing Space End\n"
)
ADDRESS = '"4 Orchard Close, London SE13 6PQ"'
ROW = "{account},{name}," + f"{ADDRESS},{ADDRESS}," + "{amount},2025/26,01/04/2025,02/03/2026,,N,\n"
OFFICER = Actor("officer@council.example.com", frozenset({"officer"}))
TODAY = dt.date(2026, 12, 5)  # steps are recorded as if on this day (all of them have happened by then)


@pytest.fixture
def url(tmp_path, monkeypatch):
    """A scratch register with the example councils' settings (the CLI commands read it from the environment)."""
    url = f"sqlite:///{tmp_path / 'register.db'}"
    for council in ("northgate", "leeds", "lewisham"):
        save_settings(url, read_settings_file(EXAMPLES / "settings" / f"{council}.yaml"), who="tests")
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    return url


def text_of(path):
    document = docx.Document(str(path))
    return "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for r in t.rows for c in r.cells]
    )


def summon(tmp_path, rows, *, orders=True):
    """Summonses issued on 16 March 2026 for the hearing on 2 April 2026; the orders made there."""
    export = tmp_path / "export.csv"
    export.write_text(HEADER + rows, encoding="utf-8")
    batch = ["liability", "batch", str(export), "--mapping", str(COUNCIL_TAX / "mapping.yaml")]
    assert main([*batch, "--out", str(tmp_path / "b"), "--issued", "2026-03-16", "--hearing", "2026-04-02"]) == 0
    if orders:
        assert main(["liability", "record-orders", "--hearing-date", "2026-04-02"]) == 0


def add_example(url, reference, tmp_path, change=None):
    data = yaml.safe_load((EXAMPLES / f"{reference}.yaml").read_text(encoding="utf-8"))
    if change:
        change(data)
    path = tmp_path / f"{reference}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    add_case(url, read_case(path), who="tests")


ASKED = {
    "demand_date": "2026-05-11",
    "assumed_service": "2026-05-13",
    "service_method": "personal",
    "set_aside_court": "the County Court at Bromley",
    "signatory_name": "Priya Shah",
    "petition_date": "2026-06-01",
}


def test_council_tax_demand_states_the_orders_less_payments_and_is_recorded(tmp_path, url):
    summon(tmp_path, ROW.format(account="7100001", name="Daniel Mercer", amount="5200.00"))
    record_step(url, "CT-7100001", "payment", {"date": "2026-04-30", "amount": "100.00"}, who="tests", today=TODAY)
    out = tmp_path / "sd"
    result = run_interview(
        "statutory_demand", ASKED, out, reference="CT-7100001", register_url=url, as_at=dt.date(2026, 5, 11)
    )
    assert result.title == "The statutory demand is ready"
    assert sorted(p.name for p in result.documents) == [
        "CT-7100001-SD statutory demand service record.json",
        "CT-7100001-SD statutory demand.docx",
    ]
    text = text_of(out / "CT-7100001-SD statutory demand.docx")
    # order on 2 April 2026: 5,200.00 arrears + 70.00 summons costs + 40.00 order costs = 5,310.00;
    # less 100.00 paid on 30 April 2026 = 5,210.00 (at least £5,000: a bankruptcy petition is possible)
    assert "made on 2 April 2026 for £5,310.00 (including £110.00 costs), less £100.00 paid since" in text
    assert "£5,210.00" in text
    assert "Daniel Mercer" in text and "London Borough of Northgate" in text and "Priya Shah" in text
    # served 13 May 2026: set aside within 18 days (by 31 May), comply within 21 days (by 3 June)
    assert "31 May 2026" in text and "3 June 2026" in text
    demands = [d for d in documents_for(url, "CT-7100001") if d.kind == "statutory demand"]
    assert len(demands) == 2  # the demand and its service record
    assert demands[0].facts["demand_amount"] == "5210.00"
    assert demands[0].facts["expected_service"] == "2026-05-13"
    assert check_case(url, "CT-7100001") == []

    # the petition check reads the service from the register once it is recorded
    record_step(url, "CT-7100001", "statutory_demand_served", {"date": "2026-05-13", "method": "personal"}, today=TODAY)
    with headless_step(StepContext(actor=OFFICER, register_url=url, output_dir=tmp_path, as_at=dt.date(2026, 6, 3))):
        case = load_case("CT-7100001")
        plan = demand_plan(case, "2026-05-11")
        early = petition_summary(case, plan, "2026-05-13", "2026-06-03")
        ready = petition_summary(case, plan, "2026-05-13", "2026-06-04")
    # service on 13 May + 21 days = 3 June (the last day to comply); a petition from 4 June
    assert early.startswith("A bankruptcy petition is not open on 3 June 2026.")
    assert "a petition may be presented from 4 June 2026" in early
    assert ready.startswith("A bankruptcy petition is open on 4 June 2026.")


def test_judgment_debt_demand_states_the_judgment_and_what_is_still_owing(tmp_path, url):
    ref = "CR-2025-0310"
    add_example(url, ref, tmp_path)
    record_step(
        url,
        ref,
        "claim_issued",
        {"date": "2025-11-20", "claim_number": "L2CK6T4W", "court": "Civil National Business Centre"},
        today=TODAY,
    )
    record_step(
        url,
        ref,
        "judgment",
        {"date": "2026-01-08", "amount": "8264.41", "costs": "80.00", "terms": "forthwith"},
        today=TODAY,
    )
    record_step(url, ref, "payment", {"date": "2026-02-02", "amount": "500.00"}, today=TODAY)
    out = tmp_path / "sd"
    answers = {**ASKED, "demand_date": "2026-03-02", "assumed_service": "2026-03-03", "signatory_name": "Hannah Clarke"}
    answers.pop("set_aside_court")  # a company: no set-aside application (and the question is not asked)
    result = run_interview("statutory_demand", answers, out, reference=ref, register_url=url, as_at=dt.date(2026, 3, 2))
    assert result.title == "The statutory demand is ready"
    text = text_of(out / f"{ref}-SD statutory demand.docx")
    # judgment 8,264.41 + 80.00 costs = 8,344.41; less 500.00 paid on 2 February 2026 = 7,844.41 (more than £750)
    assert "judgment of Civil National Business Centre made on 8 January 2026 in claim L2CK6T4W for £8,344.41" in text
    assert "less £500.00 paid since" in text and "£7,844.41" in text
    assert "Kirkgate Coffee Roasters Ltd" in text and "11223344" in text and "Leeds City Council" in text
    stated = next(d.facts for d in documents_for(url, ref) if d.kind == "statutory demand")
    assert (stated["judgment_total"], stated["paid_since_judgment"], stated["demand_amount"]) == (
        "8344.41",
        "500.00",
        "7844.41",
    )
    assert check_case(url, ref) == []


def _refused(tmp_path, url, reference, answers=None):
    out = tmp_path / "sd"
    asked = {**ASKED, "demand_date": "2026-03-02", **(answers or {})}
    with pytest.raises(NotReadyError) as refused:
        run_interview(
            "statutory_demand",
            asked,
            out,
            reference=reference,
            register_url=url,
            as_at=dt.date.fromisoformat(asked["demand_date"]),
        )
    assert not out.exists() or list(out.iterdir()) == []
    assert [d for d in documents_for(url, reference) if d.kind == "statutory demand"] == []
    return str(refused.value)


def test_a_disputed_debt_is_refused(tmp_path, url):
    add_example(url, "CR-2025-0310", tmp_path)  # 7,725.00 owed: above the £750 winding-up level
    record_step(url, "CR-2025-0310", "defence", {"date": "2025-12-10"}, today=TODAY)
    reason = _refused(tmp_path, url, "CR-2025-0310", {"signatory_name": "Hannah Clarke"})
    assert reason == (
        "case CR-2025-0310: a defence was filed on 10 December 2025, so the debt is disputed; a statutory "
        "demand is refused until the court gives judgment"
    )


def test_a_demand_during_a_breathing_space_is_refused(tmp_path, url):
    def breathing_space(data):
        data["debtors"][0]["breathing_spaces"] = [{"start": "2026-02-20"}]

    add_example(url, "FTA-2025-0142", tmp_path, breathing_space)
    reason = _refused(tmp_path, url, "FTA-2025-0142", {"signatory_name": "Amara Osei"})
    # a standard breathing space lasts 60 days: 20 February 2026 + 60 days = 21 April 2026
    assert reason.startswith("case FTA-2025-0142: Mr Daniel James Okafor is in a breathing space until 21 April 2026")
    assert "will not serve a statutory demand on 2 March 2026" in reason


def test_a_debt_below_the_bankruptcy_level_is_refused(tmp_path, url):
    add_example(url, "FTA-2025-0142", tmp_path)
    reason = _refused(tmp_path, url, "FTA-2025-0142", {"signatory_name": "Amara Osei"})
    # the account: 642.18 + 568.40 - 200.00 + 568.40 + 568.40 - 150.00 + 40.60 = 2,037.98, under £5,000
    assert reason == (
        "case FTA-2025-0142: a statutory demand for £2,037.98 is refused — £2,037.98 does not meet the "
        "bankruptcy petition threshold on 2 March 2026: the debt must be at least £5,000.00. Recover it another way."
    )


def test_a_council_tax_case_without_a_liability_order_is_refused(tmp_path, url):
    summon(tmp_path, ROW.format(account="7100003", name="Ann Lee", amount="6000.00"), orders=False)
    reason = _refused(tmp_path, url, "CT-7100003", {"demand_date": "2026-05-11"})
    assert reason.startswith("CT-7100003 has no liability order recorded; record the hearing result first")


def test_one_demand_may_cover_the_same_debtors_orders_and_alone_one_is_below_the_level(tmp_path, url):
    summon(
        tmp_path,
        ROW.format(account="7100006", name="Daniel Mercer", amount="3000.00")
        + ROW.format(account="7100007", name="Daniel Mercer", amount="2500.00"),
    )
    # alone: 3,000.00 + 110.00 costs = 3,110.00, under the £5,000 a bankruptcy petition needs
    reason = _refused(tmp_path, url, "CT-7100006", {"demand_date": "2026-05-11", "also_cases": {}})
    assert reason.startswith("case CT-7100006: a statutory demand for £3,110.00 is refused — £3,110.00 does not meet")
    # with CT-7100007: 3,110.00 + (2,500.00 + 110.00) 2,610.00 = 5,720.00
    out = tmp_path / "both"
    answers = {**ASKED, "also_cases": {"CT-7100007": True}}
    run_interview(
        "statutory_demand", answers, out, reference="CT-7100006", register_url=url, as_at=dt.date(2026, 5, 11)
    )
    text = text_of(out / "CT-7100006-SD statutory demand.docx")
    assert "£3,110.00" in text and "£2,610.00" in text and "£5,720.00" in text
    for reference in ("CT-7100006", "CT-7100007"):
        stated = next(d.facts for d in documents_for(url, reference) if d.kind == "statutory demand")
        assert stated["demand_amount"] == "5720.00"
