"""Enforcement agents' fees: the fee stages of the Taking Control of Goods (Fees) Regulations 2014.

Why a dated table: a council refers a liability order (or a warrant) to an enforcement agent,
and the debtor is told in the referral what each stage will add. The fees are set by SI 2014/1
(in force 6 April 2014) and are not the council's to vary. The Ministry of Justice announced on
9 June 2025 a 5% uplift and a 14-clear-day compliance period; no amending instrument was found
in force when this table was written, so the table holds the 2014 figures and a correction is a
new row with its own start date, not an edit here.

Each stage is a fixed fee plus a percentage of the sum to be recovered above £1,500 (reg 7;
0% at the compliance stage, 7.5% at the enforcement and sale stages). The percentage part is
rounded down to the penny: a fee is never rounded up against the debtor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import amount, row_in_force
from .money import format_money, round_down_penny

_FEES = "Taking Control of Goods (Fees) Regulations 2014 (SI 2014/1)"
STAGES = ("compliance", "enforcement", "sale")
STAGE_LABELS = {"compliance": "compliance stage", "enforcement": "enforcement stage", "sale": "sale or disposal stage"}


@dataclass(frozen=True)
class FeeStageRow:
    """One fee stage for enforcement other than under a High Court writ (SI 2014/1 Sch, Table 1)."""

    stage: str
    fixed: Decimal
    percent: Decimal  # of the sum to be recovered exceeding ``above``
    above: Decimal
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


FEE_STAGES: tuple[FeeStageRow, ...] = (
    FeeStageRow(
        "compliance",
        Decimal("75.00"),
        Decimal("0"),
        Decimal("1500.00"),
        dt.date(2014, 4, 6),
        f"{_FEES} reg 5(1)(a), reg 7 and the Schedule, Table 1",
        True,
    ),
    FeeStageRow(
        "enforcement",
        Decimal("235.00"),
        Decimal("7.5"),
        Decimal("1500.00"),
        dt.date(2014, 4, 6),
        f"{_FEES} reg 5(1)(b), reg 7 and the Schedule, Table 1",
        True,
    ),
    FeeStageRow(
        "sale",
        Decimal("110.00"),
        Decimal("7.5"),
        Decimal("1500.00"),
        dt.date(2014, 4, 6),
        f"{_FEES} reg 5(1)(c), reg 7 and the Schedule, Table 1",
        True,
    ),
)


@dataclass(frozen=True)
class NoticeRow:
    """The least notice of enforcement before goods are taken (clear days)."""

    clear_days: int
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


NOTICE_PERIODS: tuple[NoticeRow, ...] = (
    NoticeRow(7, dt.date(2014, 4, 6), "Taking Control of Goods Regulations 2013 (SI 2013/1894) reg 6(1)", False),
)


def notice_period(on: dt.date) -> NoticeRow:
    return row_in_force(NOTICE_PERIODS, on, "notice of enforcement period")


@dataclass(frozen=True)
class StageFee:
    stage: str
    fee: Decimal
    fixed: Decimal
    percentage_part: Decimal
    basis: str
    source: str


@dataclass(frozen=True)
class FeeStages:
    """The fee at each stage for one sum, and the running total the debtor would owe."""

    sum_to_recover: Decimal
    stages: tuple[StageFee, ...]
    total_if_sold: Decimal
    basis: str


def stage_fee(stage: str, sum_to_recover: object, on: dt.date) -> StageFee:
    """The fee for one ``stage`` on ``sum_to_recover`` (the debt the agent is instructed to recover)."""
    if stage not in STAGES:
        raise LawError(f"fee stage {stage!r} is not known; use one of: {', '.join(STAGES)}")
    debt = amount(sum_to_recover, "sum to be recovered", allow_zero=False)
    row = row_in_force([r for r in FEE_STAGES if r.stage == stage], on, f"{STAGE_LABELS[stage]} fee")
    excess = max(debt - row.above, Decimal("0"))
    extra = round_down_penny(excess * row.percent / 100)
    fee = row.fixed + extra
    how = f"the fixed fee {format_money(row.fixed)}"
    if row.percent:
        pct = f"{row.percent.normalize():f}%"
        how += (
            (
                f" plus {pct} of the {format_money(excess)} above {format_money(row.above)} "
                f"({format_money(extra)}, rounded down to the penny)"
            )
            if excess
            else f" (no {pct} part: the sum is not above {format_money(row.above)})"
        )
    basis = f"The {STAGE_LABELS[stage]} fee on {format_money(debt)} is {format_money(fee)}: {how}."
    return StageFee(stage, fee, row.fixed, extra, basis, row.source)


def fee_stages(sum_to_recover: object, on: dt.date) -> FeeStages:
    """Every stage's fee for ``sum_to_recover`` and the total if the goods are sold."""
    debt = amount(sum_to_recover, "sum to be recovered", allow_zero=False)
    stages = tuple(stage_fee(stage, debt, on) for stage in STAGES)
    total = debt + sum((s.fee for s in stages), Decimal("0.00"))
    basis = (
        f"Referred to an enforcement agent, {format_money(debt)} may grow by "
        + ", ".join(f"{format_money(s.fee)} ({STAGE_LABELS[s.stage]})" for s in stages)
        + f" to {format_money(total)} if goods are sold (before disbursements such as storage and auction "
        "costs)."
    )
    return FeeStages(debt, stages, total, basis)
