"""After the hearing: the documents for what follows a liability order.

Why from ``OrderFacts``: the order's amount (tax plus the costs on the agreed scale) and its date are
what every later document states; they come from the register's record of the hearing (the glue
reads them with ``case_facts``), never from a file beside the summonses. Each next step asks
``law/`` whether it is open for this tax and amount, and refuses with the reason if not (a business
rates attachment of earnings, a charging order under £1,000...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ...errors import CaseFileError, NotReadyError
from ...law import liability_orders as lo
from ...law.council_tax_attachment import attachment_deduction
from ...law.money import format_money
from ...law.taking_control_of_goods import fee_stages, notice_period
from ..render import Template, safe_file_name
from .batch import Settings

PERIOD_WORDS = {"monthly": "month", "weekly": "week", "daily": "day"}
STEPS = ("attachment_of_earnings", "attachment_of_benefits", "enforcement_agent", "charging_order")
TITLES = {
    "attachment_of_earnings": "Attachment of earnings order",
    "attachment_of_benefits": "Request for deductions from benefits (attachment of benefits)",
    "enforcement_agent": "Referral to enforcement agent",
    "charging_order": "Charging order: application checklist",
}
POWER_OF_STEP = {
    "attachment_of_earnings": "attachment_of_earnings",
    "attachment_of_benefits": "attachment_of_benefits",
    "enforcement_agent": "taking_control_of_goods",
    "charging_order": "charging_order",
}


@dataclass(frozen=True, kw_only=True)
class OrderFacts:
    """The liability order a next step rests on, as the register records it for the case."""

    reference: str  # the register case, e.g. CT-5100203
    account: str
    name: str
    address: str
    made: dt.date
    amount: Decimal  # the tax and the costs the court allowed
    balance: Decimal
    costs: Decimal
    paid_since: Decimal  # payments recorded since the order

    @property
    def outstanding(self) -> Decimal:
        return self.amount - self.paid_since


@dataclass(frozen=True, kw_only=True)
class NextStepFacts:
    """What the officer adds for the step (empty when the step does not use it)."""

    employer: str
    net_earnings: Decimal | None
    pay_period: str
    owner: bool
    on: dt.date


def next_step(
    out_dir: Path, settings: Settings, *, tax: str, order: OrderFacts, step: str, facts: NextStepFacts
) -> Path:
    """The document for ``step`` on the case's liability order, or a refusal naming the rule."""
    if step not in STEPS:
        raise CaseFileError("next step", "step", f"{step!r} is not known", f"use one of: {', '.join(STEPS)}")
    ref = order.reference
    outstanding = order.outstanding
    if outstanding <= 0:
        raise NotReadyError(
            f"{ref}: the liability order of {format_money(order.amount)} has been paid; nothing to enforce"
        )
    power = lo.available_power(tax, POWER_OF_STEP[step], facts.on)
    if not power.available:
        raise NotReadyError(f"{ref}: {TITLES[step].lower()} is refused — {power.note} ({power.source})")
    body, figures, recipient = _step_content(order, step, tax, outstanding, facts)
    context = {
        "council": settings.council,
        "court": settings.court,
        "tax_label": lo.DEBT_LABELS[tax],
        "issued": facts.on,
        "title": TITLES[step],
        "account": {"account": order.account, "name": order.name, "address": order.address},
        "order": {
            "made": order.made,
            "amount": order.amount,
            "balance": order.balance,
            "costs": order.costs,
            "outstanding": outstanding,
        },
        "recipient": recipient,
        "body": body,
        "figures": figures,
        "source": power.source,
    }
    name = safe_file_name(f"{ref} {step.replace('_', ' ')}") + ".docx"
    return Template("liability_next_step.docx").render(context, out_dir / name)


def _step_content(
    order: OrderFacts, step: str, tax: str, outstanding: Decimal, facts: NextStepFacts
) -> tuple[list[str], list[dict[str, str]], str]:
    figures = [{"label": "Outstanding under the liability order", "amount": format_money(outstanding)}]
    if step == "attachment_of_earnings":
        if not facts.employer:
            raise NotReadyError(
                f"{order.reference}: no employer is recorded for the debtor; add the employer to the case "
                "(or give it for this step) before an attachment of earnings order"
            )
        if facts.net_earnings is None:
            raise NotReadyError(
                f"{order.reference}: the debtor's net earnings per pay period are missing; give them so the "
                "deduction can be read from Schedule 3"
            )
        deduction = attachment_deduction(facts.net_earnings, facts.pay_period, facts.on)
        figures.append(
            {"label": f"Deduction each {PERIOD_WORDS[facts.pay_period]}", "amount": format_money(deduction.deduction)}
        )
        return (
            [
                f"You are ordered to deduct from the net earnings of the debtor named above the amounts in the "
                f"table in Schedule 3 to the regulations, and to pay them to the council until "
                f"{format_money(outstanding)} has been paid.",
                deduction.basis,
            ],
            figures,
            facts.employer,
        )
    if step == "attachment_of_benefits":
        return (
            [
                "The council asks the Secretary of State to make deductions from the debtor's benefits and pay them "
                f"to the council towards {format_money(outstanding)} owed under the liability order.",
                "Deductions are made at the fixed weekly rate set each year for council tax arrears.",
            ],
            figures,
            "Department for Work and Pensions",
        )
    if step == "enforcement_agent":
        fees, notice = fee_stages(outstanding, facts.on), notice_period(facts.on)
        figures += [{"label": f"Fee: {s.stage} stage", "amount": format_money(s.fee)} for s in fees.stages]
        figures.append(
            {"label": "Total if goods are sold (before disbursements)", "amount": format_money(fees.total_if_sold)}
        )
        return (
            [
                f"Please take control of goods under the liability order for account {order.account}.",
                f"Send the notice of enforcement and allow at least {notice.clear_days} clear days before any "
                "visit. Follow the Taking Control of Goods National Standards; tell us at once of any sign of "
                "vulnerability.",
                fees.basis,
            ]
            + [s.basis for s in fees.stages],
            figures,
            "The enforcement agent",
        )
    ok, why, source = lo.charging_order_check(outstanding, facts.on, tax)
    if not ok:
        raise NotReadyError(f"{order.reference}: a charging order is refused — {why} ({source})")
    if not facts.owner:
        raise NotReadyError(
            f"{order.reference}: a charging order is refused — the debtor is not recorded as owning an "
            "interest in the dwelling charged; check the Land Registry title first"
        )
    return (
        [
            why,
            "Apply to the County Court for the area of the dwelling (CPR 73), with the Land Registry title "
            "number, the liability order details and the amount outstanding; serve the interim order within "
            "21 days.",
        ],
        figures,
        "The County Court for the area of the dwelling",
    )
