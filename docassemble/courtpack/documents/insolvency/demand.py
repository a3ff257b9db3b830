"""A statutory demand (individual or company) and its service record, from a small YAML file.

Why typed requests: the demand's content is prescribed (Insolvency (England and Wales) Rules 2016
r.10.1 for individuals; Insolvency Act 1986 s.123(1)(a) for companies), so every item the rule asks
for is a required field of ``DemandRequest`` and a missing one stops the document with the field
named. A demand that could never found a petition (below the threshold) is refused: it would only
frighten a debtor without any lawful next step. The service record is the evidence the petition
needs later; it is written with the dates that follow from service, and updated once served.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

import yaml

from ...case.fields import Fields
from ...case.model import Address, DebtorKind
from ...case.model import Debtor as CaseDebtor
from ...errors import CaseFileError, NotReadyError
from ...files import write_atomically
from ...law import insolvency
from ...law.dates import format_date
from ...law.money import format_money, money_str
from ..render import Template, safe_file_name

HEADINGS = {
    ("individual", "payable_immediately"): "Statutory demand under section 268(1) (debt payable immediately) of the "
    "Insolvency Act 1986",
    ("individual", "judgment_debt"): "Statutory demand under section 268(1) (debt payable immediately) of the "
    "Insolvency Act 1986 — debt for a judgment or order of a court",
    ("company", "payable_immediately"): "Statutory demand under section 123(1)(a) of the Insolvency Act 1986 (company)",
    ("company", "judgment_debt"): "Statutory demand under section 123(1)(a) of the Insolvency Act 1986 (company) — "
    "debt for a judgment or order of a court",
}
SERVICE_METHODS = ("personal", "registered_office", "first_class_post", "left_at_address")


@dataclass(frozen=True, kw_only=True)
class Creditor:
    name: str
    address: str
    contact_name: str
    phone: str
    email: str


@dataclass(frozen=True, kw_only=True)
class Debtor:
    name: str
    address: str
    other_names: str
    company_number: str


class Council(Protocol):
    """What a demand needs of the council's settings (the register's ``CouncilSettings``)."""

    legal_name: str
    address: Address
    phone: str
    email: str


def demand_parties(
    council: Council, signer_name: str, signer_position: str, debtor: CaseDebtor
) -> tuple[Creditor, Debtor]:
    """The creditor (the council, its contact the signer) and the debtor as the case records them.

    Why one place: every demand, on liability orders, a judgment or a balance, names the parties the same way;
    a sole trader's business name is one of the "other names" the prescribed form asks for.
    """
    creditor = Creditor(
        name=council.legal_name,
        address=council.address.one_line(),
        contact_name=f"{signer_name}, {signer_position}",
        phone=council.phone,
        email=council.email,
    )
    return creditor, Debtor(
        name=debtor.name,
        address=debtor.address.one_line(),
        other_names=debtor.trading_name if debtor.kind is DebtorKind.SOLE_TRADER else "",
        company_number=debtor.company_number,
    )


@dataclass(frozen=True, kw_only=True)
class DemandItem:
    description: str
    amount: Decimal


@dataclass(frozen=True, kw_only=True)
class Judgment:
    date: dt.date
    court: str
    claim_number: str


@dataclass(frozen=True, kw_only=True)
class Signatory:
    name: str
    position: str


@dataclass(frozen=True, kw_only=True)
class DemandRequest:
    reference: str
    debtor_kind: str
    kind: str
    creditor: Creditor
    debtor: Debtor
    items: tuple[DemandItem, ...]
    consideration: str
    judgment: Judgment | None
    interest_statement: str
    demand_date: dt.date
    assumed_service: dt.date
    set_aside_court: str
    signatory: Signatory

    @property
    def amount(self) -> Decimal:
        return sum((item.amount for item in self.items), Decimal("0.00"))


def load_demand(path: str | Path) -> DemandRequest:
    """Read a demand file; every problem is a ``CaseFileError`` naming the field and the fix."""
    source = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise CaseFileError(source, "", f"cannot be read ({err.strerror})", "check the path") from None
    except yaml.YAMLError as err:
        raise CaseFileError(source, "", f"is not valid YAML ({err})", "check the indentation") from None
    f = Fields(data, source)
    debtor_kind = f.text("debtor_kind", "individual")
    if debtor_kind not in insolvency.DEBTOR_KINDS:
        raise f.fail("debtor_kind", f"{debtor_kind!r} is not known", "use individual or company")
    kind = f.text("kind", "payable_immediately")
    if kind not in insolvency.DEMAND_KINDS:
        raise f.fail("kind", f"{kind!r} is not known", f"use one of: {', '.join(insolvency.DEMAND_KINDS)}")
    c, d, s = f.section("creditor"), f.section("debtor"), f.section("signatory")
    judgment = None
    if kind == "judgment_debt":
        j = f.section("judgment")
        judgment = Judgment(date=j.date("date"), court=j.text("court"), claim_number=j.text("claim_number", ""))
    items = tuple(
        DemandItem(description=i.text("description"), amount=i.money("amount")) for i in f.items("items", required=True)
    )
    demand_date = f.date("demand_date")
    request = DemandRequest(
        reference=f.text("reference"),
        debtor_kind=debtor_kind,
        kind=kind,
        creditor=Creditor(
            name=c.text("name"),
            address=c.text("address"),
            contact_name=c.text("contact_name"),
            phone=c.text("phone"),
            email=c.text("email"),
        ),
        debtor=Debtor(
            name=d.text("name"),
            address=d.text("address"),
            other_names=d.text("other_names", ""),
            company_number=d.text("company_number", "") if debtor_kind == "company" else "",
        ),
        items=items,
        consideration=f.long_text("consideration"),
        judgment=judgment,
        interest_statement=f.long_text("interest_statement", "No interest or other charge is included."),
        demand_date=demand_date,
        assumed_service=f.date("assumed_service", demand_date),
        set_aside_court=f.text("set_aside_court") if debtor_kind == "individual" else "",
        signatory=Signatory(name=s.text("name"), position=s.text("position")),
    )
    if request.assumed_service < request.demand_date:
        raise f.fail("assumed_service", "is before the demand's date", "give the day you expect to serve it")
    return request


@dataclass(frozen=True)
class DemandOutput:
    docx: Path
    record: Path
    threshold: insolvency.ThresholdCheck
    dates: insolvency.DemandDates


def demand_context(request: DemandRequest, dates: insolvency.DemandDates) -> dict[str, Any]:
    """The template's tags (docs/templates.md)."""
    sources = insolvency.COMPLY_SOURCE[request.debtor_kind]
    if request.debtor_kind == "individual":
        sources += f"; {insolvency.SET_ASIDE_SOURCE}"
    return {
        "heading": HEADINGS[(request.debtor_kind, request.kind)],
        "reference": request.reference,
        "creditor": request.creditor,
        "debtor": request.debtor,
        "items": request.items,
        "amount": request.amount,
        "consideration": request.consideration,
        "judgment": request.judgment,
        "interest_statement": request.interest_statement,
        "demand_date": request.demand_date,
        "assumed_service": dates.served,
        "comply_by": dates.comply_by,
        "set_aside_by": dates.set_aside_by,
        "set_aside_court": request.set_aside_court,
        "signatory": request.signatory,
        "legal_basis": f"Made under {sources}.",
    }


def write_demand(request: DemandRequest, out_dir: Path) -> DemandOutput:
    """Render the demand and write its service record (JSON), or refuse a demand below the threshold."""
    if request.debtor_kind == "company" and not request.debtor.company_number:
        raise CaseFileError(
            request.reference,
            "debtor.company_number",
            "is missing",
            "a company demand names the company by its registered number",
        )
    if request.debtor_kind == "individual" and not request.set_aside_court:
        raise CaseFileError(
            request.reference,
            "set_aside_court",
            "is missing",
            "name the court for a set-aside application (r.10.4(4)), e.g. the County Court at Bromley",
        )
    threshold = insolvency.threshold_check(request.debtor_kind, request.amount, request.demand_date)
    if not threshold.meets:
        raise NotReadyError(
            f"{request.reference}: a statutory demand for {format_money(request.amount)} is refused — "
            f"{threshold.basis} Recover it another way (a money claim or liability order "
            "enforcement)."
        )
    insolvency.demand_kind_check(
        request.kind,
        request.judgment.date if request.judgment else None,
        request.judgment.court if request.judgment else None,
    )
    dates = insolvency.demand_dates(request.debtor_kind, request.assumed_service)
    stem = safe_file_name(f"{request.reference} statutory demand")
    template = Template(f"statutory_demand_{request.debtor_kind}.docx")
    docx = template.render(demand_context(request, dates), out_dir / f"{stem}.docx")
    record = _record(request, threshold, dates)
    target = out_dir / f"{stem} service record.json"
    write_atomically(target, json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8"), create_folder=True)
    return DemandOutput(docx, target, threshold, dates)


def _record(
    request: DemandRequest, threshold: insolvency.ThresholdCheck, dates: insolvency.DemandDates
) -> dict[str, Any]:
    return {
        "reference": request.reference,
        "debtor_kind": request.debtor_kind,
        "kind": request.kind,
        "debtor": request.debtor.name,
        "amount": money_str(request.amount),
        "demand_date": request.demand_date.isoformat(),
        "threshold": threshold.basis,
        "threshold_source": threshold.source,
        "service": None,
        "expected": {
            "served": dates.served.isoformat(),
            "set_aside_by": dates.set_aside_by.isoformat(),
            "comply_by": dates.comply_by.isoformat(),
            "petition_from": dates.petition_from.isoformat(),
        },
        "contents": [{"rule": ref, "requirement": text} for ref, text in insolvency.DEMAND_CONTENTS],
    }


def record_service(record_path: Path, *, served: dt.date, method: str, served_by: str) -> dict[str, Any]:
    """Record how and when the demand was served, and the dates that now bind (set-aside, comply, petition)."""
    if method not in SERVICE_METHODS:
        raise CaseFileError(
            str(record_path), "method", f"{method!r} is not known", f"use one of: {', '.join(SERVICE_METHODS)}"
        )
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CaseFileError(
            str(record_path),
            "",
            f"is not a courtpack service record ({err})",
            "give the '... service record.json' written with the demand",
        ) from None
    demand_date = dt.date.fromisoformat(record["demand_date"])
    if served < demand_date:
        raise CaseFileError(
            str(record_path),
            "served",
            f"{served.isoformat()} is before the demand's date {demand_date.isoformat()}",
            "check the date of service",
        )
    dates = insolvency.demand_dates(record["debtor_kind"], served)
    record["service"] = {
        "served": served.isoformat(),
        "method": method,
        "served_by": served_by,
        "set_aside_by": dates.set_aside_by.isoformat() if record["debtor_kind"] == "individual" else None,
        "comply_by": dates.comply_by.isoformat(),
        "petition_from": dates.petition_from.isoformat(),
        "basis": dates.basis,
        "source": insolvency.SERVICE_SOURCE[record["debtor_kind"]],
    }
    write_atomically(record_path, json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8"), create_folder=True)
    return record


def service_summary(record: dict[str, Any]) -> str:
    service = record["service"]
    served = dt.date.fromisoformat(service["served"])
    return (
        f"{record['reference']}: served {format_date(served)} ({service['method'].replace('_', ' ')}); "
        f"comply by {format_date(dt.date.fromisoformat(service['comply_by']))}; petition from "
        f"{format_date(dt.date.fromisoformat(service['petition_from']))}."
    )
