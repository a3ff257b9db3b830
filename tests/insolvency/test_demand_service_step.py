"""The ``statutory_demand_served`` step: the day and the method are checked like every other step's facts."""

from __future__ import annotations

import datetime as dt

import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.register import add_case
from docassemble.courtpack.register.errors import RegisterError
from docassemble.courtpack.register.steps import case_facts, record_step

from ..conftest import EXAMPLES

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'register.db'}"
    add_case(url, read_case(EXAMPLES / "CR-2025-0310.yaml"), who="tests")
    return url


def test_service_is_recorded_with_its_method_and_read_back(url):
    record_step(
        url,
        "CR-2025-0310",
        "statutory_demand_served",
        {"date": "2026-03-03", "method": "registered_office", "served_by": "A. Process"},
        who="tests",
        today=TODAY,
    )
    served = case_facts(url, "CR-2025-0310").latest("statutory_demand_served")
    assert served.happened_on == dt.date(2026, 3, 3)
    assert served.facts == {"date": "2026-03-03", "method": "registered_office", "served_by": "A. Process"}


def test_an_unknown_method_or_a_future_day_is_refused(url):
    with pytest.raises(RegisterError, match="method: 'by pigeon' is not known; use one of: personal"):
        record_step(
            url,
            "CR-2025-0310",
            "statutory_demand_served",
            {"date": "2026-03-03", "method": "by pigeon"},
            who="tests",
            today=TODAY,
        )
    with pytest.raises(RegisterError, match="2 June 2026 is after today"):
        record_step(
            url,
            "CR-2025-0310",
            "statutory_demand_served",
            {"date": "2026-06-02", "method": "personal"},
            who="tests",
            today=TODAY,
        )
    assert case_facts(url, "CR-2025-0310").latest("statutory_demand_served") is None


def test_petition_check_on_a_case_reads_the_demand_its_service_and_payments_from_the_register(
    tmp_path, monkeypatch, capsys
):
    import json

    from docassemble.courtpack.cli import main
    from docassemble.courtpack.register.settings import read_settings_file, save_settings

    url = f"sqlite:///{tmp_path / 'ct.db'}"
    save_settings(url, read_settings_file(EXAMPLES / "settings" / "northgate.yaml"), who="tests")
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    export = tmp_path / "export.csv"
    address = '"4 Orchard Close, London SE13 6PQ"'
    export.write_text(
        "Account Ref,Liable Party,Correspondence Address,Property Address,Arrears,Year,Earliest Due,"
        "Final Notice Date,Employer,Owner Occupier,Breathing Space End\n"
        f"7100001,Daniel Mercer,{address},{address},5200.00,2025/26,01/04/2025,02/03/2026,,N,\n",
        encoding="utf-8",
    )
    mapping = str(EXAMPLES / "council_tax" / "mapping.yaml")
    batch = ["liability", "batch", str(export), "--mapping", mapping, "--out", str(tmp_path / "b")]
    assert main([*batch, "--issued", "2026-03-16", "--hearing", "2026-04-02"]) == 0
    assert main(["liability", "record-orders", "--hearing-date", "2026-04-02"]) == 0
    sd = ["liability", "demand", "CT-7100001", "--date", "2026-05-11", "--signatory", "Priya Shah"]
    assert main([*sd, "--set-aside-court", "the County Court at Bromley", "--out", str(tmp_path / "sd")]) == 0
    capsys.readouterr()

    def check(on):
        assert main(["insolvency", "petition-check", "--case", "CT-7100001", "--on", on, "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    # no service recorded yet: not open
    assert check("2026-06-04")["open"] is False
    record_step(url, "CT-7100001", "statutory_demand_served", {"date": "2026-05-13", "method": "personal"}, today=TODAY)
    # served 13 May 2026: 21 days to the end of 3 June; a petition from 4 June (5,200.00 + 110.00 = 5,310.00 owed)
    assert check("2026-06-03")["earliest"] == "2026-06-04"
    assert check("2026-06-04")["open"] is True
    # 400.00 paid on 20 May 2026: 5,310.00 - 400.00 = 4,910.00, under the £5,000 a bankruptcy petition needs
    record_step(url, "CT-7100001", "payment", {"date": "2026-05-20", "amount": "400.00"}, today=TODAY)
    after = check("2026-06-04")
    assert after["open"] is False
    assert after["reasons"] == [
        "£4,910.00 does not meet the bankruptcy petition threshold on 4 June 2026: the debt must be at least £5,000.00."
    ]
