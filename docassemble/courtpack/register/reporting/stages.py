"""A case's stage on a date: the furthest step it has reached, unless it is closed.

Why "furthest step": steps happen in order (letter, claim, judgment, enforcement, charging order),
and a manager asks how many cases are at each. A case is closed as written off while an approved
write-off is in force, and closed as paid once nothing is outstanding.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .facts import CaseLine

REFERRED, LETTER, CLAIM, JUDGMENT, ENFORCEMENT, CHARGING = (
    "referred",
    "letter sent",
    "claim issued",
    "judgment",
    "enforcement",
    "charging order",
)
CLOSED_PAID, CLOSED_WRITTEN_OFF = "closed: paid", "closed: written off"
OPEN_STAGES = (REFERRED, LETTER, CLAIM, JUDGMENT, ENFORCEMENT, CHARGING)
STAGES = (*OPEN_STAGES, CLOSED_PAID, CLOSED_WRITTEN_OFF)


def _milestones(line: CaseLine) -> tuple[tuple[str, dt.date | None], ...]:
    return (
        (LETTER, line.letter),
        (CLAIM, line.claim),
        (JUDGMENT, line.judgment),
        (ENFORCEMENT, line.enforcement),
        (CHARGING, line.charging_order),
    )


def stage_on(line: CaseLine, day: dt.date, outstanding: Decimal, written_off: bool) -> str | None:
    """The stage on ``day`` (None when the case was not yet referred)."""
    if line.referred > day:
        return None
    if written_off:
        return CLOSED_WRITTEN_OFF
    if outstanding <= 0:
        return CLOSED_PAID
    stage = REFERRED
    for name, when in _milestones(line):
        if when is not None and when <= day:
            stage = name
    return stage


def stage_at_start(line: CaseLine, start: dt.date) -> str | None:
    return stage_on(line, start - dt.timedelta(days=1), line.outstanding_start, line.written_off_start)


def stage_at_end(line: CaseLine, end: dt.date) -> str | None:
    return stage_on(line, end, line.outstanding_end, line.written_off_end)


def is_open(stage: str | None) -> bool:
    return stage in OPEN_STAGES
