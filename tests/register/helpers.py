"""Small builders for register tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from decimal import Decimal

from docassemble.courtpack.case.casefile import read_case
from docassemble.courtpack.register.cases import add_case, add_payment
from docassemble.courtpack.register.orders import InstalmentTerms, OrderSpec, record_order

from .conftest import EXAMPLES

_FACTS = read_case(EXAMPLES / "FTA-2025-0142.yaml")
_NUMBERS = itertools.count(1)


def new_case(db, reference: str | None = None) -> str:
    reference = reference or f"T-{next(_NUMBERS):06d}"
    add_case(db, dataclasses.replace(_FACTS, reference=reference), who="test")
    return reference


def order(
    db,
    reference: str,
    total: str,
    instalment: str | None = None,
    frequency: str | None = None,
    first: dt.date | None = None,
    made_on: dt.date = dt.date(2025, 1, 2),
    costs: str = "0.00",
    key: str = "judgment",
) -> int:
    terms = InstalmentTerms(Decimal(instalment), frequency, first) if instalment else None
    return record_order(
        db,
        reference,
        OrderSpec(
            kind="judgment", made_on=made_on, amount=Decimal(total), costs=Decimal(costs), instalments=terms, key=key
        ),
        who="test",
    )


def pay(db, reference: str, day: dt.date, amount: str, ref: str = "") -> None:
    add_payment(db, reference, day, Decimal(amount), "card", ref, who="test")
