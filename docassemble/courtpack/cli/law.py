"""`courtpack law sources`: every law table row with its source, and which rows still need checking.

Why a command: figures are only trusted once someone has read the instrument; this prints each row
(table, in force from, figure, source, verified) so a lawyer can audit them, and ``--unverified``
prints the checking list. Nothing here is printed on a court document.
"""

from __future__ import annotations

import json

import click

from ..law.sources import source_rows


@click.group()
def law() -> None:
    """The law tables behind every figure."""


@law.command("sources")
@click.option("--unverified", is_flag=True, help="Only rows not yet checked against the instrument.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (dates ISO).")
def sources_cmd(unverified: bool, as_json: bool) -> None:
    """Every table row: table, effective from, figure, source, verified."""
    rows = source_rows(unverified_only=unverified)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "table": r.table,
                        "effective_from": r.effective_from.isoformat(),
                        "effective_to": r.effective_to.isoformat() if r.effective_to else None,
                        "figure": r.figure,
                        "source": r.source,
                        "verified": r.verified,
                    }
                    for r in rows
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    for r in rows:
        until = f" to {r.effective_to.isoformat()}" if r.effective_to else ""
        mark = "verified" if r.verified else "UNVERIFIED"
        click.echo(f"{r.table} | from {r.effective_from.isoformat()}{until} | {r.figure} | {r.source} | {mark}")
    click.echo(f"{len(rows)} row(s)" + (" still to check against the instrument" if unverified else ""))
