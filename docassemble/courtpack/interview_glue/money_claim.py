"""Glue for ``money_claim.yml``: answers in, the claim pack for the Civil National Business Centre out.

Also home of the small answer normalisers the claim-to-enforcement interviews share: money
(docassemble's currency fields give floats), yes/no, lists of choices.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..case import Case
from ..case.figures import claim_figures_for, issue_check_for
from ..case.model import EventKind
from ..documents.forms.builders import signer_warning
from ..documents.forms.builders.claim import n1_values
from ..documents.forms.claim_pack import ClaimOptions, check_can_issue, refusal, write_claim_pack
from ..errors import CourtpackError, NotReadyError
from ..law.dates import format_date
from ..law.money import format_money, money_str, to_money
from .common import as_date, record_documents

__all__ = [
    "as_bool",
    "as_choices",
    "as_money",
    "claim_options",
    "claim_summary",
    "default_issue_date",
    "make_claim_pack",
    "needs_letter_date",
    "raise_refusal",
    "refusal_reason",
]


def as_money(value: Any, field: str = "amount") -> Decimal:
    """A currency answer (float in a browser, string or Decimal headless) as Decimal pounds."""
    if value is None or value == "":
        return Decimal("0.00")
    if isinstance(value, float):
        value = f"{value:.2f}"
    try:
        return to_money(value)
    except ValueError as err:
        raise CourtpackError(f"{field}: {err}") from None


def as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("yes", "true", "y", "1")
    return bool(value)


def as_choices(value: Any) -> list[str]:
    """Checkbox answers: a DADict / dict of name -> bool, a list, or comma-separated text."""
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if hasattr(value, "items"):
        return [str(k) for k, v in value.items() if v]
    return [str(v) for v in value or []]


def needs_letter_date(case: Case) -> bool:
    """Ask for the letter before claim's date only when the case file does not record it."""
    return case.latest_event(EventKind.LETTER_BEFORE_CLAIM_SENT) is None


def claim_options(
    issue_date: Any,
    letter_date: Any = None,
    hearing_centre: str = "",
    human_rights: Any = False,
    vulnerability: str = "",
    signatory_name: str = "",
    signatory_position: str = "",
) -> ClaimOptions:
    return ClaimOptions(
        issue_date=as_date(issue_date, "issue_date"),
        letter_date=as_date(letter_date, "letter_before_claim_date") if letter_date else None,
        hearing_centre=str(hearing_centre or "").strip(),
        human_rights=as_bool(human_rights),
        vulnerability=str(vulnerability or "").strip(),
        signatory_name=str(signatory_name or ""),
        signatory_position=str(signatory_position or ""),
    )


def refusal_reason(case: Case, issue_date: Any, letter_date: Any = None) -> str:
    """'' when the claim may be issued on ``issue_date``; else why not and when it can be."""
    day = as_date(issue_date, "issue_date")
    check = issue_check_for(case, day, as_date(letter_date) if letter_date else None)
    return refusal(case, check, day) or ""


def raise_refusal(reason: str) -> None:
    """Headless and API runs stop with the reason (exit 2); the browser shows the refused screen."""
    raise NotReadyError(reason)


def claim_summary(case: Case, options: ClaimOptions) -> str:
    """Markdown for the check screen: the figures law/ gives for the issue date."""
    check_can_issue(case, options)
    figures = claim_figures_for(case, options.issue_date)
    lines = [f"* Amount claimed: **{format_money(figures.claim_value)}**"]
    if figures.interest:
        lines.append(f"* Interest: {figures.interest.basis}")
    values = n1_values(
        case,
        figures,
        issue_date=options.issue_date,
        hearing_centre=options.hearing_centre,
        signatory_name=options.signatory_name,
        signatory_position=options.signatory_position,
    )
    warning = signer_warning(values)
    if warning:
        lines.append(f"* **Check the signer:** {warning}")
    lines += [
        f"* Court fee: {format_money(figures.fee.fee)} — {figures.fee.basis}",
        f"* Legal representative's costs: {format_money(figures.costs.costs)} — {figures.costs.basis}",
        f"* Total: **{format_money(figures.total)}**",
        f"* Track: {figures.track.label}; issue on {format_date(options.issue_date)}",
    ]
    return "\n".join(lines)


def make_claim_pack(case: Case, options: ClaimOptions, output_dir: Any) -> list[str]:
    pack = write_claim_pack(case, options, Path(str(output_dir)))
    documents = [str(p) for p in pack.files]
    figures = pack.figures  # the figures the N1 and particulars were written from
    stated = {
        "issue_date": options.issue_date.isoformat(),
        "balance": money_str(figures.principal),  # the balance on the issue date (claim_figures_for)
        "claim_value": money_str(figures.claim_value),
        "court_fee": money_str(figures.fee.fee),
        "total": money_str(figures.total),
        "hearing_centre": options.hearing_centre,
    }
    if options.letter_date is not None:
        stated["letter_date"] = options.letter_date.isoformat()
    record_documents(case, "claim", documents, facts=stated, as_at=options.issue_date)
    return documents


def default_issue_date(case: Case, letter_date: Any = None, today: dt.date | None = None) -> dt.date:
    """Today, or the first day the protocol allows (used for defaults, never to skip a refusal)."""
    day = today or dt.date.today()
    check = issue_check_for(case, day, as_date(letter_date) if letter_date else None)
    earliest = check.protocol.earliest_issue_date
    return max(day, earliest) if earliest else day
