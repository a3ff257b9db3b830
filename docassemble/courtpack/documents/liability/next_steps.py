"""After the hearing: the liability orders recorded against each account, and the documents for what follows.

Why in the batch record: the order's amount (tax plus the costs on the agreed scale) and its date are
what every later document states; keeping them beside the summons facts lets a later check compare
them. Each next step asks ``law/`` whether it is open for this tax and amount, and refuses with the
reason if not (a business rates attachment of earnings, a charging order under £1,000...).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...errors import CaseFileError, NotReadyError
from ...files import write_atomically
from ...law import liability_orders as lo
from ...law.council_tax_attachment import attachment_deduction
from ...law.money import format_money, money_str
from ...law.taking_control_of_goods import fee_stages, notice_period
from ..render import Template, safe_file_name
from .batch import BATCH_FILE, Settings

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


def load_batch(out_dir: Path) -> dict[str, Any]:
    path = out_dir / BATCH_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise CaseFileError(
            str(out_dir), BATCH_FILE, "is missing", "give the output folder of `courtpack liability batch`"
        ) from None
    except ValueError as err:
        raise CaseFileError(str(path), "", f"is not a courtpack batch record ({err})") from None


def _save(out_dir: Path, record: dict[str, Any]) -> None:
    text = json.dumps(record, indent=2, ensure_ascii=False)
    write_atomically(out_dir / BATCH_FILE, text.encode("utf-8"), create_folder=True)


def record_orders(out_dir: Path, *, made: dt.date, not_made: dict[str, str]) -> tuple[int, int]:
    """Record the hearing's result: an order for every summoned account except ``not_made`` (account -> why).

    Returns (orders made, not made). Refuses a date before the earliest lawful hearing.
    """
    record = load_batch(out_dir)
    tax = record["tax"]
    earliest = lo.earliest_hearing(tax, dt.date.fromisoformat(record["served"]))
    if made < earliest.date:
        raise NotReadyError(f"orders dated {made.isoformat()} are too early: {earliest.basis}")
    unknown = [a for a in not_made if a not in record["accounts"]]
    if unknown:
        raise CaseFileError(
            str(out_dir / BATCH_FILE),
            "accounts",
            f"has no account {unknown[0]!r}",
            "check the account number against the complaint list",
        )
    counts = [0, 0]
    for number, entry in record["accounts"].items():
        if entry["status"] != "summoned":
            continue
        if number in not_made:
            entry["status"], entry["order"] = "not_made", {"reason": not_made[number]}
            counts[1] += 1
            continue
        balance, costs = Decimal(entry["balance"]), Decimal(entry["costs"])
        entry["status"] = "liability_order"
        entry["order"] = {
            "made": made.isoformat(),
            "amount": money_str(balance + costs),
            "balance": entry["balance"],
            "costs": entry["costs"],
            "paid_since": "0.00",
        }
        counts[0] += 1
    _save(out_dir, record)
    return counts[0], counts[1]


@dataclass(frozen=True, kw_only=True)
class NextStepFacts:
    """What the officer adds for the step (empty when the step does not use it)."""

    employer: str
    net_earnings: Decimal | None
    pay_period: str
    owner: bool
    on: dt.date


def next_step(out_dir: Path, settings: Settings, *, account: str, step: str, facts: NextStepFacts) -> Path:
    """The document for ``step`` on ``account``'s liability order, or a refusal naming the rule."""
    if step not in STEPS:
        raise CaseFileError("next step", "step", f"{step!r} is not known", f"use one of: {', '.join(STEPS)}")
    record = load_batch(out_dir)
    tax = record["tax"]
    entry = record["accounts"].get(account)
    if entry is None:
        raise CaseFileError(
            str(out_dir / BATCH_FILE), "accounts", f"has no account {account!r}", "check the account number"
        )
    if entry["status"] != "liability_order":
        raise NotReadyError(
            f"{account}: no liability order is recorded (status {entry['status']}); record the "
            "hearing result first with `courtpack liability orders`"
        )
    order = entry["order"]
    outstanding = Decimal(order["amount"]) - Decimal(order["paid_since"])
    power = lo.available_power(tax, POWER_OF_STEP[step], facts.on)
    if not power.available:
        raise NotReadyError(f"{account}: {TITLES[step].lower()} is refused — {power.note} ({power.source})")
    body, figures, recipient = _step_content(account, step, tax, outstanding, facts)
    context = {
        "council": settings.council,
        "court": settings.court,
        "tax_label": lo.DEBT_LABELS[tax],
        "issued": facts.on,
        "title": TITLES[step],
        "account": {"account": account, "name": entry["name"], "address": entry["address"]},
        "order": {
            "made": dt.date.fromisoformat(order["made"]),
            "amount": Decimal(order["amount"]),
            "balance": Decimal(order["balance"]),
            "costs": Decimal(order["costs"]),
            "outstanding": outstanding,
        },
        "recipient": recipient,
        "body": body,
        "figures": figures,
        "source": power.source,
    }
    name = safe_file_name(f"{account} {step.replace('_', ' ')}") + ".docx"
    return Template("liability_next_step.docx").render(context, out_dir / name)


def _step_content(
    account: str, step: str, tax: str, outstanding: Decimal, facts: NextStepFacts
) -> tuple[list[str], list[dict[str, str]], str]:
    figures = [{"label": "Outstanding under the liability order", "amount": format_money(outstanding)}]
    if step == "attachment_of_earnings":
        if not facts.employer or facts.net_earnings is None:
            raise CaseFileError(
                "next step",
                "employer",
                "is missing",
                "give --employer and --net-earnings for an attachment of earnings order",
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
                f"Please take control of goods under the liability order for account {account}.",
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
        raise NotReadyError(f"{account}: a charging order is refused — {why} ({source})")
    if not facts.owner:
        raise NotReadyError(
            f"{account}: a charging order is refused — the debtor is not recorded as owning an "
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
