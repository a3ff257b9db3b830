"""Hearings and deadlines as an iCalendar file (RFC 5545) for Outlook, Google or Apple calendars.

Why stable UIDs: an officer imports the file again every week; a calendar recognises an event by
its UID and updates it (a hearing moved, a direction met) instead of adding a duplicate. Hearing
UIDs come from the hearing's stored key; deadlines from their record's key. Times are stored as
UK local time and written in UTC (``...Z``), which every calendar understands without a VTIMEZONE.
Deadlines are all-day events. Written with no third-party library; tests read it back with
``icalendar``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..files import write_atomically
from ..law.dates import format_date
from .db import Register, session_for
from .models import Case, ChargingOrder, Direction, Hearing, Order

LONDON = ZoneInfo("Europe/London")
MAX_MINUTES = 5 * 24 * 60
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
log = logging.getLogger(__name__)
PRODID = "-//courtpack//case register//EN"
UID_DOMAIN = "courtpack.register"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    description: str
    start: dt.datetime | dt.date  # datetime: a timed event (UK local time); date: an all-day deadline
    minutes: int = 0
    location: str = ""


def _escape(text: str) -> str:
    text = _CONTROL.sub(" ", text)
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a leading space (never splitting a character)."""
    out, current = [], ""
    for char in line:
        limit = 75 if not out else 74
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _utc(local: dt.datetime) -> str:
    return local.replace(tzinfo=LONDON).astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def render(events: Iterable[CalendarEvent], stamp: dt.datetime | None = None) -> str:
    stamp_text = (stamp or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:courtpack hearings and deadlines",
    ]
    for event in events:
        try:
            if isinstance(event.start, dt.datetime):
                end = event.start + dt.timedelta(minutes=max(1, min(event.minutes or 30, MAX_MINUTES)))
                when = [f"DTSTART:{_utc(event.start)}", f"DTEND:{_utc(end)}"]
            else:
                when = [
                    f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
                    f"DTEND;VALUE=DATE:{event.start + dt.timedelta(days=1):%Y%m%d}",
                    "TRANSP:TRANSPARENT",
                ]
        except (OverflowError, ValueError):
            # A date no calendar can hold (recorded before the register refused them) must not cost
            # the officer every other hearing in the file: leave it out and say so in the log.
            log.warning("calendar: left out %s, whose date %s cannot be written", event.uid, event.start)
            continue
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp_text}", *when]
        lines.append(f"SUMMARY:{_escape(event.summary)}")
        if event.location:
            lines.append(f"LOCATION:{_escape(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{_escape(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))


def calendar_events(
    session: Session, from_date: dt.date | None = None, to_date: dt.date | None = None
) -> list[CalendarEvent]:
    """Listed hearings, directions not yet met, and charging order deadlines (optionally within dates)."""

    def within(day: dt.date | None) -> bool:
        return day is not None and (from_date is None or day >= from_date) and (to_date is None or day <= to_date)

    events = []
    for hearing, case in session.execute(
        select(Hearing, Case).join(Case).where(Hearing.status == "listed").order_by(Hearing.starts_at)
    ).tuples():
        if within(hearing.starts_at.date()):
            events.append(
                CalendarEvent(
                    f"hearing-{hearing.key}@{UID_DOMAIN}",
                    f"{case.reference} {hearing.kind} ({case.debtor_name})",
                    f"Case {case.reference}: {case.debtor_name}. {hearing.kind} at {hearing.court}, "
                    f"{format_date(hearing.starts_at.date())} at {hearing.starts_at:%H:%M}.",
                    hearing.starts_at,
                    hearing.duration_minutes,
                    hearing.court,
                )
            )
    query = (
        select(Direction, Case, Order.key)
        .join(Case, Case.id == Direction.case_id)
        .join(Order, Order.id == Direction.order_id)
        .where(Order.status == "active", Direction.met_on.is_(None))
        .order_by(Direction.deadline)
    )
    for direction, case, order_key in session.execute(query).tuples():
        if within(direction.deadline):
            events.append(
                CalendarEvent(
                    f"direction-{case.reference}-{order_key}-{direction.key}@{UID_DOMAIN}",
                    f"{case.reference} deadline: {direction.text}",
                    f"Case {case.reference} ({case.debtor_name}): {direction.party} to {direction.text} by "
                    f"{format_date(direction.deadline)}.",
                    direction.deadline,
                )
            )
    query = (
        select(ChargingOrder, Case)
        .join(Case, Case.id == ChargingOrder.case_id)
        .join(Order, Order.id == ChargingOrder.order_id)
        .where(Order.status == "active", ChargingOrder.final_made.is_(None))
    )
    for stage, case in session.execute(query).tuples():
        key = stage.order.key
        steps = [
            ("serve", "serve the interim charging order", None if stage.served_on else stage.serve_by),
            ("objections", "last day for objections to the charging order", stage.objection_deadline),
            ("final", "final charging order hearing", stage.final_hearing),
        ]
        for suffix, what, day in steps:
            if within(day):
                events.append(
                    CalendarEvent(
                        f"charging-{case.reference}-{key}-{suffix}@{UID_DOMAIN}",
                        f"{case.reference} deadline: {what}",
                        f"Case {case.reference} ({case.debtor_name}): {what}, {format_date(day)}. "
                        f"Property: {stage.land} {stage.title_number}".strip(),
                        day,
                    )
                )
    return sorted(events, key=lambda e: (e.start.date() if isinstance(e.start, dt.datetime) else e.start, e.uid))


def export_calendar(
    db: Register | Session | str | os.PathLike[str] | None,
    out: str | os.PathLike[str],
    from_date: dt.date | None = None,
    to_date: dt.date | None = None,
    stamp: dt.datetime | None = None,
) -> Path:
    """Write the .ics file (atomically). Returns its path."""
    with session_for(db) as session:
        text = render(calendar_events(session, from_date, to_date), stamp)
    return write_atomically(Path(out), text.encode("utf-8"))
