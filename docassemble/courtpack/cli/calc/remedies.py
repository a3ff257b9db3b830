"""`courtpack calc` commands on
enforcement: routes, judgment interest, Late Payment Act sums, part warrants and the venue.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from ...law import enforcement
from ...law.basis import amount
from ...law.breathing_space import BreathingSpaceWindow, breathing_space_status
from ...law.judgment_interest import FREQUENCIES as JUDGMENT_FREQUENCIES
from ...law.judgment_interest import InstalmentOrder, judgment_interest
from ...law.late_payment import Invoice, late_payment
from ..types import DATE
from . import INVOICE, JSON_OPTION, PAYMENT, calc, emit, today


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
    day = on or today()
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
    emit(
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
    emit(
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
    emit(
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


@calc.command("part-warrant")
@click.option("--instalment", required=True, help="The instalment ordered, e.g. 25.00.")
@click.option("--frequency", type=click.Choice(["weekly", "fortnightly", "four-weekly", "monthly"]), required=True)
@click.option("--on", type=DATE, default=None, help="Date (default today).")
@JSON_OPTION
def part_warrant_cmd(instalment: str, frequency: str, on: dt.date | None, as_json: bool) -> None:
    """The smallest warrant of control for part of the sum under an instalment order (CPR 83.15(9))."""
    result = enforcement.minimum_part_warrant(instalment, frequency, on or today())
    emit({"minimum": result.amount, "basis": result.basis, "source": result.source}, as_json)


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
    from ...law.venue import venue_advice

    day = on or today()
    windows = (
        [BreathingSpaceWindow(min(day, breathing_space_until), breathing_space_until)]
        if breathing_space_until is not None
        else []
    )
    space = breathing_space_status(windows, day)
    if casefile is not None:
        from ...case import read_case
        from ...case.figures import breathing_space_for
        from ...case.model import DebtorKind

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

    emit(
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
