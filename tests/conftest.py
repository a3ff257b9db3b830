"""Shared fixtures: the example cases and a scratch folder for case files."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_REFS = ("FTA-2025-0142", "RR-2025-0077", "CR-2025-0310")

# docassemble's working files (config, offline NLTK data) for the test run
os.environ.setdefault("COURTPACK_HOME", str(ROOT / ".run" / "home"))
# headless interviews act as a named user with a role (never the OS account): an administrator, unless
# a test names another (tests/interviews/test_roles.py)
os.environ.setdefault("COURTPACK_USER", "tests@council.example.com")
os.environ.setdefault("COURTPACK_ROLE", "admin")


@pytest.fixture
def example_data():
    """Load an example case file as plain data, to be broken by a test."""

    def load(reference: str = "FTA-2025-0142") -> dict:
        return yaml.safe_load((EXAMPLES / f"{reference}.yaml").read_text(encoding="utf-8"))

    return load


@pytest.fixture
def write_case(tmp_path):
    """Write case data to a YAML file and return its path."""

    def write(data: dict, name: str = "case.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def today() -> dt.date:
    return dt.date(2026, 11, 23)
