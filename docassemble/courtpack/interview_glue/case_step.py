"""Glue for ``case_step.yml``: an officer records what just happened in a case, with the facts it brings.

Why one interview for every step: the steps and their facts are defined once (``register.steps.STEPS``);
the screen is built from that definition, so a new step needs no new screen, and the same checks
(dates not in the future, money to the penny, court-day warnings) apply as on the command line.
"""

from __future__ import annotations

from typing import Any

from ..register.steps import STEPS, StepRecord, record_step
from .acting import acting_user
from .cases import register_url

__all__ = ["STEP_LABELS", "record_step_answers", "step_choices", "step_fields"]

STEP_LABELS = {
    "letter_before_claim_sent": "The letter before claim was sent",
    "reply_received": "The debtor replied",
    "notice_of_intention_to_issue": "Notice of intention to issue was given",
    "claim_issued": "The court issued the claim (notice of issue received)",
    "service": "The claim form was served",
    "acknowledgment": "The defendant acknowledged service",
    "defence": "A defence was filed",
    "judgment": "Judgment was entered",
    "order": "The court made an order",
    "application_made": "An application was made",
    "payment": "A payment was received",
    "enforcement_issued": "Enforcement was issued",
    "enforcement_outcome": "Enforcement came back with an outcome",
    "charging_order_interim": "An interim charging order was made",
    "charging_order_final": "The charging order was made final",
    "hearing_listed": "A hearing was listed",
    "hearing_outcome": "A hearing took place (or was adjourned or vacated)",
    "reminder_notice": "A council tax or business rates reminder notice was issued",
    "final_notice": "A council tax or business rates final notice was issued",
    "summons_issued": "A liability order summons was issued",
    "liability_order": "The magistrates' court made a liability order",
    "summons_withdrawn": "The liability order summons was withdrawn (paid, or no order sought)",
    "liability_enforcement": "A step after the liability order (attachment, enforcement agent, charging order)",
    "statutory_demand_served": "The statutory demand was served on the debtor",
}
_DATATYPES = {"date": "date", "money": "currency", "time": "text", "text": "text"}


def step_choices() -> list[dict[str, str]]:
    return [{name: STEP_LABELS[name]} for name in STEPS]


def step_fields(step: str) -> list[dict[str, Any]]:
    """The screen's fields for ``step`` (docassemble ``fields: code:``), saved into ``step_facts``."""
    fields = []
    for spec in STEPS[step]:
        field: dict[str, Any] = {
            "label": spec.name.replace("_", " ").capitalize(),
            "field": f"step_facts[{spec.name!r}]",
            "required": spec.required,
        }
        if spec.kind == "choice":
            field["datatype"] = "radio"
            field["choices"] = [{c: c.replace("_", " ")} for c in spec.choices]
        else:
            field["datatype"] = _DATATYPES[spec.kind]
        fields.append(field)
    return fields


def record_step_answers(reference: str, step: str, step_facts: Any) -> StepRecord:
    """Record the step in the register as the signed-in user; warnings come back for the end screen."""
    facts = {k: v for k, v in dict(step_facts).items() if v not in (None, "")}
    return record_step(register_url(), str(reference).strip(), step, facts, who=acting_user())
