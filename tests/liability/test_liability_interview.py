"""liability_orders.yml, driven headlessly from the council tax example."""

import pytest

from docassemble.courtpack.errors import InterviewIncomplete
from docassemble.courtpack.headless.runner import run_interview

pytestmark = pytest.mark.slow


def test_batch_from_the_example(example, tmp_path):
    answers = {
        "accounts_export": str(example / "accounts.csv"),
        "accounts_mapping": str(example / "mapping.yaml"),
        "council_settings": str(example / "settings.yaml"),
        "issued": "2026-03-16",
        "hearing": "2026-04-02",
        "hearing_time": "10:00",
    }
    result = run_interview("liability_orders", answers, tmp_path / "out")
    assert result.title == "The liability order batch is ready"
    names = [p.name for p in result.documents]
    assert names[:2] == ["complaint list.csv", "complaint schedule.docx"] and len(names) == 11  # 9 summonses


def test_stops_at_the_hearing(example, tmp_path):
    answers = {
        "accounts_export": str(example / "accounts.csv"),
        "accounts_mapping": str(example / "mapping.yaml"),
        "council_settings": str(example / "settings.yaml"),
    }
    with pytest.raises(InterviewIncomplete) as caught:
        run_interview("liability_orders", answers, tmp_path)
    assert caught.value.variable == "issued"
