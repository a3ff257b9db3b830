"""``courtpack register export`` and ``register import-cases``: the case file out, the caseload in.

Why apart from ``cli/register.py``: these move whole cases across the register's edge (a YAML case
file out; an income system's export in, one case per account) and are added to the ``register``
group there.
"""

from __future__ import annotations

from pathlib import Path

import click

from .types import REFERENCE, db_option, who_option


@click.command("export")
@click.argument("reference", type=REFERENCE)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The YAML case file to write, stamped with the register's version.",
)
@db_option
def export(reference: str, out: Path, db: str | None) -> None:
    """Write case REFERENCE as a case file to edit and add back with `register add` (reload the case)."""
    from ..register.case_records import export_case

    click.echo(f"wrote {export_case(db, reference, out)}")


@click.command("import-cases")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(path_type=Path),
    required=True,
    help="The mapping YAML (kind: cases) describing the export's columns.",
)
@db_option
@who_option
def import_cases(file: Path, mapping: Path, db: str | None, who: str | None) -> None:
    """Create cases (parties, debt, ledger) from an income-system export: one per account, all or nothing."""
    from ..register.import_cases import import_cases as run

    click.echo(run(db, file, mapping, who=who).summary())
