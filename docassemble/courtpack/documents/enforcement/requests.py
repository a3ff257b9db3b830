"""The court requests for the chosen enforcement routes, refused when the route is not open.

Why refuse here: law.enforcement says which routes are open and why not; producing a warrant
request the court would reject (a judgment six years old without permission, a breathing space,
£5,000 or more in the County Court) wastes a fee and may be a breach of the moratorium.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...case import Case
from ...case.figures import JudgmentPosition
from ...case.model import DebtorKind
from ...errors import DocumentError, NotReadyError
from ...law.dates import format_date
from ...law.enforcement import ROUTES
from ..forms import load_spec, write_form
from ..forms.builders import enforcement as build
from ..forms.builders.judgment import permission_values

PERMISSION = "permission"  # N244 application for permission to enforce (CPR 83.2(3)(a))
CHOICES = (*ROUTES, PERMISSION)
LABELS = {"warrant_of_control": "warrant of control (County Court enforcement agent)",
          "writ_of_control": "writ of control (High Court Enforcement Officer)",
          "attachment_of_earnings": "attachment of earnings order", "charging_order": "charging order on land",
          "third_party_debt_order": "third party debt order", "order_to_obtain_information":
          "order to obtain information (questioning)", PERMISSION: "permission to enforce an old judgment (N244)"}
PERMISSION_MARK = "apply for permission on N244"


@dataclass
class RouteView:
    route: str
    form: str
    label: str
    allowed: bool
    reasons: tuple[str, ...]
    fee: Any


@dataclass
class EnforcementRequest:
    routes: list[str]
    permission_granted: bool = False
    options: dict[str, Any] = field(default_factory=dict)  # third_party, employer, officer_name, ...


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
    views.append(RouteView(PERMISSION, "N244", LABELS[PERMISSION], needed,
                           () if needed else ("Permission is needed only for a writ or warrant on a judgment six "
                                              "years old or more.",), None))
    return views


def refuse_blocked(case: Case, views: list[RouteView], chosen: list[str], on: dt.date) -> None:
    unknown = [r for r in chosen if r not in CHOICES]
    if unknown:
        raise DocumentError(f"enforcement route(s) {', '.join(unknown)} not known; use: {', '.join(CHOICES)}")
    if not chosen:
        raise DocumentError("choose at least one enforcement route")
    blocked = [v for v in views if v.route in chosen and not v.allowed]
    if blocked:
        detail = " ".join(f"{v.form} ({v.label}): {' '.join(v.reasons)}" for v in blocked)
        raise NotReadyError(f"case {case.reference}: not open on {format_date(on)} — {detail}")


def write_requests(case: Case, position: JudgmentPosition, request: EnforcementRequest, out_dir: Path,
                   on: dt.date, mode: str = "auto") -> list[Path]:
    """One form per chosen route (after refusing any blocked route)."""
    views = route_views(case, position, request.permission_granted)
    refuse_blocked(case, views, request.routes, on)
    opts = request.options
    sign = {k: opts[k] for k in ("signatory_name", "signatory_position") if opts.get(k)}
    files = []
    for route in request.routes:
        if route == "warrant_of_control":
            number, values = "N323", build.n323_values(case, position, on, **sign)
        elif route == "writ_of_control":
            number, values = "N293A", build.n293a_values(case, position, on, **sign)
        elif route == "attachment_of_earnings":
            number, values = "N337", build.n337_values(case, position, on, employer=opts.get("employer", ""), **sign)
        elif route == "third_party_debt_order":
            if not opts.get("third_party"):
                raise DocumentError("a third party debt order needs the bank or other third party's name and address")
            number, values = "N349", build.n349_values(case, position, on, third_party=opts["third_party"],
                                                       account_details=opts.get("account_details", ""), **sign)
        elif route == "order_to_obtain_information":
            company = case.debtor.kind is DebtorKind.COMPANY
            number = "N316A" if company else "N316"
            values = build.n316_values(case, position, on, officer_name=opts.get("officer_name", "") if company
                                       else "", officer_position=opts.get("officer_position", "") if company else "",
                                       **sign)
        elif route == "charging_order":
            prop = next(p for p in case.properties if p.title_number)
            number, values = "N379", build.n379_values(case, position, on, prop, **sign)
        else:
            number = "N244"
            values = permission_values(case, position.judgment, position, application_date=on,
                                       route=opts.get("permission_route", "warrant_of_control"),
                                       delay_reasons=opts.get("delay_reasons", ""), **sign)
        files.append(write_form(load_spec(number), values, out_dir, case.reference, mode=mode))
    return files
