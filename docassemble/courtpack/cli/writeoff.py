"""`courtpack writeoff` and `courtpack trace`: write-off candidates, recommendation, approval, reversal.

Why ``--as``: approval is recorded against a named user and checked against the delegated authority
that user holds (``writeoff authority``); on the server the logged-in user is used instead. A user
without the authority the policy requires is refused, and nothing is recorded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..law.dates import format_date
from ..law.money import format_money
from .register import DATE, _emit, db_option, output_options, who_option


@click.group()
def writeoff() -> None:
    """Irrecoverable debts: candidates under the council's policy, sign-off, reversal."""


@writeoff.command("candidates")
@click.option("--on", type=DATE, default=None, help="Apply the policy as at this date (default: today).")
@output_options
@db_option
def candidates(on: dt.date | None, fmt: str, out: Path | None, db: str | None) -> None:
    """Cases the write-off policy allows, with reason, evidence and the authority needed."""
    from ..register.export import Table
    from ..register.writeoff import candidates as find

    found = find(db, on or dt.date.today())
    _emit(
        [
            Table(
                "Write-off candidates",
                ["Case", "Debtor", "Outstanding", "Reason", "Authority", "Evidence"],
                [
                    [c.reference, c.debtor, c.outstanding, c.reason_label, c.authority_label, " | ".join(c.evidence)]
                    for c in found
                ],
            )
        ],
        fmt,
        out,
    )


@writeoff.command("recommend")
@click.argument("references", nargs=-1, required=True)
@click.option("--on", type=DATE, default=None, help="As at this date (default: today).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@db_option
@who_option
def recommend(references: tuple[str, ...], on: dt.date | None, out_dir: Path, db: str | None, who: str | None) -> None:
    """The recommendation for sign-off (DOCX + PDF): a page per case and the batch schedule."""
    from ..register.reporting.recommendation import write_recommendation

    out_dir.mkdir(parents=True, exist_ok=True)
    for path in write_recommendation(db, list(references), out_dir, on or dt.date.today(), who):
        click.echo(f"wrote {path}")


@writeoff.command("approve")
@click.argument("reference")
@click.option("--as", "user", required=True, help="The approving user (must hold the authority needed).")
@click.option("--on", type=DATE, default=None, help="Date of approval (default: today).")
@db_option
def approve(reference: str, user: str, on: dt.date | None, db: str | None) -> None:
    """Approve a write-off and close the case as written off."""
    from ..register.writeoff import approve as do_approve

    row = do_approve(db, reference, user, on or dt.date.today())
    click.echo(
        f"{reference}: {format_money(row.amount)} written off ({row.reason.replace('_', ' ')}) by {user} on "
        f"{format_date(row.approved_on)}"
    )


@writeoff.command("reverse")
@click.argument("reference")
@click.option("--as", "user", required=True, help="The user reversing it.")
@click.option("--reason", required=True, help="Why, e.g. 'payment received 3 March 2026'.")
@click.option("--on", type=DATE, default=None, help="Date of reversal (default: today).")
@db_option
def reverse(reference: str, user: str, reason: str, on: dt.date | None, db: str | None) -> None:
    """Reverse a write-off (the case is open again), with its own audit record."""
    from ..register.writeoff import reverse as do_reverse

    row = do_reverse(db, reference, user, on or dt.date.today(), reason)
    click.echo(f"{reference}: write-off of {format_money(row.amount)} reversed on {format_date(row.reversed_on)}")


@writeoff.group("policy")
def policy() -> None:
    """The council's write-off policy (dated)."""


@policy.command("set")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--from", "start", type=DATE, required=True, help="In force from this date.")
@db_option
@who_option
def policy_set(file: Path, start: dt.date, db: str | None, who: str | None) -> None:
    """Put a policy file (YAML: limits, uneconomic_below, trace_attempts_needed, nil_returns_needed) in force."""
    from ..register.writeoff_policy import set_policy

    set_policy(db, file, start, who)
    click.echo(f"write-off policy from {start} set from {file}")


@policy.command("show")
@click.option("--on", type=DATE, default=None)
@db_option
def policy_show(on: dt.date | None, db: str | None) -> None:
    """The policy in force on a date."""
    import yaml

    from ..register.db import session_for
    from ..register.writeoff_policy import policy_in_force

    with session_for(db) as session:
        found = policy_in_force(session, on or dt.date.today())
    click.echo(f"# {found.source}\n" + yaml.safe_dump(found.to_data(), sort_keys=False))


@writeoff.command("authority")
@click.argument("user")
@click.argument("level", type=click.Choice(["officer", "team_leader", "head_of_service", "s151_officer"]))
@db_option
@who_option
def authority(user: str, level: str, db: str | None, who: str | None) -> None:
    """Record the delegated write-off authority a user holds."""
    from ..register.writeoff_policy import grant_authority

    grant_authority(db, user, level, who)
    click.echo(f"{user} holds {level.replace('_', ' ')} authority")


@writeoff.command("fact")
@click.argument("reference")
@click.option(
    "--kind",
    required=True,
    type=click.Choice(
        ["deceased", "bankruptcy", "debt_relief_order", "iva", "dissolved", "liquidation", "enforcement_nil_return"]
    ),
)
@click.option("--on", "fact_on", type=DATE, required=True, help="Date of death, order, dissolution or return.")
@click.option("--estate", type=click.Choice(["", "none", "some", "unknown"]), default="")
@click.option(
    "--proof-of-debt", type=click.Choice(["", "not_submitted", "submitted", "admitted", "rejected"]), default=""
)
@click.option("--detail", default="", help="E.g. the insolvency practitioner, or the agent's return reference.")
@db_option
@who_option
def fact(
    reference: str,
    kind: str,
    fact_on: dt.date,
    estate: str,
    proof_of_debt: str,
    detail: str,
    db: str | None,
    who: str | None,
) -> None:
    """Record a fact about the debtor that bears on write-off."""
    from ..register.tracing import add_fact

    add_fact(db, reference, kind, fact_on, estate, proof_of_debt, detail, who)
    click.echo(f"{reference}: {kind.replace('_', ' ')} on {format_date(fact_on)} recorded")


@click.group()
def trace() -> None:
    """Trace attempts on a case (enquiry agent, DWP...)."""


@trace.command("add")
@click.argument("reference")
@click.option("--on", "tried_on", type=DATE, required=True)
@click.option("--method", required=True, type=click.Choice(["enquiry_agent", "dwp", "credit_reference", "other"]))
@click.option("--result", required=True, type=click.Choice(["found", "not_found"]))
@click.option("--new-address", default="", help="The address found (needed when --result found).")
@db_option
@who_option
def trace_add(
    reference: str, tried_on: dt.date, method: str, result: str, new_address: str, db: str | None, who: str | None
) -> None:
    """Record a trace attempt."""
    from ..register.tracing import add_trace

    add_trace(db, reference, tried_on, method, result, new_address, who)
    click.echo(f"{reference}: {method.replace('_', ' ')} trace on {format_date(tried_on)}: {result.replace('_', ' ')}")


@trace.command("found")
@db_option
def trace_found(db: str | None) -> None:
    """Traces that found a new address (for the officers' work lists)."""
    from ..register.tracing import new_addresses

    for row in new_addresses(db):
        click.echo(f"{row.reference}: {format_date(row.tried_on)} {row.method.replace('_', ' ')}: {row.new_address}")
