"""``courtpack settings``: the council's own details, entered once (show, or set from a YAML file).

Why a file: a manager writes the settings once (start from examples/settings/lewisham.yaml), checks
them with ``show``, and every document takes the council's name, address for service, signatories
and enforcement agents from the register from then on.
"""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from .types import db_option, who_option


@click.group()
def settings() -> None:
    """The council's settings: legal name, address for service, signatories, enforcement agents."""


@settings.command("show")
@click.option("--council", default=None, help="The council's legal name (when the register holds several).")
@db_option
def show(council: str | None, db: str | None) -> None:
    """Print the settings as YAML (the form `set` reads)."""
    from ..register.settings import council_settings, settings_to_dict

    current = council_settings(db, council)
    click.echo(f"# version {current.version}")
    click.echo(yaml.safe_dump(settings_to_dict(current), sort_keys=False, allow_unicode=True).rstrip("\n"))


@settings.command("set")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--expect-version", type=int, default=None, help="The version you edited (refused if it changed).")
@db_option
@who_option
def set_(file: Path, expect_version: int | None, db: str | None, who: str | None) -> None:
    """Check FILE and store it as the council's settings (all of it, or nothing)."""
    from ..register.settings import read_settings_file, save_settings

    version = save_settings(db, read_settings_file(file), who=who, expected_version=expect_version)
    click.echo(f"council settings saved (version {version})")
