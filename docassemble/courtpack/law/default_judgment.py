"""Judgment in default: when the claim form is served and when judgment may first be requested.

Why a module: the response periods (CPR 10.3, 15.4) and the request for judgment (CPR 12.3)
are the rule every N225 depends on; they are counted under CPR 2.8 by ``law.calendar``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar import court_issued_deemed_service, deadline, deemed_service
from .dates import format_date

RESPONSE_DAYS = 14  # CPR 10.3(1)(b) acknowledgment / CPR 15.4(1)(a) defence: 14 days after service of particulars
DEFENCE_AFTER_ACK_DAYS = 28  # CPR 15.4(1)(b): 28 days after service of particulars where acknowledged
RESPONSE_SOURCE = "CPR 10.3(1), 15.4(1) and 12.3; time computed under CPR 2.8"


@dataclass(frozen=True)
class JudgmentTiming:
    deemed_service: dt.date
    last_day: dt.date  # last day for the defendant to respond
    earliest_request: dt.date  # first day judgment in default may be requested
    stage: str  # law.costs stage: default-acknowledgment or default-defence
    basis: str
    source: str


@dataclass(frozen=True)
class RequestDates:
    served: dt.date
    last_day: dt.date  # last day for the defendant to respond
    request_from: dt.date  # first day judgment in default may be requested
    basis: str
    source: str


def request_dates(served: dt.date, acknowledged: bool = False) -> RequestDates:
    """From deemed service of the particulars: the defendant's last day and the first day to ask for judgment.

    14 days to acknowledge or defend (CPR 10.3(1), 15.4(1)(a)); 28 days to defend once acknowledged
    (CPR 15.4(1)(b)); judgment may be requested once the period has expired (CPR 12.3), i.e. the day after.
    """
    days = DEFENCE_AFTER_ACK_DAYS if acknowledged else RESPONSE_DAYS
    last = deadline(served, days)
    earliest = last.date + dt.timedelta(days=1)
    what = "a defence (an acknowledgment was filed)" if acknowledged else "an acknowledgment of service or a defence"
    basis = (
        f"Served on {format_date(served)}: the defendant had {days} days after service to file {what}: "
        f"{last.basis} Judgment in default may be requested from {format_date(earliest)}."
    )
    return RequestDates(served, last.date, earliest, basis, RESPONSE_SOURCE)


def default_judgment_timing(
    issue_date: dt.date, service: str = "court", sent: dt.datetime | None = None, acknowledged: bool = False
) -> JudgmentTiming:
    """When the claim form was deemed served and when judgment in default can first be requested."""
    if service == "court":
        served = court_issued_deemed_service(issue_date)
    else:
        when = sent or dt.datetime.combine(issue_date, dt.time(9, 0))
        served = deemed_service("claim-form", service, when)
    dates = request_dates(served.date, acknowledged)
    stage = "default-defence" if acknowledged else "default-acknowledgment"
    return JudgmentTiming(
        served.date,
        dates.last_day,
        dates.request_from,
        stage,
        f"{served.basis} {dates.basis}",
        f"{served.source}; {RESPONSE_SOURCE}",
    )
