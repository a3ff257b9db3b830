"""`courtpack calc` commands on interest, court fees, fixed costs, tracks and the whole claim."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import click

from ...errors import LawError
from ...law import costs, fees, interest, tracks
from ..types import DATE
from . import JSON_OPTION, calc, emit, today


@calc.command("interest")
@click.option("--principal", required=True, help="Sum the interest runs on, e.g. 1234.56.")
@click.option("--from", "from_date", type=DATE, required=True, help="Date interest runs from.")
@click.option("--to", "to_date", type=DATE, required=True, help="Date interest runs to (e.g. the issue date).")
@click.option("--rate", default=None, help="Percent a year (statutory default 8; required for contractual).")
@click.option("--basis", "kind", type=click.Choice(["statutory", "contractual", "late-payment"]), default="statutory")
@JSON_OPTION
def interest_cmd(
    principal: str, from_date: dt.date, to_date: dt.date, rate: str | None, kind: str, as_json: bool
) -> None:
    """Simple interest to a date and the daily rate after it (CPR 16.4(2))."""
    result = interest.interest_for(kind.replace("-", "_"), principal, from_date, to_date, rate)
    emit(
        {
            "interest": result.interest,
            "daily_rate": result.daily_rate,
            "days": result.days,
            "rate": f"{result.rate.normalize():f}",
            "principal": result.principal,
            "from": result.from_date,
            "to": result.to_date,
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("fee")
@click.option("--claim", default=None, help="Claim value including interest, e.g. 1311.41.")
@click.option("--unstated", is_flag=True, help="The value of the claim is not stated.")
@click.option("--on", type=DATE, default=None, help="Date of issue (default today).")
@JSON_OPTION
def fee_cmd(claim: str | None, unstated: bool, on: dt.date | None, as_json: bool) -> None:
    """The court issue fee for a money claim (CPFO fee 1.1)."""
    if (claim is None) == (not unstated):
        raise click.UsageError("give either --claim AMOUNT or --unstated")
    result = fees.issue_fee(None if unstated else claim, on or today())
    emit({"fee": result.fee, "claim": result.claim_value, "basis": result.basis, "source": result.source}, as_json)


@calc.command("fixed-costs")
@click.option(
    "--claim",
    required=True,
    help="The claim value (amount claimed) at issue, or the amount of the judgment at a judgment stage.",
)
@click.option("--stage", type=click.Choice(costs.STAGES), default="issue")
@click.option(
    "--service",
    type=click.Choice(costs.SERVICES),
    default="court",
    help="Who serves the claim form and how: the court, the claimant by post, or the claimant personally.",
)
@click.option("--defendants", type=click.IntRange(min=1), default=1, help="Number of defendants.")
@click.option(
    "--served-elsewhere",
    type=click.IntRange(min=0),
    default=0,
    help="Further defendants the claimant served personally at a separate address (£15 each).",
)
@click.option("--no-legal-rep", is_flag=True, help="The council acts without a legal representative.")
@click.option("--on", type=DATE, default=None, help="Date (default today).")
@JSON_OPTION
def fixed_costs_cmd(
    claim: str,
    stage: str,
    service: str,
    defendants: int,
    served_elsewhere: int,
    no_legal_rep: bool,
    on: dt.date | None,
    as_json: bool,
) -> None:
    """Fixed costs on issue or on judgment (CPR 45)."""
    result = costs.fixed_costs(
        claim,
        stage,
        on or today(),
        service=service,
        defendants=defendants,
        personally_served_elsewhere=served_elsewhere,
        legal_representative=not no_legal_rep,
    )
    emit(
        {
            "costs": result.costs,
            "stage": stage,
            "service": service,
            "legal_representative": result.legal_representative,
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("track")
@click.option("--claim", required=True, help="Claim value excluding interest and costs.")
@click.option("--on", type=DATE, default=None, help="Date of issue (default today).")
@JSON_OPTION
def track_cmd(claim: str, on: dt.date | None, as_json: bool) -> None:
    """The normal track and the N1 statement of value."""
    result = tracks.allocate_track(claim, on or today())
    emit(
        {
            "track": result.track,
            "label": result.label,
            "statement_of_value": result.statement_of_value,
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("claim")
@click.argument("casefile", type=click.Path(dir_okay=False))
@click.option("--issue-date", type=DATE, default=None, help="Intended date of issue (default today).")
@click.option(
    "--service", type=click.Choice(costs.SERVICES), default="court", help="Who serves the claim form and how."
)
@JSON_OPTION
def claim_cmd(casefile: str, issue_date: dt.date | None, service: str, as_json: bool) -> None:
    """The figures for a case's claim form and whether it may be issued on the date."""
    from ...case import read_case  # the case layer only when needed: calc's other commands stay light
    from ...case.figures import (
        breathing_space_for,
        claim_figures_for,
        limitation_for,
        preferred_hearing_centre,
        protocol_for,
    )
    from ...law.claim import issue_check
    from ...law.courts import paper_claims_centre

    case = read_case(casefile)
    day = issue_date or today()
    try:
        figures = claim_figures_for(case, day, service)
    except LawError as err:
        raise LawError(f"{casefile}: {err}") from None
    status = protocol_for(case, day)
    limits = limitation_for(case, day)
    space = breathing_space_for(case, day)
    check = issue_check(protocol=status, limitation=limits, breathing_space=space)
    money_interest = figures.interest
    emit(
        {
            "reference": case.reference,
            "issue_date": day,
            "principal": figures.principal,
            "interest": money_interest.interest if money_interest else Decimal("0.00"),
            "daily_rate": money_interest.daily_rate if money_interest else Decimal("0.00"),
            "interest_days": money_interest.days if money_interest else 0,
            "interest_basis": money_interest.basis if money_interest else "No interest is claimed.",
            "compensation": figures.compensation.amount if figures.compensation else Decimal("0.00"),
            "claim_value": figures.claim_value,
            "fee": figures.fee.fee,
            "fee_basis": figures.fee.basis,
            "interest_items": [
                {
                    "description": item.description,
                    "amount": item.amount,
                    "from": item.due,
                    "to": item.until,
                    "days": item.days,
                    "interest": item.interest,
                }
                for item in (money_interest.items if money_interest else ())
            ],
            "costs": figures.costs.costs,
            "costs_basis": figures.costs.basis,
            "total": figures.total,
            "legal_representative": figures.legal_representative,
            "barred_sum": check.barred_sum,
            "issuing_centre": paper_claims_centre(day).one_line,
            "preferred_hearing_centre": preferred_hearing_centre(case, day),
            "track": figures.track.track,
            "statement_of_value": figures.statement_of_value,
            "ready_to_issue": check.ready,
            "earliest_issue_date": status.earliest_issue_date,
            "reasons": list(check.reasons),
            "warnings": list(check.warnings),
            "protocol": {
                "ready": status.ready,
                "earliest_issue_date": status.earliest_issue_date,
                "reasons": list(status.reasons),
                "basis": status.basis,
            },
            "limitation": [
                {
                    "cause": r.cause,
                    "accrued": r.accrued,
                    "amount": r.amount,
                    "last_day": r.last_day,
                    "barred": r.barred,
                    "warnings": list(r.warnings),
                }
                for r in limits
            ],
            "breathing_space": {"active": space.active, "until": space.ends, "basis": space.basis},
            "basis": figures.basis,
            "source": "; ".join(
                dict.fromkeys(
                    x
                    for x in (
                        money_interest.source if money_interest else "",
                        figures.fee.source,
                        figures.costs.source,
                        figures.track.source,
                    )
                    if x
                )
            ),
        },
        as_json,
    )


# --- calc venue (issue 16): which court for a debt, what comes first and what is open next ---------------
