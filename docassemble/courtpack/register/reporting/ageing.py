"""Ageing of the outstanding debt, and cases nearing a limitation date with no claim issued.

Why age from the first charge: a debt's age is how long it has been due, which is what decides
both how collectable it is and when it becomes statute-barred; a case with no ledger is aged from
its referral. Bands are in days (a year taken as 365 days): 0–90, 91–180, 181–365, 1–2 years
(366–730), 2–6 years (731–2,190), over 6 years. Limitation itself is the law layer's
(``law.limitation.debt_limitation``): each charge for rent, the last charge otherwise, restarted
by payments.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Date, bindparam, select
from sqlalchemy.orm import Session

from ...law.limitation import cause_for_debt_type, debt_limitation
from ..models import LedgerEntry, Payment
from ..orders import add_months
from .facts import CaseLine
from .sqlfns import as_date

BANDS = (
    ("0–90 days", 0, 90),
    ("91–180 days", 91, 180),
    ("181–365 days", 181, 365),
    ("1–2 years", 366, 730),
    ("2–6 years", 731, 2190),
    ("over 6 years", 2191, None),
)
WATCH_MONTHS = 6


def band(age_days: int) -> str:
    for label, low, high in BANDS:
        if age_days >= low and (high is None or age_days <= high):
            return label
    return BANDS[0][0]  # a debt dated after the report's end counts as new


@dataclass(frozen=True)
class LimitationWatch:
    line: CaseLine
    last_day: dt.date
    basis: str


def limitation_dates(
    session: Session, case_ids: list[int], on: dt.date
) -> dict[int, tuple[list[dt.date], list[dt.date]]]:
    """case id -> (charge dates, payment dates) up to ``on``, from the ledger and the payments table."""
    out: dict[int, tuple[list[dt.date], list[dt.date]]] = defaultdict(lambda: ([], []))
    if not case_ids:
        return out
    on_p = bindparam("on", on, type_=Date)
    led, pay = LedgerEntry.__table__, Payment.__table__
    for case_id, day, kind in session.execute(
        select(led.c.case_id, led.c.entry_date, led.c.kind).where(led.c.case_id.in_(case_ids), led.c.entry_date <= on_p)
    ):
        out[case_id][0 if kind == "charge" else 1].append(as_date(day))  # type: ignore[arg-type]
    for case_id, day in session.execute(
        select(pay.c.case_id, pay.c.paid_on).where(pay.c.case_id.in_(case_ids), pay.c.paid_on <= on_p)
    ):
        out[case_id][1].append(as_date(day))  # type: ignore[arg-type]
    return out


def limitation_watch(session: Session, open_lines: list[CaseLine], on: dt.date) -> list[LimitationWatch]:
    """Open cases with no claim whose earliest live limitation date falls within six months of ``on``."""
    candidates = [line for line in open_lines if line.claim is None and line.outstanding_end > 0]
    dates = limitation_dates(session, [line.case_id for line in candidates], on)
    horizon = add_months(on, WATCH_MONTHS)
    out = []
    for line in candidates:
        charges, payments = dates[line.case_id]
        results = debt_limitation(cause_for_debt_type(line.debt_type), charges, payments, on)
        live = [r for r in results if not r.barred and r.last_day <= horizon]
        if live:
            first = min(live, key=lambda r: r.last_day)
            out.append(LimitationWatch(line, first.last_day, first.basis))
    return sorted(out, key=lambda w: (w.last_day, w.line.reference))
