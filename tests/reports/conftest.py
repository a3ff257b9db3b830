"""Fixtures for the management reports and write-off: a generated 2,000-case register, and a tiny
crafted one whose every figure is worked out by hand in the tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.demo import load_demo
from docassemble.courtpack.register.models import Case, LedgerEntry
from docassemble.courtpack.register.reporting.synthetic import generate_caseload
from docassemble.courtpack.register.reporting.targets import set_collection_target

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
AS_AT = dt.date(2026, 1, 31)
JANUARY = (dt.date(2026, 1, 1), dt.date(2026, 1, 31))


@pytest.fixture(scope="session")
def big_register(tmp_path_factory):
    """The example register (three cases, their orders and imported payments) plus 2,000 generated cases
    (seed 14) referred over eight years up to 31 January 2026, with payments."""
    path = tmp_path_factory.mktemp("big") / "register.db"
    register = Register(str(path))
    load_demo(register, EXAMPLES, None, dt.date(2026, 1, 10))
    with register.transaction("generator") as session:
        generate_caseload(session, 2000, AS_AT)
    set_collection_target(register, dt.date(2025, 1, 1), "60000", who="manager")
    yield register
    register.dispose()


@pytest.fixture
def empty_register(tmp_path):
    register = Register(str(tmp_path / "register.db"))
    yield register
    register.dispose()


def add_case(
    session,
    reference: str,
    balance: str,
    referred: dt.date,
    debt_type: str = "sundry",
    charged: dt.date | None = None,
    officer: str = "Asha Patel",
    debtor: str | None = None,
) -> Case:
    """One case with a single charge (the debt) dated ``charged`` (default: 60 days before referral)."""
    case = Case(
        reference=reference,
        claimant="London Borough of Example",
        debtor_name=debtor or f"Debtor {reference}",
        debt_type=debt_type,
        officer_name=officer,
        balance=Decimal(balance),
        created_at=dt.datetime.combine(referred, dt.time(9)),
    )
    case.ledger.append(
        LedgerEntry(
            entry_date=charged or referred - dt.timedelta(days=60),
            description="debt",
            amount=Decimal(balance),
            kind="charge",
        )
    )
    session.add(case)
    session.flush()
    return case
