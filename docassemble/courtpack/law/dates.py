"""Dates as officers and courts write them.

Why: letters and forms say "10 January 2025", never "10/01/2025" (ambiguous to
a debtor) or an ISO string; one function keeps every document consistent.
"""

from __future__ import annotations

import datetime as dt


def format_date(day: dt.date) -> str:
    """``date(2025, 1, 10)`` -> ``'10 January 2025'`` (no leading zero, English month)."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def parse_iso_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD``; raises ``ValueError`` with an example of the right form."""
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD, e.g. 2025-01-10") from None
