"""`courtpack report performance` and `courtpack targets`: the manager's monthly report and its targets.

Why the format follows the file name: ``--out report.xlsx`` means XLSX without saying so twice;
``--format`` overrides it. The file appears only when complete; bad dates, an unknown team's
targets or an unwritable folder are one sentence and exit 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .register import DATE, db_option, who_option

FORMATS = ("xlsx", "pdf", "html")


@click.group()
def report() -> None:
    """Management reports from the case register."""


@report.command("performance")
@click.option("--from", "start", type=DATE, required=True, help="First day of the period (YYYY-MM-DD).")
@click.option("--to", "end", type=DATE, required=True, help="Last day of the period (YYYY-MM-DD).")
@click.option(
    "--team", default=None, help="Only this team's cases (officers are put in teams with: courtpack targets team)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="xlsx, pdf or html (default: from the --out file name).",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@db_option
def performance(start: dt.date, end: dt.date, team: str | None, fmt: str | None, out: Path, db: str | None) -> None:
    """Caseload, money, timeliness, compliance, ageing and indicators for a period."""
    from ..errors import CourtpackError
    from ..register.reporting import write_report

    chosen = fmt or out.suffix.lower().lstrip(".")
    if chosen not in FORMATS:
        raise CourtpackError(
            f"{out}: cannot tell the format from the file name; end it in .xlsx, .pdf or .html or give --format"
        )
    written = write_report(db, start, end, team, chosen, out)
    click.echo(f"wrote {written}")


@report.command("cost")
@click.argument("reference")
@click.option("--on", "entry_date", type=DATE, required=True)
@click.option("--paid-out", "direction", flag_value="paid_out", help="A court fee or cost the council paid.")
@click.option("--recovered", "direction", flag_value="recovered", help="Costs recovered from the debtor.")
@click.option("--amount", required=True)
@click.option("--description", default="")
@db_option
@who_option
def cost(
    reference: str,
    entry_date: dt.date,
    direction: str | None,
    amount: str,
    description: str,
    db: str | None,
    who: str | None,
) -> None:
    """Record a fee or cost paid out for a case, or costs recovered (the report's costs figures)."""
    from ..errors import CourtpackError
    from ..register.reporting.money import add_cost

    if direction is None:
        raise CourtpackError(f"case {reference}: say --paid-out or --recovered")
    add_cost(db, reference, entry_date, direction, amount, description, who)
    click.echo(f"{reference}: {direction.replace('_', ' ')} £{amount} on {entry_date} recorded")


@click.group()
def targets() -> None:
    """Collection targets, indicator thresholds and teams (dated: past reports keep their targets)."""


@targets.command("collection")
@click.option("--from", "start", type=DATE, required=True, help="In force from this date.")
@click.option("--amount", required=True, help="Monthly target in pounds, e.g. 25000.")
@click.option("--debt-type", default="", help="Only this debt type (default: all debt types together).")
@click.option("--team", default="", help="Only this team (default: the whole service).")
@db_option
@who_option
def collection(start: dt.date, amount: str, debt_type: str, team: str, db: str | None, who: str | None) -> None:
    """Set a monthly collection target."""
    from ..register.reporting.targets import set_collection_target

    set_collection_target(db, start, amount, debt_type, team, who)
    click.echo(
        f"monthly target for {debt_type or 'all debt types'} ({team or 'whole service'}) from {start}: £{amount}"
    )


@targets.command("indicator")
@click.argument("code")
@click.option("--from", "start", type=DATE, required=True, help="In force from this date.")
@click.option("--target", "green", required=True, help="Green at or beyond this percentage.")
@click.option("--amber", required=True, help="Amber at or beyond this percentage (red beyond it).")
@click.option("--days", type=int, default=None, help="N in 'within N days', for the indicators that have one.")
@db_option
@who_option
def indicator(
    code: str, start: dt.date, green: str, amber: str, days: int | None, db: str | None, who: str | None
) -> None:
    """Set an indicator's thresholds (codes: see `courtpack targets show`)."""
    from ..register.reporting.targets import set_indicator

    set_indicator(db, code, start, green, amber, days, who)
    click.echo(f"{code} from {start}: green {green}, amber {amber}" + (f", {days} days" if days is not None else ""))


@targets.command("team")
@click.argument("officer")
@click.argument("team")
@db_option
@who_option
def team_(officer: str, team: str, db: str | None, who: str | None) -> None:
    """Put an officer (and their cases) in a team."""
    from ..register.reporting.targets import set_team

    set_team(db, officer, team, who)
    click.echo(f"{officer} is in team {team}")


@targets.command("show")
@click.option("--on", type=DATE, default=None, help="The targets in force on this date (default: today).")
@click.option("--team", default=None)
@db_option
def show(on: dt.date | None, team: str | None, db: str | None) -> None:
    """The indicators and collection targets in force on a date."""
    from ..law.money import format_money
    from ..register.db import session_for
    from ..register.reporting.targets import INDICATORS, indicator_rule, monthly_targets

    day = on or dt.date.today()
    with session_for(db) as session:
        for code in INDICATORS:
            rule = indicator_rule(session, code, day)
            click.echo(
                f"{code}: {rule.label}: green {rule.target}, amber {rule.amber} (from {rule.effective_from}; "
                f"{rule.note})"
            )
        for debt_type, amount in sorted(monthly_targets(session, day.replace(day=1), team).items()):
            click.echo(f"monthly target, {debt_type or 'all debt types'}: {format_money(amount)}")
