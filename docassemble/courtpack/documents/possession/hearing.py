"""The hearing pack for the officer presenting the possession claim, built as a court bundle.

Why a bundle and not a loose folder: the presenting officer stands up with one paginated PDF whose
index names every page, the same way the court's own bundle guidance lays one out, so "page 7, the
rent statement to today" means the same thing to the judge, the tenant's adviser and the officer.

Why the brief comes first: the judge asks three things at a rent arrears list hearing — what is owed
today (the updated statement, PD 55A para 2.3(2) and the protocol's para 8), whether the protocol was
followed, and what order the landlord asks for; the brief answers them on one page, with the terms
the council would accept if the judge suspends or postpones the order.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from reportlab.platypus import PageBreak, Spacer

from ...law.dates import format_date
from ...law.money import format_money
from .._output import OutputSet
from ..bundle import BundleDocument, BundleSection, BundleSpec, build_bundle
from ..forms.own import BODY, LABEL, SMALL, TITLE, _build, _para
from ..render import safe_file_name
from .claim import steps_paragraph
from .requests import HearingRequest
from .statement import statement_flowables

__all__ = ["SECTIONS", "brief_flowables", "write_hearing_pack"]

SECTIONS = (
    BundleSection("A", "The presenting officer's brief and the rent account to the hearing"),
    BundleSection("B", "Statements of case"),
    BundleSection("C", "Notice and pre-action protocol"),
)


def _block(label: str, text: str) -> list[Any]:
    out: list[Any] = [Spacer(1, 6), _para(label, LABEL)]
    out += [_para(line, BODY) for line in text.split("\n") if line.strip()]
    return out


def brief_flowables(request: HearingRequest) -> list[Any]:
    tenancy = request.tenancy
    facts = (
        f"{request.case.claimant.name} v {' and '.join(tenancy.tenants)} — claim {request.claim_number}, "
        f"{request.court}, hearing on {format_date(request.hearing_date)}.\n"
        f"Property: {tenancy.address}. {tenancy.kind.words[0].upper()}{tenancy.kind.words[1:]} "
        f"since {format_date(tenancy.start)}. Rent {format_money(tenancy.rent)} a {tenancy.frequency}; daily "
        f"rate {format_money(tenancy.daily_rate)}.\n"
        f"Arrears on {format_date(request.statement.to_date)}: {format_money(request.arrears)}, which is "
        f"{request.arrears_weeks} {request.arrears_period_word} of rent (updated statement behind this brief)."
    )
    story: list[Any] = [_para("Possession hearing: presenting officer's brief", TITLE)]
    story += _block("The case", facts)
    story += _block("Pre-action protocol steps taken", steps_paragraph(request.protocol_steps))
    story += _block("The tenant's circumstances (vulnerability, benefits, health, household)", request.circumstances)
    story += _block("The order the council asks for", request.order_sought)
    story += _block(
        "Terms the council would accept if the court suspends or postpones the order", request.acceptable_terms
    )
    story += [
        Spacer(1, 8),
        _para(
            f"Prepared by {request.officer.name}, {request.officer.position}, on {format_date(request.prepared_on)}.",
            SMALL,
        ),
        PageBreak(),
    ]
    story += statement_flowables(request.statement, "Rent statement to the hearing date")
    return story


def write_hearing_pack(request: HearingRequest, out: OutputSet) -> Path:
    """Stage the hearing pack bundle ``<ref> possession hearing pack.pdf`` in ``out`` (placed only when complete)."""
    reference = request.case.reference
    with tempfile.TemporaryDirectory(prefix="courtpack-hearing-") as scratch:
        brief = Path(scratch) / "brief.pdf"
        brief.write_bytes(_build(brief_flowables(request), f"{reference} hearing brief", "Hearing brief"))
        documents = [BundleDocument(brief, "Presenting officer's brief and rent statement", request.prepared_on, "A")]
        for title, day, path in request.claim_documents:
            section = "C" if "notice" in title.lower() else "B"
            documents.append(BundleDocument(Path(str(path)), title, day if isinstance(day, dt.date) else None, section))
        spec = BundleSpec(
            documents=documents,
            title="Possession hearing pack",
            claim_number=request.claim_number,
            court=request.court,
            parties=f"{request.case.claimant.name} v {' and '.join(request.tenancy.tenants)}",
            hearing_date=request.hearing_date,
            sections=list(SECTIONS),
            ocr=False,
        )
        return build_bundle(spec, out.stage(safe_file_name(f"{reference} possession hearing pack.pdf"))).path
