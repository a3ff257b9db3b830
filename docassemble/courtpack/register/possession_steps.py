"""The steps of a possession claim for rent arrears that ``record_step`` records, and their cross-checks.

Why as steps: the register's dated story is the system of record (ARCHITECTURE: "where a case's facts
live"); the tenancy, its rent changes, benefit credits, protocol steps, the notice, the order and the
warrant are each a dated fact recorded once and read back by ``register.possession``. Tenant payments
use the existing ``payment`` step (so they reach the payments table every report reads); the claim uses
``claim_issued`` and its first hearing ``hearing_listed``.
"""

from __future__ import annotations

import datetime as dt

from ..law.breathing_space import KINDS as BREATHING_SPACE_KINDS
from ..law.dates import format_date
from ..law.possession import FREQUENCIES as RENT_FREQUENCIES
from ..law.possession import OUTCOMES, SERVICE_METHODS, STEP_CODES, TENANCY_KINDS
from .errors import RegisterError
from .step_fields import Field, date_field

ORDER_KINDS = ("outright", "suspended", "postponed", "adjourned")
WARRANT_KINDS = ("n325_warrant", "n244_fix_date", "restore_claim")
CREDIT_SOURCES = ("housing_benefit", "universal_credit")
TERMS_FACTS = ("instalment", "frequency", "first_payment")

POSSESSION_STEPS: dict[str, tuple[Field, ...]] = {
    "tenancy_recorded": (
        date_field(),  # the tenancy's start (its first rent day)
        Field("kind", "choice", choices=TENANCY_KINDS),
        Field("property", "text"),
        Field("rent", "money"),
        Field("frequency", "choice", choices=RENT_FREQUENCIES),
        Field("account_reference", "text", required=False),
        date_field("account_from", required=False),  # the first day of the account courtpack holds
        Field("opening_balance", "money", required=False),  # arrears brought forward at account_from
    ),
    "rent_changed": (
        date_field(future=True),  # the rent day the new rent starts
        Field("rent", "money"),
        Field("frequency", "choice", choices=RENT_FREQUENCIES),
    ),
    "rent_credit": (  # housing benefit or UC housing costs paid direct to the rent account
        date_field(),
        Field("amount", "money"),
        Field("source", "choice", choices=CREDIT_SOURCES),
    ),
    "rent_adjustment": (
        date_field(),
        Field("amount", "money"),
        Field("direction", "choice", choices=("debit", "credit")),
        Field("description", "text"),
    ),
    "protocol_step": (date_field(), Field("code", "choice", choices=STEP_CODES), Field("note", "text", required=False)),
    "vulnerability_assessed": (
        date_field(),
        Field("outcome", "choice", choices=OUTCOMES),
        Field("reasons", "text"),
        Field("assessed_by", "text", required=False),
    ),
    "payment_agreement": (
        date_field(),
        Field("instalment", "money"),
        Field("frequency", "choice", choices=RENT_FREQUENCIES),
        date_field("first_payment", future=True),
    ),
    "breathing_space": (
        date_field(),
        date_field("end", required=False, future=True),
        Field("kind", "choice", choices=BREATHING_SPACE_KINDS),
    ),
    "possession_notice_served": (
        date_field(),  # handed over, put through the door or posted
        Field("method", "choice", choices=SERVICE_METHODS),
        date_field("date_specified", future=True),
    ),
    "possession_order": (
        date_field(court_day=True),
        Field("kind", "choice", choices=ORDER_KINDS),
        date_field("possession_date", required=False, future=True),
        Field("instalment", "money", required=False),
        Field("frequency", "choice", required=False, choices=RENT_FREQUENCIES),
        date_field("first_payment", required=False, future=True),
        Field("arrears", "money", required=False),
        Field("costs", "money", required=False),
    ),
    "warrant_requested": (
        date_field(court_day=True),
        Field("kind", "choice", choices=WARRANT_KINDS),
        Field("reference", "text", required=False),
    ),
}


def check_possession_step(reference: str, step: str, facts: dict[str, str]) -> list[str]:
    """Cross-checks between a step's facts; raises ``RegisterError`` for a contradiction, returns warnings."""
    where = f"case {reference}, step {step}"
    if step == "possession_order":
        _check_order(where, facts)
    elif step == "possession_notice_served" and facts["date_specified"] <= facts["date"]:
        raise RegisterError(
            f"{where}, date_specified: {format_date(dt.date.fromisoformat(facts['date_specified']))} is not after "
            "the notice was served; give the date the notice names"
        )
    elif step == "breathing_space" and facts.get("end") and facts["end"] < facts["date"]:
        raise RegisterError(f"{where}, end: is before the breathing space started; correct the dates")
    elif step == "tenancy_recorded" and facts.get("account_from") and facts["account_from"] < facts["date"]:
        raise RegisterError(f"{where}, account_from: is before the tenancy started; give a later date")
    return []


def _check_order(where: str, facts: dict[str, str]) -> None:
    kind = facts["kind"]
    if kind == "outright":
        if "possession_date" not in facts:
            raise RegisterError(
                f"{where}, possession_date: is missing; an outright order names the date for possession"
            )
        for name in TERMS_FACTS:
            if name in facts:
                raise RegisterError(
                    f"{where}, {name}: an outright order has no terms; choose kind suspended or leave it out"
                )
        return
    for name in TERMS_FACTS:
        if name not in facts:
            raise RegisterError(
                f"{where}, {name}: is missing; a {kind} order's terms need the instalment towards the arrears, "
                "its frequency and the first payment date"
            )
    if kind in ("postponed", "adjourned") and "possession_date" in facts:
        raise RegisterError(
            f"{where}, possession_date: a {kind} order has no date for possession; leave it out (a date is fixed "
            "later on application)"
        )
