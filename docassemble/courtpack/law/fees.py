"""Court fees: the Civil Proceedings Fees Order 2008 (CPFO, SI 2008/1053) issue fee bands and other fees.

Why a dated table: fees change by statutory instrument, usually in April (the last general uplift
was the Court and Tribunal Fees (Miscellaneous Amendments) Order 2025, SI 2025/351, from 8 April
2025); a claim is costed on the fee in force on its issue date. The issue fee is charged on the
claim value *including interest* to the date of issue; the 5% band is rounded down to the penny (a
fee never rounds up). A warrant of control has two fees: one where the court issued the claim
locally, a lower one where the claim was issued by the Civil National Business Centre (CPFO fee
8.1(a) and (b)). Rows not yet checked against the Order carry ``verified=False``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import amount, row_in_force, rows_in_force
from .dates import format_date
from .money import format_money, round_down_penny

_CPFO = "Civil Proceedings Fees Order 2008 (SI 2008/1053) Sch 1 fee 1.1"
_CURRENT = f"{_CPFO}, as in force from 8 April 2025 (SI 2025/351 left the bands as they were)"
_BEFORE = (
    f"{_CPFO}, bands as substituted by SI 2015/576 art 2(3) from 9 March 2015 (unchanged in the text in "
    "force on 27 November 2023)"
)
_OTHER = "Civil Proceedings Fees Order 2008 (SI 2008/1053) Sch 1 fee {}, as amended by SI 2025/351 from 8 April 2025"


@dataclass(frozen=True)
class IssueFeeBand:
    """Claims above ``above`` and up to ``up_to`` (None = no limit) pay ``fee``, or ``percent`` of the claim."""

    effective_from: dt.date
    above: Decimal
    up_to: Decimal | None
    fee: Decimal | None
    percent: Decimal | None
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


@dataclass(frozen=True)
class FeeRow:
    """A fixed fee for a step (``code``), e.g. ``warrant_of_control``."""

    code: str
    description: str
    amount: Decimal
    effective_from: dt.date
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


@dataclass(frozen=True)
class FeeResult:
    fee: Decimal
    basis: str
    source: str
    claim_value: Decimal | None = None  # issue fees only; None = value not stated


def _bands(start: dt.date, end: dt.date | None, source: str, verified: bool) -> tuple[IssueFeeBand, ...]:
    d = Decimal
    rows = (
        ("0", "300", "35", None),
        ("300", "500", "50", None),
        ("500", "1000", "70", None),
        ("1000", "1500", "80", None),
        ("1500", "3000", "115", None),
        ("3000", "5000", "205", None),
        ("5000", "10000", "455", None),
        ("10000", "200000", None, "5"),
        ("200000", None, "10000", None),
    )
    return tuple(
        IssueFeeBand(
            start,
            d(lo),
            d(hi) if hi else None,
            d(fee).quantize(d("0.01")) if fee else None,
            d(pct) if pct else None,
            source,
            end,
            verified,
        )
        for lo, hi, fee, pct in rows
    )


ISSUE_FEE_BANDS: tuple[IssueFeeBand, ...] = _bands(dt.date(2015, 3, 9), dt.date(2025, 4, 7), _BEFORE, True) + _bands(
    dt.date(2025, 4, 8), None, _CURRENT, False
)
UNSTATED_VALUE_FEE_ABOVE = Decimal("200000")  # an unstated value pays the top band's fee

_SECONDARY = "; figure from secondary sources (EX50 and guides), not yet read in SI 2025/351"
OTHER_FEES: tuple[FeeRow, ...] = tuple(
    FeeRow(code, description, Decimal(value), dt.date(2025, 4, 8), _OTHER.format(number) + _SECONDARY)
    for code, description, value, number in (
        ("application_on_notice", "an application on notice", "313.00", "2.4"),
        ("application_without_notice", "an application without notice or by consent", "123.00", "2.5"),
        ("warrant_of_control", "a warrant of control (a court-issued claim)", "138.00", "8.1(a)"),
        (
            "warrant_of_control_bulk",
            "a warrant of control (a bulk centre claim: Money Claim Online or bulk issue)",
            "94.00",
            "8.1(b)",
        ),
        ("writ_of_control", "a writ of control (High Court)", "80.00", "7.1"),
        ("order_to_obtain_information", "an application for an order to obtain information", "71.00", "8.3"),
        (
            "third_party_debt_order",
            "an application for a third party debt order (each third party)",
            "135.00",
            "8.4(a)",
        ),
        ("charging_order", "an application for a charging order (each order)", "135.00", "8.4(b)"),
        ("attachment_of_earnings", "an application for an attachment of earnings order (each debtor)", "135.00", "8.7"),
        ("possession_claim", "a claim for possession of land (County Court, paper claim on N5)", "404.00", "1.4(b)"),
        ("warrant_of_possession", "a warrant of possession (County Court, N325)", "148.00", "8.2"),
    )
)
FEE_CODES = tuple(dict.fromkeys(row.code for row in OTHER_FEES))


def _band_text(band: IssueFeeBand) -> str:
    if band.up_to is None:
        return f"over {format_money(band.above)}"
    if band.above == 0:
        return f"up to {format_money(band.up_to)}"
    return f"{format_money(band.above + Decimal('0.01'))} to {format_money(band.up_to)}"


def issue_fee(claim_value: object | None, on: dt.date) -> FeeResult:
    """The CPFO fee 1.1 issue fee for a money claim of ``claim_value`` (None = value not stated) on ``on``.

    ``claim_value`` is the amount claimed including interest to the date of issue, excluding the
    fee and legal representative's costs.
    """
    bands = rows_in_force(ISSUE_FEE_BANDS, on)
    if not bands:
        raise LawError(
            f"courtpack has no issue fee table in force on {on.isoformat()} — use a date from "
            "9 March 2015 or add the older table to law/fees.py"
        )
    if claim_value is None:
        top = max(bands, key=lambda b: b.above)
        fee = top.fee or Decimal("0.00")
        return FeeResult(
            fee,
            f"Issue fee {format_money(fee)} on {format_date(on)}: the value of the claim is not stated.",
            top.source,
            None,
        )
    value = amount(claim_value, "claim value", allow_zero=False)
    band = next(b for b in sorted(bands, key=lambda b: b.above) if b.up_to is None or value <= b.up_to)
    if band.percent is not None:
        fee = round_down_penny(value * band.percent / 100)
        how = f"{band.percent.normalize():f}% of the claim, rounded down to the penny"
    else:
        fee = band.fee or Decimal("0.00")
        how = "a fixed fee"
    basis = (
        f"Issue fee {format_money(fee)} for a claim of {format_money(value)} issued on {format_date(on)} "
        f"(band {_band_text(band)}: {how})."
    )
    return FeeResult(fee, basis, band.source, value)


def court_fee(code: str, on: dt.date) -> FeeResult:
    """A fixed court fee for a step (one of ``FEE_CODES``) in force on ``on``."""
    rows = [row for row in OTHER_FEES if row.code == code]
    if not rows:
        raise LawError(f"fee {code!r} is not known; use one of: {', '.join(FEE_CODES)}")
    row = row_in_force(rows, on, f"fee for {rows[0].description}")
    return FeeResult(
        row.amount, f"Court fee {format_money(row.amount)} for {row.description} on {format_date(on)}.", row.source
    )
