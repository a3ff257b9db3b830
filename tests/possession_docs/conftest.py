"""A secure tenant four weeks' rent and more in arrears, built by hand for the document tests.

The account (weekly rent £120.00 due each Monday; daily rate £120.00 ÷ 7 = £17.142… → £17.14):
  brought forward on 6 January 2025: £300.00
  6 Jan  rent £120.00, UC housing costs £60.00  -> 300 + 120 - 60 = £360.00
  13 Jan rent £120.00, tenant pays £20.00       -> 360 + 120 - 20 = £460.00
  20 Jan rent £120.00                           -> 460 + 120      = £580.00
  27 Jan rent £120.00, UC £60.00, tenant £20.00 -> 580 + 120 - 80 = £620.00
Totals: due 4 × 120 = £480.00; paid by tenant 20 + 20 = £40.00; UC 60 + 60 = £120.00;
closing 300 + 480 - 40 - 120 = £620.00, which is 620 ÷ 120 = 5.17 weeks of rent.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.case.casefile import case_from_dict
from docassemble.courtpack.documents.possession import (
    PossessionOrder,
    ProtocolStep,
    RentLine,
    RentStatement,
    Signatory,
    TenancyFacts,
    TenancyKind,
)

D = Decimal
GROUND_1 = (
    "Rent lawfully due from the tenant has not been paid or an obligation of the tenancy has been broken "
    "or not performed."
)


@pytest.fixture
def case():
    return case_from_dict(
        {
            "reference": "HRA-2026-0031",
            "claimant": {
                "name": "London Borough of Lewisham",
                "address": {"lines": ["Laurence House", "1 Catford Road"], "town": "London", "postcode": "SE6 4RU"},
                "officer_name": "Amara Bello",
                "officer_position": "Income Manager",
                "officer_phone": "020 8314 6000",
                "officer_email": "income@lewisham.example.gov.uk",
                "fee_account": "PBA0012345",
            },
            "debtors": [
                {
                    "kind": "individual",
                    "title": "Ms",
                    "first_names": "Grace",
                    "surname": "Mensah",
                    "address": {"lines": ["Flat 2", "40 Honor Oak Park"], "town": "London", "postcode": "SE23 1DY"},
                }
            ],
            "debt": {
                "type": "current_tenant_arrears",
                "description": "rent arrears under a secure tenancy",
                "agreement": {"kind": "written", "date": "2021-04-05", "parties": ["London Borough of Lewisham"]},
                "property_address": {
                    "lines": ["Flat 2", "40 Honor Oak Park"],
                    "town": "London",
                    "postcode": "SE23 1DY",
                },
            },
            "ledger": [{"date": "2025-01-06", "description": "Rent", "amount": "120.00", "kind": "charge"}],
        },
        today=dt.date(2025, 6, 1),
    )


@pytest.fixture
def tenancy():
    return TenancyFacts(
        kind=TenancyKind.SECURE,
        tenants=("Ms Grace Mensah",),
        property_lines=("Flat 2", "40 Honor Oak Park", "London", "SE23 1DY"),
        start=dt.date(2021, 4, 5),
        rent=D("120.00"),
        frequency="week",
        daily_rate=D("17.14"),
        occupiers=("Kofi Mensah (son, aged 9)",),
    )


@pytest.fixture
def statement():
    return RentStatement(
        title="Rent account HRA-2026-0031",
        from_date=dt.date(2025, 1, 6),
        to_date=dt.date(2025, 1, 27),
        opening_balance=D("300.00"),
        lines=(
            RentLine(
                date=dt.date(2025, 1, 6),
                description="Rent",
                due=D("120.00"),
                paid=D("0"),
                benefit=D("60.00"),
                balance=D("360.00"),
            ),
            RentLine(
                date=dt.date(2025, 1, 13),
                description="Rent; payment",
                due=D("120.00"),
                paid=D("20.00"),
                benefit=D("0"),
                balance=D("460.00"),
            ),
            RentLine(
                date=dt.date(2025, 1, 20),
                description="Rent",
                due=D("120.00"),
                paid=D("0"),
                benefit=D("0"),
                balance=D("580.00"),
            ),
            RentLine(
                date=dt.date(2025, 1, 27),
                description="Rent; UC; payment",
                due=D("120.00"),
                paid=D("20.00"),
                benefit=D("60.00"),
                balance=D("620.00"),
            ),
        ),
    )


@pytest.fixture
def steps():
    return (
        ProtocolStep(
            date=dt.date(2024, 11, 4),
            text="Visited the tenant; explained the arrears and how to claim UC housing costs.",
        ),
        ProtocolStep(date=dt.date(2024, 12, 2), text="Sent a rent statement and offered an arrangement of £10 a week."),
    )


@pytest.fixture
def signatory():
    return Signatory(name="Amara Bello", position="Income Manager")


@pytest.fixture
def suspended_order():
    return PossessionOrder(
        date=dt.date(2025, 4, 7),
        kind="suspended",
        description="Possession suspended while the defendant pays the rent plus £10.00 a week from 14 April 2025.",
        possession_date=None,
    )
