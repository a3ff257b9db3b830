"""`courtpack insolvency`: statutory demands, their service, and whether a petition is open.

Why a thin layer: the rules live in ``law/insolvency.py`` and the documents in
``documents/insolvency``; this module parses arguments and prints what happened, each figure
with its reason. A demand below the petition threshold, or a petition asked for too early, is a
refusal (exit 2) with the reason in one sentence.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..errors import NotReadyError
from ..law import insolvency as rules
from ..law.breathing_space import BreathingSpaceWindow, breathing_space_status
from .calc import JSON_OPTION, emit
from .types import DATE, db_option


@click.group()
def insolvency() -> None:
    """Statutory demands, service records and petition readiness (bankruptcy and winding-up)."""


@insolvency.command("demand")
@click.argument("demand_file", type=click.Path(dir_okay=False))
@click.option("--out", "out_dir", type=click.Path(file_okay=False), required=True, help="Folder for the documents.")
@click.option("--pdf", is_flag=True, help="Also convert the demand to PDF (LibreOffice).")
def demand_cmd(demand_file: str, out_dir: str, pdf: bool) -> None:
    """Write a statutory demand and its service record from DEMAND_FILE (YAML)."""
    from ..documents.insolvency.demand import load_demand, write_demand  # documents only when this command runs

    request = load_demand(demand_file)
    output = write_demand(request, Path(out_dir))
    click.echo(f"wrote {output.docx}")
    if pdf:
        from ..documents.convert import convert_to_pdf

        for path in convert_to_pdf([output.docx], Path(out_dir)):
            click.echo(f"wrote {path}")
    click.echo(f"wrote {output.record}")
    click.echo(output.threshold.basis)
    click.echo(output.dates.basis)


@insolvency.command("served")
@click.argument("record_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--on", "served", type=DATE, required=True, help="The day the demand was served.")
@click.option(
    "--method",
    type=click.Choice(["personal", "registered_office", "first_class_post", "left_at_address"]),
    required=True,
)
@click.option("--by", "served_by", required=True, help="Who served it (name of the officer or process server).")
def served_cmd(record_file: str, served: dt.date, method: str, served_by: str) -> None:
    """Record service of a demand; prints the set-aside, comply and petition dates."""
    from ..documents.insolvency.demand import record_service, service_summary

    record = record_service(Path(record_file), served=served, method=method, served_by=served_by)
    click.echo(service_summary(record))


@insolvency.command("petition-check")
@click.option(
    "--case",
    "reference",
    default=None,
    help="A case in the register: its recorded demand, service, payments, defence and breathing space decide.",
)
@click.option("--debtor", "debtor_kind", type=click.Choice(rules.DEBTOR_KINDS), default="individual")
@click.option("--debt", default=None, help="The petition debt, e.g. 6200.00 (without --case).")
@click.option("--served", type=DATE, default=None, help="Day the statutory demand was served (none: not served).")
@click.option("--paid", is_flag=True, help="The demand was paid, secured or compounded for.")
@click.option("--set-aside-applied", is_flag=True, help="An application to set the demand aside is outstanding.")
@click.option("--set-aside", is_flag=True, help="The court set the demand aside.")
@click.option("--disputed", is_flag=True, help="The debt is disputed on substantial grounds.")
@click.option("--breathing-space-until", type=DATE, default=None, help="Last day of a notified breathing space.")
@click.option("--oldest-due", type=DATE, default=None, help="Council tax / business rates: earliest due date included.")
@click.option("--on", type=DATE, default=None, help="Intended presentation date (default today).")
@click.option("--strict", is_flag=True, help="Exit 2 when the petition is not open (for scripts).")
@db_option
@JSON_OPTION
def petition_check_cmd(
    reference: str | None,
    debtor_kind: str,
    debt: str | None,
    served: dt.date | None,
    paid: bool,
    set_aside_applied: bool,
    set_aside: bool,
    disputed: bool,
    breathing_space_until: dt.date | None,
    oldest_due: dt.date | None,
    on: dt.date | None,
    strict: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """Whether a bankruptcy or winding-up petition may be presented, and the reasons if not.

    With ``--case`` the register's facts decide (the recorded demand and its service); without it,
    the options describe the debt.
    """
    day = on or dt.date.today()
    if reference is not None:
        from ..interview_glue.insolvency import petition_check

        result, _ = petition_check(db, reference.strip(), day)
    elif debt is None:
        raise click.UsageError("give --case REF (a case in the register) or --debt AMOUNT")
    else:
        windows = (
            [BreathingSpaceWindow(min(day, breathing_space_until), breathing_space_until)]
            if breathing_space_until is not None
            else []
        )
        result = rules.petition_readiness(
            debtor_kind=debtor_kind,
            debt=debt,
            served=served,
            on=day,
            paid_or_secured=paid,
            set_aside_applied=set_aside_applied,
            set_aside=set_aside,
            disputed=disputed,
            breathing_space=breathing_space_status(windows, day),
            oldest_due=oldest_due,
            tax_debt=oldest_due is not None,
        )
    emit(
        {
            "open": result.open,
            "reasons": list(result.reasons),
            "warnings": list(result.warnings),
            "earliest": result.earliest,
            "basis": result.basis,
            "sources": list(result.sources),
        },
        as_json,
    )
    if strict and not result.open:
        raise NotReadyError(result.basis)
