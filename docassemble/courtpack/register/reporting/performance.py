"""The monthly performance report: caseload, money, timeliness, compliance, ageing, indicators.

Why built as tables of case-level facts: every total a manager reads must trace to its rows, so
the report is assembled from one row per case (``facts.case_lines``), one row per payment and one
row per order (``register.compliance``, called, not repeated), and the XLSX carries those rows
beside the totals. Written-off cases are closed: they leave the open caseload, the outstanding
debt and the collection rate's base, and show in "closed: written off".

The collection rate is collected in the period / (outstanding at the start of the period on open
cases + debt referred in the period).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Date, and_, bindparam, select
from sqlalchemy.orm import Session

from ...law.dates import format_date
from ...law.protocol import REPLY_DAYS
from ..compliance import COMPLYING, IN_ARREARS, PAID_IN_FULL, order_compliance
from ..db import Register, session_for
from ..errors import RegisterError
from ..models import Document
from ..orders import add_months
from . import money, stages, timeliness
from .facts import ENFORCEMENT_KIND, CaseLine, case_lines
from .performance_detail import ageing_section, detail_section, in_period
from .sqlfns import date_of
from .tables import Column, Table, debt_label, pct
from .targets import indicator_rules

ZERO = Decimal("0.00")
ENFORCEMENT_TYPES = (
    ("N323", "warrant of control"),
    ("N293A", "writ of control"),
    ("N337", "attachment of earnings"),
    ("N349", "third party debt order"),
    ("N316", "order to obtain information"),
    ("referral", "enforcement agent referral"),
)


@dataclass
class PerformanceReport:
    start: dt.date
    end: dt.date
    team: str | None
    tables: dict[str, Table] = field(default_factory=dict)
    lines: list[CaseLine] = field(default_factory=list)
    chart_data: dict[str, object] = field(default_factory=dict)

    @property
    def title(self) -> str:
        who = f"team {self.team}" if self.team else "all teams"
        return f"Debt recovery performance, {format_date(self.start)} to {format_date(self.end)} ({who})"

    def add(self, table: Table) -> None:
        self.tables[table.key] = table


def performance_report(
    db: Register | Session | str | os.PathLike[str] | None, start: dt.date, end: dt.date, team: str | None = None
) -> PerformanceReport:
    """Build the report for ``start``..``end`` (inclusive), for one team or all."""
    if end < start:
        raise RegisterError(f"the period ends ({end}) before it starts ({start}); give --from before --to")
    report = PerformanceReport(start, end, team or None)
    with session_for(db) as session:
        lines = case_lines(session, start, end, team or None)
        report.lines = lines
        _caseload(report, lines)
        _flow(report, session, lines)
        _money(report, session, lines)
        _timeliness_and_indicators(report, session, lines)
        ageing_section(report, session, lines)
        detail_section(report, session, lines)
    report.tables = {"Indicators": report.tables.pop("Indicators"), **report.tables}  # the summary first
    return report


def _caseload(report: PerformanceReport, lines: list[CaseLine]) -> None:
    start_counts = Counter(stages.stage_at_start(x, report.start) for x in lines)
    end_counts = Counter(stages.stage_at_end(x, report.end) for x in lines)
    table = Table(
        "Caseload",
        "Caseload by stage",
        [Column("stage"), Column("at start", "int"), Column("at end", "int")],
        detail="Cases",
    )
    for stage in stages.STAGES:
        table.rows.append([stage, start_counts.get(stage, 0), end_counts.get(stage, 0)])
    table.rows.append(["total", sum(r[1] for r in table.rows), sum(r[2] for r in table.rows)])
    report.add(table)
    report.chart_data["caseload"] = [(s, start_counts.get(s, 0), end_counts.get(s, 0)) for s in stages.STAGES]


def _flow(report: PerformanceReport, session: Session, lines: list[CaseLine]) -> None:
    table = Table("Flow", "What happened in the period", [Column("step"), Column("cases", "int")], detail="Cases")
    for label, attr in (
        ("new referrals", "referred"),
        ("letters sent", "letter"),
        ("claims issued", "claim"),
        ("judgments", "judgment"),
        ("enforcement started", "enforcement"),
        ("charging orders", "charging_order"),
    ):
        table.rows.append([label, sum(1 for x in lines if in_period(getattr(x, attr), report))])
    for label, count in _enforcement_by_type(session, report, {x.case_id for x in lines}).items():
        table.rows.append([f"enforcement: {label}", count])
    paid = sum(
        1
        for x in lines
        if stages.stage_at_end(x, report.end) == stages.CLOSED_PAID
        and stages.stage_at_start(x, report.start) != stages.CLOSED_PAID
    )
    table.rows.append([stages.CLOSED_PAID, paid])
    table.rows.append([stages.CLOSED_WRITTEN_OFF, sum(1 for x in lines if x.written_off_in_period > 0)])
    report.add(table)


def _enforcement_by_type(session: Session, report: PerformanceReport, case_ids: set[int]) -> dict[str, int]:
    d = Document.__table__
    made = date_of(d.c.created_at)
    rows = session.execute(
        select(d.c.case_id, d.c.file_name).where(
            and_(
                d.c.kind == ENFORCEMENT_KIND,
                made >= bindparam("s", report.start, type_=Date),
                made <= bindparam("e", report.end, type_=Date),
            )
        )
    )
    counts: Counter[str] = Counter()
    for case_id, name in rows:
        if case_id in case_ids:
            label = next((lab for code, lab in ENFORCEMENT_TYPES if code.lower() in name.lower()), "other")
            counts[label] += 1
    return dict(sorted(counts.items()))


def _money(report: PerformanceReport, session: Session, lines: list[CaseLine]) -> None:
    start, end = report.start, report.end
    collected = money.collections(session, start, end, report.team)
    debt_types = sorted({x.debt_type for x in lines} | {c.debt_type for c in collected})
    targets = money.targets_by_month(session, start, end, report.team, debt_types)
    by_month: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    by_type: dict[str, Decimal] = defaultdict(lambda: ZERO)
    by_officer: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for c in collected:
        by_month[c.month] += c.amount
        by_type[c.debt_type] += c.amount
        by_officer[c.officer] += c.amount
    month_table = Table(
        "Collections by month",
        "Collected by month against target",
        [
            Column("month", "month"),
            Column("collected", "money"),
            Column("target", "money"),
            Column("against target", "pct"),
        ],
        detail="Payments",
    )
    for first, _, _ in money.months(start, end):
        target = targets.get(first, {}).get(money.ALL_TYPES)
        month_table.rows.append([first, by_month[first], target, pct(by_month[first], target) if target else None])
    report.add(month_table)
    trend = _trend(session, report, debt_types)
    report.add(trend)
    report.chart_data["collections"] = [(r[0], r[1], r[2]) for r in trend.rows]
    type_table = Table(
        "Collections by debt type",
        "Collected by debt type against target",
        [Column("debt type"), Column("collected", "money"), Column("target", "money"), Column("against target", "pct")],
        detail="Payments",
    )
    for debt_type in debt_types:
        target = sum((t.get(debt_type, ZERO) for t in targets.values()), ZERO) or None
        type_table.rows.append([debt_label(debt_type), by_type[debt_type], target, pct(by_type[debt_type], target)])
    report.add(type_table)
    officer_table = Table(
        "Collections by officer",
        "Collected by officer",
        [Column("officer"), Column("collected", "money")],
        detail="Payments",
    )
    officer_table.rows = [[o, by_officer[o]] for o in sorted(by_officer)]
    report.add(officer_table)

    open_start = sum((x.outstanding_start for x in lines if stages.is_open(stages.stage_at_start(x, start))), ZERO)
    open_end = sum((x.outstanding_end for x in lines if stages.is_open(stages.stage_at_end(x, end))), ZERO)
    referred = sum((x.referred_amount for x in lines if in_period(x.referred, report)), ZERO)
    total = sum(by_month.values(), ZERO)
    costs = money.costs(session, start, end, {x.case_id for x in lines})
    summary = Table("Money", "Money in the period", [Column("measure"), Column("amount", "money")], detail="Cases")
    summary.rows = [
        ["outstanding at start (open cases)", open_start],
        ["debt referred", referred],
        ["collected", total],
        ["written off", sum((x.written_off_in_period for x in lines), ZERO)],
        ["outstanding at end (open cases)", open_end],
        ["costs and fees paid out", costs["paid_out"]],
        ["costs and fees recovered", costs["recovered"]],
    ]
    report.add(summary)
    target_total = sum((t.get(money.ALL_TYPES, ZERO) for t in targets.values()), ZERO)
    report.chart_data.update(
        collected=total,
        target=target_total or None,
        open_end=open_end,
        collection_rate=pct(total, open_start + referred),
    )


def _trend(session: Session, report: PerformanceReport, debt_types: list[str]) -> Table:
    """Collections for the 12 months ending with the period (at least the period): the line chart's data."""
    first = min(report.start.replace(day=1), add_months(report.end.replace(day=1), -11))
    by_month: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    for c in money.collections(session, first, report.end, report.team):
        by_month[c.month] += c.amount
    targets = money.targets_by_month(session, first, report.end, report.team, debt_types)
    table = Table(
        "Collections trend",
        "Collected by month against target, the last 12 months",
        [
            Column("month", "month"),
            Column("collected", "money"),
            Column("target", "money"),
            Column("against target", "pct"),
        ],
        detail="Payments",
        note="Months before the period are shown for comparison; their payments are not in the Payments sheet.",
    )
    for month, _, _ in money.months(first, report.end):
        target = targets.get(month, {}).get(money.ALL_TYPES)
        table.rows.append([month, by_month[month], target, pct(by_month[month], target) if target else None])
    return table


def _timeliness_and_indicators(report: PerformanceReport, session: Session, lines: list[CaseLine]) -> None:
    start, end = report.start, report.end
    table = Table(
        "Timeliness",
        "Days between steps (steps taken in the period)",
        [
            Column("interval"),
            Column("cases", "int"),
            Column("median days", "int"),
            Column("90th percentile days", "int"),
        ],
    )
    for interval in timeliness.intervals(lines, start, end):
        table.rows.append([interval.label, len(interval.days), interval.median, interval.p90])
    report.add(table)

    exceptions = Table(
        "Past threshold",
        "Cases past an indicator's threshold",
        [
            Column("indicator"),
            Column("reference"),
            Column("debtor"),
            Column("officer"),
            Column("from", "date"),
            Column("due by", "date"),
            Column("done on", "date"),
        ],
    )
    open_end = [x for x in lines if stages.is_open(stages.stage_at_end(x, end))]
    rules = indicator_rules(session, end)
    letter_rule = rules["letter_within_days"]
    n = letter_rule.days or 0
    letters = [x for x in lines if in_period(x.letter, report)]
    on_time = {x.case_id for x in letters if (x.letter - x.referred).days <= n}  # type: ignore[operator]
    letter_ids, open_ids = {x.case_id for x in letters}, {x.case_id for x in open_end}
    for x in lines:
        due = x.referred + dt.timedelta(days=n)
        late_letter = x.case_id in letter_ids and x.case_id not in on_time
        missing = x.case_id in open_ids and x.letter is None and due < end
        if late_letter or missing:
            exceptions.rows.append([letter_rule.label, x.reference, x.debtor, x.officer, x.referred, due, x.letter])
    claim_rule = rules["claim_within_days"]
    m = claim_rule.days or 0
    claims = [x for x in lines if in_period(x.claim, report) and x.letter is not None]

    def claim_due(x: CaseLine) -> dt.date:
        return x.letter + dt.timedelta(days=REPLY_DAYS + m)  # type: ignore[operator]

    claims_on_time = {x.case_id for x in claims if x.claim <= claim_due(x)}  # type: ignore[operator]
    claim_ids = {x.case_id for x in claims}
    for x in lines:
        late = x.case_id in claim_ids and x.case_id not in claims_on_time
        missing = x.case_id in open_ids and x.letter is not None and x.claim is None and claim_due(x) < end
        if late or missing:
            exceptions.rows.append(
                [claim_rule.label, x.reference, x.debtor, x.officer, x.letter, claim_due(x), x.claim]
            )

    live_ids = {x.case_id for x in lines if not x.written_off_end}
    orders = [
        o
        for o in order_compliance(session, end)
        if o.frequency is not None and o.case_id in live_ids and o.made_on <= end
    ]
    _compliance(report, orders)
    complying = sum(1 for o in orders if o.status == COMPLYING)
    arrears = sum(1 for o in orders if o.status == IN_ARREARS)
    old = sum((x.outstanding_end for x in open_end if (end - x.debt_since).days > 730), ZERO)
    total_open = sum((x.outstanding_end for x in open_end), ZERO)
    collected, target = report.chart_data["collected"], report.chart_data["target"]
    values = [
        (letter_rule, pct(len(on_time), len(letters))),
        (claim_rule, pct(len(claims_on_time), len(claims))),
        (rules["orders_complying_pct"], pct(complying, complying + arrears)),
        (rules["debt_over_2y_pct"], pct(old, total_open)),
        (rules["collection_vs_target_pct"], pct(collected, target) if target else None),
    ]  # type: ignore[arg-type]
    indicators = Table(
        "Indicators",
        "Performance indicators",
        [
            Column("indicator"),
            Column("value", "pct"),
            Column("target", "pct"),
            Column("amber from", "pct"),
            Column("status", "rag"),
            Column("thresholds in force from", "date"),
            Column("thresholds set by"),
        ],
        detail="Past threshold",
    )
    for rule, value in values:
        status = rule.rag(value) if value is not None else "nothing to measure"
        indicators.rows.append([rule.label, value, rule.target, rule.amber, status, rule.effective_from, rule.note])
    report.add(indicators)
    report.add(exceptions)


def _compliance(report: PerformanceReport, orders: list) -> None:
    table = Table(
        "Compliance",
        "Instalment orders at the end of the period",
        [
            Column("status"),
            Column("orders", "int"),
            Column("ordered", "money"),
            Column("paid", "money"),
            Column("in arrears", "money"),
        ],
        detail="Orders",
    )
    for status in (COMPLYING, IN_ARREARS, PAID_IN_FULL):
        rows = [o for o in orders if o.status == status]
        table.rows.append(
            [
                status,
                len(rows),
                sum((o.total for o in rows), ZERO),
                sum((o.paid for o in rows), ZERO),
                sum((o.arrears for o in rows), ZERO),
            ]
        )
    report.add(table)
    report.chart_data["compliance"] = [(r[0], r[1]) for r in table.rows]
    detail = Table(
        "Orders",
        "Each instalment order",
        [
            Column("reference"),
            Column("claim number"),
            Column("made on", "date"),
            Column("ordered", "money"),
            Column("terms"),
            Column("paid", "money"),
            Column("status"),
            Column("in arrears", "money"),
            Column("instalments missed", "int"),
            Column("first missed", "date"),
        ],
        in_pdf=False,
    )
    detail.rows = [
        [
            o.reference,
            o.claim_number,
            o.made_on,
            o.total,
            o.terms,
            o.paid,
            o.status,
            o.arrears,
            o.missed,
            o.first_missed,
        ]
        for o in orders
    ]
    report.add(detail)
