"""One shape for every possession rule row, so ``courtpack law sources`` lists them with the rest.

Why a shared row: the possession rules are periods, texts and steps rather than money bands, but a
lawyer auditing them needs the same four things as for a fee: what the figure is, since when, the
instrument it comes from and whether it was checked against that instrument (``verified``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleRow:
    """A dated possession rule: ``code`` is what the code looks up, ``figure`` what the sources list shows."""

    code: str
    name: str
    figure: str
    effective_from: dt.date
    source: str
    verified: bool = False
    effective_to: dt.date | None = None
    days: int | None = None  # a period in days, where the rule is one


def row(rows: tuple[RuleRow, ...], code: str) -> RuleRow:
    """The row with ``code`` (a programming error if absent: codes are constants of this package)."""
    for found in rows:
        if found.code == code:
            return found
    raise KeyError(code)
