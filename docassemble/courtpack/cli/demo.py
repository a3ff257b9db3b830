"""``courtpack demo``: a complete sample run on the example cases, written to ``out/``.

Every document comes from an interview run by docassemble's real engine, and every one is
recorded in a demo register (``out/register/courtpack.db``) together with the example
orders, hearings and imported payments — so the hearings list, compliance report and
calendar at the end reflect what the interviews produced.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click
import yaml

from ..errors import CourtpackError
from ..resources import CHECKOUT_DIR

MARKER = ".courtpack-demo"
LETTER_ANSWERS = {"instalments_status": "none", "letter_checked": True}
WITNESS_CASE = "FTA-2025-0142"


@click.command()
@click.option("--examples", type=click.Path(path_type=Path, file_okay=False), default=CHECKOUT_DIR / "examples",
              show_default=True, help="Folder of example case files.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("out"),
              show_default=True)
@click.option("--as-at", "as_at", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date the demo acts on (default today).")
def demo(examples: Path, out_dir: Path, as_at: dt.datetime | None) -> None:
    """Produce every document courtpack can make for the example cases."""
    day = as_at.date() if as_at else dt.date.today()
    cases = sorted(examples.glob("*.yaml"))
    if not cases:
        raise click.BadParameter(f"no case files (*.yaml) in {examples}", param_hint="--examples")
    _fresh(out_dir)
    register_db = (out_dir / "register" / "courtpack.db").resolve()
    register_db.parent.mkdir(parents=True)
    settings = {"COURTPACK_DATABASE_URL": f"sqlite:///{register_db}",
                "COURTPACK_EXHIBIT_REGISTER": str((out_dir / "exhibit-register.yaml").resolve()),
                "COURTPACK_USER": "courtpack demo", "COURTPACK_ROLE": "admin"}
    # the recorded documents' copies (for the bundle) live only as long as the demo
    with tempfile.TemporaryDirectory(prefix="courtpack-demo-store-") as store, \
            _environment({**settings, "COURTPACK_DOCUMENT_STORE": store}):
        written = _run(examples, cases, out_dir, day, register_db)
    click.echo(f"\nWrote {len(written)} files under {out_dir}/:")
    for path in written:
        click.echo(f"  {path}")


def _run(examples: Path, cases: list[Path], out_dir: Path, day: dt.date, register_db: Path) -> list[Path]:
    from ..interview_glue.carry_through import carry_case_through
    from ..register import load_demo

    written: list[Path] = []
    for case_file in cases:
        target = out_dir / case_file.stem
        _step(f"{case_file.stem}: letter before claim")
        written += _interview("letter_before_claim", {**LETTER_ANSWERS, "letter_date": day.isoformat()}, target,
                              case_file)
        _step(f"{case_file.stem}: claim, judgment and enforcement")
        written += carry_case_through(case_file, out_dir, day)
    witness_case = examples / f"{WITNESS_CASE}.yaml"
    _step(f"{WITNESS_CASE}: witness statement with exhibits")
    answers = yaml.safe_load((examples / "answers" / "witness_statement.yaml").read_text(encoding="utf-8"))
    written += _interview("witness_statement", {**answers, "statement_date": day.isoformat()},
                          out_dir / WITNESS_CASE, witness_case)
    _step(f"{WITNESS_CASE}: court bundle")
    written += _interview("court_bundle", {
        "bundle_picked": "all", "bundle_uploads": [], "bundle_details_done": True, "claim_number": "K1QZ1234",
        "court": "County Court at Bromley", "hearing_date": (day + dt.timedelta(days=21)).isoformat(),
        "bundle_checked": True}, out_dir / WITNESS_CASE, witness_case)
    _step("register: orders, hearings, payments, compliance and calendar")
    result = load_demo(str(register_db), examples, out_dir / "register", as_at=day)
    return written + result.files


@contextlib.contextmanager
def _environment(settings: dict[str, str]) -> Iterator[None]:
    """Point the interviews at the demo's register and exhibit register, then put things back."""
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _interview(name: str, answers: dict, out: Path, case_file: Path) -> list[Path]:
    from ..headless.runner import run_interview

    return run_interview(name, answers, out, case_source=case_file).documents


def _fresh(out_dir: Path) -> None:
    """Start from an empty folder, so that running the demo twice gives the same files.

    Only a folder the demo made itself (it holds a marker file) is ever removed.
    """
    if out_dir.exists():
        if not (out_dir / MARKER).is_file() and any(out_dir.iterdir()):
            raise CourtpackError(f"{out_dir} already holds files courtpack's demo did not write; "
                                 "choose another folder with --out")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / MARKER).write_text("written by `courtpack demo`; the next demo run replaces this folder\n",
                                  encoding="utf-8")


def _step(text: str) -> None:
    click.echo(text, err=True)
