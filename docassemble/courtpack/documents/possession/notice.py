"""The notice before a possession claim: a notice of seeking possession or a notice of proceedings.

Why the dates arrive decided: the earliest date proceedings may begin and the date the notice lapses
are ``law.possession``'s (s.83(3)–(5) Housing Act 1985; s.128(4) Housing Act 1996), computed from the
date the notice will be served; this module prints them and refuses a request whose dates contradict
each other, so a notice can never tell a tenant a date the law would not allow.

Why the particulars carry the account: a notice whose particulars do not say what is owed and how it
arose may be struck out (Torridge DC v Jones (1985) 18 HLR 107), so paragraph 4 states the arrears, the
arrears in weeks of rent and the recent rent account.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import NotReadyError
from ...law.dates import format_date
from ...law.money import format_money
from .._output import OutputSet
from ..render import Template, safe_file_name
from .requests import NoticeRequest, RentStatement, TenancyKind

__all__ = ["STATEMENT_ROWS", "notice_context", "notice_title", "write_notice"]

STATEMENT_ROWS = 12  # the notice shows the latest entries; the full schedule goes with the claim
STATUTE = {
    TenancyKind.INTRODUCTORY: "Housing Act 1996, section 128",
    TenancyKind.DEMOTED: "Housing Act 1996, section 143E",
}
PHRASE = {TenancyKind.INTRODUCTORY: "an introductory tenant", TenancyKind.DEMOTED: "a demoted tenant"}


def notice_title(kind: TenancyKind) -> str:
    return "notice of seeking possession" if kind.seeks_possession_by_nosp else "notice of proceedings for possession"


def _rows(statement: RentStatement) -> list[dict[str, Any]]:
    def text(value: Any) -> str:
        return format_money(value) if value else ""

    return [
        {
            "date": line.date,
            "description": line.description,
            "due_text": text(line.due),
            "paid_text": text(line.paid),
            "benefit_text": text(line.benefit),
            "balance": line.balance,
        }
        for line in statement.lines[-STATEMENT_ROWS:]
    ]


def _check_dates(request: NoticeRequest) -> None:
    reference = request.case.reference
    if request.expected_service < request.notice_date:
        raise NotReadyError(
            f"case {reference}: the notice would be served on {format_date(request.expected_service)}, before its "
            f"own date {format_date(request.notice_date)}; give a service date on or after the notice's date"
        )
    if request.date_specified <= request.expected_service:
        raise NotReadyError(
            f"case {reference}: the date after which proceedings may begin ({format_date(request.date_specified)}) "
            "must come after service; recompute it from the service date"
        )
    if request.tenancy.kind.seeks_possession_by_nosp and request.proceedings_by is None:
        raise NotReadyError(f"case {reference}: a notice of seeking possession must state when it lapses")
    if not request.tenancy.kind.seeks_possession_by_nosp and request.review_by is None:
        raise NotReadyError(f"case {reference}: a notice of proceedings must state the last day to ask for a review")
    if request.arrears <= 0:
        raise NotReadyError(
            f"case {reference}: the rent account shows no arrears on {format_date(request.notice_date)}, so Ground 1 "
            "has no particulars; do not serve a notice for rent arrears"
        )


def notice_context(request: NoticeRequest) -> dict[str, Any]:
    """The template's tags."""
    case, tenancy = request.case, request.tenancy
    claimant = case.claimant
    particulars = (
        f"The rent lawfully due from you has not been paid. On {format_date(request.statement.to_date)} the "
        f"arrears of rent on your account are {format_money(request.arrears)}, which is "
        f"{request.arrears_weeks} {request.arrears_period_word} of rent at the current rent of "
        f"{format_money(tenancy.rent)} a {tenancy.frequency}. In the period "
        f"{format_date(request.statement.from_date)} to {format_date(request.statement.to_date)} rent of "
        f"{format_money(request.statement.total_due)} fell due; you paid {format_money(request.statement.total_paid)}, "
        f"and Housing Benefit or Universal Credit housing costs paid {format_money(request.statement.total_benefit)}."
    )
    basis = (
        "Given under section 83 of the Housing Act 1985 in the form prescribed by the Secure Tenancies (Notices) "
        "Regulations 1987 (SI 1987/755), as amended."
        if tenancy.kind.seeks_possession_by_nosp
        else f"Given under {STATUTE[tenancy.kind].replace('Housing Act 1996, section', 'section')} of the Housing "
        "Act 1996; a review is decided under section 129 (introductory) or 143F (demoted) before any claim."
    )
    return {
        "reference": case.reference,
        "council": {
            "name": claimant.name,
            "address": claimant.address.one_line(),
            "phone": claimant.officer_phone,
            "email": claimant.officer_email,
        },
        "tenants": " and ".join(tenancy.tenants),
        "property": tenancy.address,
        "tenancy_words": tenancy.kind.words if tenancy.kind.seeks_possession_by_nosp else PHRASE[tenancy.kind],
        "statute": STATUTE.get(tenancy.kind, "Housing Act 1985, section 83"),
        "ground_heading": request.ground_heading,
        "ground_text": request.ground_text,
        "particulars": particulars,
        "extra_particulars": request.particulars.strip(),
        "statement_rows": _rows(request.statement),
        "statement_weeks": min(STATEMENT_ROWS, len(request.statement.lines)),
        "notice_date": request.notice_date,
        "expected_service": request.expected_service,
        "date_specified": request.date_specified,
        "proceedings_by": request.proceedings_by,
        "review_by": request.review_by,
        "signatory": {"name": request.signatory.name, "position": request.signatory.position},
        "legal_basis": basis,
    }


def write_notice(request: NoticeRequest, out: OutputSet) -> Path:
    """Stage the notice (DOCX) in ``out``; refused when its dates or the arrears would make it untrue."""
    _check_dates(request)
    kind = request.tenancy.kind
    template = (
        "possession_notice_secure.docx" if kind.seeks_possession_by_nosp else "possession_notice_proceedings.docx"
    )
    name = safe_file_name(f"{request.case.reference} {notice_title(kind)}.docx")
    return Template(template).render(notice_context(request), out.stage(name))
