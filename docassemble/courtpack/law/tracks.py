"""Track allocation (CPR 26) and the N1 statement of value (CPR 16.3).

Why the principal: for both the track and the statement of value the claimant disregards
interest and costs (CPR 16.3(6), CPR 26.13), so callers pass the sum claimed without interest.
The intermediate track exists for claims issued on or after 1 October 2023.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import amount, rows_in_force
from .dates import format_date
from .money import format_money

_CPR26 = (
    "CPR 26.9 (scope of each track, from 1 October 2023, Civil Procedure (Amendment No. 2) Rules 2023, SI 2023/572)"
)
_CPR26_OLD = "CPR 26.6 (scope of each track, before 1 October 2023)"
_CPR16 = (
    "CPR 16.3(2)(b) (statement of value in the claim form) as substituted from 1 October 2023 by the Civil "
    "Procedure (Amendment No. 2) Rules 2023 (SI 2023/572)"
)
_CPR16_OLD = "CPR 16.3(2)(b) (statement of value in the claim form) before 1 October 2023"
TRACKS = ("small_claims", "fast", "intermediate", "multi")
TRACK_LABELS = {
    "small_claims": "small claims track",
    "fast": "fast track",
    "intermediate": "intermediate track",
    "multi": "multi-track",
}


@dataclass(frozen=True)
class ValueBand:
    """Claims above ``above`` up to ``up_to`` (None = no limit) get ``value`` (a track or a wording)."""

    effective_from: dt.date
    above: Decimal
    up_to: Decimal | None
    value: str
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


@dataclass(frozen=True)
class TrackResult:
    track: str
    label: str
    statement_of_value: str
    basis: str
    source: str


_NEW = dt.date(2023, 10, 1)
_OLD = dt.date(2013, 4, 1)
TRACK_BANDS: tuple[ValueBand, ...] = (
    ValueBand(_OLD, Decimal("0"), Decimal("10000"), "small_claims", _CPR26_OLD, dt.date(2023, 9, 30)),
    ValueBand(_OLD, Decimal("10000"), Decimal("25000"), "fast", _CPR26_OLD, dt.date(2023, 9, 30)),
    ValueBand(_OLD, Decimal("25000"), None, "multi", _CPR26_OLD, dt.date(2023, 9, 30)),
    ValueBand(_NEW, Decimal("0"), Decimal("10000"), "small_claims", _CPR26),
    ValueBand(_NEW, Decimal("10000"), Decimal("25000"), "fast", _CPR26),
    ValueBand(_NEW, Decimal("25000"), Decimal("100000"), "intermediate", _CPR26),
    ValueBand(_NEW, Decimal("100000"), None, "multi", _CPR26),
)
_BEFORE = dt.date(2023, 9, 30)
STATEMENT_OF_VALUE: tuple[ValueBand, ...] = (
    ValueBand(_OLD, Decimal("0"), Decimal("10000"), "not more than £10,000", _CPR16_OLD, _BEFORE),
    ValueBand(
        _OLD, Decimal("10000"), Decimal("25000"), "more than £10,000 but not more than £25,000", _CPR16_OLD, _BEFORE
    ),
    ValueBand(_OLD, Decimal("25000"), None, "more than £25,000", _CPR16_OLD, _BEFORE),
    ValueBand(_NEW, Decimal("0"), Decimal("10000"), "not more than £10,000", _CPR16),
    ValueBand(_NEW, Decimal("10000"), Decimal("25000"), "more than £10,000 but not more than £25,000", _CPR16),
    ValueBand(_NEW, Decimal("25000"), Decimal("100000"), "more than £25,000 but not more than £100,000", _CPR16),
    ValueBand(_NEW, Decimal("100000"), None, "more than £100,000", _CPR16),
)


def _pick(table: tuple[ValueBand, ...], value: Decimal, on: dt.date) -> ValueBand:
    bands = sorted(rows_in_force(table, on), key=lambda b: b.above)
    if not bands:
        raise LawError(
            f"courtpack has no track table in force on {on.isoformat()} — use a date from {format_date(_OLD)}"
        )
    return next(b for b in bands if b.up_to is None or value <= b.up_to)


def statement_of_value(claim: object, on: dt.date) -> str:
    """The N1 words under CPR 16.3(2)(b): "not more than £10,000", "more than £10,000 but not more than £25,000",
    "more than £25,000 but not more than £100,000" or "more than £100,000" (from 1 October 2023)."""
    return _pick(STATEMENT_OF_VALUE, amount(claim, "claim"), on).value


def allocate_track(claim: object, on: dt.date) -> TrackResult:
    """The normal track for a money claim of ``claim`` (excluding interest and costs) issued on ``on``."""
    value = amount(claim, "claim")
    band = _pick(TRACK_BANDS, value, on)
    limit = f"up to {format_money(band.up_to)}" if band.up_to is not None else f"over {format_money(band.above)}"
    label = TRACK_LABELS[band.value]
    basis = (
        f"A claim of {format_money(value)} (interest and costs disregarded) is normally allocated to the {label} "
        f"({limit}); statement of value: {_pick(STATEMENT_OF_VALUE, value, on).value}."
    )
    words = _pick(STATEMENT_OF_VALUE, value, on)
    return TrackResult(band.value, label, words.value, basis, f"{band.source}; {words.source}")
