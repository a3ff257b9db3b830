"""Charging orders on land: the periods after an interim order (CPR 73 as substituted from 6 April 2016).

Why a module: the interim order, the application and its documents must be served within 21 days of
the order (CPR 73.7), and anyone served may object within 28 days after being served (CPR 73.10(2)).
Service is not an act done at the court office, so CPR 2.8(5) does not carry the 21st day over a
weekend or bank holiday: the order must be *deemed served* by then. Posted first class, a document is
deemed served on the second day after posting if that is a business day, otherwise on the next
business day (CPR 6.26), so ``post_by`` is the last day of posting whose deemed service still falls
within the 21 days. The N379 also asks whether an instalment order was made on or after 1 October
2012 (Charging Orders Act 1979 s.1(6)-(8), as amended by the Tribunals, Courts and Enforcement Act 2007).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar import deadline, deemed_service
from .dates import format_date

INTERIM_SERVICE_DAYS = 21
OBJECTION_DAYS = 28
SERVICE_SOURCE = (
    "CPR 73.7 (serve the interim charging order within 21 days of it being made), as substituted by "
    "the Civil Procedure (Amendment) Rules 2016 (SI 2016/234) from 6 April 2016; CPR 6.26 (deemed "
    "service by first class post); CPR 2.8(5) does not apply: service is not done at the court office"
)
OBJECTION_SOURCE = (
    "CPR 73.10(2): objections filed and served not later than 28 days after service of the "
    "application notice and interim order (SI 2016/234); time computed under CPR 2.8"
)
CHARGING_SOURCE = f"{SERVICE_SOURCE}; {OBJECTION_SOURCE}"
INSTALMENT_ORDERS_FROM = dt.date(2012, 10, 1)
INSTALMENT_ORDERS_SOURCE = (
    "Charging Orders Act 1979 s.1(6)-(8) as amended by the Tribunals, Courts and Enforcement "
    "Act 2007 s.94, in force 1 October 2012; PD 73 para 1.2"
)


@dataclass(frozen=True)
class ChargingOrderDates:
    interim_order: dt.date
    serve_by: dt.date  # the last day on which service may take effect (deemed served), not moved off closed days
    post_by: dt.date  # the last day to post first class so that deemed service falls by ``serve_by``
    objections_by: dt.date  # if served on the last day allowed
    basis: str
    source: str


def interim_service_deadline(interim_order: dt.date) -> dt.date:
    """The 21st day after the interim order: service must take effect by then (CPR 73.7; 2.8(5) does not apply)."""
    return interim_order + dt.timedelta(days=INTERIM_SERVICE_DAYS)


def objection_deadline(served_on: dt.date) -> dt.date:
    """The last day to object: 28 days after service (CPR 73.10(2)), counted and moved off a closed day (CPR 2.8)."""
    return deadline(served_on, OBJECTION_DAYS).date


def last_posting_day(serve_by: dt.date) -> dt.date:
    """The last day a document can be posted first class and still be deemed served by ``serve_by`` (CPR 6.26)."""
    day = serve_by
    while deemed_service("other", "post", dt.datetime.combine(day, dt.time(9, 0))).date > serve_by:
        day -= dt.timedelta(days=1)
    return day


def charging_order_dates(interim_order: dt.date) -> ChargingOrderDates:
    serve_by = interim_service_deadline(interim_order)
    post_by = last_posting_day(serve_by)
    objections = deadline(serve_by, OBJECTION_DAYS)
    basis = (
        f"Serve the interim charging order made on {format_date(interim_order)} within {INTERIM_SERVICE_DAYS} "
        f"days: it must be deemed served by {format_date(serve_by)} (the court office being closed does not "
        f"extend this). Posted first class, post it by {format_date(post_by)}. Anyone served may object within "
        f"{OBJECTION_DAYS} days after service; if served on {format_date(serve_by)}, objections close on "
        f"{format_date(objections.date)}."
    )
    return ChargingOrderDates(interim_order, serve_by, post_by, objections.date, basis, CHARGING_SOURCE)


def instalment_order_after_change(judgment_date: dt.date) -> bool:
    """Whether an instalment order counts as made on or after 1 October 2012 (N379's question)."""
    return judgment_date >= INSTALMENT_ORDERS_FROM
