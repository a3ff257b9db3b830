"""Council tax attachment of earnings: the deduction from each pay period's net earnings (Sch 3).

Why its own module: the employer applies the table in Schedule 3 to the Council Tax (Administration
and Enforcement) Regulations 1992 (SI 1992/613) every pay day, so the officer's order must state the
deduction it produces; a change of table is one new set of dated rows. Above the top band, the top
percentage applies to the band's limit and 50% to the rest. Business rates have no such power.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import amount
from .liability_orders import CT
from .money import format_money, round_penny


@dataclass(frozen=True)
class DeductionBand:
    period: str  # monthly | weekly | daily
    above: Decimal
    up_to: Decimal | None
    percent: Decimal
    effective_from: dt.date
    source: str
    verified: bool
    effective_to: dt.date | None = None


_SCH3 = f"{CT} Sch 3 (tables as substituted by SI 2006/3395 from 1 April 2007)"
_BANDS = {
    "monthly": ("300", "550", "740", "900", "1420", "2020"),
    "weekly": ("75", "135", "185", "225", "355", "505"),
    "daily": ("11", "20", "27", "33", "52", "72"),
}
_PERCENTS = ("0", "3", "5", "7", "12", "17")
TOP_RATE = Decimal("50")
PAY_PERIODS = tuple(_BANDS)
DEDUCTION_BANDS: tuple[DeductionBand, ...] = tuple(
    DeductionBand(
        pay_period,
        Decimal(lows[i - 1]) if i else Decimal("0"),
        Decimal(lows[i]),
        Decimal(_PERCENTS[i]),
        dt.date(2007, 4, 1),
        _SCH3,
        False,
    )
    for pay_period, lows in _BANDS.items()
    for i in range(len(lows))
)


@dataclass(frozen=True)
class Deduction:
    deduction: Decimal
    basis: str
    source: str


def attachment_deduction(net_earnings: object, pay_period: str, on: dt.date) -> Deduction:
    """The council tax attachment of earnings deduction from one pay period's net earnings (Sch 3).

    Above the top band, 17% is taken on the top band's limit and 50% on the remainder.
    """
    if pay_period not in PAY_PERIODS:
        raise LawError(f"pay period {pay_period!r} is not known; use one of: {', '.join(PAY_PERIODS)}")
    net = amount(net_earnings, "net earnings")
    bands = [
        b
        for b in DEDUCTION_BANDS
        if b.period == pay_period and b.effective_from <= on and (b.effective_to is None or on <= b.effective_to)
    ]
    if not bands:
        raise LawError(f"courtpack has no attachment of earnings table in force on {on.isoformat()}")
    bands.sort(key=lambda b: b.above)
    top = bands[-1]
    limit = top.up_to or Decimal("0")
    if net > limit:
        deduction = round_penny(limit * top.percent / 100 + (net - limit) * TOP_RATE / 100)
        how = (
            f"{top.percent}% of the first {format_money(limit)} and {TOP_RATE}% of the "
            f"{format_money(net - limit)} above it"
        )
    else:
        band = next(b for b in bands if b.up_to is not None and net <= b.up_to)
        deduction = round_penny(net * band.percent / 100)
        how = f"{band.percent}% (band above {format_money(band.above)} up to {format_money(band.up_to or net)})"
    basis = f"Net {pay_period} earnings of {format_money(net)}: deduct {format_money(deduction)}, {how}."
    return Deduction(deduction, basis, top.source)
