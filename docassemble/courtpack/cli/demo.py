"""``courtpack demo``: a complete sample run on the example cases, written to ``out/``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..resources import CHECKOUT_DIR

LETTER_ANSWERS = {"instalments_status": "none", "letter_checked": True}


@click.command()
@click.option("--examples", type=click.Path(path_type=Path, file_okay=False), default=CHECKOUT_DIR / "examples",
              show_default=True, help="Folder of example case files.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("out"),
              show_default=True)
@click.option("--as-at", "as_at", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date the demo acts on (default today).")
def demo(examples: Path, out_dir: Path, as_at: dt.datetime | None) -> None:
    """Produce every document courtpack can make for the example cases."""
    from ..headless.runner import run_interview

    day = (as_at.date() if as_at else dt.date.today()).isoformat()
    cases = sorted(examples.glob("*.yaml"))
    if not cases:
        raise click.BadParameter(f"no case files (*.yaml) in {examples}", param_hint="--examples")
    written: list[Path] = []
    for case_file in cases:
        target = out_dir / case_file.stem
        click.echo(f"{case_file.stem}: letter before claim")
        result = run_interview("letter_before_claim", {**LETTER_ANSWERS, "letter_date": day}, target,
                               case_source=case_file)
        written.extend(result.documents)
    click.echo(f"\nWrote {len(written)} documents:")
    for path in written:
        click.echo(f"  {path}")
