"""The performance report's ageing of the outstanding debt and the case-level detail behind every total.

Why apart from ``performance``: these two sections read every open case's ledger and payments once
more; keeping them here keeps ``performance`` to the flow of the report.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from . import ageing, money, stages
from .facts import CaseLine
from .tables import Column, Table, debt_label

ZERO = Decimal("0.00")


def in_period(day: dt.date | None, report: PerformanceReport) -> bool:
    """Whether ``day`` falls in the report's period (both ends included)."""
    return day is not None and report.start <= day <= report.end


if TYPE_CHECKING:
    from .performance import PerformanceReport

__all__ = ["ageing_section", "detail_section", "in_period"]

ZERO = Decimal("0.00")


def ageing_section(report: PerformanceReport, session: Session, lines: list[CaseLine]) -> None:
    end = report.end
    open_end = [x for x in lines if stages.is_open(stages.stage_at_end(x, end))]
    debt_types = sorted({x.debt_type for x in open_end})
    grid: dict[str, dict[str, Decimal]] = {b[0]: defaultdict(lambda: ZERO) for b in ageing.BANDS}
    for x in open_end:
        grid[ageing.band((end - x.debt_since).days)][x.debt_type] += x.outstanding_end
    table = Table(
        "Ageing",
        "Outstanding debt by age (open cases, at the end of the period)",
        [Column("age"), *[Column(debt_label(t), "money") for t in debt_types], Column("total", "money")],
        detail="Cases",
    )
    for label, _, _ in ageing.BANDS:
        values = [grid[label][t] for t in debt_types]
        table.rows.append([label, *values, sum(values, ZERO)])
    report.add(table)
    report.chart_data["ageing"] = (debt_types, [(r[0], r[1:-1]) for r in table.rows])
    watch = Table(
        "Limitation watch",
        "Open cases within 6 months of a limitation date, no claim issued",
        [
            Column("reference"),
            Column("debtor"),
            Column("debt type"),
            Column("officer"),
            Column("outstanding", "money"),
            Column("last day to issue", "date"),
            Column("days left", "int"),
        ],
    )
    for w in ageing.limitation_watch(session, open_end, end):
        watch.rows.append(
            [
                w.line.reference,
                w.line.debtor,
                debt_label(w.line.debt_type),
                w.line.officer,
                w.line.outstanding_end,
                w.last_day,
                (w.last_day - end).days,
            ]
        )
    report.add(watch)


def detail_section(report: PerformanceReport, session: Session, lines: list[CaseLine]) -> None:
    start, end = report.start, report.end
    cases = Table(
        "Cases",
        "Each case behind the totals",
        [
            Column("reference"),
            Column("debtor"),
            Column("debt type"),
            Column("officer"),
            Column("team"),
            Column("referred", "date"),
            Column("stage at start"),
            Column("stage at end"),
            Column("outstanding at start", "money"),
            Column("outstanding at end", "money"),
            Column("written off in period", "money"),
            Column("age at end"),
            Column("referred in period"),
        ],
        in_pdf=False,
    )
    for x in lines:
        cases.rows.append(
            [
                x.reference,
                x.debtor,
                debt_label(x.debt_type),
                x.officer,
                x.team,
                x.referred,
                stages.stage_at_start(x, start) or "",
                stages.stage_at_end(x, end),
                x.outstanding_start,
                x.outstanding_end,
                x.written_off_in_period,
                ageing.band((end - x.debt_since).days),
                "yes" if in_period(x.referred, report) else "no",
            ]
        )
    report.add(cases)
    payments = Table(
        "Payments",
        "Each payment received in the period",
        [
            Column("reference"),
            Column("debtor"),
            Column("debt type"),
            Column("officer"),
            Column("paid on", "date"),
            Column("amount", "money"),
            Column("source"),
        ],
        in_pdf=False,
    )
    payments.rows = [
        [p.reference, p.debtor, debt_label(p.debt_type), p.officer, p.paid_on, p.amount, p.source]
        for p in money.payment_lines(session, start, end, report.team)
    ]
    report.add(payments)
