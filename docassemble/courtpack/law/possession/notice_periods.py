"""The notice a tenancy needs before a possession claim for rent arrears, and its dates.

Why these readings (courtpack's, documented so every module applies the same one):

- Secure and flexible tenancies: a notice of seeking possession (Housing Act 1985 s.83, in the form
  prescribed by the Secure Tenancies (Notices) Regulations 1987, SI 1987/755). Where Ground 2 is not
  relied on, the notice must specify the date after which proceedings may be begun (s.83(4)(a)), that
  date may not be earlier than the date on which the tenancy could be ended by a landlord's notice to
  quit given on the same day (s.83(5)), and the notice ceases to be in force twelve months after that
  date (s.83(4)(b)); the court will not entertain proceedings begun when no notice is in force
  (s.83A(1)). A flexible tenancy is a secure tenancy, so Ground 1 arrears take the same notice
  (s.107D is only for recovery at the end of the term).
- Introductory tenancies: a notice of proceedings (Housing Act 1996 s.128), whose date must not be
  earlier than a notice to quit given the same day could end the tenancy (s.128(4)); proceedings may
  not begin before that date (s.128(5)); the tenant may ask for a review within 14 days beginning with
  the day the notice is served (s.129(1)). No lapse date is set by s.128. Demoted tenancies: the same
  scheme in ss.143E-143F.
- A landlord's notice to quit a periodic dwelling must give at least 4 weeks (Protection from Eviction
  Act 1977 s.5(1)) and, at common law, a full period ending at the end of a period of the tenancy (so a
  month for a monthly tenancy). courtpack names the **first rent day at least 4 weeks (a month for a
  monthly tenancy) after service**: that is the first day of a new period, one day later than the last
  day of the period before it, which is valid on either reading of when a period ends.
- Proceedings may be begun *after* the date specified, so from the day after it; the last day to issue is
  the day before the notice ceases to be in force (twelve months after the date specified).
- Service: handed to the tenant, the day it is handed over; put through the letterbox, the next day
  (courtpack's cautious reading); first class post, the second business day after posting (Interpretation
  Act 1978 s.7, "the ordinary course of post", read with the CPR 6.26 convention).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...errors import LawError
from ..calendar import deemed_service
from ..dates import add_months, format_date
from .rows import RuleRow, row

TENANCY_KINDS = ("secure", "introductory", "flexible", "demoted")
FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly")
SERVICE_METHODS = ("hand", "letterbox", "post")
PERIOD_DAYS = {"weekly": 7, "fortnightly": 14, "four_weekly": 28}

_HA85 = dt.date(1985, 10, 1)
_HA96 = dt.date(1997, 2, 12)
NOTICE_ROWS: tuple[RuleRow, ...] = (
    RuleRow(
        "nosp",
        "notice of seeking possession (secure or flexible tenancy, Ground 1)",
        "specifies the date after which proceedings may be begun; lapses twelve months after that date",
        _HA85,
        "Housing Act 1985 s.83(2), (4), (5) and s.83A(1), as substituted by Housing Act 1996 s.147 "
        "(legislation.gov.uk text read for s.83(1)-(4)); form: Secure Tenancies (Notices) Regulations 1987 "
        "(SI 1987/755) as amended",
        verified=True,
    ),
    RuleRow(
        "notice_lapse_months",
        "notice of seeking possession ceases to be in force",
        "12 months after the date specified",
        _HA85,
        "Housing Act 1985 s.83(4)(b)",
        verified=True,
    ),
    RuleRow(
        "notice_to_quit",
        "earliest date a notice may specify (periodic tenancy)",
        "not earlier than a landlord's notice to quit given the same day could end the tenancy: at least 4 "
        "weeks, a full period, ending with a period",
        _HA85,
        "Housing Act 1985 s.83(5); Housing Act 1996 s.128(4) and s.143E(3); Protection from Eviction Act "
        "1977 s.5(1); common law (a periodic tenancy's notice expires at the end of a period)",
        days=28,
    ),
    RuleRow(
        "flexible_ground_1",
        "flexible tenancy in rent arrears",
        "a secure tenancy: Ground 1 with a notice of seeking possession (s.107D is only for the end of the term)",
        dt.date(2012, 4, 1),
        "Housing Act 1985 ss.107A, 107D, 83 and Sch 2 Ground 1 (flexible tenancies inserted by the Localism Act "
        "2011 s.154)",
    ),
    RuleRow(
        "introductory_notice",
        "notice of proceedings (introductory tenancy)",
        "reasons, the date after which proceedings may be begun, the right to a review and its time limit",
        _HA96,
        "Housing Act 1996 s.128(2)-(6)",
    ),
    RuleRow(
        "introductory_review",
        "request a review of the decision to seek possession (introductory tenancy)",
        "14 days beginning with the day the notice is served",
        _HA96,
        "Housing Act 1996 s.129(1)",
        verified=True,
        days=14,
    ),
    RuleRow(
        "review_before_date",
        "a requested review is decided and notified (introductory and demoted tenancies)",
        "before the date the notice names as the date after which proceedings may be begun",
        _HA96,
        "Housing Act 1996 s.129(2), (5), (6); s.143F(2), (5), (6) for demoted tenancies",
        verified=True,
    ),
    RuleRow(
        "demoted_notice",
        "notice of proceedings (demoted tenancy)",
        "as for an introductory tenancy; review within 14 days of service",
        dt.date(2004, 6, 30),
        "Housing Act 1996 ss.143E, 143F (inserted by the Anti-social Behaviour Act 2003 s.14)",
        days=14,
    ),
    RuleRow(
        "posted_notice",
        "a notice posted first class is treated as served",
        "on the second business day after posting",
        dt.date(1978, 1, 1),
        "Interpretation Act 1978 s.7 (ordinary course of post), read with the CPR 6.26 convention",
    ),
)


@dataclass(frozen=True)
class NoticeDates:
    """What a notice must say and when it works, with the reasoning a caseworker can check."""

    tenancy: str
    notice: str  # "notice of seeking possession" | "notice of proceedings"
    handed_or_posted: dt.date
    method: str
    served_on: dt.date  # when service takes effect
    earliest_date_specified: dt.date  # the earliest date the notice may name
    proceedings_from: dt.date  # the day after the date specified
    lapses_on: dt.date | None  # the day the notice ceases to be in force (None: no lapse by statute)
    last_issue_date: dt.date | None  # the last day proceedings may be begun on this notice
    review_by: dt.date | None  # introductory and demoted tenancies: last day to ask for a review
    basis: str
    source: str


def _require(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise LawError(f"{what} {value!r} is not known; use one of: {', '.join(allowed)}")


def service_date(handed_or_posted: dt.date, method: str) -> dt.date:
    """When a notice given by ``method`` on ``handed_or_posted`` is treated as served (see module docstring)."""
    _require(method, SERVICE_METHODS, "service method")
    if method == "hand":
        return handed_or_posted
    if method == "letterbox":
        return handed_or_posted + dt.timedelta(days=1)
    return deemed_service("other", "post", dt.datetime.combine(handed_or_posted, dt.time(9, 0))).date


def next_rent_day(on_or_after: dt.date, rent_day: dt.date, frequency: str) -> dt.date:
    """The first rent day (the first day of a rental period) on or after ``on_or_after``.

    ``rent_day`` is any known rent day (e.g. the tenancy's start or a Monday the rent is due).
    """
    _require(frequency, FREQUENCIES, "rent frequency")
    if frequency == "monthly":
        months = (on_or_after.year - rent_day.year) * 12 + on_or_after.month - rent_day.month - 1
        candidate = add_months(rent_day, months)
        while candidate < on_or_after:
            months += 1
            candidate = add_months(rent_day, months)
        return candidate
    step = PERIOD_DAYS[frequency]
    offset = (on_or_after - rent_day).days % step
    return on_or_after if offset == 0 else on_or_after + dt.timedelta(days=step - offset)


def earliest_date_specified(served_on: dt.date, rent_day: dt.date, frequency: str) -> dt.date:
    """The first rent day at least 4 weeks (a month, for a monthly tenancy) after service."""
    least = add_months(served_on, 1) if frequency == "monthly" else served_on + dt.timedelta(days=28)
    return next_rent_day(least, rent_day, frequency)


def notice_dates(
    tenancy: str, handed_or_posted: dt.date, *, rent_day: dt.date, frequency: str, method: str = "hand"
) -> NoticeDates:
    """The notice's earliest date, when proceedings may start and stop, and the review period."""
    _require(tenancy, TENANCY_KINDS, "tenancy type")
    served = service_date(handed_or_posted, method)
    specified = earliest_date_specified(served, rent_day, frequency)
    start = specified + dt.timedelta(days=1)
    how = {"hand": "handed to the tenant", "letterbox": "put through the letterbox", "post": "posted first class"}
    period = "a month" if frequency == "monthly" else "4 weeks"
    served_text = f"{how[method]} on {format_date(handed_or_posted)}" + (
        "" if served == handed_or_posted else f", so treated as served on {format_date(served)}"
    )
    if tenancy in ("secure", "flexible"):
        lapses = add_months(specified, 12)
        last = lapses - dt.timedelta(days=1)
        basis = (
            f"Notice of seeking possession {served_text}. The date it names may be no earlier than "
            f"{format_date(specified)}, the first rent day at least {period} after service. Proceedings may be "
            f"begun from {format_date(start)}; the notice ceases to be in force on {format_date(lapses)}, so "
            f"issue by {format_date(last)}."
        )
        source = f"{row(NOTICE_ROWS, 'nosp').source}; {row(NOTICE_ROWS, 'notice_to_quit').source}"
        return NoticeDates(
            tenancy,
            "notice of seeking possession",
            handed_or_posted,
            method,
            served,
            specified,
            start,
            lapses,
            last,
            None,
            basis,
            source,
        )
    review = row(NOTICE_ROWS, "introductory_review" if tenancy == "introductory" else "demoted_notice")
    review_by = served + dt.timedelta(days=(review.days or 14) - 1)
    basis = (
        f"Notice of proceedings ({tenancy} tenancy) {served_text}. The date it names may be no earlier than "
        f"{format_date(specified)}, the first rent day at least {period} after service, and proceedings may be "
        f"begun from {format_date(start)}. The tenant may ask for a review by {format_date(review_by)} (14 days "
        "beginning with the day of service). The notice has no statutory lapse date."
    )
    law = row(NOTICE_ROWS, "introductory_notice" if tenancy == "introductory" else "demoted_notice").source
    source = f"{law}; {review.source}; {row(NOTICE_ROWS, 'notice_to_quit').source}"
    return NoticeDates(
        tenancy,
        "notice of proceedings",
        handed_or_posted,
        method,
        served,
        specified,
        start,
        None,
        None,
        review_by,
        basis,
        source,
    )


@dataclass(frozen=True)
class NoticeWindow:
    """When proceedings may be begun on a notice that names ``date_specified``."""

    proceedings_from: dt.date
    lapses_on: dt.date | None
    last_issue_date: dt.date | None


def notice_window(tenancy: str, date_specified: dt.date) -> NoticeWindow:
    """From the day after the named date; for a secure or flexible tenancy, until the notice lapses (s.83(4)(b))."""
    _require(tenancy, TENANCY_KINDS, "tenancy type")
    start = date_specified + dt.timedelta(days=1)
    if tenancy in ("secure", "flexible"):
        lapses = add_months(date_specified, 12)
        return NoticeWindow(start, lapses, lapses - dt.timedelta(days=1))
    return NoticeWindow(start, None, None)
