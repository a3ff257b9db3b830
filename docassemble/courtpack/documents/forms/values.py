"""One entry to compute any form's values from a case (and its judgment) on a day.

Why: the command line (``courtpack forms fill``), batch jobs and tests need "the N323 for this
case today" without an interview. Interviews call the builders directly with their answers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...case import Case
from ...case.figures import claim_figures_for, judgment_position
from ...errors import DocumentError
from ...law.default_judgment import default_judgment_timing
from .builders import enforcement as enf
from .builders.claim import n1_values
from .builders.judgment import n225_values, permission_values
from .courts import paper_claims_centre

JUDGMENT_FORMS = ("N244", "N293A", "N316", "N316A", "N323", "N337", "N349", "N379")
ASKED = {
    "N349": ("third_party", "account_details", "belief"),
    "N316A": ("officer_name", "officer_position"),
    "N293A": ("other_enforcement",),
}


def form_values(number: str, case: Case, on: dt.date, **answers: Any) -> dict[str, Any]:
    """Values for form ``number``: claim forms from the claim figures on ``on``; enforcement forms from
    ``case.judgment`` (the case file must hold it)."""
    number = number.upper()
    if number == "N1":
        return n1_values(case, claim_figures_for(case, on), issue_date=on, **answers)
    if number == "N225":
        issued = answers.pop("issue_date", on)
        timing = default_judgment_timing(issued)
        claim_number = answers.pop("claim_number", case.judgment.claim_number if case.judgment else "")
        if not claim_number:
            raise DocumentError(
                f"case {case.reference}: N225 needs the claim number — add judgment.claim_number "
                "to the case file or use the default_judgment interview"
            )
        return n225_values(
            case,
            claim_figures_for(case, issued),
            timing,
            claim_number=claim_number,
            issue_date=issued,
            request_date=max(on, timing.earliest_request),
            **answers,
        )
    if number == "N180":
        judgment = case.judgment
        centre = str(answers.get("hearing_centre") or case.preferred_court).strip()
        if not centre:
            raise DocumentError(
                f"case {case.reference}: N180 needs the preferred hearing centre — set "
                "preferred_court in the case file (a real County Court hearing centre)"
            )
        return enf.n180_values(
            case,
            court=judgment.court if judgment else paper_claims_centre(on).name,
            claim_number=judgment.claim_number if judgment else answers.get("claim_number", ""),
            hearing_centre=centre,
            on=on,
        )
    if number in JUDGMENT_FORMS:
        if case.judgment is None:
            raise DocumentError(
                f"case {case.reference}: {number} needs a judgment — add `judgment:` (claim_number, "
                "court, date, amount) to the case file, or use the enforcement interview"
            )
        position = judgment_position(case, case.judgment, on)
        if number == "N244":
            return permission_values(case, case.judgment, position, application_date=on, **answers)
        if number == "N379":
            prop = next((p for p in case.properties if p.title_number), None)
            if prop is None:
                raise DocumentError(f"case {case.reference}: N379 needs a property with a Land Registry title number")
            return enf.n379_values(case, position, on, prop, **answers)
        builder = {
            "N293A": enf.n293a_values,
            "N316": enf.n316_values,
            "N316A": enf.n316_values,
            "N323": enf.n323_values,
            "N337": enf.n337_values,
            "N349": enf.n349_values,
        }[number]
        if number == "N316":
            answers = {"officer_name": "", "officer_position": "", **answers}
        asked = ASKED.get(number, ())
        missing = [key for key in asked if key not in answers]
        if missing:  # facts only the officer can give: never filled in for them
            raise DocumentError(
                f"case {case.reference}: {number} needs {', '.join(missing)}, which only the officer "
                "can give — use the enforcement interview"
            )
        return builder(case, position, on, **answers)
    raise DocumentError(
        f"courtpack cannot fill {number} from a case file alone; the particulars of claim come with "
        "the money_claim interview"
    )
