"""Possession claims for rent arrears by a social landlord: notices, protocol, particulars, hearing, warrant.

Why a package: each rule is its own module (named after it); this file gathers their rows so
``courtpack law sources`` lists them with every other table, and names the public surface.
"""

from __future__ import annotations

from .grounds import GROUND_1_TEXT, GROUND_ROWS, ground_text
from .hearing_dates import HEARING_ROWS, HearingCheck, hearing_check
from .moratorium import MORATORIUM_ROWS
from .notice_periods import (
    FREQUENCIES,
    NOTICE_ROWS,
    SERVICE_METHODS,
    TENANCY_KINDS,
    NoticeDates,
    NoticeWindow,
    earliest_date_specified,
    next_rent_day,
    notice_dates,
    notice_window,
    service_date,
)
from .particulars import PARTICULARS_ROWS, DailyRate, daily_rate, schedule_start
from .rows import RuleRow
from .social_protocol import BEFORE_CLAIM, BEFORE_HEARING, PROTOCOL_ROWS, STEP_CODES
from .vulnerability import OUTCOMES, VULNERABILITY_ROWS
from .warrant import ENFORCEMENT_STEP, FIX_DATE_NOTICE_DAYS, WARRANT_ROWS

POSSESSION_ROWS: tuple[RuleRow, ...] = (
    *NOTICE_ROWS,
    *GROUND_ROWS,
    *PROTOCOL_ROWS,
    *VULNERABILITY_ROWS,
    *PARTICULARS_ROWS,
    *HEARING_ROWS,
    *WARRANT_ROWS,
    *MORATORIUM_ROWS,
)

__all__ = [
    "BEFORE_CLAIM",
    "BEFORE_HEARING",
    "ENFORCEMENT_STEP",
    "FIX_DATE_NOTICE_DAYS",
    "FREQUENCIES",
    "GROUND_1_TEXT",
    "OUTCOMES",
    "POSSESSION_ROWS",
    "SERVICE_METHODS",
    "STEP_CODES",
    "TENANCY_KINDS",
    "DailyRate",
    "HearingCheck",
    "NoticeDates",
    "NoticeWindow",
    "RuleRow",
    "daily_rate",
    "earliest_date_specified",
    "ground_text",
    "hearing_check",
    "next_rent_day",
    "notice_dates",
    "notice_window",
    "schedule_start",
    "service_date",
]
