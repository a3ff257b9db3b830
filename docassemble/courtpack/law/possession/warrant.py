"""Enforcing a possession order: the warrant of possession (N325) and the application to fix a date (N244).

Why these readings:

- An outright order: possession on a date; once it has passed and the tenant remains, the landlord
  requests a warrant of possession (CPR 83.26; form N325). No permission is needed unless a rule says
  so (CPR 83.2(3): e.g. six years since the order, or a change of parties).
- A suspended order (possession on a date, suspended while the tenant keeps the terms): when the terms
  are broken the order takes effect and the landlord may request a warrant. Since 1 October 2018 no
  permission is needed where the breach is a failure to pay money (CPR 83.2(3)(e), as amended by the Civil
  Procedure (Amendment No. 3) Rules 2018 after Cardiff CC v Lee [2016] EWCA Civ 1034); the request
  (N325, or N325A while the court asks for it) attaches a statement of the payments due and made under
  the order, which is ``case.possession_order.terms_compliance``. The tenant may apply to suspend the
  warrant (N244).
- A postponed order (possession postponed to a date to be fixed, Housing Act 1985 s.85(2)): the order
  has no date, so on a breach the landlord applies on N244 to fix the date for possession (PD 55A
  paras 10.1-10.9): notice to the tenant of the intention to apply at least 14 days before, giving the
  tenant the chance to reply, then the application with the payment record.
- Adjourned on terms: no order to enforce; the landlord applies to restore the claim for a hearing.
- While the terms are being kept, courtpack refuses every step: the order does not allow it.
"""

from __future__ import annotations

import datetime as dt

from .rows import RuleRow, row

WARRANT_ROWS: tuple[RuleRow, ...] = (
    RuleRow(
        "warrant_of_possession",
        "warrant of possession (County Court)",
        "request on N325 after the date for possession has passed, or on breach of a suspended order's terms",
        dt.date(2014, 4, 22),
        "CPR 83.26(1)-(3); CPR 83.2(3) (permission cases); form N325",
    ),
    RuleRow(
        "fix_date_notice",
        "postponed order: notice before applying to fix a date for possession (days)",
        "at least 14 days' notice of intention to apply, then N244",
        dt.date(2006, 10, 1),
        "CPR PD 55A paras 10.2-10.5 (applications to fix a date for possession under a postponed order)",
        days=14,
    ),
    RuleRow(
        "suspended_breach_no_permission",
        "warrant on breach of a suspended order's payment terms",
        "no permission needed where the breach is a failure to pay money; attach the payments due and made",
        dt.date(2018, 10, 1),
        "CPR 83.2(3)(e) as amended by the Civil Procedure (Amendment No. 3) Rules 2018; Cardiff CC v Lee "
        "[2016] EWCA Civ 1034; forms N325, N325A",
    ),
    RuleRow(
        "warrant_permission_age",
        "permission needed for a warrant (years after the order)",
        "6 years",
        dt.date(2014, 4, 22),
        "CPR 83.2(3)(a)",
    ),
)
FIX_DATE_NOTICE_DAYS = row(WARRANT_ROWS, "fix_date_notice").days or 14
PERMISSION_YEARS = 6
ENFORCEMENT_STEP = {
    "outright": "n325_warrant",
    "suspended": "n325_warrant",
    "postponed": "n244_fix_date",
    "adjourned": "restore_claim",
}
