"""`courtpack calc` commands on
time: deadlines, deemed service, limitation, the protocol, judgment in default, charging orders.
"""

from __future__ import annotations

import datetime as dt

import click

from ...law import calendar, limitation
from ...law.charging_order import charging_order_dates
from ...law.default_judgment import request_dates
from ...law.limitation import check_items
from ...law.protocol import protocol_status
from ..types import DATE, DATETIME
from . import JSON_OPTION, calc, emit, today


@calc.command("deadline")
@click.option("--from", "from_date", type=DATE, required=True, help="The day the period starts from.")
@click.option("--days", type=int, required=True, help="Number of days (clear days under CPR 2.8).")
@JSON_OPTION
def deadline_cmd(from_date: dt.date, days: int, as_json: bool) -> None:
    """The last day to act "within N days after" a date (CPR 2.8)."""
    result = calendar.deadline(from_date, days)
    emit({"date": result.date, "basis": result.basis, "source": result.source}, as_json)


@calc.command("deemed-service")
@click.option("--document", type=click.Choice(calendar.DOCUMENTS), required=True)
@click.option("--method", type=click.Choice(calendar.METHODS), required=True)
@click.option("--sent", type=DATETIME, required=True, help="When posted / sent / handed over, e.g. 2025-12-23T15:00.")
@JSON_OPTION
def deemed_service_cmd(document: str, method: str, sent: dt.datetime, as_json: bool) -> None:
    """The day a document is deemed served (CPR 6.14, 6.26)."""
    result = calendar.deemed_service(document, method, sent)
    emit({"date": result.date, "basis": result.basis, "source": result.source}, as_json)


@calc.command("limitation")
@click.option("--cause", type=click.Choice(limitation.CAUSES), required=True)
@click.option(
    "--accrued",
    type=DATE,
    required=True,
    multiple=True,
    help="The day a sum fell due (repeat for each sum: each is its own cause of action).",
)
@click.option(
    "--acknowledged",
    type=DATE,
    multiple=True,
    help="A written, signed acknowledgment or a payment by the debtor (repeatable).",
)
@click.option("--on", type=DATE, default=None, help="Date to test (default today).")
@JSON_OPTION
def limitation_cmd(
    cause: str, accrued: tuple[dt.date, ...], acknowledged: tuple[dt.date, ...], on: dt.date | None, as_json: bool
) -> None:
    """The last day to issue for each sum due under the Limitation Act 1980, and which are barred."""
    day = on or today()
    items = [limitation.limitation(cause, when, day, acknowledged) for when in sorted(set(accrued))]
    check = check_items(items)
    first = min(items, key=lambda item: item.last_day)
    emit(
        {
            "barred": bool(check.barred),
            "last_day": first.last_day,
            "items": [
                {
                    "accrued": item.accrued,
                    "last_day": item.last_day,
                    "barred": item.barred,
                    "runs_from": item.runs_from,
                    "days_left": item.days_left,
                }
                for item in items
            ],
            "warnings": list(dict.fromkeys(w for item in items for w in item.warnings)),
            "basis": " ".join(item.basis for item in items),
            "source": first.source,
        },
        as_json,
    )


@calc.command("protocol")
@click.option("--debtor", type=click.Choice(["individual", "company"]), required=True)
@click.option("--letter", type=DATE, required=True, help="Date of the letter before claim.")
@click.option("--reply", type=DATE, default=None, help="Date the completed Reply Form was received.")
@click.option("--notice", type=DATE, default=None, help="Date notice of intention to issue was given.")
@click.option("--on", type=DATE, required=True, help="Intended date of issue.")
@JSON_OPTION
def protocol_cmd(
    debtor: str, letter: dt.date, reply: dt.date | None, notice: dt.date | None, on: dt.date, as_json: bool
) -> None:
    """Whether pre-action conduct allows issue on a day, and the first day it would."""
    result = protocol_status(
        debtor_is_individual=debtor == "individual", on=on, letter_date=letter, reply_date=reply, notice_date=notice
    )
    earliest = result.earliest_issue_date
    emit(
        {
            "ready": result.ready,
            "earliest": earliest,
            "earliest_working_day": calendar.on_or_next_business_day(earliest) if earliest else None,
            "reasons": list(result.reasons),
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("default-judgment")
@click.option("--served", type=DATE, required=True, help="The day the particulars were (deemed) served.")
@click.option("--acknowledged", is_flag=True, help="The defendant filed an acknowledgment of service.")
@JSON_OPTION
def default_judgment_cmd(served: dt.date, acknowledged: bool, as_json: bool) -> None:
    """The defendant's last day to respond and the first day to request judgment in default."""
    result = request_dates(served, acknowledged)
    emit(
        {
            "last_day": result.last_day,
            "request_from": result.request_from,
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("charging-order")
@click.option("--interim", type=DATE, required=True, help="The day the interim charging order was made.")
@JSON_OPTION
def charging_order_cmd(interim: dt.date, as_json: bool) -> None:
    """When the interim charging order must be served, and the last day to post it (CPR 73.7, 6.26)."""
    result = charging_order_dates(interim)
    emit(
        {
            "serve_by": result.serve_by,
            "post_by": result.post_by,
            "objections_by": result.objections_by,
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )
