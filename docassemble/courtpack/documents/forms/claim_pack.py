"""The claim pack for the Civil National Business Centre: N1, particulars and a covering letter.

Why one function: the three documents must carry the same figures (from law/, on the issue date)
and be converted to PDF in one LibreOffice start. Issue is refused, naming the reason and the
day it becomes possible, when the law forbids it (protocol period, limitation, breathing space).
Every file is staged and placed together (``OutputSet``): a failed conversion leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...case import Case
from ...case.figures import claim_figures_for, issue_check_for
from ...case.model import AgreementKind
from ...errors import DocumentError, NotReadyError
from ...law.claim import ClaimFigures, IssueCheck
from ...law.dates import format_date
from ...law.money import money_str
from .._output import OutputSet
from ..render import Template, safe_file_name
from . import load_spec, write_form
from .builders import signer_warning
from .builders.claim import n1_values
from .courts import paper_claims_centre
from .particulars import write_particulars_docx

COVERING_LETTER = "cnbc_covering_letter.docx"


@dataclass(frozen=True, kw_only=True)
class ClaimOptions:
    """The money claim interview's answers: every answer required, so none is lost on the way."""

    issue_date: dt.date
    letter_date: dt.date | None  # a letter before claim not yet recorded in the case file
    hearing_centre: str
    human_rights: bool
    vulnerability: str
    signatory_name: str
    signatory_position: str
    agreement_copy: Path | None = None  # PDF of the written agreement, attached to the particulars (PD 16 7.3)
    service: str = "court"  # not asked: the court serves a paper claim
    mode: str = "auto"  # official N1 when installed


@dataclass
class ClaimPack:
    files: list[Path]
    figures: ClaimFigures
    check: IssueCheck
    summary: dict[str, Any] = field(default_factory=dict)


def refusal(case: Case, check: IssueCheck, on: dt.date) -> str | None:
    """Why the claim cannot be issued on ``on`` and when it can, or None when it can."""
    if check.ready:
        return None
    when: list[str] = []
    if check.breathing_space.active:
        ends = check.breathing_space.ends
        when.append(
            f"after the breathing space ends ({format_date(ends + dt.timedelta(days=1))} at the earliest)"
            if ends
            else "once the debt adviser ends the mental health crisis breathing space"
        )
    if any(r.barred for r in check.limitation):
        when.append("never for the statute-barred sums: take them out of the claim")
    earliest = check.protocol.earliest_issue_date
    if not check.protocol.ready and earliest is not None:
        when.append(f"from {format_date(earliest)} under the pre-action protocol")
    elif not check.protocol.ready:
        when.append("once the pre-action step named above has been taken")
    return (
        f"case {case.reference}: the claim cannot be issued on {format_date(on)}. "
        + " ".join(check.reasons)
        + " It becomes possible "
        + "; ".join(when)
        + "."
    )


def check_can_issue(case: Case, options: ClaimOptions) -> IssueCheck:
    check = issue_check_for(case, options.issue_date, options.letter_date)
    reason = refusal(case, check, options.issue_date)
    if reason:
        raise NotReadyError(reason)
    return check


def _letter_context(
    case: Case,
    figures: ClaimFigures,
    options: ClaimOptions,
    check: IssueCheck,
    values: dict[str, Any],
    enclosures: list[str],
) -> dict[str, Any]:
    rows = [
        {"label": "Amount claimed (debt and interest to issue)", "amount": figures.claim_value},
        {"label": "Court fee", "amount": figures.fee.fee},
        {"label": "Legal representative's costs", "amount": figures.costs.costs},
    ]
    centre = paper_claims_centre(options.issue_date)
    return {
        "claimant": case.claimant,
        "claimant_address": case.claimant.address.one_line(),
        "letter_date": options.issue_date,
        "reference": case.reference,
        "court": centre.name,
        "court_address": ", ".join(centre.address),
        "court_dx": centre.dx,
        "defendant_names": " and ".join(d.name for d in case.debtors),
        "defendants": case.debtors,
        "amounts": rows,
        "total": figures.total,
        "fee": figures.fee.fee,
        "fee_account": case.claimant.fee_account,
        "hearing_centre": values["hearing_centre"],
        "enclosures": enclosures,
        "protocol_basis": check.protocol.basis,
        "signatory_name": values["signatory_name"],
        "signatory_position": values["signatory_position"],
    }


def _agreement_copy(case: Case, options: ClaimOptions) -> tuple[Path | None, list[str]]:
    """The written agreement's copy to attach (PD 16 para 7.3), or a warning that it must be added."""
    if case.debt.agreement.kind is not AgreementKind.WRITTEN:
        return None, []
    if options.agreement_copy is None:
        return None, [
            f"Attach a copy of the written {case.debt.agreement.description or 'agreement'} to the "
            "particulars of claim, or serve it with them (PD 16 para 7.3): the particulars say it will be "
            "served with them."
        ]
    copy = Path(options.agreement_copy)
    if not copy.is_file() or copy.suffix.lower() != ".pdf":
        raise DocumentError(
            f"case {case.reference}: agreement_copy {copy} is not a PDF file; scan or save the signed agreement as PDF"
        )
    return copy, []


def write_claim_pack(case: Case, options: ClaimOptions, out_dir: Path) -> ClaimPack:
    """Write the N1, the particulars (DOCX and PDF) and the covering letter (DOCX and PDF), all or none."""
    from ..convert import convert_to_pdf

    check = check_can_issue(case, options)
    figures = claim_figures_for(case, options.issue_date, options.service)
    values = n1_values(
        case,
        figures,
        issue_date=options.issue_date,
        hearing_centre=options.hearing_centre,
        human_rights=options.human_rights,
        vulnerability=options.vulnerability,
        signatory_name=options.signatory_name,
        signatory_position=options.signatory_position,
    )
    agreement, warnings = _agreement_copy(case, options)
    signing = signer_warning(values)
    warnings += [signing] if signing else []
    sign = {"signatory_name": options.signatory_name, "signatory_position": options.signatory_position}
    with OutputSet(out_dir) as out:
        n1 = write_form(load_spec("N1"), values, out.scratch, case.reference, mode=options.mode)
        particulars = write_particulars_docx(
            case,
            figures,
            options.issue_date,
            out.scratch,
            letter_date=options.letter_date,
            agreement_attached=agreement is not None,
            **sign,
        )
        enclosures = [
            f"Claim form N1 ({n1.name}), with a copy for each defendant",
            f"Particulars of claim ({particulars.with_suffix('.pdf').name})",
        ]
        extra: list[Path] = []
        if agreement is not None:
            attached = out.stage(safe_file_name(f"{case.reference} particulars of claim - copy of the agreement.pdf"))
            attached.write_bytes(agreement.read_bytes())
            extra.append(attached)
            enclosures.append(f"Copy of the written agreement attached to the particulars ({attached.name})")
        centre = paper_claims_centre(options.issue_date).name
        letter = Template(COVERING_LETTER).render(
            _letter_context(case, figures, options, check, values, enclosures),
            out.stage(f"{safe_file_name(f'{case.reference} covering letter to the {centre}')}.docx"),
        )
        pdfs = convert_to_pdf([particulars, letter], out.scratch)
        interest = figures.interest
        summary = {
            "reference": case.reference,
            "issue_date": options.issue_date.isoformat(),
            "principal": money_str(figures.principal),
            "interest": money_str(interest.interest) if interest else "0.00",
            "daily_rate": money_str(interest.daily_rate) if interest else "0.00",
            "claim_value": money_str(figures.claim_value),
            "fee": money_str(figures.fee.fee),
            "costs": money_str(figures.costs.costs),
            "total": money_str(figures.total),
            "track": figures.track.track,
            "statement_of_value": figures.statement_of_value,
            "basis": figures.basis,
            "warnings": [*check.warnings, *warnings],
        }
        data = out.stage(safe_file_name(f"{case.reference} claim figures.json"))
        data.write_text(json.dumps(summary, indent=2), encoding="utf-8")
        staged = [n1, particulars, pdfs[0], *extra, letter, pdfs[1], data]
    return ClaimPack([out.final(p) for p in staged], figures, check, summary)
