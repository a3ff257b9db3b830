"""``courtpack case``: one case's story — recording its steps and checking its documents agree.

Why a command of its own: ``case check`` is what an officer (or the demo, or CI) runs before papers go
to court; ``case step`` records what happened (the claim number from the court's notice of issue,
the judgment's terms...) so every later document reads it instead of asking again.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
import yaml

from ..errors import CaseFileError
from .types import db_option, who_option


@click.group()
def case() -> None:
    """A case's recorded steps and the check that its documents agree with them."""


@case.command("check")
@click.argument("reference")
@click.option("--json", "as_json", is_flag=True, help='Print {"reference": ..., "problems": [...]}.')
@db_option
def check(reference: str, as_json: bool, db: str | None) -> int:
    """List every contradiction between the case's documents and its recorded facts (exit 1 if any)."""
    from ..register.case_check import check_case, check_report

    problems = check_case(db, reference)
    if as_json:
        click.echo(json.dumps(check_report(reference, problems), indent=2))
    elif not problems:
        click.echo(f"{reference}: every recorded document agrees with the register")
    else:
        click.echo(f"{reference}: {len(problems)} contradiction(s):")
        for p in problems:
            click.echo(f"  {p.document}: {p.field} says {p.says!r}; the register holds {p.register!r}")
    return 1 if problems else 0


@case.command("step")
@click.argument("reference")
@click.argument("step")
@click.option(
    "--facts",
    "facts_file",
    type=click.Path(path_type=Path),
    required=True,
    help="YAML file of the step's facts (e.g. date, claim_number, court).",
)
@db_option
@who_option
def step(reference: str, step: str, facts_file: Path, db: str | None, who: str | None) -> None:
    """Record that STEP happened in case REFERENCE (see `courtpack case steps` for each step's facts)."""
    from ..register.steps import record_step

    try:
        facts = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as err:
        raise CaseFileError(
            str(facts_file), "", f"cannot be read as YAML ({type(err).__name__})", "write one `fact: value` per line"
        ) from None
    if not isinstance(facts, dict):
        raise CaseFileError(str(facts_file), "", "must map fact names to values", "write one `fact: value` per line")
    record = record_step(db, reference, step, facts, who=who)
    click.echo(f"{reference}: recorded {step} on {record.happened_on.isoformat()}")
    for warning in record.warnings:
        click.echo(f"warning: {warning}", err=True)


@case.command("steps")
def steps() -> None:
    """The steps courtpack records and the facts each one takes (* = required)."""
    from ..register.steps import ALL_STEPS as STEPS

    for name, fields in STEPS.items():
        click.echo(f"{name}: " + ", ".join(f.name + ("*" if f.required else "") for f in fields))


@case.command("story")
@click.argument("reference")
@db_option
def story(reference: str, db: str | None) -> None:
    """The steps recorded for case REFERENCE, oldest first, with their facts."""
    from ..register.steps import case_facts

    for record in case_facts(db, reference).steps:
        facts = ", ".join(f"{k}: {v}" for k, v in sorted(record.facts.items()) if k != "date")
        click.echo(f"{record.happened_on.isoformat()}  {record.step}" + (f"  ({facts})" if facts else ""))


@case.command("worklist")
@click.option("--officer", required=True, help="The officer's email or name, as on their cases.")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), default=None, help="As at (default today).")
@db_option
def worklist(officer: str, on: dt.datetime | None, db: str | None) -> None:
    """The officer's cases with their next action and due date, overdue first."""
    from ..law.dates import format_date
    from ..register.worklist import officer_worklist

    day = on.date() if on else dt.date.today()
    for item in officer_worklist(db, officer, day):
        due = format_date(item.due) if item.due else "now"
        flag = "OVERDUE " if item.overdue else ""
        click.echo(f"{flag}{item.reference}  {item.debtor}  [{item.stage}]  {item.next_action} {due}")
