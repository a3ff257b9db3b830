"""The court requests for the chosen enforcement routes, refused when the route is not open.

Why refuse here: law.enforcement says which routes are open and why not; producing a warrant
request the court would reject (a judgment six years old without permission, a breathing space,
£5,000 or more in the County Court) wastes a fee and may be a breach of the moratorium.

Why typed answers: the interview's answers reach the forms as one frozen, keyword-only object
with no defaults, so an answer the interview forgets to pass is a ``TypeError`` the first time a
headless run reaches it, never an empty box or a sentence nobody said (the N349 once stated that
every debtor "has paid the claimant from an account held with this third party").
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...case import Case
from ...case.figures import JudgmentPosition
from ...case.model import DebtorKind
from ...errors import DocumentError, NotReadyError
from ...law.dates import format_date
from ...law.enforcement import ROUTES
from .._output import OutputSet
from ..forms import load_spec, write_form
from ..forms.builders import enforcement as build
from ..forms.builders.judgment import permission_values

__all__ = [
    "CHOICES",
    "LABELS",
    "PERMISSION",
    "EnforcementAnswers",
    "PermissionRoute",
    "RouteView",
    "Signatory",
    "refuse_blocked",
    "route_views",
    "write_requests",
]

PERMISSION = "permission"  # N244 application for permission to enforce (CPR 83.2(3)(a))
CHOICES = (*ROUTES, PERMISSION)
LABELS = {
    "warrant_of_control": "warrant of control (County Court enforcement agent)",
    "writ_of_control": "writ of control (High Court Enforcement Officer)",
    "attachment_of_earnings": "attachment of earnings order",
    "charging_order": "charging order on land",
    "third_party_debt_order": "third party debt order",
    "order_to_obtain_information": "order to obtain information (questioning)",
    PERMISSION: "permission to enforce an old judgment (N244)",
}
PERMISSION_MARK = "apply for permission on N244"


class PermissionRoute(enum.Enum):
    """What the N244 asks permission to issue (CPR 83.2(3)(a)): the route the officer chose."""

    WARRANT = "warrant_of_control"
    WRIT = "writ_of_control"

    @property
    def words(self) -> str:
        return "a writ of control" if self is PermissionRoute.WRIT else "a warrant of control"


@dataclass(frozen=True, kw_only=True)
class Signatory:
    name: str
    position: str


@dataclass(frozen=True, kw_only=True)
class EnforcementAnswers:
    """Every answer the enforcement interview gives; "" where the interview did not need to ask."""

    routes: tuple[str, ...]
    permission_granted: bool
    third_party: str  # N349: the bank or building society, name and address
    account_details: str  # N349: branch, sort code and account number as the officer gave them
    belief: str  # N349: why the council believes the third party holds money for the debtor
    employer: str  # N337
    officer_name: str  # N316A: the company officer to be questioned
    officer_position: str
    other_enforcement: str  # N293A: other enforcement pending ("" = none)
    permission_route: PermissionRoute | None  # N244: the route permission is sought for
    delay_reasons: str  # N244 evidence (CPR 83.2(4))
    agent_name: str  # writ: the High Court Enforcement Officer instructed
    agent_address: str
    signatory: Signatory


@dataclass(frozen=True)
class RouteView:
    route: str
    form: str
    label: str
    allowed: bool
    reasons: tuple[str, ...]
    fee: Any


def route_views(case: Case, position: JudgmentPosition, permission_granted: bool = False) -> list[RouteView]:
    """Every route with allowed/blocked and the reasons (from law.enforcement), plus N244 permission."""
    views = []
    for option in position.assessment.options:
        reasons = tuple(r for r in option.reasons if not (permission_granted and PERMISSION_MARK in r))
        form = option.form
        if option.route == "order_to_obtain_information" and case.debtor.kind is DebtorKind.COMPANY:
            form = "N316A"
        views.append(RouteView(option.route, form, LABELS[option.route], not reasons, reasons, option.fee))
    needed = position.assessment.permission_required and not permission_granted
    views.append(
        RouteView(
            PERMISSION,
            "N244",
            LABELS[PERMISSION],
            needed,
            () if needed else ("Permission is needed only for a writ or warrant on a judgment six years old or more.",),
            None,
        )
    )
    return views


def refuse_blocked(case: Case, views: list[RouteView], chosen: list[str] | tuple[str, ...], on: dt.date) -> None:
    unknown = [r for r in chosen if r not in CHOICES]
    if unknown:
        raise DocumentError(f"enforcement route(s) {', '.join(unknown)} not known; use: {', '.join(CHOICES)}")
    if not chosen:
        raise DocumentError("choose at least one enforcement route")
    blocked = [v for v in views if v.route in chosen and not v.allowed]
    if blocked:
        detail = " ".join(f"{v.form} ({v.label}): {' '.join(v.reasons)}" for v in blocked)
        raise NotReadyError(f"case {case.reference}: not open on {format_date(on)} — {detail}")


def _needs(case: Case, value: str, field: str, fix: str) -> str:
    if not value.strip():
        raise DocumentError(f"case {case.reference}: {field} is empty — {fix}")
    return value.strip()


def _values(
    case: Case, position: JudgmentPosition, route: str, answers: EnforcementAnswers, on: dt.date
) -> tuple[str, dict[str, Any]]:
    sign = {"signatory_name": answers.signatory.name, "signatory_position": answers.signatory.position}
    if route == "warrant_of_control":
        return "N323", build.n323_values(case, position, on, **sign)
    if route == "writ_of_control":
        return "N293A", build.n293a_values(
            case,
            position,
            on,
            other_enforcement=answers.other_enforcement,
            enforcement_officer=answers.agent_name,
            **sign,
        )
    if route == "attachment_of_earnings":
        return "N337", build.n337_values(case, position, on, employer=answers.employer, **sign)
    if route == "third_party_debt_order":
        third_party = _needs(
            case, answers.third_party, "third_party", "give the bank or other third party's name and address"
        )
        belief = _needs(
            case,
            answers.belief,
            "belief",
            "say why the council believes the third party holds "
            "money for the debtor (CPR 72.3(1)(b) and PD 72 para 1.2)",
        )
        return "N349", build.n349_values(
            case, position, on, third_party=third_party, account_details=answers.account_details, belief=belief, **sign
        )
    if route == "order_to_obtain_information":
        if case.debtor.kind is DebtorKind.COMPANY:
            officer = _needs(
                case, answers.officer_name, "officer_name", "name the company officer to be questioned (CPR 71.2(1)(b))"
            )
            return "N316A", build.n316_values(
                case, position, on, officer_name=officer, officer_position=answers.officer_position, **sign
            )
        return "N316", build.n316_values(case, position, on, officer_name="", officer_position="", **sign)
    if route == "charging_order":
        prop = next((p for p in case.properties if p.title_number), None)
        if prop is None:
            raise DocumentError(
                f"case {case.reference}: a charging order needs a property with a Land Registry "
                "title number in the case file"
            )
        return "N379", build.n379_values(case, position, on, prop, **sign)
    if answers.permission_route is None:
        raise DocumentError(
            f"case {case.reference}: permission_route is empty — say whether permission is "
            "sought for a warrant of control or a writ of control"
        )
    return "N244", permission_values(
        case,
        position.judgment,
        position,
        application_date=on,
        route=answers.permission_route.value,
        delay_reasons=answers.delay_reasons,
        **sign,
    )


def write_requests(
    case: Case, position: JudgmentPosition, answers: EnforcementAnswers, out: OutputSet, on: dt.date, mode: str = "auto"
) -> list[Path]:
    """One form per chosen route (after refusing any blocked route), staged in ``out``."""
    views = route_views(case, position, answers.permission_granted)
    refuse_blocked(case, views, answers.routes, on)
    files = []
    for route in answers.routes:
        number, values = _values(case, position, route, answers, on)
        files.append(write_form(load_spec(number), values, out.scratch, case.reference, mode=mode))
    return files
