"""``courtpack calc`` starts light: it never imports docassemble (seconds to load), nor what other commands need.

Each check runs the command in a fresh Python process (the only honest way to see what a cold start
imports) and lists the modules it loaded; no time is asserted (bench/startup.py measures that).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from docassemble.courtpack.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def cold_run(*args: str) -> tuple[dict, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=False, timeout=120
    )
    probe = json.loads(done.stderr.strip().splitlines()[-1])
    assert probe["code"] == 0, done.stderr
    return json.loads(done.stdout), set(probe["modules"])


def foreign_docassemble(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith("docassemble.") and not m.startswith("docassemble.courtpack"))


def test_calc_fee_imports_neither_docassemble_nor_the_case_layer():
    answer, modules = cold_run("calc", "fee", "--claim", "1311.41", "--on", "2025-06-01", "--json")
    # CPFO 2008 Sch 1 fee 1.1 (bands kept by SI 2025/351): £1,311.41 is in the £1,000.01-£1,500 band, fee £80
    assert answer["fee"] == "80.00"
    assert foreign_docassemble(modules) == []
    assert "holidays" not in modules  # bank holidays: only the date commands load them
    assert "docassemble.courtpack.case.model" not in modules
    assert "sqlalchemy" not in modules


def test_calc_claim_reads_a_case_file_without_docassemble():
    answer, modules = cold_run(
        "calc", "claim", str(ROOT / "examples" / "FTA-2025-0142.yaml"), "--issue-date", "2025-06-01", "--json"
    )
    assert answer["reference"] == "FTA-2025-0142"
    assert foreign_docassemble(modules) == []


def test_every_calc_command_is_found_by_the_lazy_group():
    """A command module added without its names in COMMAND_MODULES would silently vanish from `calc`."""
    import importlib

    from docassemble.courtpack.cli import calc as calc_package

    for module in set(calc_package.COMMAND_MODULES.values()):
        importlib.import_module(f"{calc_package.__name__}.{module}")
    defined = set(calc_package.calc.commands)
    assert defined == set(calc_package.COMMAND_MODULES), defined ^ set(calc_package.COMMAND_MODULES)
    modules = {p.stem for p in Path(calc_package.__file__).parent.glob("*.py")} - {"__init__"}
    assert modules == set(calc_package.COMMAND_MODULES.values())


def test_calc_deadline_loads_the_bank_holiday_library_only_the_first_time(tmp_path, monkeypatch):
    monkeypatch.setenv("COURTPACK_HOME", str(tmp_path))
    args = ("calc", "deadline", "--from", "2026-12-18", "--days", "5", "--json")
    # CPR 2.8(4): 5 days or less skip weekends and bank holidays; from Fri 18 Dec 2026 the days are
    # Mon 21, Tue 22, Wed 23, Thu 24 and (Fri 25 and Mon 28 December being bank holidays) Tue 29 December
    first, loaded = cold_run(*args)
    again, kept = cold_run(*args)
    assert first["date"] == again["date"] == "2026-12-29"
    assert "holidays" in loaded and "holidays" not in kept
