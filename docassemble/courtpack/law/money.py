"""Money: Decimal amounts, rounding, and the one parser that turns text into an amount.

Why a module: floats lose pennies, and courts check pennies. Amounts are parsed
to Decimal at the edge and rounded half-up to the penny only at the end of a
calculation (the convention HMCTS calculators and the county court use).

Why one strict parser: every reader (case files, answers, imports, CLI options)
calls ``to_money``, so "10,00" in a semicolon-CSV with a decimal comma is £10.00
everywhere and never £1,000.00; "1,2,3", "1e400" and 10**23 are refused, not stored.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")
# A sanity ceiling, not a rule of law: no council recovery debt comes near £10 million, and the
# register's columns (Numeric(12, 2)) hold at most £9,999,999,999.99. A figure above it is a typing
# or export error (an account number in the amount column), so it is refused, never stored.
MAX_AMOUNT = Decimal("10000000.00")
SEPARATORS = (".", ",", " ", "'", "")
_MAX_TEXT = 40


def _pattern(decimal: str, thousands: str) -> re.Pattern[str]:
    """Digits grouped in threes by ``thousands`` (or not grouped at all), then ``decimal`` and 1-2 digits."""
    dec = re.escape(decimal)
    if thousands:
        sep = re.escape(thousands)
        whole = rf"(?:\d{{1,3}}(?:{sep}\d{{3}})+|\d+)"
    else:
        whole = r"\d+"
    return re.compile(rf"(?P<whole>{whole})?(?:{dec}(?P<frac>\d{{1,8}}))?")


def to_money(value: object, *, decimal: str = ".", thousands: str = ",", maximum: Decimal = MAX_AMOUNT) -> Decimal:
    """Parse a user or file value (``"1,234.50"``, ``"£12"``, ``12``, ``"-5"``) to Decimal pence.

    Text is read only with the declared ``decimal`` and ``thousands`` separators (a semicolon-CSV
    export declares ``decimal=","``, ``thousands="."``). Floats, exponents, NaN, more than two
    decimals and anything beyond ``maximum`` (either sign) are refused. Raises ``ValueError`` with a
    plain message; callers wrap it with the file and field.
    """
    if decimal not in SEPARATORS or not decimal or thousands not in SEPARATORS or decimal == thousands:
        raise ValueError(
            f"decimal {decimal!r} and thousands {thousands!r} separators must differ and be one of . , space or '"
        )
    example = f"e.g. '1{thousands}234{decimal}56'"
    if isinstance(value, (bool, float)):
        raise ValueError(f"{value!r} must be written as a string or whole number, {example}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value!r} is not an amount of money")
        amount = value
    elif isinstance(value, int):
        if abs(value) > maximum:
            raise ValueError(f"{value:,} is more than the most courtpack accepts (£{maximum:,.2f}); check the figure")
        amount = Decimal(value)
    elif isinstance(value, str):
        amount = _parse_text(value, decimal, thousands, example)
    else:
        raise ValueError(f"{value!r} is not an amount of money, {example}")
    if abs(amount) > maximum:
        raise ValueError(f"{_show(value)} is more than the most courtpack accepts (£{maximum:,.2f}); check the figure")
    if amount != amount.quantize(PENNY, rounding=ROUND_DOWN):
        raise ValueError(f"{_show(value)} has fractions of a penny; give at most two decimal places")
    return amount.quantize(PENNY)


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT] + "…'"


def _parse_text(value: str, decimal: str, thousands: str, example: str) -> Decimal:
    text = value.strip()
    if len(text) > _MAX_TEXT:
        raise ValueError(f"{_show(value)} is too long to be an amount of money, {example}")
    negative = text.startswith("-")
    if negative or text.startswith("+"):
        text = text[1:].lstrip()
    if text.startswith("£"):
        text = text[1:].lstrip()
    if text.startswith("-") and not negative:  # "£-5" written the other way round
        negative, text = True, text[1:]
    match = _pattern(decimal, thousands).fullmatch(text)
    if not text or not match or not (match.group("whole") or match.group("frac")):
        raise ValueError(f"{_show(value)} is not an amount of money, {example}")
    whole = (match.group("whole") or "0").replace(thousands, "") if thousands else (match.group("whole") or "0")
    try:
        amount = Decimal(f"{whole}.{match.group('frac') or '0'}")
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise ValueError(f"{_show(value)} is not an amount of money, {example}") from None
    return -amount if negative else amount


def round_penny(amount: Decimal) -> Decimal:
    """Round half-up to the penny (the final step of every money calculation)."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def round_down_penny(amount: Decimal) -> Decimal:
    """Round down to the penny (CPFO 5% fee band: fees never round up)."""
    return amount.quantize(PENNY, rounding=ROUND_DOWN)


def format_money(amount: Decimal) -> str:
    """``Decimal('1234.5')`` -> ``'£1,234.50'``; negatives as ``'-£12.00'``."""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(round_penny(amount)):,.2f}"


def money_str(amount: Decimal) -> str:
    """Two-decimal string for JSON and CSV contracts (``'1234.50'``)."""
    return f"{round_penny(amount):.2f}"
