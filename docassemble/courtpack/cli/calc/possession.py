"""`courtpack calc` commands for possession claims: the notice's dates, the daily rate, the first hearing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import click

from ...law import possession
from ..types import DATE, MONEY
from . import JSON_OPTION, calc, emit

FREQUENCY = click.Choice(possession.FREQUENCIES)


@calc.command("possession-notice")
@click.option("--tenancy", type=click.Choice(possession.TENANCY_KINDS), required=True)
@click.option(
    "--served", type=DATE, required=True, help="The day the notice was handed over, put through the door or posted."
)
@click.option(
    "--rent-day", type=DATE, required=True, help="Any day the rent falls due (the first day of a rental period)."
)
@click.option("--frequency", type=FREQUENCY, default="weekly", show_default=True)
@click.option("--method", type=click.Choice(possession.SERVICE_METHODS), default="hand", show_default=True)
@JSON_OPTION
def possession_notice_cmd(
    tenancy: str, served: dt.date, rent_day: dt.date, frequency: str, method: str, as_json: bool
) -> None:
    """The earliest date a notice seeking possession may name, when proceedings may begin, and when it lapses."""
    got = possession.notice_dates(tenancy, served, rent_day=rent_day, frequency=frequency, method=method)
    emit(
        {
            "notice": got.notice,
            "served_on": got.served_on,
            "earliest_date_specified": got.earliest_date_specified,
            "proceedings_from": got.proceedings_from,
            "lapses_on": got.lapses_on,
            "last_issue_date": got.last_issue_date,
            "review_by": got.review_by,
            "basis": got.basis,
            "source": got.source,
        },
        as_json,
    )


@calc.command("rent-daily-rate")
@click.option("--rent", type=MONEY, required=True, help="The rent for one period, e.g. 110.00.")
@click.option("--frequency", type=FREQUENCY, default="weekly", show_default=True)
@JSON_OPTION
def rent_daily_rate_cmd(rent: Decimal, frequency: str, as_json: bool) -> None:
    """The daily rate of rent stated in the particulars of a possession claim (PD 55A 2.3(3))."""
    got = possession.daily_rate(rent, frequency)
    emit({"daily_rate": got.amount, "basis": got.basis, "source": got.source}, as_json)


@calc.command("possession-hearing")
@click.option("--issued", type=DATE, required=True, help="The day the claim was issued.")
@click.option("--hearing", type=DATE, required=True, help="The first hearing date the court gave.")
@JSON_OPTION
def possession_hearing_cmd(issued: dt.date, hearing: dt.date, as_json: bool) -> None:
    """Whether the first hearing fits CPR 55.5(3), and the last day to serve the claim."""
    got = possession.hearing_check(issued, hearing)
    emit(
        {
            "earliest_hearing": got.earliest_hearing,
            "latest_standard_hearing": got.latest_standard_hearing,
            "serve_by": got.serve_by,
            "problems": list(got.problems),
            "basis": got.basis,
            "source": got.source,
        },
        as_json,
    )
