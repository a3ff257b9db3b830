"""Shared fixtures: the council tax example and a generated export of any size."""

import csv
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "council_tax"
NORTHGATE = EXAMPLE.parent / "settings" / "northgate.yaml"


def generated_export(path: Path, count: int) -> Path:
    """``count`` accounts, all summonable on 16 March 2026 (final notice 2 March, due 1 April 2025)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Account Ref",
                "Liable Party",
                "Correspondence Address",
                "Property Address",
                "Arrears",
                "Year",
                "Earliest Due",
                "Final Notice Date",
                "Employer",
                "Owner Occupier",
                "Breathing Space End",
            ]
        )
        for i in range(count):
            address = f"{i + 1} Long Road, London SE13 5XD"
            writer.writerow(
                [
                    f"6{i:06d}",
                    f"Resident {i + 1}",
                    address,
                    address,
                    f"{100 + i}.50",
                    "2025/26",
                    "01/04/2025",
                    "02/03/2026",
                    "",
                    "N",
                    "",
                ]
            )
    return path


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
