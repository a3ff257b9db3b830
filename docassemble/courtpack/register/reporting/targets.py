"""Collection targets, performance indicators and their red/amber/green thresholds — dated.

Why dated rows: a manager changes targets from time to time, and the report for a past month
must judge it by the targets then in force. Each row is in force from ``effective_from`` until
the next row for the same debt type and team (or indicator). Until a council sets its own
indicator thresholds the defaults below apply; they are courtpack's suggestions, marked as such
on the report, never law.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Register, session_for
from ..errors import RegisterError
from ..reporting_models import CollectionTarget, IndicatorTarget, TeamMember

GREEN, AMBER, RED = "green", "amber", "red"
DEFAULT_FROM = dt.date(2000, 1, 1)
DEFAULT_NOTE = "courtpack's suggested default; set the council's own with: courtpack targets indicator"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    higher_is_better: bool
    default_days: int | None
    default_target: Decimal
    default_amber: Decimal


INDICATORS: dict[str, Indicator] = {
    i.code: i
    for i in (
        Indicator(
            "letter_within_days",
            "letters sent within {days} days of referral (%)",
            True,
            14,
            Decimal("90"),
            Decimal("80"),
        ),
        Indicator(
            "claim_within_days",
            "claims issued within {days} days of the reply period ending (%)",
            True,
            30,
            Decimal("85"),
            Decimal("70"),
        ),
        Indicator("orders_complying_pct", "instalment orders complying (%)", True, None, Decimal("80"), Decimal("70")),
        Indicator(
            "debt_over_2y_pct", "outstanding debt older than 2 years (%)", False, None, Decimal("20"), Decimal("30")
        ),
        Indicator(
            "collection_vs_target_pct", "collected against target (%)", True, None, Decimal("100"), Decimal("90")
        ),
    )
}


@dataclass(frozen=True)
class IndicatorRule:
    code: str
    label: str
    days: int | None
    target: Decimal
    amber: Decimal
    higher_is_better: bool
    effective_from: dt.date
    note: str

    def rag(self, value: Decimal | None) -> str:
        """Red, amber or green for a value (no value — nothing to measure — is green)."""
        if value is None:
            return GREEN
        if self.higher_is_better:
            return GREEN if value >= self.target else AMBER if value >= self.amber else RED
        return GREEN if value <= self.target else AMBER if value <= self.amber else RED


def _amount(text: object, what: str) -> Decimal:
    try:
        value = Decimal(str(text).replace(",", "").lstrip("£"))
    except InvalidOperation:
        raise RegisterError(f"{what}: {text!r} is not a number; give it as e.g. 12500.00") from None
    if value < 0:
        raise RegisterError(f"{what}: {text!r} is negative; give a target of zero or more")
    return value


def set_collection_target(
    db: Register | Session | str | os.PathLike[str] | None,
    effective_from: dt.date,
    amount: object,
    debt_type: str = "",
    team: str = "",
    who: str | None = None,
) -> None:
    """Set the monthly collection target for a debt type and team ("" = all) from a date."""
    value = _amount(amount, f"monthly target for {debt_type or 'all debt types'}")
    with session_for(db, who) as session:
        row = session.scalar(
            select(CollectionTarget).where(
                CollectionTarget.debt_type == debt_type,
                CollectionTarget.team == team,
                CollectionTarget.effective_from == effective_from,
            )
        )
        if row is None:
            row = CollectionTarget(debt_type=debt_type, team=team, effective_from=effective_from)
            session.add(row)
        row.monthly_amount = value.quantize(Decimal("0.01"))
        row.set_by = session.info.get("who") or ""


def set_indicator(
    db: Register | Session | str | os.PathLike[str] | None,
    code: str,
    effective_from: dt.date,
    target: object,
    amber: object,
    days: int | None = None,
    who: str | None = None,
) -> None:
    """Set an indicator's green and amber thresholds (and its days) from a date."""
    spec = INDICATORS.get(code)
    if spec is None:
        raise RegisterError(f"indicator {code!r} is not known; use one of: {', '.join(INDICATORS)}")
    green, amber_at = _amount(target, f"{code} target"), _amount(amber, f"{code} amber threshold")
    if (green < amber_at) if spec.higher_is_better else (green > amber_at):
        better = "higher" if spec.higher_is_better else "lower"
        raise RegisterError(
            f"{code}: the amber threshold {amber_at} must be on the far side of the target {green} "
            f"(for this indicator {better} is better); swap them"
        )
    if spec.default_days is not None and (days is None or days < 0):
        raise RegisterError(f"{code}: give the number of days with --days (e.g. {spec.default_days})")
    with session_for(db, who) as session:
        row = session.scalar(
            select(IndicatorTarget).where(
                IndicatorTarget.code == code, IndicatorTarget.effective_from == effective_from
            )
        )
        if row is None:
            row = IndicatorTarget(code=code, effective_from=effective_from)
            session.add(row)
        row.target, row.amber, row.days = green, amber_at, days if spec.default_days is not None else None
        row.set_by = session.info.get("who") or ""


def set_team(
    db: Register | Session | str | os.PathLike[str] | None, officer: str, team: str, who: str | None = None
) -> None:
    """Put an officer (and so their cases) in a team."""
    if not officer.strip() or not team.strip():
        raise RegisterError("give both the officer's name and the team's name")
    with session_for(db, who) as session:
        row = session.scalar(select(TeamMember).where(TeamMember.officer_name == officer))
        if row is None:
            session.add(TeamMember(officer_name=officer, team=team))
        else:
            row.team = team


def indicator_rules(session: Session, on: dt.date) -> dict[str, IndicatorRule]:
    """Every indicator's thresholds in force on ``on`` (the council's, else courtpack's default): one query."""
    t = IndicatorTarget.__table__
    latest: dict[str, Any] = {}
    for row in session.execute(select(t).where(t.c.effective_from <= on).order_by(t.c.effective_from)):
        latest[row.code] = row  # later rows replace earlier ones
    out = {}
    for code, spec in INDICATORS.items():
        row = latest.get(code)
        if row is None:
            days = spec.default_days
            out[code] = IndicatorRule(
                code,
                spec.label.format(days=days),
                days,
                spec.default_target,
                spec.default_amber,
                spec.higher_is_better,
                DEFAULT_FROM,
                DEFAULT_NOTE,
            )
        else:
            out[code] = IndicatorRule(
                code,
                spec.label.format(days=row.days),
                row.days,
                Decimal(row.target),
                Decimal(row.amber),
                spec.higher_is_better,
                row.effective_from,
                row.note or f"set by {row.set_by}",
            )
    return out


def indicator_rule(session: Session, code: str, on: dt.date) -> IndicatorRule:
    """One indicator's thresholds in force on ``on``."""
    return indicator_rules(session, on)[code]


def monthly_targets(session: Session, month_start: dt.date, team: str | None) -> dict[str, Decimal]:
    """Targets by debt type ("" = all types) in force on the first of a month, for a team or the service.

    For the whole service, service-wide rows (team "") are used where set; otherwise the teams'
    targets are added up.
    """
    rows = session.scalars(
        select(CollectionTarget)
        .where(CollectionTarget.effective_from <= month_start)
        .order_by(CollectionTarget.effective_from)
    ).all()
    latest: dict[tuple[str, str], Decimal] = {}
    for row in rows:  # later rows replace earlier ones for the same debt type and team
        latest[(row.debt_type, row.team)] = row.monthly_amount
    wanted = team or ""
    chosen = {dt_: amount for (dt_, t), amount in latest.items() if t == wanted}
    if chosen or team:
        return chosen
    summed: dict[str, Decimal] = {}
    for (debt_type, _), amount in latest.items():
        summed[debt_type] = summed.get(debt_type, Decimal("0.00")) + amount
    return summed


def teams(session: Session) -> dict[str, str]:
    """officer name -> team."""
    return {r.officer_name: r.team for r in session.scalars(select(TeamMember))}
