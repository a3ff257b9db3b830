"""Every law table row in one list: table, in force from, figure, source, and whether it was verified.

Why: a figure is only as good as the instrument it was checked against. ``courtpack law sources``
prints this list so a lawyer can audit every row, and ``--unverified`` prints what still has to be
read in the instrument itself. The verification status lives here and in the rows, never on a
document a court or debtor receives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import (
    charging_order,
    costs,
    courts,
    default_judgment,
    enforcement,
    fees,
    forms,
    interest,
    judgment_interest,
    limitation,
    possession,
    protocol,
    tracks,
)
from .money import format_money


@dataclass(frozen=True)
class SourceRow:
    table: str
    effective_from: dt.date
    effective_to: dt.date | None
    figure: str
    source: str
    verified: bool


@dataclass(frozen=True)
class RulePeriod:
    """A period fixed by a rule (days), listed with the tables so it is audited the same way."""

    name: str
    days: int
    effective_from: dt.date
    source: str
    verified: bool = False
    effective_to: dt.date | None = None


_CPR_2016 = dt.date(2016, 4, 6)
RULE_PERIODS: tuple[RulePeriod, ...] = (
    RulePeriod(
        "serve interim charging order (days after the order)",
        charging_order.INTERIM_SERVICE_DAYS,
        _CPR_2016,
        charging_order.SERVICE_SOURCE,
    ),
    RulePeriod(
        "object to interim charging order (days after service)",
        charging_order.OBJECTION_DAYS,
        _CPR_2016,
        charging_order.OBJECTION_SOURCE,
        verified=True,
    ),
    RulePeriod(
        "acknowledge or defend (days after service of particulars)",
        default_judgment.RESPONSE_DAYS,
        dt.date(1999, 4, 26),
        default_judgment.RESPONSE_SOURCE,
    ),
    RulePeriod(
        "defend after acknowledging (days after service of particulars)",
        default_judgment.DEFENCE_AFTER_ACK_DAYS,
        dt.date(1999, 4, 26),
        default_judgment.RESPONSE_SOURCE,
    ),
    RulePeriod("reply to a letter of claim (individual)", protocol.REPLY_DAYS, dt.date(2017, 10, 1), protocol.PAPDC),
    RulePeriod(
        "notice of intention to issue after a reply", protocol.NOTICE_DAYS, dt.date(2017, 10, 1), protocol.PAPDC
    ),
    RulePeriod(
        "respond to a letter before claim (company)", protocol.COMPANY_DAYS, dt.date(2017, 4, 6), protocol.PD_PAC
    ),
)


def _money(value: Decimal | None) -> str:
    return "-" if value is None else format_money(value)


def _band(above: Decimal, up_to: Decimal | None) -> str:
    return f"over {_money(above)}" + (f" up to {_money(up_to)}" if up_to is not None else "")


_Formatter = Callable[[Any], str]
TABLES: tuple[tuple[str, Iterable[Any], _Formatter], ...] = (
    (
        "issue fee",
        fees.ISSUE_FEE_BANDS,
        lambda r: f"{_band(r.above, r.up_to)}: " + (f"{r.percent}% of the claim" if r.percent else _money(r.fee)),
    ),
    ("court fee", fees.OTHER_FEES, lambda r: f"{r.description}: {_money(r.amount)}"),
    (
        "fixed commencement costs",
        costs.COMMENCEMENT_COSTS,
        lambda r: f"{_band(r.above, r.up_to)}: " + ", ".join(f"{k} {_money(v)}" for k, v in r.costs),
    ),
    (
        "further defendant costs",
        costs.FURTHER_DEFENDANT,
        lambda r: f"each further defendant served personally elsewhere: {_money(r.get('each'))}",
    ),
    (
        "judgment costs",
        costs.JUDGMENT_COSTS,
        lambda r: f"judgment {_band(r.above, r.up_to)}: " + ", ".join(f"{k} {_money(v)}" for k, v in r.costs),
    ),
    ("s.69 interest rate", interest.STATUTORY_RATES, lambda r: f"{r.rate}% a year"),
    ("judgment interest rate", judgment_interest.JUDGMENT_RATES, lambda r: f"{r.rate}% a year"),
    ("judgment interest threshold", judgment_interest.THRESHOLDS, lambda r: f"ordered {_money(r.rate)} or more"),
    ("Bank Rate", interest.BASE_RATES, lambda r: f"{r.rate}%"),
    ("Late Payment margin", interest.LATE_PAYMENT_MARGIN, lambda r: f"reference rate + {r.rate}%"),
    (
        "Late Payment fixed sum",
        interest.LATE_PAYMENT_COMPENSATION,
        lambda r: f"{_money(r.amount)} for a debt " + (f"under {_money(r.below)}" if r.below else "of any larger size"),
    ),
    ("track", tracks.TRACK_BANDS, lambda r: f"{_band(r.above, r.up_to)}: {r.value}"),
    ("statement of value", tracks.STATEMENT_OF_VALUE, lambda r: f"{_band(r.above, r.up_to)}: {r.value}"),
    ("limitation period", limitation.PERIODS, lambda r: f"{r.cause}: {r.years} years"),
    ("enforcement threshold", enforcement.THRESHOLDS, lambda r: f"{r.name.replace('_', ' ')}: {_money(r.amount)}"),
    ("rule period", RULE_PERIODS, lambda r: f"{r.name}: {r.days} days"),
    ("paper claims centre", courts.PAPER_CLAIMS_CENTRES, lambda r: f"{r.one_line}; {r.dx}"),
    ("hearing centre", courts.HEARING_CENTRES, lambda r: f"{r.postcode}: {r.centre}"),
    ("form edition", forms.FORM_EDITIONS, lambda r: f"{r.form} ({r.edition}) {r.title}"),
    ("possession rule", possession.POSSESSION_ROWS, lambda r: f"{r.name}: {r.figure}"),
)


def source_rows(*, unverified_only: bool = False) -> list[SourceRow]:
    """Every row of every law table, in table order; with ``unverified_only`` just those still to check."""
    rows = [
        SourceRow(name, row.effective_from, row.effective_to, figure(row), row.source, row.verified)
        for name, table, figure in TABLES
        for row in table
    ]
    return [row for row in rows if not (unverified_only and row.verified)]
