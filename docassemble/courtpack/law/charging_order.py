"""Charging orders on land: the periods after an interim order (CPR 73, PD 73).

Why a module: the interim order must be served within 21 days (CPR 73.5(2)) and anyone
served may object within 28 days after service (CPR 73.10(1)); the N379 also asks whether
an instalment order was made on or after 1 October 2012 (Charging Orders Act 1979 s.1(6)-(8),
as amended by the Tribunals, Courts and Enforcement Act 2007, in force from that date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar import deadline

INTERIM_SERVICE_DAYS = 21
OBJECTION_DAYS = 28
CHARGING_SOURCE = "CPR 73.5(2) and 73.10(1); time computed under CPR 2.8"
INSTALMENT_ORDERS_FROM = dt.date(2012, 10, 1)
INSTALMENT_ORDERS_SOURCE = "Charging Orders Act 1979 s.1(6)-(8) as amended; PD 73 (verify)"


@dataclass(frozen=True)
class ChargingOrderDates:
    interim_order: dt.date
    serve_by: dt.date
    objections_by: dt.date  # if served on the last day allowed
    basis: str
    source: str


def charging_order_dates(interim_order: dt.date) -> ChargingOrderDates:
    serve = deadline(interim_order, INTERIM_SERVICE_DAYS)
    objections = deadline(serve.date, OBJECTION_DAYS)
    basis = (f"Serve the interim charging order within {INTERIM_SERVICE_DAYS} days of it being made: {serve.basis} "
             f"Anyone served may object within {OBJECTION_DAYS} days after service; if served on the last day, "
             f"objections close on {objections.date.isoformat()} ({objections.basis})")
    return ChargingOrderDates(interim_order, serve.date, objections.date, basis, CHARGING_SOURCE)


def instalment_order_after_change(judgment_date: dt.date) -> bool:
    """Whether an instalment order counts as made on or after 1 October 2012 (N379's question)."""
    return judgment_date >= INSTALMENT_ORDERS_FROM
