"""Pre-Action Protocol for Possession Claims by Social Landlords: the steps before a rent arrears claim.

Why a table of steps: the protocol asks the landlord to do things, not to wait periods, and a claim
issued without them can be adjourned or the landlord penalised in costs (Practice Direction -
Pre-Action Conduct paras 13-16), and the court weighs them in deciding whether an order is reasonable
(Housing Act 1985 s.84(2)(a)). courtpack records each step with its
date and refuses to prepare a claim while a required one is missing, naming it. The paragraph numbers
follow Part 2 of the protocol in force since 13 January 2020 (its headings: initial contact 2.1-2.7, after
service of statutory notices 2.8-2.9, alternative dispute resolution 2.10, court proceedings 2.11 on);
the rows stay ``verified=False`` until the paragraphs are read in the protocol itself.
The vulnerability step is also the landlord's Equality Act 2010 duty (see ``vulnerability``).
"""

from __future__ import annotations

import datetime as dt

from .rows import RuleRow

_PROTOCOL = "Pre-Action Protocol for Possession Claims by Social Landlords para {}"
_FROM = dt.date(2020, 1, 13)

# Steps a claim needs (before issue) ...
BEFORE_CLAIM: tuple[RuleRow, ...] = (
    RuleRow(
        "contact",
        "contact the tenant about the arrears",
        "discuss the cause of the arrears, the tenant's finances, benefits and repayment (each named tenant)",
        _FROM,
        _PROTOCOL.format("2.1"),
    ),
    RuleRow(
        "rent_statement",
        "give the tenant a rent statement",
        "rent due and sums received, from when the arrears arose, with housing benefit shown",
        _FROM,
        _PROTOCOL.format("2.3"),
    ),
    RuleRow(
        "affordable_proposal",
        "try to agree affordable payments towards the arrears",
        "based on the tenant's income and expenditure, with time limits clearly set out",
        _FROM,
        _PROTOCOL.format("2.2"),
    ),
    RuleRow(
        "benefit_help",
        "offer help with housing benefit, Discretionary Housing Payment or Universal Credit (housing costs)",
        "offer to assist with any claim; consider direct payments from the DWP",
        _FROM,
        _PROTOCOL.format("2.4-2.6"),
    ),
    RuleRow(
        "debt_advice",
        "advise the tenant to seek debt advice",
        "Citizens Advice, debt advice agencies or other appropriate agencies",
        _FROM,
        _PROTOCOL.format("2.7"),
    ),
    RuleRow(
        "vulnerability_assessment",
        "assess vulnerability and proportionality",
        "capacity, age, disability (Equality Act 2010 s.15) and the landlord's own policy, recorded before issue",
        _FROM,
        "Pre-Action Protocol for Possession Claims by Social Landlords Part 1 (tenants under 18 or "
        "particularly vulnerable); Equality Act 2010 ss.15, 35, 149",
    ),
    RuleRow(
        "post_notice_contact",
        "contact the tenant after the notice is served",
        "discuss the amount and cause of the arrears, repayment and the housing benefit position",
        _FROM,
        _PROTOCOL.format("2.8"),
    ),
)
# ... and before the hearing.
BEFORE_HEARING: tuple[RuleRow, ...] = (
    RuleRow(
        "hearing_rent_statement",
        "give the tenant an up-to-date rent statement before the hearing",
        "not later than 10 days before the hearing, with what the landlord knows of housing benefit",
        _FROM,
        _PROTOCOL.format("2.11"),
        days=10,
    ),
    RuleRow(
        "hearing_informed",
        "tell the tenant the hearing date, the order sought, and to attend",
        "the tenant's home is at risk; keep a record of the advice",
        _FROM,
        _PROTOCOL.format("2.12"),
    ),
)
AGREEMENT_ROW = RuleRow(
    "agreement_kept",
    "do not issue while an agreement is kept",
    "postpone proceedings so long as the tenant pays the current rent and the agreed sum towards the arrears",
    _FROM,
    _PROTOCOL.format("2.9"),
)
PROTOCOL_ROWS: tuple[RuleRow, ...] = (*BEFORE_CLAIM, *BEFORE_HEARING, AGREEMENT_ROW)
# introductory and demoted tenancies: the tenant's review of the decision to seek possession (notice_periods)
REVIEW_CODES = ("review_requested", "review_notified")
STEP_CODES = tuple(r.code for r in PROTOCOL_ROWS if r.code != "agreement_kept") + REVIEW_CODES
