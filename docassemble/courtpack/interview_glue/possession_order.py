"""Glue for ``possession_order.yml``: the hearing pack before the hearing, then the order as made.

Why both in one task: the presenting officer prepares the pack, goes to court and comes back with the
order; recording it (kind, date for possession, terms) is what lets the compliance engine watch the
terms week by week and the warrant task know which step is next. The pack takes the notice and claim
documents the register recorded, so the court sees the same papers that were served.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..case import Case
from ..case.answers import answer_choice, answer_money, answer_text
from ..documents._output import OutputSet
from ..documents.possession.from_facts import hearing_request
from ..documents.possession.hearing import write_hearing_pack
from ..law.possession import FREQUENCIES
from .acting import acting_user
from .cases import register_url
from .common import as_date, record_documents
from .possession import possession_facts_for, signatory_of, tenancy_stated
from .recorded import recorded_files

__all__ = ["ORDER_KINDS", "claim_papers", "make_hearing_pack", "record_possession_order"]

ORDER_KINDS = ("outright", "suspended", "postponed", "adjourned")
PACK_KINDS = ("possession notice", "possession claim")


def claim_papers(case: Case) -> tuple[tuple[str, Any, Path], ...]:
    """The latest recorded notice and claim PDFs (N5, N119, rent statement), by file name, oldest first."""
    latest: dict[str, Any] = {}
    for record in recorded_files(register_url(), case.reference):
        if record.kind in PACK_KINDS and record.file_name.lower().endswith(".pdf"):
            latest[record.file_name] = record
    papers = []
    for name, record in latest.items():
        title = name.removeprefix(case.reference).removesuffix(".pdf").strip()
        papers.append((title[0].upper() + title[1:], record.stated_on, record.path))
    return tuple(sorted(papers, key=lambda p: (p[1] is None, p[1], _rank(p[0]))))


def _rank(title: str) -> tuple[int, str]:
    """The order a court reads them in: the notice, the claim form, the particulars, the rent statement."""
    order = ("notice", "n5 ", "n119", "rent statement")
    lowered = title.lower() + " "
    return next((i for i, word in enumerate(order) if word in lowered), len(order)), title


def make_hearing_pack(
    case: Case,
    *,
    prepared_on: Any,
    circumstances: Any,
    order_sought: Any,
    acceptable_terms: Any,
    officer_name: Any,
    officer_position: Any,
    output_dir: Any,
) -> list[str]:
    day = as_date(prepared_on, "prepared_on")
    facts = possession_facts_for(case, day)
    request = hearing_request(
        case,
        facts,
        prepared_on=day,
        circumstances=answer_text(circumstances or "", "circumstances", multiline=True, required=False),
        order_sought=answer_text(order_sought, "order_sought", multiline=True),
        acceptable_terms=answer_text(acceptable_terms, "acceptable_terms", multiline=True),
        claim_documents=claim_papers(case),
        officer=signatory_of(officer_name, officer_position),
    )
    with OutputSet(Path(str(output_dir))) as out:
        write_hearing_pack(request, out)
    documents = [str(p) for p in out.placed]
    stated = {
        **tenancy_stated(facts, day, request.arrears, request.arrears_weeks),
        "claim_number": request.claim_number,
        "court": request.court,
        "hearing_date": request.hearing_date.isoformat(),
    }
    record_documents(case, "possession hearing pack", documents, facts=stated, as_at=day)
    return documents


def record_possession_order(
    case: Case,
    *,
    order_date: Any,
    kind: Any,
    possession_date: Any,
    instalment: Any,
    frequency: Any,
    first_payment: Any,
    arrears: Any,
    costs: Any,
) -> str:
    """Record the order as made (one step); returns the next step in words for the end screen."""
    from ..register.steps import record_step

    order_kind = answer_choice(kind, "order_kind", ORDER_KINDS)
    facts: dict[str, Any] = {"date": as_date(order_date, "order_date"), "kind": order_kind}
    if order_kind in ("outright", "suspended") and possession_date:
        facts["possession_date"] = as_date(possession_date, "possession_date")
    if order_kind != "outright":
        facts["instalment"] = answer_money(instalment, "instalment")
        facts["frequency"] = answer_choice(frequency, "frequency", tuple(FREQUENCIES))
        facts["first_payment"] = as_date(first_payment, "first_payment")
    if arrears not in (None, ""):
        facts["arrears"] = answer_money(arrears, "arrears")
    if costs not in (None, ""):
        facts["costs"] = answer_money(costs, "costs")
    record = record_step(register_url(), case.reference, "possession_order", facts, who=acting_user())
    return " ".join(record.warnings)
