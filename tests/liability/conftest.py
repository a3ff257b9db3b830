"""Shared fixtures: the council tax example and a generated export of any size."""

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "council_tax"
NORTHGATE = EXAMPLE.parent / "settings" / "northgate.yaml"


@pytest.fixture
def example():
    return EXAMPLE


@pytest.fixture
def register_db(tmp_path, monkeypatch):
    """A fresh register holding the example council's settings (with its liability order section)."""
    from docassemble.courtpack.register.settings import read_settings_file, save_settings

    url = f"sqlite:///{tmp_path / 'register.db'}"
    save_settings(url, read_settings_file(NORTHGATE), who="tests")
    monkeypatch.setenv("COURTPACK_DATABASE_URL", url)
    return url
