"""The ground for possession for rent arrears, and the court's discretion.

Why a module: the notice and the particulars of claim must state the ground in the statute's words
(Housing Act 1985 s.83(2)(b)); Ground 1 is a discretionary ground, so the court makes an order only if
it considers it reasonable to do so (s.84(2)(a)) and may adjourn, suspend or postpone (s.85). The
same words serve introductory and demoted tenancies, whose notices give the landlord's reasons instead.
"""

from __future__ import annotations

import datetime as dt

from .rows import RuleRow, row

GROUND_ROWS: tuple[RuleRow, ...] = (
    RuleRow(
        "ground_1",
        "Ground 1 (secure and flexible tenancies)",
        "Rent lawfully due from the tenant has not been paid or an obligation of the tenancy has been broken "
        "or not performed.",
        dt.date(1985, 10, 1),
        "Housing Act 1985 Sch 2 Part I Ground 1",
    ),
    RuleRow(
        "reasonableness",
        "order on Ground 1 only if reasonable",
        "the court must consider it reasonable to make the order; it may adjourn, or stay, suspend or postpone "
        "possession on terms",
        dt.date(1985, 10, 1),
        "Housing Act 1985 s.84(2)(a) and s.85(1)-(3)",
    ),
)
GROUND_1_TEXT = row(GROUND_ROWS, "ground_1").figure


def ground_text(tenancy: str) -> str:
    """The words of the ground (or, for introductory and demoted tenancies, the reason) for rent arrears."""
    if tenancy in ("secure", "flexible"):
        return GROUND_1_TEXT
    return "The tenant has not paid rent lawfully due under the tenancy."
