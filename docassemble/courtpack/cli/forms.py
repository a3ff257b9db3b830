"""``courtpack forms``: list the court forms, fetch official PDFs, fill a form from a case file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .types import DATE


@click.group()
def forms() -> None:
    """Court forms: courtpack's own rendering, or the official PDF when installed."""


@forms.command("list")
def list_cmd() -> None:
    """Every form courtpack knows, and whether its official PDF is installed."""
    from ..documents.forms import all_specs, forms_dir, official_installed

    click.echo(f"Official forms folder: {forms_dir()} (set COURTPACK_FORMS_DIR to change)")
    for spec in all_specs():
        if spec.official is None:
            state = "own rendering only (no official fillable PDF known)"
        elif official_installed(spec):
            state = f"official {spec.official.file} installed"
        else:
            state = f"official {spec.official.file} not installed (courtpack forms fetch {spec.number})"
        click.echo(f"{spec.number:<12} {spec.edition:<18} {spec.title}\n{'':<12} {state}")


@forms.command("fetch")
@click.argument("number")
@click.option("--url", default=None, help="Download from this address instead of the spec's.")
def fetch_cmd(number: str, url: str | None) -> None:
    """Download the official PDF of NUMBER into the forms folder, checking its SHA-256."""
    from ..documents.forms import load_spec
    from ..documents.forms.fetch import fetch

    path = fetch(load_spec(number), url=url)
    click.echo(f"{number.upper()}: saved {path} (SHA-256 checked)")


@forms.command("fill")
@click.argument("number")
@click.option(
    "--case",
    "case_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Case file (YAML).",
)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the PDF."
)
@click.option("--official", "mode", flag_value="official", help="Fill the official PDF (fails if not installed).")
@click.option("--own", "mode", flag_value="own", help="courtpack's own rendering.")
@click.option("--on", "on", type=DATE, default=None, help="Date of the form (issue date for N1; default today).")
def fill_cmd(number: str, case_file: Path, out_dir: Path, mode: str | None, on: dt.date | None) -> None:
    """Fill form NUMBER for the case in --case and write it to --out."""
    from ..case import read_case
    from ..documents.forms import load_spec, write_form
    from ..documents.forms.values import form_values

    case = read_case(case_file)
    day = on or dt.date.today()
    spec = load_spec(number)
    path = write_form(spec, form_values(spec.number, case, day), out_dir, case.reference, mode=mode or "auto")
    click.echo(str(path))
