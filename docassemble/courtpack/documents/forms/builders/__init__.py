"""Per-form value builders: a case plus the law's answers in, a dict of spec keys out.

Why one module per family: each builder only arranges facts and figures into the boxes the
form spec names (and the spec check refuses unknown or missing keys), so a builder can be
read against its form line by line.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ....case import Case
from ....case.model import Address, Debtor, Judgment

CCMCC = "County Court Money Claims Centre"


def name_and_address(name: str, address: Address) -> str:
    return "\n".join([name, *address.as_lines()])


def claimant_block(case: Case) -> str:
    return name_and_address(case.claimant.name, case.claimant.address)


def defendants_block(case: Case) -> str:
    blocks = [name_and_address(d.name, d.address) for d in case.debtors]
    if len(blocks) == 1:
        return blocks[0]
    return "\n\n".join(f"Defendant {i}: {b}" for i, b in enumerate(blocks, start=1))


def parties_line(case: Case) -> tuple[str, str]:
    return case.claimant.name, " and ".join(d.name for d in case.debtors)


def signer(case: Case, name: str = "", position: str = "") -> dict[str, Any]:
    """Who signs for the council: the officer, or the council's legal representative."""
    lawyer = case.claimant.solicitor_conducted
    return {"signatory_name": name or case.claimant.officer_name,
            "signatory_position": position or case.claimant.officer_position,
            "signed_by": "legal_representative" if lawyer else "claimant",
            "legal_rep_firm": case.claimant.legal_representative if lawyer else ""}


def judgment_common(case: Case, judgment: Judgment, debtor: Debtor | None = None) -> dict[str, Any]:
    """The heading boxes most enforcement forms share."""
    who = debtor or case.debtor
    return {"court": judgment.court, "claim_number": judgment.claim_number,
            "claimant": claimant_block(case), "defendant": name_and_address(who.name, who.address),
            "judgment_date": judgment.date, "judgment_amount": judgment.amount + judgment.costs,
            "paid_since": judgment.paid_since, "your_ref": case.reference}


def money(value: Any) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))


def today() -> dt.date:
    return dt.date.today()
