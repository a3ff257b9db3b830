"""A council tax export of any size, in the layout of ``examples/council_tax/mapping.yaml``.

Why in the package: the tests and ``bench/liability.py`` need the same generated accounts (as
``register/reporting/synthetic.py`` serves the reports), and a copy in each drifts apart.
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["generated_export"]


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
