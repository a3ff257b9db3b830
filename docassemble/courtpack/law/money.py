"""Money: Decimal amounts, rounding and the way officers write them.

Why a module: floats lose pennies, and courts check pennies. Amounts are parsed
to Decimal at the edge and rounded half-up to the penny only at the end of a
calculation (the convention HMCTS calculators and the county court use).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")


def to_money(value: object) -> Decimal:
    """Parse a user or file value (``"1,234.50"``, ``"£12"``, ``12``) to Decimal.

    Floats are refused: ``0.1 + 0.2`` style errors must never enter a claim.
    Raises ``ValueError`` with a plain message; callers wrap it with the field.
    """
    if isinstance(value, (bool, float)):
        raise ValueError(f"{value!r} must be written as a string or whole number, e.g. '1234.56'")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("£", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"{value!r} is not an amount of money, e.g. '1234.56'") from None
    else:
        raise ValueError(f"{value!r} is not an amount of money, e.g. '1234.56'")
    if not amount.is_finite():
        raise ValueError(f"{value!r} is not an amount of money")
    if amount != amount.quantize(PENNY):
        raise ValueError(f"{value!r} has fractions of a penny; give at most two decimal places")
    return amount.quantize(PENNY)


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
