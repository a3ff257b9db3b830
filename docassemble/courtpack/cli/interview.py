"""``courtpack interview``: run an interview headlessly with docassemble's real engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import yaml

from ..errors import CaseFileError
from ..resources import data_dir


def read_answers(path: Path | None) -> dict[str, Any]:
    """An answers file: a YAML mapping of interview variable -> value."""
    if path is None:
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise CaseFileError(str(path), "", f"cannot be read ({err})", "check the path to the answers file") from None
    except yaml.YAMLError:
        raise CaseFileError(str(path), "", "is not valid YAML", "check its indentation and quotes") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) and k.isidentifier() for k in data):
        raise CaseFileError(str(path), "", "must map interview variable names to answers",
                            "write one `variable: answer` per line")
    return data


@click.group()
def interview() -> None:
    """Run courtpack's interviews without a browser."""


@interview.command("list")
def list_interviews() -> None:
    """List the interviews courtpack ships."""
    for path in sorted(data_dir("questions").glob("*.yml")):
        click.echo(path.stem)


@interview.command("run")
@click.argument("name")
@click.option("--case", "case_file", type=click.Path(path_type=Path),
              help="The case file (YAML); interviews that start from the register do not need one.")
@click.option("--answers", type=click.Path(path_type=Path), help="Answers to the interview's questions (YAML).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Folder for the documents.")
def run(name: str, case_file: Path | None, answers: Path | None, out_dir: Path) -> None:
    """Run interview NAME to its end screen and list the documents it produced.

    Exits 3, naming the question and the variable, when the answers do not cover a question.
    """
    from ..case import read_case
    from ..headless.runner import run_interview

    if case_file is not None:
        read_case(case_file)  # report a bad case file before starting docassemble
    result = run_interview(name, read_answers(answers), out_dir, case_source=case_file)
    click.echo(result.title)
    for document in result.documents:
        click.echo(f"  {document}")
