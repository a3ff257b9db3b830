"""Days between the steps of a case: median and 90th percentile, for steps taken in the period.

Why nearest-rank percentiles: a manager reads "90% of letters went within 12 days" as a real
case's figure, so the 90th percentile is the ceil(0.9 n)-th smallest interval (never interpolated),
and the median is the middle one (the lower middle of an even count, for the same reason).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from .facts import CaseLine

INTERVALS = (
    ("referral to letter", "referred", "letter"),
    ("letter to claim", "letter", "claim"),
    ("claim to judgment", "claim", "judgment"),
    ("judgment to first enforcement", "judgment", "enforcement"),
)


@dataclass(frozen=True)
class Interval:
    label: str
    days: list[int]  # one per case whose later step fell in the period

    @property
    def median(self) -> int | None:
        return nearest_rank(self.days, 50)

    @property
    def p90(self) -> int | None:
        return nearest_rank(self.days, 90)


def nearest_rank(values: list[int], percent: int) -> int | None:
    """The nearest-rank percentile: the ceil(percent/100 * n)-th smallest value (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(percent * len(ordered) / 100)) - 1]


def intervals(lines: list[CaseLine], start: dt.date, end: dt.date) -> list[Interval]:
    out = []
    for label, first, second in INTERVALS:
        days = []
        for line in lines:
            a, b = getattr(line, first), getattr(line, second)
            if a is not None and b is not None and start <= b <= end:
                days.append((b - a).days)
        out.append(Interval(label, days))
    return out
