"""Reading one field of a case file, with the error naming the field and the fix.

Why a separate module: the case loader reads ~60 fields; each read must say
exactly where a problem is (``debtors[0].address.postcode``) and how to put it
right. ``Fields`` carries the file name and the path so loaders stay one line a field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from ..errors import CaseFileError
from ..law.dates import parse_iso_date
from ..law.money import to_money

E = TypeVar("E", bound=Enum)

# The UK postcode shape (outward code, space optional, inward code), GIR 0AA included.
POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$")
MISSING = object()


def normalise_postcode(text: str) -> str | None:
    """``'se135xd'`` -> ``'SE13 5XD'``; None when it is not a UK postcode."""
    squashed = re.sub(r"\s+", "", text.upper())
    if not POSTCODE.match(squashed):
        return None
    return f"{squashed[:-3]} {squashed[-3:]}"


class Fields:
    """A mapping from a case file, with its place in the file for error messages."""

    def __init__(self, data: Any, source: str, path: str = "") -> None:
        if not isinstance(data, dict):
            raise CaseFileError(source, path or "(top level)", "must be a set of named fields",
                                "check the indentation of this section")
        self.data = data
        self.source = source
        self.path = path

    def where(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, problem: str, fix: str = "") -> CaseFileError:
        return CaseFileError(self.source, self.where(key), problem, fix)

    def raw(self, key: str, default: Any = MISSING) -> Any:
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None or value == "":
            if default is MISSING:
                raise self.fail(key, "is missing", "add it to the case file")
            return default
        return value

    def text(self, key: str, default: Any = MISSING) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail(key, f"{value!r} must be text")
        return str(value).strip()

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"{value!r} must be true or false")
        return value

    def date(self, key: str, default: Any = MISSING, not_after: dt.date | None = None) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            try:
                value = parse_iso_date(str(value))
            except ValueError as err:
                raise self.fail(key, str(err)) from None
        if not_after is not None and value > not_after:
            raise self.fail(key, f"{value.isoformat()} is in the future",
                            f"only record what has happened, on or before {not_after.isoformat()}")
        return value

    def money(self, key: str, default: Any = MISSING, positive: bool = True) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        try:
            amount = to_money(value)
        except ValueError as err:
            raise self.fail(key, str(err)) from None
        if positive and amount <= 0:
            raise self.fail(key, f"{amount} must be more than zero",
                            "record charges and payments as positive amounts; the kind says which way")
        if amount < 0:
            raise self.fail(key, f"{amount} must not be negative")
        return amount

    def rate(self, key: str, default: Any = MISSING) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        try:
            rate = Decimal(str(value))
        except ArithmeticError:
            raise self.fail(key, f"{value!r} is not a percentage, e.g. 8") from None
        if not rate.is_finite() or rate < 0 or rate > 100:
            raise self.fail(key, f"{value!r} is not a percentage between 0 and 100")
        return rate

    def choice(self, key: str, enum: type[E], default: Any = MISSING) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        try:
            return enum(str(value))
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            raise self.fail(key, f"{value!r} is not known", f"use one of: {allowed}") from None

    def postcode(self, key: str) -> str:
        value = self.text(key)
        postcode = normalise_postcode(value)
        if postcode is None:
            raise self.fail(key, f"{value!r} is not a UK postcode", "check it against Royal Mail's finder")
        return postcode

    def section(self, key: str, default: Any = MISSING) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        return Fields(value, self.source, self.where(key))

    def items(self, key: str, required: bool = False) -> Iterator[Fields]:
        value = self.data.get(key)
        if value in (None, []):
            if required:
                raise self.fail(key, "has no entries", "add at least one")
            return
        if not isinstance(value, list):
            raise self.fail(key, "must be a list (each entry starting with '- ')")
        for index, item in enumerate(value):
            yield Fields(item, self.source, f"{self.where(key)}[{index}]")

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of text lines")
        return tuple(v.strip() for v in value if v.strip())
