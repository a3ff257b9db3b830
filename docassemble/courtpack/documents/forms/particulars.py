"""Particulars of claim (DOCX, then PDF with the rest of the claim pack).

Why a template: councils word their particulars their own way; the DOCX in ``templates/`` is
theirs to edit. What must be pleaded (CPR 16.4, interest under 16.4(2)) and the exact statement
of truth come from Python, so an edit to the template cannot drop them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ...case import Case
from ...law.claim import ClaimFigures
from ..render import Template, safe_file_name
from .builders.claim import particulars_context
from .spec import load_spec

TEMPLATE = "particulars_of_claim.docx"


def particulars_file_stem(case: Case) -> str:
    return safe_file_name(f"{case.reference} {load_spec('PARTICULARS').file_label}")


def write_particulars_docx(
    case: Case, figures: ClaimFigures, issue_date: dt.date, out_dir: Path, **options: Any
) -> Path:
    """Render the particulars of claim to ``out_dir/<ref> particulars of claim.docx``."""
    context = particulars_context(case, figures, issue_date, **options)
    context["statement_of_truth"] = statement_of_truth_particulars()
    return Template(TEMPLATE).render(context, Path(out_dir) / f"{particulars_file_stem(case)}.docx")


def statement_of_truth_particulars() -> str:
    """PD 22 para 2.1 wording for particulars signed for the council ("these particulars of claim")."""
    text = load_spec("PARTICULARS").sot_text() or ""
    return text.replace("in this particulars of claim", "in these particulars of claim")
