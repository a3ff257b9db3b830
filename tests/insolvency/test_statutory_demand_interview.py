"""statutory_demand.yml, driven headlessly: the demand, the petition answer, and what it stops at."""

import pytest

from docassemble.courtpack.errors import InterviewIncomplete, NotReadyError
from docassemble.courtpack.headless.runner import run_interview

pytestmark = pytest.mark.slow

ANSWERS = {
    "reference": "NGT-SD-2026-0008",
    "debtor_kind": "individual",
    "kind": "payable_immediately",
    "debtor_name": "Daniel Mercer",
    "debtor_address": "4 Orchard Close, London SE13 6PQ",
    "company_number": "",
    "debt_description": "Council tax 2024/25 under a liability order made on 9 June 2025",
    "debt_amount": "5200.00",
    "consideration": "Council tax for 4 Orchard Close",
    "creditor_name": "London Borough of Northgate",
    "creditor_address": "Town Hall, 1 High Street, London SE13 5XD",
    "contact_name": "Priya Shah",
    "contact_phone": "020 7946 0100",
    "contact_email": "counciltax@northgate.example.gov.uk",
    "demand_date": "2026-01-12",
    "assumed_service": "2026-01-14",
    "set_aside_court": "the County Court at Bromley",
    "petition_date": "2026-02-04",
    "breathing_space_until": "",
    "signatory_name": "Priya Shah",
    "signatory_position": "Recovery Team Leader",
}


def test_demand_and_petition_answer(tmp_path):
    result = run_interview("statutory_demand", ANSWERS, tmp_path)
    assert result.title == "The statutory demand is ready"
    assert sorted(p.name for p in result.documents) == [
        "NGT-SD-2026-0008 statutory demand service record.json",
        "NGT-SD-2026-0008 statutory demand.docx",
    ]


def test_below_threshold_is_refused(tmp_path):
    with pytest.raises(NotReadyError, match="does not meet the bankruptcy petition threshold"):
        run_interview("statutory_demand", {**ANSWERS, "debt_amount": "4999.99"}, tmp_path)


def test_judgment_variant_asks_for_the_judgment(tmp_path):
    with pytest.raises(InterviewIncomplete) as caught:
        run_interview("statutory_demand", {**ANSWERS, "kind": "judgment_debt"}, tmp_path)
    assert caught.value.variable == "judgment_date"  # the first the judgment question answers
