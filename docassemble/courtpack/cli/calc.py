"""`courtpack calc`: the law engine's figures from the command line, as JSON or a readable list.

Why a thin layer: every rule lives in ``law/``; this module only parses arguments, calls a rule
and prints its figure with its basis. JSON output is a stable contract (money as two-decimal
strings, dates ISO) for scripts and batch jobs. Bad input is a ``LawError`` or a click usage
error: one sentence, exit 2, no traceback.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import click

from ..errors import LawError
from ..law import calendar, costs, enforcement, fees, interest, limitation, tracks
from ..law.basis import amount
from ..law.breathing_space import BreathingSpaceWindow, breathing_space_status
from ..law.charging_order import charging_order_dates
from ..law.claim import issue_check
from ..law.dates import parse_iso_date
from ..law.default_judgment import request_dates
from ..law.judgment_interest import FREQUENCIES as JUDGMENT_FREQUENCIES
from ..law.judgment_interest import InstalmentOrder, judgment_interest
from ..law.late_payment import Invoice, late_payment
from ..law.limitation import check_items
from ..law.money import money_str
from ..law.protocol import protocol_status


class DateType(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_iso_date(value)
        except ValueError as err:
            self.fail(str(err), param, ctx)


class DateTimeType(click.ParamType):
    name = "DATETIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        try:
            return dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(
                f"{value!r} is not a date and time in the form YYYY-MM-DDTHH:MM, e.g. 2025-12-23T15:00", param, ctx
            )


class PaymentType(click.ParamType):
    """``DATE:AMOUNT``, e.g. ``2025-03-01:250.00``."""

    name = "DATE:AMOUNT"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[dt.date, Any]:
        if isinstance(value, tuple):
            return value
        day, _, money = str(value).partition(":")
        try:
            return parse_iso_date(day), amount(money, "payment", allow_zero=False)
        except (ValueError, LawError) as err:
            self.fail(f"{value!r}: {err} — give DATE:AMOUNT, e.g. 2025-03-01:250.00", param, ctx)


class InvoiceType(click.ParamType):
    """``AMOUNT:DATE[:DUE]``: the invoice, the day of performance or notice, and any agreed due date."""

    name = "AMOUNT:DATE[:DUE]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Invoice:
        if isinstance(value, Invoice):
            return value
        parts = str(value).split(":")
        try:
            if len(parts) not in (2, 3):
                raise ValueError("expected two or three parts")
            due = parse_iso_date(parts[2]) if len(parts) == 3 else None
            return Invoice(amount(parts[0], "invoice", allow_zero=False), parse_iso_date(parts[1]), due)
        except (ValueError, LawError) as err:
            self.fail(f"{value!r}: {err} — give AMOUNT:DATE or AMOUNT:DATE:DUE, e.g. 1200.00:2025-01-10", param, ctx)


DATE = DateType()
DATETIME = DateTimeType()
PAYMENT = PaymentType()
INVOICE = InvoiceType()
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON (money as strings, dates ISO).")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return money_str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _emit(data: dict[str, Any], as_json: bool) -> None:
    data = _plain(data)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    width = max(len(key) for key in data)
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            click.echo(f"{key}:")
            for item in value:
                click.echo("  - " + "; ".join(f"{k}: {_text(v)}" for k, v in item.items()))
        elif isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                click.echo(f"  {k}: {_text(v)}")
        else:
            click.echo(f"{key.replace('_', ' '):<{width}}  {_text(value)}")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "-"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value) if value else "-"
    return str(value)


def _today() -> dt.date:
    return dt.date.today()


@click.group()
def calc() -> None:
    """Court figures with their legal basis: interest, fees, fixed costs, tracks, time, limitation, enforcement."""


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
    _emit(
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
    result = fees.issue_fee(None if unstated else claim, on or _today())
    _emit({"fee": result.fee, "claim": result.claim_value, "basis": result.basis, "source": result.source}, as_json)


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
        on or _today(),
        service=service,
        defendants=defendants,
        personally_served_elsewhere=served_elsewhere,
        legal_representative=not no_legal_rep,
    )
    _emit(
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
    result = tracks.allocate_track(claim, on or _today())
    _emit(
        {
            "track": result.track,
            "label": result.label,
            "statement_of_value": result.statement_of_value,
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("deadline")
@click.option("--from", "from_date", type=DATE, required=True, help="The day the period starts from.")
@click.option("--days", type=int, required=True, help="Number of days (clear days under CPR 2.8).")
@JSON_OPTION
def deadline_cmd(from_date: dt.date, days: int, as_json: bool) -> None:
    """The last day to act "within N days after" a date (CPR 2.8)."""
    result = calendar.deadline(from_date, days)
    _emit({"date": result.date, "basis": result.basis, "source": result.source}, as_json)


@calc.command("deemed-service")
@click.option("--document", type=click.Choice(calendar.DOCUMENTS), required=True)
@click.option("--method", type=click.Choice(calendar.METHODS), required=True)
@click.option("--sent", type=DATETIME, required=True, help="When posted / sent / handed over, e.g. 2025-12-23T15:00.")
@JSON_OPTION
def deemed_service_cmd(document: str, method: str, sent: dt.datetime, as_json: bool) -> None:
    """The day a document is deemed served (CPR 6.14, 6.26)."""
    result = calendar.deemed_service(document, method, sent)
    _emit({"date": result.date, "basis": result.basis, "source": result.source}, as_json)


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
    day = on or _today()
    items = [limitation.limitation(cause, when, day, acknowledged) for when in sorted(set(accrued))]
    check = check_items(items)
    first = min(items, key=lambda item: item.last_day)
    _emit(
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


@calc.command("enforcement")
@click.option("--judgment-amount", required=True, help="Amount now outstanding under the judgment.")
@click.option("--judgment-date", type=DATE, required=True)
@click.option("--on", type=DATE, default=None, help="Date to test (default today).")
@click.option("--cca-regulated", is_flag=True, help="The debt is regulated by the Consumer Credit Act 1974.")
@click.option("--employed", is_flag=True, help="The debtor is employed (not self-employed).")
@click.option("--property-title", default=None, help="Land Registry title number of the debtor's property.")
@click.option("--breathing-space-until", type=DATE, default=None, help="Last day of a notified breathing space.")
@JSON_OPTION
def enforcement_cmd(
    judgment_amount: str,
    judgment_date: dt.date,
    on: dt.date | None,
    cca_regulated: bool,
    employed: bool,
    property_title: str | None,
    breathing_space_until: dt.date | None,
    as_json: bool,
) -> None:
    """Which enforcement routes are open for a judgment, and why the others are not."""
    day = on or _today()
    windows = []
    if breathing_space_until is not None:
        windows.append(BreathingSpaceWindow(min(day, breathing_space_until), breathing_space_until))
    space = breathing_space_status(windows, day)
    result = enforcement.enforcement_options(
        outstanding=judgment_amount,
        judgment_date=judgment_date,
        on=day,
        cca_regulated=cca_regulated,
        employed=employed,
        property_title=property_title,
        breathing_space=space,
    )
    _emit(
        {
            "permission_required": result.permission_required,
            "six_years_on": result.six_years_on,
            "breathing_space": space.active,
            "options": [
                {"route": o.route, "form": o.form, "allowed": o.allowed, "reasons": list(o.reasons), "fee": o.fee}
                for o in result.options
            ],
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("judgment-interest")
@click.option("--amount", "ordered", required=True, help="The sum the judgment ordered (debt, interest, fee, costs).")
@click.option("--judgment-date", type=DATE, required=True)
@click.option("--to", "to_date", type=DATE, required=True, help="Date interest runs to.")
@click.option("--payment", type=PAYMENT, multiple=True, help="A payment as DATE:AMOUNT (repeatable).")
@click.option("--instalment", default=None, help="Instalment ordered, e.g. 100.00.")
@click.option("--frequency", type=click.Choice(tuple(JUDGMENT_FREQUENCIES)), default=None)
@click.option("--first-instalment", type=DATE, default=None, help="Date the first instalment was due.")
@click.option(
    "--enforcement-started", type=DATE, default=None, help="Day enforcement other than a charging order was taken."
)
@click.option("--enforcement-unproductive", is_flag=True, help="The enforcement produced no payment.")
@click.option("--cca-regulated", is_flag=True, help="The judgment is on a Consumer Credit Act regulated agreement.")
@click.option("--late-payment-debt", is_flag=True, help="The judgment is for a Late Payment Act qualifying debt.")
@JSON_OPTION
def judgment_interest_cmd(
    ordered: str,
    judgment_date: dt.date,
    to_date: dt.date,
    payment: tuple[Any, ...],
    instalment: str | None,
    frequency: str | None,
    first_instalment: dt.date | None,
    enforcement_started: dt.date | None,
    enforcement_unproductive: bool,
    cca_regulated: bool,
    late_payment_debt: bool,
    as_json: bool,
) -> None:
    """Interest on a County Court judgment (s.74 County Courts Act 1984; SI 1991/1184)."""
    given = [instalment is not None, frequency is not None, first_instalment is not None]
    if any(given) and not all(given):
        raise click.UsageError("an instalment order needs --instalment, --frequency and --first-instalment together")
    if enforcement_unproductive and enforcement_started is None:
        raise click.UsageError("--enforcement-unproductive needs --enforcement-started DATE")
    order = (
        InstalmentOrder(
            amount(instalment, "instalment", allow_zero=False), frequency or "", first_instalment or judgment_date
        )
        if all(given)
        else None
    )
    result = judgment_interest(
        ordered,
        judgment_date,
        to_date,
        payments=payment,
        instalments=order,
        enforcement_started=enforcement_started,
        enforcement_unproductive=enforcement_unproductive,
        cca_regulated=cca_regulated,
        late_payment_debt=late_payment_debt,
    )
    _emit(
        {
            "interest": result.interest,
            "daily_rate": result.daily_rate,
            "rate": f"{result.rate.normalize():f}",
            "to": result.to_date,
            "items": [
                {
                    "from": item.due,
                    "to": item.until,
                    "amount": item.amount,
                    "days": item.days,
                    "interest": item.interest,
                }
                for item in result.items
            ],
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("late-payment")
@click.option(
    "--invoice",
    type=INVOICE,
    multiple=True,
    required=True,
    help="AMOUNT:DATE[:DUE] — DATE is performance or notice of the debt, DUE the agreed due date (repeat).",
)
@click.option("--to", "to_date", type=DATE, required=True, help="Date interest runs to.")
@JSON_OPTION
def late_payment_cmd(invoice: tuple[Invoice, ...], to_date: dt.date, as_json: bool) -> None:
    """Late Payment Act 1998 interest and fixed sums, invoice by invoice."""
    result = late_payment(invoice, to_date)
    _emit(
        {
            "interest": result.interest,
            "compensation": result.compensation,
            "rate": ", ".join(f"{r.normalize():f}" for r in result.rates) or "0",
            "total": result.total,
            "daily_rate": result.daily_rate,
            "items": [
                {
                    "amount": item.invoice.amount,
                    "relevant_day": item.relevant_day,
                    "rate": f"{item.rate.normalize():f}",
                    "days": item.days,
                    "interest": item.interest,
                    "compensation": item.compensation,
                }
                for item in result.items
            ],
            "basis": result.basis,
            "source": result.source,
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
    _emit(
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
    _emit(
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
    _emit(
        {
            "serve_by": result.serve_by,
            "post_by": result.post_by,
            "objections_by": result.objections_by,
            "basis": result.basis,
            "source": result.source,
        },
        as_json,
    )


@calc.command("part-warrant")
@click.option("--instalment", required=True, help="The instalment ordered, e.g. 25.00.")
@click.option("--frequency", type=click.Choice(["weekly", "fortnightly", "four-weekly", "monthly"]), required=True)
@click.option("--on", type=DATE, default=None, help="Date (default today).")
@JSON_OPTION
def part_warrant_cmd(instalment: str, frequency: str, on: dt.date | None, as_json: bool) -> None:
    """The smallest warrant of control for part of the sum under an instalment order (CPR 83.15(9))."""
    result = enforcement.minimum_part_warrant(instalment, frequency, on or _today())
    _emit({"minimum": result.amount, "basis": result.basis, "source": result.source}, as_json)


@calc.command("claim")
@click.argument("casefile", type=click.Path(dir_okay=False))
@click.option("--issue-date", type=DATE, default=None, help="Intended date of issue (default today).")
@click.option(
    "--service", type=click.Choice(costs.SERVICES), default="court", help="Who serves the claim form and how."
)
@JSON_OPTION
def claim_cmd(casefile: str, issue_date: dt.date | None, service: str, as_json: bool) -> None:
    """The figures for a case's claim form and whether it may be issued on the date."""
    from ..case import read_case  # the case layer only when needed: calc's other commands stay light
    from ..case.figures import (
        breathing_space_for,
        claim_figures_for,
        limitation_for,
        preferred_hearing_centre,
        protocol_for,
    )
    from ..law.courts import paper_claims_centre

    case = read_case(casefile)
    day = issue_date or _today()
    try:
        figures = claim_figures_for(case, day, service)
    except LawError as err:
        raise LawError(f"{casefile}: {err}") from None
    status = protocol_for(case, day)
    limits = limitation_for(case, day)
    space = breathing_space_for(case, day)
    check = issue_check(protocol=status, limitation=limits, breathing_space=space)
    money_interest = figures.interest
    _emit(
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
@calc.command("venue")
@click.option("--debt-type", default=None, help="e.g. council_tax, business_rates, former_tenant_arrears, sundry.")
@click.option("--amount", "debt", default=None, help="Amount owed, e.g. 6200.00.")
@click.option("--debtor", "debtor_kind", type=click.Choice(["individual", "company"]), default="individual")
@click.option("--order-held", is_flag=True, help="A liability order (or, for other debts, a judgment) is held.")
@click.option("--breathing-space-until", type=DATE, default=None, help="Last day of a notified breathing space.")
@click.option(
    "--case",
    "casefile",
    type=click.Path(dir_okay=False),
    default=None,
    help="Take the debt type, balance, debtor, judgment and breathing spaces from a case file.",
)
@click.option("--on", type=DATE, default=None, help="Date to test (default today).")
@JSON_OPTION
def venue_cmd(
    debt_type: str | None,
    debt: str | None,
    debtor_kind: str,
    order_held: bool,
    breathing_space_until: dt.date | None,
    casefile: str | None,
    on: dt.date | None,
    as_json: bool,
) -> None:
    """Which court for a debt, what must happen first, what is open next, the thresholds and why."""
    # imported here so the issue-16 edit stays one appended block; the case layer only with --case
    from ..law.venue import venue_advice

    day = on or _today()
    windows = (
        [BreathingSpaceWindow(min(day, breathing_space_until), breathing_space_until)]
        if breathing_space_until is not None
        else []
    )
    space = breathing_space_status(windows, day)
    if casefile is not None:
        from ..case import read_case
        from ..case.figures import breathing_space_for
        from ..case.model import DebtorKind

        case = read_case(casefile)
        debt_type, debt = debt_type or case.debt.type.value, debt or str(case.balance(day))
        debtor_kind = "company" if case.debtor.kind is DebtorKind.COMPANY else debtor_kind
        order_held = order_held or case.judgment is not None
        space = breathing_space_for(case, day) if not windows else space
    if debt_type is None or debt is None:
        raise click.UsageError("give --debt-type and --amount, or --case FILE")
    result = venue_advice(
        debt_type=debt_type, debt=debt, on=day, debtor_kind=debtor_kind, order_held=order_held, breathing_space=space
    )

    def steps(items: Any) -> list[dict[str, Any]]:
        return [
            {
                "step": s.name,
                "allowed": s.allowed,
                "reasons": list(s.reasons),
                "notes": list(s.notes),
                "source": s.source,
            }
            for s in items
        ]

    _emit(
        {
            "debt_type": result.debt_type,
            "court": result.court,
            "first": steps(result.first),
            "next": steps(result.next),
            "thresholds": [
                {"name": t.name, "amount": t.amount, "meets": t.meets, "source": t.source} for t in result.thresholds
            ],
            "basis": result.basis,
            "sources": list(result.sources),
        },
        as_json,
    )
