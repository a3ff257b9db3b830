"""Glue for ``charging_order.yml``: the property, title number, the debtor's interest, other
creditors and persons to serve; N379, and the interim order's service and objection dates."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.figures import JudgmentPosition
from ..case.model import Address, Property
from ..documents._output import OutputSet
from ..documents.forms import load_spec, write_form
from ..documents.forms.builders.enforcement import n379_values
from ..documents.render import safe_file_name
from ..errors import CourtpackError, NotReadyError
from ..law.charging_order import ChargingOrderDates, charging_order_dates
from ..law.dates import format_date
from ..law.money import money_str
from .common import as_date, judgment_facts, record_documents

__all__ = [
    "charging_dates",
    "charging_refusal",
    "choose_property",
    "dates_summary",
    "make_charging_order",
    "property_choices",
]


def property_choices(case: Case) -> list[dict[str, str]]:
    return [
        {str(i): f"{p.address.one_line()} (title {p.title_number or 'not known'})"}
        for i, p in enumerate(case.properties)
    ]


def choose_property(
    case: Case, index: Any = 0, title_number: Any = "", debtor_interest: Any = "", address_text: Any = ""
) -> Property:
    """The property to charge: one from the case (answers may correct title and interest) or one answered."""
    if case.properties:
        prop = case.properties[int(index or 0)]
    else:
        lines = [x.strip() for x in str(address_text or "").replace(",", "\n").splitlines() if x.strip()]
        if len(lines) < 2:
            raise CourtpackError(
                "property_address: give the property's address, one line each, ending with the postcode"
            )
        prop = Property(address=Address(tuple(lines[:-2]) or (lines[0],), lines[-2], lines[-1]))
    title = str(title_number or prop.title_number).strip().upper()
    if not title:
        raise CourtpackError(
            "title_number: a charging order needs the HM Land Registry title number (search the "
            "register for the address)"
        )
    return replace(prop, title_number=title, debtor_interest=str(debtor_interest or prop.debtor_interest).strip())


def charging_refusal(case: Case, position: JudgmentPosition) -> str:
    option = next(o for o in position.assessment.options if o.route == "charging_order")
    reasons = [r for r in option.reasons if "title number" not in r]  # the title number is answered here
    if not reasons:
        return ""
    return f"case {case.reference}: a charging order cannot be applied for on {format_date(position.on)}: " + " ".join(
        reasons
    )


def charging_dates(interim_order_date: Any) -> ChargingOrderDates:
    return charging_order_dates(as_date(interim_order_date, "interim_order_date"))


def dates_summary(dates: ChargingOrderDates) -> str:
    return (
        f"Serve the interim charging order by **{format_date(dates.serve_by)}** (21 days). Objections close "
        f"**{format_date(dates.objections_by)}** at the latest (28 days after service)."
    )


def make_charging_order(
    case: Case,
    position: JudgmentPosition,
    prop: Property,
    dates: ChargingOrderDates,
    *,
    other_creditors: str = "",
    persons_to_serve: str = "",
    signatory_name: str = "",
    signatory_position: str = "",
    output_dir: Any,
) -> list[str]:
    refusal = charging_refusal(case, position)
    if refusal:
        raise NotReadyError(refusal)
    values = n379_values(
        case,
        position,
        position.on,
        prop,
        other_creditors=str(other_creditors or ""),
        persons_to_serve=str(persons_to_serve or ""),
        signatory_name=signatory_name,
        signatory_position=signatory_position,
    )
    record = {
        "reference": case.reference,
        "claim_number": position.judgment.claim_number,
        "title_number": prop.title_number,
        "property": prop.address.one_line(),
        "debtor_interest": prop.debtor_interest,
        "amount_due": money_str(position.total_due),
        "interim_order_date": dates.interim_order.isoformat(),
        "serve_by": dates.serve_by.isoformat(),
        "objections_by": dates.objections_by.isoformat(),
        "persons_to_serve": values["persons_to_serve"],
        "basis": dates.basis,
        "source": dates.source,
    }
    with OutputSet(Path(str(output_dir))) as out:  # the form and its note together, or neither
        staged_form = write_form(load_spec("N379"), values, out.scratch, case.reference)
        staged_note = out.stage(safe_file_name(f"{case.reference} charging order dates.json"))
        staged_note.write_text(json.dumps(record, indent=2), encoding="utf-8")
    form, note = out.final(staged_form), out.final(staged_note)
    record_documents(
        case,
        "charging order application",
        [str(form), str(note)],
        facts={**judgment_facts(position), "title_number": prop.title_number},
        as_at=position.on,
    )
    return [str(form), str(note)]
