"""Breathing Space (Debt Respite Scheme, SI 2020/1311, from 4 May 2021): is one active, and what it blocks.

Why conservative: a step taken during a breathing space is void and a breach. A standard
breathing space is treated as active to the end of the 60th day after its start (the regulations
count 60 days; counting from the day after is the later, safer end). A mental health
crisis breathing space lasts until its notified end (crisis treatment + 30 days); with no end
date recorded it is treated as still running.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import LawError
from .dates import format_date

SOURCE = (
    "Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and "
    "Wales) Regulations 2020 (SI 2020/1311) regs 7, 26, 29, 32"
)
STANDARD_DAYS = 60
KINDS = ("standard", "mental_health_crisis")
BLOCKED_STEPS: dict[str, str] = {
    "add_interest": "add interest, fees or charges to the debt",
    "contact_for_payment": "contact the debtor to ask for payment",
    "issue_proceedings": "issue a claim for the debt",
    "enforcement": "take any enforcement step (warrants, writs, attachment of earnings, charging or third party "
    "debt orders, orders to obtain information)",
    "possession_notice": "serve a notice or take a step to recover possession for the debt",
}
ALLOWED_NOTE = (
    "Proceedings already issued may continue up to judgment, but not to enforcement; the creditor may "
    "ask the money adviser for a review within 20 days, or the court for permission."
)


@dataclass(frozen=True)
class BreathingSpaceWindow:
    """One breathing space as notified: start, end if known, and kind."""

    start: dt.date
    end: dt.date | None = None
    kind: str = "standard"


@dataclass(frozen=True)
class BreathingSpaceStatus:
    active: bool
    window: BreathingSpaceWindow | None  # the active one, or None
    ends: dt.date | None  # last day of the active window (None: open-ended)
    blocked_steps: tuple[str, ...]  # keys of BLOCKED_STEPS; empty when not active
    basis: str
    source: str


def last_day(window: BreathingSpaceWindow) -> dt.date | None:
    """Last day a window is treated as active (None = open-ended)."""
    if window.kind not in KINDS:
        raise LawError(f"breathing space kind {window.kind!r} is not known; use one of: {', '.join(KINDS)}")
    if window.end is not None:
        if window.end < window.start:
            raise LawError(
                f"breathing space end {window.end.isoformat()} is before its start "
                f"{window.start.isoformat()} — correct the dates"
            )
        return window.end
    if window.kind == "standard":
        return window.start + dt.timedelta(days=STANDARD_DAYS)
    return None


def breathing_space_status(windows: Iterable[BreathingSpaceWindow], on: dt.date) -> BreathingSpaceStatus:
    """Whether any notified breathing space is active on ``on``."""
    for window in sorted(windows, key=lambda w: w.start, reverse=True):
        end = last_day(window)
        if window.start <= on and (end is None or on <= end):
            kind = "mental health crisis" if window.kind == "mental_health_crisis" else "standard"
            until = f"until {format_date(end)}" if end else "with no end date notified yet"
            basis = (
                f"A {kind} breathing space started on {format_date(window.start)} and is active on "
                f"{format_date(on)}, {until}. Without the court's permission do not: "
                + "; ".join(BLOCKED_STEPS.values())
                + ". "
                + ALLOWED_NOTE
            )
            return BreathingSpaceStatus(True, window, end, tuple(BLOCKED_STEPS), basis, SOURCE)
    return BreathingSpaceStatus(False, None, None, (), f"No breathing space is active on {format_date(on)}.", SOURCE)


def is_blocked(step: str, status: BreathingSpaceStatus) -> bool:
    """True if ``step`` (a key of ``BLOCKED_STEPS``) is barred by ``status``."""
    if step not in BLOCKED_STEPS:
        raise LawError(f"step {step!r} is not known; use one of: {', '.join(BLOCKED_STEPS)}")
    return step in status.blocked_steps
