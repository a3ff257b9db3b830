"""``courtpack interview``: run an interview headlessly with docassemble's real engine."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click
import yaml

from ..errors import CaseFileError
from ..headless.context import ROLES, actor_from_environment
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
        raise CaseFileError(
            str(path), "", "must map interview variable names to answers", "write one `variable: answer` per line"
        )
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
@click.option("--reference", help="The case, by its reference in the register (COURTPACK_DATABASE_URL).")
@click.option(
    "--case",
    "case_file",
    type=click.Path(path_type=Path),
    help="A case file (YAML) to import into the register first, then run the interview on it.",
)
@click.option("--answers", type=click.Path(path_type=Path), help="Answers to the interview's questions (YAML).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Folder for the documents.")
@click.option("--as", "user", help="Who is acting, recorded in the register (default: COURTPACK_USER).")
@click.option(
    "--role",
    type=click.Choice(sorted(ROLES)),
    help="The role they act in (default: COURTPACK_ROLE, else officer); interviews refuse other roles.",
)
@click.option(
    "--timings", is_flag=True, help="Also say how long docassemble took to load and the interview took to run."
)
def run(
    name: str,
    reference: str | None,
    case_file: Path | None,
    answers: Path | None,
    out_dir: Path,
    user: str | None,
    role: str | None,
    timings: bool,
) -> None:
    """Run interview NAME to its end screen and list the documents it produced.

    Exits 3, naming the question and the variable, when the answers do not cover a question; exits 2
    when the interview refuses (the law forbids the step today, or the role may not do it).
    """
    from ..headless.runner import run_interview

    if reference and case_file:
        raise click.UsageError("give the case either by --reference or by --case, not both")
    actor = actor_from_environment(user, role)  # named before docassemble starts: a missing name is exit 2
    answered = read_answers(answers)
    for forbidden in ("case_reference", "documents", "output_dir"):
        if forbidden in answered:
            raise CaseFileError(
                str(answers),
                forbidden,
                "is set by courtpack, not by an answers file",
                "remove it (choose the case with --reference or --case)",
            )
    began = time.perf_counter()
    result = run_interview(name, answered, out_dir, case_source=case_file, reference=reference, actor=actor)
    click.echo(result.title)
    for document in result.documents:
        click.echo(f"  {document}")
    if timings:
        total = time.perf_counter() - began
        click.echo(
            f"timings: docassemble engine loaded in {result.engine_seconds:.2f} s; interview "
            f"{result.interview:s} ran in {result.interview_seconds:.2f} s; "
            f"{total - result.engine_seconds - result.interview_seconds:.2f} s in the register and case file; "
            f"{total:.2f} s in all",
            err=True,
        )
