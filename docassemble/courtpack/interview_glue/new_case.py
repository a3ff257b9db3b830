"""Glue for ``new_case.yml`` and ``edit_case.yml``: an officer's answers become a case in the register.

Why the case file's own validation: answers are turned into the same plain data a YAML case file
holds and read by ``case_from_dict``, so a case entered on screen is checked exactly as strictly as
one imported (postcodes, dates not in the future, a surname for an individual, a company name for a
company...). The claimant is the council from its settings, never typed again. Answers arrive as
docassemble objects on the server and as plain lists of mappings headless; both are read here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..case.casefile import case_from_dict
from ..case.fields import normalise_postcode
from ..case.model import LIABILITY_ORDER_DEBTS, Case, DebtorKind, DebtType
from ..errors import CaseFileError
from ..headless import server
from .acting import acting_user
from .cases import register_url
from .common import as_date

__all__ = [
    "AGREEMENT_CHOICES",
    "DEBTOR_KIND_CHOICES",
    "DEBT_TYPE_CHOICES",
    "agreement_answers",
    "build_case",
    "check_postcode",
    "council_choices",
    "debt_label",
    "debtor_defaults",
    "debtor_kinds",
    "edited_case",
    "interest_choices",
    "load_for_edit",
    "needs_agreement",
    "needs_property",
    "rows_of",
    "save_case_answers",
    "statement_ledger",
    "uploaded_file",
]

# council tax and business rates cases come from a liability order batch (`courtpack liability`), one per account
DEBT_TYPE_CHOICES = [{t.value: t.label[0].upper() + t.label[1:]} for t in DebtType if t not in LIABILITY_ORDER_DEBTS]
DEBTOR_KIND_CHOICES = [
    {DebtorKind.INDIVIDUAL.value: "An individual"},
    {DebtorKind.SOLE_TRADER.value: "A sole trader (an individual trading under a business name)"},
    {DebtorKind.COMPANY.value: "A limited company or LLP"},
    {DebtorKind.PARTNERSHIP.value: "A partnership (a firm)"},
]
AGREEMENT_CHOICES = [
    {"written": "A written agreement (tenancy, lease, licence, order form)"},
    {"oral": "An oral agreement"},
]
# debts that arise from the occupation of a property: the officer gives its address
PROPERTY_DEBTS = {
    DebtType.FORMER_TENANT_ARREARS,
    DebtType.CURRENT_TENANT_ARREARS,
    DebtType.GARAGE_RENT,
    DebtType.COMMERCIAL_RENT,
    DebtType.LEASEHOLD_SERVICE_CHARGE,
    DebtType.RECHARGEABLE_REPAIRS,
}
# debts owed by statute or court order, with no agreement behind them
STATUTORY_DEBTS = {DebtType.BENEFIT_OVERPAYMENT, DebtType.COURT_COSTS, *LIABILITY_ORDER_DEBTS}


def needs_property(debt_type: str) -> bool:
    return DebtType(debt_type) in PROPERTY_DEBTS


def needs_agreement(debt_type: str) -> bool:
    return DebtType(debt_type) not in STATUTORY_DEBTS


def interest_choices(debtor_kinds: Iterable[str]) -> list[dict[str, str]]:
    """Late Payment Act interest only where every debtor acts in the course of a business (1998 Act s.2)."""
    choices = [
        {"statutory": "Interest under section 69 of the County Courts Act 1984"},
        {"contractual": "Interest at the rate the agreement sets"},
        {"none": "No interest"},
    ]
    if all(k != DebtorKind.INDIVIDUAL.value for k in debtor_kinds):
        choices.insert(1, {"late_payment": "Late Payment of Commercial Debts (Interest) Act 1998"})
    return choices


def debt_label(debt_type: str) -> str:
    return DebtType(debt_type).label


def debtor_kinds(debtors: Any) -> list[str]:
    return [_text(_get(d, "kind")) for d in rows_of(debtors)]


def check_postcode(value: Any) -> bool:
    """docassemble ``validate:``: a UK postcode, or a message saying how to put it right."""
    if normalise_postcode(str(value or "")) is not None:
        return True
    server.reject_answer("This is not a UK postcode; check it against Royal Mail's postcode finder")


def _get(item: Any, name: str, default: Any = "") -> Any:
    if isinstance(item, dict):
        return item.get(name, default)
    return getattr(item, name, default) if hasattr(item, name) else default


def rows_of(items: Any) -> list[Any]:
    """The rows of a list answer: a docassemble DAList (gathered here) or a plain list headless."""
    if hasattr(items, "gather"):
        items.gather()
        return list(items.elements)
    return list(items or [])


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _address(item: Any, prefix: str) -> dict[str, Any]:
    lines = [_text(_get(item, f"{prefix}line_{n}")) for n in (1, 2)]
    return {
        "lines": [line for line in lines if line],
        "town": _text(_get(item, f"{prefix}town")),
        "postcode": _text(_get(item, f"{prefix}postcode")),
    }


def _debtor(item: Any) -> dict[str, Any]:
    kind = _text(_get(item, "kind"))
    debtor: dict[str, Any] = {"kind": kind, "address": _address(item, "")}
    wanted = {
        "individual": ("title", "first_names", "surname"),
        "sole_trader": ("title", "first_names", "surname", "trading_name"),
        "company": ("company_name", "company_number"),
        "partnership": ("company_name",),
    }.get(kind, ())
    for name in (*wanted, "email", "phone", "vulnerability"):
        if _text(_get(item, name)):
            debtor[name] = _text(_get(item, name))
    start = _get(item, "breathing_space_start", None)
    if start:
        end = _get(item, "breathing_space_end", None)
        debtor["breathing_spaces"] = [
            {
                "start": as_date(start, "breathing_space_start").isoformat(),
                **({"end": as_date(end, "breathing_space_end").isoformat()} if end else {}),
            }
        ]
    return debtor


def _entry(item: Any) -> dict[str, Any]:
    amount = _get(item, "amount")
    return {
        "date": as_date(_get(item, "date"), "ledger date").isoformat(),
        "description": _text(_get(item, "description")),
        "amount": f"{amount:.2f}" if isinstance(amount, float) else str(amount),
        "kind": _text(_get(item, "kind")),
    }


def council_choices() -> list[dict[str, str]]:
    """The councils whose settings the register holds, as radio choices: a register shared by several
    councils (the example server holds three) must be told which one brings the claim."""
    from sqlalchemy import select

    from ..register.db import session_for
    from ..register.models import CouncilSetting

    with session_for(register_url()) as session:
        keys = session.scalars(select(CouncilSetting.key).order_by(CouncilSetting.key)).all()
    return [{key: key} for key in keys]


def build_case(
    reference: str,
    debt_type: str,
    description: str,
    debtors: Any,
    ledger_rows: Any,
    interest: str,
    officer_name: str,
    officer_position: str,
    agreement: dict[str, Any] | None = None,
    property_address: dict[str, Any] | None = None,
    interest_rate: Any = None,
    settings: Any = None,
    council: str | None = None,
) -> Case:
    """The answers as a checked ``Case`` (claimant from the settings of ``council``, or of the only council)."""
    from ..register.settings import claimant_data, council_settings

    # the officer dealing with the case is the one entering it: their email puts the case on their work list
    acting = acting_user()
    claimant = claimant_data(
        settings or council_settings(register_url(), council or None),
        _text(officer_name),
        _text(officer_position),
        officer_email=acting if "@" in acting else "",
    )
    debt: dict[str, Any] = {"type": debt_type, "description": _text(description)}
    if agreement and needs_agreement(debt_type):
        debt["agreement"] = {
            k: (as_date(v, "agreement date").isoformat() if k == "date" else v)
            for k, v in agreement.items()
            if v not in (None, "")
        }
    if property_address and needs_property(debt_type):
        debt["property_address"] = _address(property_address, "")
    data: dict[str, Any] = {
        "reference": _text(reference),
        "claimant": claimant,
        "debtors": [_debtor(d) for d in rows_of(debtors)],
        "debt": debt,
        "ledger": sorted((_entry(e) for e in rows_of(ledger_rows)), key=lambda e: e["date"]),
        "interest": {"basis": interest, **({"rate": str(interest_rate)} if interest_rate else {})},
    }
    return case_from_dict(data, f"new case {_text(reference)}")


def save_case_answers(
    case: Case, output_dir: Any, letter_sent: Any = None, letter_how: str = "post", expected_version: int | None = None
) -> list[str]:
    """Save the case (new, or an edit of ``expected_version``), record a letter already sent, export the file.

    Returns the exported case file (the end screen's document).
    """
    from ..register import open_register
    from ..register.case_records import export_case, save_case_facts
    from ..register.steps import record_step

    who = acting_user()
    register = open_register(register_url())
    try:
        with register.transaction(who) as session:
            save_case_facts(session, case, who, expected_version, new=expected_version is None)
            if letter_sent:
                record_step(
                    session,
                    case.reference,
                    "letter_before_claim_sent",
                    {"date": as_date(letter_sent, "letter_sent"), "how": letter_how},
                    who=who,
                )
        target = Path(str(output_dir)) / f"{case.reference}.yaml"
        return [str(export_case(register, case.reference, target))]
    finally:
        register.dispose()


def load_for_edit(reference: str) -> tuple[Case, int]:
    """The case as the register holds it, and the version the edit must hand back."""
    from ..register.case_records import load_case_facts

    return load_case_facts(register_url(), _text(reference))


def agreement_answers(
    kind: str, date: Any, description: str, made_by: str = "", place: str = "", parties: Iterable[str] = ()
) -> dict[str, Any]:
    if kind not in ("written", "oral"):
        raise CaseFileError("new case", "agreement.kind", f"{kind!r} is not known", "choose written or oral")
    return {
        "kind": kind,
        "date": date,
        "description": _text(description),
        "made_by": _text(made_by),
        "place": _text(place),
        "parties": [p for p in parties if p],
    }


def statement_ledger(
    upload: Any, date_column: str, description_column: str, amount_column: str, date_format: str, charges_are: str
) -> list[dict[str, str]]:
    """The account rows from an uploaded statement (a docassemble upload, or a path headless)."""
    from ..register.import_cases import statement_rows

    path, name = uploaded_file(upload, "statement_file")
    return statement_rows(
        str(path),
        name,
        date_column=date_column,
        description_column=description_column,
        amount_column=amount_column,
        date_format=date_format,
        charges_are=charges_are,
    )


def uploaded_file(upload: Any, field: str) -> tuple[Path, str]:
    """(path, name as uploaded) of the one file of an upload: a docassemble upload, or a path headless."""
    if isinstance(upload, (str, Path)):
        return Path(upload), Path(upload).name
    files = list(server.uploaded_paths(upload))
    if len(files) != 1:
        raise CaseFileError("answers", field, f"{len(files)} files were uploaded", "upload exactly one file")
    return files[0]


def edited_case(case: Case, debtor_answers: Any, new_rows: Any) -> Case:
    """The case with the first debtor's contact details replaced and new account rows added, re-checked."""
    from ..case.casefile import case_to_dict

    data = case_to_dict(case)
    first = data["debtors"][0]
    first["address"] = _address(debtor_answers, "")
    for name in ("email", "phone", "vulnerability"):
        value = _text(_get(debtor_answers, name))
        if value:
            first[name] = value
        else:
            first.pop(name, None)
    data["ledger"] = [*data["ledger"], *(_entry(e) for e in rows_of(new_rows))]
    return case_from_dict(data, f"case {case.reference}")


def debtor_defaults(case: Case) -> dict[str, str]:
    """The first debtor's current contact details, to prefill the edit screen."""
    debtor = case.debtor
    lines = [*debtor.address.lines, "", ""]
    return {
        "line_1": lines[0],
        "line_2": lines[1],
        "town": debtor.address.town,
        "postcode": debtor.address.postcode,
        "email": debtor.email,
        "phone": debtor.phone,
        "vulnerability": debtor.vulnerability,
    }
