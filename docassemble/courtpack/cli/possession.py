"""`courtpack possession`: a possession case's facts, rent schedule, order and compliance from the register.

Why a group of its own: the officer records the order the court made and checks, week by week, whether
its terms are kept; these commands read and write the same register steps as the interviews
(``register.possession``) and print the same figures, with ``--json`` for scripts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from ..law.possession import FREQUENCIES
from .calc import JSON_OPTION, emit
from .types import DATE, MONEY, REFERENCE, TEXT, db_option, who_option


@click.group()
def possession() -> None:
    """Possession claims for rent arrears: facts, rent schedule, the order and its terms."""


def _facts(db: str | None, reference: str, as_at: dt.date) -> Any:
    from ..register.possession import possession_facts

    return possession_facts(db, reference, as_at)


@possession.command("facts")
@click.argument("reference", type=REFERENCE)
@click.option("--as-at", type=DATE, default=None, help="The date to read the case at (default today).")
@db_option
@JSON_OPTION
def facts_cmd(reference: str, as_at: dt.date | None, db: str | None, as_json: bool) -> None:
    """The tenancy, rent, arrears, notice and whether a claim may be issued."""
    from ..case.possession_checks import claim_readiness
    from ..case.rent_schedule import arrears_in_weeks, rent_daily_rate
    from ..case.tenancy import balance_at

    day = as_at or dt.date.today()
    facts = _facts(db, reference, day)
    tenancy = facts.account.tenancy
    rent = tenancy.rent_on(day)
    arrears = balance_at(facts.account, max(day, facts.account.opened_on))
    ready = claim_readiness(facts)
    emit(
        {
            "reference": reference,
            "as_at": day,
            "tenancy": tenancy.kind.value,
            "property": tenancy.property_address,
            "rent": rent.amount,
            "frequency": rent.frequency.value,
            "arrears": arrears,
            "arrears_in_weeks": str(arrears_in_weeks(arrears, rent)),
            "daily_rate": rent_daily_rate(facts.account, day).amount,
            "notice_served": facts.notice.handed_or_posted if facts.notice else None,
            "notice_date_specified": facts.notice.date_specified if facts.notice else None,
            "claim_number": facts.claim.claim_number if facts.claim else None,
            "order": facts.order.kind.value if facts.order else None,
            "claim_ready": ready.ready,
            "claim_refused_because": list(ready.reasons),
        },
        as_json,
    )


@possession.command("schedule")
@click.argument("reference", type=REFERENCE)
@click.option("--issue", type=DATE, required=True, help="The claim's issue date (sets the two-year window).")
@click.option("--to", "end", type=DATE, default=None, help="Run the statement on to this date (e.g. the hearing).")
@db_option
@JSON_OPTION
def schedule_cmd(reference: str, issue: dt.date, end: dt.date | None, db: str | None, as_json: bool) -> None:
    """The rent schedule PD 55A requires: every charge and payment with a running balance."""
    from ..case.rent_schedule import rent_schedule

    last = end or issue
    got = rent_schedule(_facts(db, reference, last).account, issue, end=last)
    emit(
        {
            "start": got.start,
            "end": got.end,
            "opening_balance": got.opening_balance,
            "total_debits": got.total_debits,
            "total_credits": got.total_credits,
            "tenant_paid": got.tenant_paid,
            "benefit_paid": got.benefit_paid,
            "closing_balance": got.closing_balance,
            "basis": got.basis,
            "rows": [
                {
                    "date": r.day,
                    "description": r.description,
                    "debit": r.debit,
                    "credit": r.credit,
                    "balance": r.balance,
                }
                for r in got.rows
            ],
        },
        as_json,
    )


@possession.command("record-order")
@click.argument("reference", type=REFERENCE)
@click.option("--date", "made_on", type=DATE, required=True, help="The day the order was made.")
@click.option("--kind", type=click.Choice(("outright", "suspended", "postponed", "adjourned")), required=True)
@click.option(
    "--possession-date", type=DATE, default=None, help="Outright and suspended orders: the date for possession."
)
@click.option(
    "--instalment", type=MONEY, default=None, help="The sum towards the arrears each period, on top of the rent."
)
@click.option("--frequency", type=click.Choice(FREQUENCIES), default=None)
@click.option("--first-payment", type=DATE, default=None)
@click.option("--arrears", type=MONEY, default=None, help="The arrears the order names.")
@click.option("--costs", type=MONEY, default=None)
@db_option
@who_option
def record_order_cmd(
    reference: str,
    made_on: dt.date,
    kind: str,
    possession_date: dt.date | None,
    instalment: Decimal | None,
    frequency: str | None,
    first_payment: dt.date | None,
    arrears: Decimal | None,
    costs: Decimal | None,
    db: str | None,
    who: str,
) -> None:
    """Record the possession order the court made, with its terms."""
    from ..register.steps import record_step

    facts = {
        "date": made_on,
        "kind": kind,
        "possession_date": possession_date,
        "instalment": instalment,
        "frequency": frequency,
        "first_payment": first_payment,
        "arrears": arrears,
        "costs": costs,
    }
    record = record_step(db, reference, "possession_order", {k: v for k, v in facts.items() if v is not None}, who)
    click.echo(f"recorded the {kind} possession order of {made_on.isoformat()} for {reference}")
    for warning in record.warnings:
        click.echo(f"warning: {warning}", err=True)


@possession.command("compliance")
@click.argument("reference", type=REFERENCE)
@click.option("--as-at", type=DATE, default=None, help="The date to check at (default today).")
@db_option
@JSON_OPTION
def compliance_cmd(reference: str, as_at: dt.date | None, db: str | None, as_json: bool) -> None:
    """The order's terms period by period (due, paid, shortfall) and whether enforcement may be taken."""
    from ..case.possession_checks import enforcement_readiness

    day = as_at or dt.date.today()
    ready = enforcement_readiness(_facts(db, reference, day))
    data: dict[str, Any] = {"reference": reference, "as_at": day, "next_step": ready.step, "allowed": ready.ready}
    data["refused_because"] = list(ready.reasons)
    if ready.compliance is not None:
        got = ready.compliance
        data |= {"total_due": got.total_due, "total_paid": got.total_paid, "shortfall": got.shortfall}
        data |= {"broken": got.broken, "first_breach": got.first_breach, "arrears": got.arrears, "basis": got.basis}
        data["periods"] = [
            {
                "from": p.start,
                "to": p.end,
                "due": p.due,
                "paid_by_tenant": p.paid_by_tenant,
                "paid_by_benefit": p.paid_by_benefit,
                "shortfall": p.shortfall,
                "complete": p.complete,
            }
            for p in got.periods
        ]
    emit(data, as_json)


@possession.command("record")
@click.argument("reference", type=REFERENCE)
@click.argument("step")
@click.option("--fact", "pairs", multiple=True, metavar="NAME=VALUE", type=TEXT, help="A fact of the step (repeat).")
@db_option
@who_option
def record_cmd(reference: str, step: str, pairs: tuple[str, ...], db: str | None, who: str) -> None:
    """Record a possession step (tenancy_recorded, rent_credit, protocol_step, possession_notice_served, ...)."""
    from ..register.possession_steps import POSSESSION_STEPS
    from ..register.steps import record_step

    if step not in POSSESSION_STEPS:
        raise click.BadParameter(f"{step!r} is not a possession step; use one of: {', '.join(POSSESSION_STEPS)}")
    facts: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE, e.g. date=2025-01-13")
        facts[name.strip()] = value.strip()
    record = record_step(db, reference, step, facts, who)
    click.echo(f"recorded {step} of {record.happened_on.isoformat()} for {reference}")
    for warning in record.warnings:
        click.echo(f"warning: {warning}", err=True)


@possession.command("import-rent")
@click.argument("reference", type=REFERENCE)
@click.argument("export", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@who_option
def import_rent_cmd(reference: str, export: Path, db: str | None, who: str) -> None:
    """Import a rent account export (CSV: date, type, amount, description), its rent checked against the register."""
    from ..register.possession_import import import_rent_account

    got = import_rent_account(db, reference, export, who)
    click.echo(
        f"{reference}: {got.rent_rows_checked} rent charges agree; "
        f"{got.steps_recorded} credits and adjustments recorded"
    )
