"""Benchmark: how fast ``courtpack calc`` answers from a cold process, against bare Python starting.

Runs ``courtpack calc fee --claim 1311.41 --json`` and ``courtpack calc deadline`` (which needs the bank
holidays, kept in ``COURTPACK_HOME`` after the first run) — a new Python process each time, as a user or a
script runs them — and ``python -c pass`` in turn, ``--runs`` times each, and prints the best of each:
the calc's wall time against the 0.3 s budget (target: ratio at most 1.0) and against bare Python
(what any Python command pays before it does anything). It also counts the modules the calc
imports and says whether docassemble is among them (it must not be: docassemble takes seconds).

    .venv/bin/python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 0.3
CALC = ["-m", "docassemble.courtpack", "calc", "fee", "--claim", "1311.41", "--json"]
DEADLINE = ["-m", "docassemble.courtpack", "calc", "deadline", "--from", "2026-12-18", "--days", "5", "--json"]
PROBE = (
    "import sys; from docassemble.courtpack.cli import main; "
    "main(['calc', 'fee', '--claim', '1311.41', '--json']); "
    "mods = [m for m in sys.modules if m.startswith('docassemble.') and not m.startswith('docassemble.courtpack')]; "
    "print(len(sys.modules), ','.join(sorted(mods)), file=sys.stderr)"
)


def best_of(runs: int, **commands: list[str]) -> dict[str, float]:
    """Best wall time of each command, run in turn (so machine load affects each alike)."""
    best = {name: float("inf") for name in commands}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    python = sys.executable
    timings = best_of(args.runs, calc=[python, *CALC], deadline=[python, *DEADLINE], bare=[python, "-c", "pass"])
    probe = subprocess.run(
        [python, "-c", PROBE], check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    modules, _, foreign = probe.stderr.strip().splitlines()[-1].partition(" ")
    calc_s, bare_s = timings["calc"], timings["bare"]
    print(f"startup bench: best of {args.runs} runs, {os.cpu_count()} cores")
    print(f"  courtpack calc fee --json: {calc_s * 1000:.0f} ms, {modules} modules imported")
    print(f"  docassemble imported by calc: {foreign or 'no'}")
    print(f"  courtpack calc deadline --json: {timings['deadline'] * 1000:.0f} ms (bank holidays kept)")
    print(f"  bare python -c pass: {bare_s * 1000:.0f} ms (calc is {calc_s / bare_s:.1f}x bare Python)")
    slowest = max(calc_s, timings["deadline"])
    print(
        f"ratio {slowest / BUDGET_S:.2f} calc startup, the slower of fee and deadline {slowest * 1000:.0f} ms / "
        f"budget {BUDGET_S * 1000:.0f} ms (target <= 1.0)"
    )


if __name__ == "__main__":
    main()
