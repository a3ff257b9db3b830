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
