"""Glue for ``possession_notice.yml`` and ``possession_claim.yml``: the notice, then N5 and N119.

Why the register first: the notice's dates, the arrears and the protocol steps are read from the
case's recorded possession facts as at the step's day, and the core decides whether the step is allowed
(``case.possession_checks``); an answer here never overrides them. Each document is recorded with the
facts it states, and the notice's service is recorded as a step when the officer serves it that day.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.answers import answer_choice, answer_text
from ..case.possession_case import PossessionFacts
from ..case.possession_checks import claim_readiness
from ..case.rent_schedule import rent_daily_rate
from ..documents._output import OutputSet
from ..documents.convert import convert_to_pdf
from ..documents.possession import Signatory
from ..documents.possession.claim import write_claim
from ..documents.possession.from_facts import claim_request, notice_request
from ..documents.possession.notice import notice_title, write_notice
from ..law.dates import format_date
from ..law.money import format_money, money_str
from ..law.possession import SERVICE_METHODS
from .acting import acting_user
from .cases import register_url
from .common import as_date, record_documents

__all__ = [
    "SERVICE_METHODS",
    "claim_summary",
    "make_possession_claim",
    "make_possession_notice",
    "notice_summary",
    "possession_facts_for",
    "signatory_of",
    "tenancy_stated",
]


def possession_facts_for(case: Case, on: Any) -> PossessionFacts:
    """The case's possession facts as the register holds them on ``on`` (tenancy, account, steps, notice, order)."""
    from ..register.possession import possession_facts

    return possession_facts(register_url(), case.reference, as_date(on, "as_at"))


def tenancy_stated(facts: PossessionFacts, on: dt.date, arrears: Decimal, weeks: Decimal) -> dict[str, str]:
    """What every possession document states about the tenancy and its account (``case check`` compares them)."""
    tenancy = facts.account.tenancy
    rent = tenancy.rent_on(on)
    return {
        "tenancy_type": tenancy.kind.value,
        "property": tenancy.property_address,
        "rent": money_str(rent.amount),
        "rent_frequency": rent.frequency.value,
        "rent_arrears": money_str(arrears),
        "arrears_in_weeks": str(weeks),
        "daily_rate": money_str(rent_daily_rate(facts.account, on).amount),
    }


def signatory_of(name: Any, position: Any) -> Signatory:
    return Signatory(name=answer_text(name, "signatory_name"), position=answer_text(position, "signatory_position"))


def notice_summary(case: Case, notice_date: Any, method: Any) -> str:
    """What the notice will say about its dates (Markdown), before it is produced."""
    day = as_date(notice_date, "notice_date")
    facts = possession_facts_for(case, day)
    request = notice_request(
        case, facts, notice_date=day, method=_method(method), particulars="", signatory=Signatory(name="", position="")
    )
    lines = [
        f"A **{notice_title(request.tenancy.kind)}** for {request.tenancy.address}.",
        f"Arrears on {format_date(day)}: **{format_money(request.arrears)}** ({request.arrears_weeks} weeks of rent).",
        f"Served on **{format_date(request.expected_service)}**; it will name "
        f"**{format_date(request.date_specified)}** as the date after which proceedings may be begun.",
    ]
    if request.proceedings_by:
        lines.append(
            f"Proceedings must be begun by **{format_date(request.proceedings_by)}**: the notice lapses after that."
        )
    if request.review_by:
        lines.append(f"The tenant may ask for a review by **{format_date(request.review_by)}**.")
    lines.append(request.date_basis)
    return "\n\n".join(lines)


def _method(method: Any) -> str:
    return answer_choice(method, "notice_method", tuple(SERVICE_METHODS))


def make_possession_notice(
    case: Case,
    *,
    notice_date: Any,
    method: Any,
    particulars: Any,
    served_now: Any,
    signatory_name: Any,
    signatory_position: Any,
    output_dir: Any,
) -> list[str]:
    """The notice (DOCX and PDF), recorded with the facts it states; its service recorded when it happens now."""
    day = as_date(notice_date, "notice_date")
    facts = possession_facts_for(case, day)
    request = notice_request(
        case,
        facts,
        notice_date=day,
        method=_method(method),
        particulars=answer_text(particulars or "", "notice_particulars", multiline=True, required=False),
        signatory=signatory_of(signatory_name, signatory_position),
    )
    with OutputSet(Path(str(output_dir))) as out:
        docx = write_notice(request, out)
        convert_to_pdf([docx], out.scratch)
    documents = [str(p) for p in out.placed]
    stated = tenancy_stated(facts, day, request.arrears, request.arrears_weeks)
    served = served_now is True or str(served_now).lower() == "true"
    if served:  # recorded as served today, with the date it names: the register then holds what it states
        from ..register.steps import record_step

        stated.update(notice_served=day.isoformat(), notice_date_specified=request.date_specified.isoformat())
        record_step(
            register_url(),
            case.reference,
            "possession_notice_served",
            {"date": day, "method": _method(method), "date_specified": request.date_specified},
            who=acting_user(),
        )
    record_documents(case, "possession notice", documents, facts=stated, as_at=day)
    return documents


def claim_summary(case: Case, issue_date: Any) -> str:
    """Whether the claim may be issued that day, and the figures it will state (Markdown)."""
    day = as_date(issue_date, "issue_date")
    facts = possession_facts_for(case, day)
    readiness = claim_readiness(facts, day)
    if not readiness.ready:
        return "**The claim may not be issued on that day:**\n\n" + "\n".join(f"* {r}" for r in readiness.reasons)
    return readiness.basis


def make_possession_claim(
    case: Case,
    *,
    issue_date: Any,
    court: Any,
    defendant_circumstances: Any,
    claimant_circumstances: Any,
    human_rights: Any,
    signatory_name: Any,
    signatory_position: Any,
    output_dir: Any,
) -> list[str]:
    """N5, N119 and the PD 55A rent statement; refused with every reason when the core says not yet."""
    day = as_date(issue_date, "issue_date")
    facts = possession_facts_for(case, day)
    request = claim_request(
        case,
        facts,
        court=answer_text(court, "court"),
        issue_date=day,
        defendant_circumstances=answer_text(
            defendant_circumstances or "", "defendant_circumstances", multiline=True, required=False
        ),
        claimant_circumstances=answer_text(
            claimant_circumstances or "", "claimant_circumstances", multiline=True, required=False
        ),
        human_rights=human_rights is True or str(human_rights).lower() == "true",
        signatory=signatory_of(signatory_name, signatory_position),
    )
    with OutputSet(Path(str(output_dir))) as out:
        write_claim(request, out)
    documents = [str(p) for p in out.placed]
    stated = {
        **tenancy_stated(facts, day, request.arrears, request.arrears_weeks),
        "notice_served": request.notice_served.isoformat(),
        "notice_date_specified": facts.notice.date_specified.isoformat() if facts.notice else "",
    }
    record_documents(case, "possession claim", documents, facts=stated, as_at=day)
    return documents
