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


LAWYER_WORDS = ("solicitor", "barrister", "legal executive", "lawyer", "counsel", "litigator")
SENIOR_WORDS = (
    "director",
    "head of",
    "manager",
    "chief executive",
    "treasurer",
    "secretary",
    "town clerk",
    "mayor",
    "chair",
    "president",
    "monitoring officer",
    "section 151",
)


def is_lawyer(position: str) -> bool:
    """A legal representative as CPR 2.3(1) defines one (solicitor, barrister, authorised litigator)."""
    return any(word in position.lower() for word in LAWYER_WORDS)


def signer(case: Case, name: str = "", position: str = "") -> dict[str, Any]:
    """Who signs for the council, and in which capacity the form's "Signed by" box says.

    Why the position decides: "Claimant's legal representative" (CPR 2.3(1)) is a lawyer; a debt
    officer signing for a council whose legal services team conducts the claim signs for the
    claimant, and ticking the legal representative box would misstate who signed.
    """
    position = position or case.claimant.officer_position
    lawyer = case.claimant.solicitor_conducted and is_lawyer(position)
    return {
        "signatory_name": name or case.claimant.officer_name,
        "signatory_position": position,
        "signed_by": "legal_representative" if lawyer else "claimant",
        "legal_rep_firm": case.claimant.legal_representative if lawyer else "",
    }


def signer_warning(values: dict[str, Any]) -> str | None:
    """PD 22 para 3.4 and 3.11: a council's statement of truth is signed by a person in a senior
    position or by its legal representative; say so when the chosen signer looks like neither."""
    position = str(values.get("signatory_position", ""))
    if values.get("signed_by") == "legal_representative" or any(w in position.lower() for w in SENIOR_WORDS):
        return None
    return (
        f"{values.get('signatory_name', '')} ({position or 'no position given'}) signs the statement of truth "
        "but does not appear to hold a senior position in the council (PD 22 para 3.4 and 3.11: e.g. a manager, "
        "head of service or director) or to be its legal representative; choose such a signer or confirm the "
        "officer's authority."
    )


def judgment_common(case: Case, judgment: Judgment, debtor: Debtor | None = None) -> dict[str, Any]:
    """The heading boxes most enforcement forms share."""
    who = debtor or case.debtor
    return {
        "court": judgment.court,
        "claim_number": judgment.claim_number,
        "claimant": claimant_block(case),
        "defendant": name_and_address(who.name, who.address),
        "judgment_date": judgment.date,
        "judgment_amount": judgment.amount + judgment.costs,
        "paid_since": judgment.paid_since,
        "your_ref": case.reference,
    }


def money(value: Any) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"))


def today() -> dt.date:
    return dt.date.today()
