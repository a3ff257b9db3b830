"""Breathing space and a possession claim for rent arrears.

Why: rent arrears owed by a tenant in a breathing space are a moratorium debt; during the moratorium a
creditor may not take a step to enforce it, and courtpack reads a notice of seeking possession, a
possession claim and a warrant founded on those arrears as such steps (SI 2020/1311 reg 7; the court's
permission or the end of the moratorium is needed). Current rent that falls due during the moratorium is
not a moratorium debt, but courtpack does not split the arrears: it refuses the step and says why. The
window arithmetic lives in ``law.breathing_space``.
"""

from __future__ import annotations

import datetime as dt

from .rows import RuleRow

MORATORIUM_ROWS: tuple[RuleRow, ...] = (
    RuleRow(
        "breathing_space",
        "no notice, claim or warrant for rent arrears during a breathing space",
        "refused while a moratorium is active, unless the court gives permission",
        dt.date(2021, 5, 4),
        "Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and "
        "Wales) Regulations 2020 (SI 2020/1311) reg 7",
    ),
)
BLOCKED_STEPS = {"notice": "possession_notice", "claim": "issue_proceedings", "warrant": "enforcement"}
