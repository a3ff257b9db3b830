"""Glue for ``default_judgment.yml``: deemed service, the first day judgment can be requested, N225."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.figures import claim_figures_for
from ..documents._output import OutputSet
from ..documents.forms import load_spec, write_form
from ..documents.forms.builders.judgment import n225_values
from ..documents.render import safe_file_name
from ..errors import NotReadyError
from ..law.dates import format_date
from ..law.default_judgment import JudgmentTiming, default_judgment_timing
from ..law.money import money_str
from .common import as_date, record_documents
from .money_claim import as_bool, as_money

__all__ = ["judgment_timing", "make_judgment_request", "timing_summary"]


def judgment_timing(
    issue_date: Any, service_method: str = "court", service_sent_date: Any = None, acknowledged: Any = False
) -> JudgmentTiming:
    issued = as_date(issue_date, "issue_date")
    sent = None
    if service_method != "court":
        day = as_date(service_sent_date, "service_sent_date") if service_sent_date else issued
        sent = dt.datetime.combine(day, dt.time(9, 0))
    return default_judgment_timing(issued, service_method, sent, as_bool(acknowledged))


def timing_summary(timing: JudgmentTiming) -> str:
    return (
        f"Deemed served on **{format_date(timing.deemed_service)}**; the defendant had until "
        f"**{format_date(timing.last_day)}** to respond; judgment in default can be requested from "
        f"**{format_date(timing.earliest_request)}**."
    )


def make_judgment_request(
    case: Case,
    timing: JudgmentTiming,
    *,
    claim_number: str,
    issue_date: Any,
    request_date: Any,
    payment_terms: str = "forthwith",
    paid_since: Any = None,
    signatory_name: str = "",
    signatory_position: str = "",
    output_dir: Any,
) -> list[str]:
    """N225 and a JSON note of the dates; refused before the response period has run."""
    issued = as_date(issue_date, "issue_date")
    day = as_date(request_date, "request_date")
    if day < timing.earliest_request:
        raise NotReadyError(
            f"case {case.reference}: judgment in default cannot be requested on {format_date(day)}. "
            f"{timing.basis} Request it from {format_date(timing.earliest_request)}."
        )
    figures = claim_figures_for(case, issued)
    values = n225_values(
        case,
        figures,
        timing,
        claim_number=str(claim_number).strip(),
        issue_date=issued,
        request_date=day,
        payment_terms=payment_terms,
        paid_since=as_money(paid_since, "paid_since") if paid_since not in (None, "") else None,
        signatory_name=signatory_name,
        signatory_position=signatory_position,
    )
    record = {
        "reference": case.reference,
        "claim_number": values["claim_number"],
        "issue_date": issued.isoformat(),
        "deemed_service": timing.deemed_service.isoformat(),
        "response_deadline": timing.last_day.isoformat(),
        "earliest_request": timing.earliest_request.isoformat(),
        "request_date": day.isoformat(),
        "amount_payable": money_str(values["amount_payable"]),
        "basis": timing.basis,
        "source": timing.source,
    }
    with OutputSet(Path(str(output_dir))) as out:  # the form and its note together, or neither
        staged_form = write_form(load_spec("N225"), values, out.scratch, case.reference)
        staged_note = out.stage(safe_file_name(f"{case.reference} judgment request dates.json"))
        staged_note.write_text(json.dumps(record, indent=2), encoding="utf-8")
    form, note = out.final(staged_form), out.final(staged_note)
    stated = {  # as the N225 states them
        "claim_number": values["claim_number"],
        "issue_date": issued.isoformat(),
        "deemed_service": timing.deemed_service.isoformat(),
        "amount_payable": money_str(values["amount_payable"]),
    }
    record_documents(case, "request for judgment", [str(form), str(note)], facts=stated, as_at=day)
    return [str(form), str(note)]
