"""The council's own details, entered once and read by every document: ``council_settings(url)``.

Why in the register and not in each case file or template: the council's legal name, its address
for service, who may sign a statement of truth for it, and which enforcement agents it instructs
are the same for every case; typed once by a manager, they cannot drift between documents, and no
document falls back to a made-up default ("The council's appointed enforcement agent") — a
missing setting is an error naming the setting and how to enter it.

PD 22 para 3.4: a statement of truth for a corporation is signed by a person holding a senior
position (or by its legal representative), so each signatory records which they are.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.fields import Fields
from ..case.model import Address, Claimant
from ..errors import CaseFileError
from ..law.liability_orders import CostsScale
from ..law.money import money_str
from .db import Register, session_for
from .errors import ConcurrentUpdateError, RegisterError
from .models import CouncilSetting

__all__ = [
    "CouncilSettings",
    "EnforcementAgent",
    "LiabilityOrderSettings",
    "Signatory",
    "claimant_data",
    "council_settings",
    "read_settings_file",
    "save_settings",
    "settings_from_dict",
    "settings_to_dict",
]

AGENT_KINDS = ("enforcement_agent", "hceo")
NOT_SET = (
    "no council settings in the register; a manager enters them once with "
    "`courtpack settings set FILE` or the council settings interview"
)


@dataclass(frozen=True)
class Signatory:
    """A person who may sign statements of truth for the council (PD 22 para 3.4)."""

    name: str
    position: str
    senior_position: bool  # holds a senior position in the council
    legal_representative: bool  # a solicitor (or other authorised person) conducting the claim


@dataclass(frozen=True)
class EnforcementAgent:
    """An enforcement agent firm or High Court enforcement officer the council instructs."""

    name: str
    kind: str  # enforcement_agent | hceo
    address: Address
    email: str
    reference_format: str  # e.g. "LBL/{reference}": how the council quotes its case to them

    def reference_for(self, case_reference: str) -> str:
        return self.reference_format.replace("{reference}", case_reference)


@dataclass(frozen=True)
class LiabilityOrderSettings:
    """Council tax and business rates recovery: the magistrates' court, the agreed costs and who signs.

    Why a setting: the costs are the scale the council has agreed with its court (the regulations
    allow only costs "reasonably incurred", CT reg 34(7)(b)), the same for every summons in a year,
    and the officer named on notices and summonses is the team's, not each case's.
    """

    court_name: str
    court_address: str
    costs: CostsScale
    summons_prefix: str  # summons numbers read PREFIX-YYYYMMDD-0001
    officer: str
    officer_position: str


@dataclass(frozen=True)
class CouncilSettings:
    legal_name: str
    address: Address
    address_for_service: Address
    team: str
    phone: str
    email: str
    payment_details: str
    fee_account: str
    legal_department_conducts: bool  # the council's legal department conducts its claims
    legal_department_lawyer: bool  # ...and a solicitor (or other authorised person) leads it
    legal_representative: str  # how the legal department is named on claims ("" when officers issue them)
    signatories: tuple[Signatory, ...]
    enforcement_agents: tuple[EnforcementAgent, ...]
    liability_orders: LiabilityOrderSettings | None = None  # only councils that recover council tax here
    version: int = 0

    def liability(self) -> LiabilityOrderSettings:
        """The liability order settings, or a ``RegisterError`` saying how to enter them."""
        if self.liability_orders is None:
            raise RegisterError(
                f"council settings for {self.legal_name} have no liability_orders section (the magistrates' "
                "court, the costs scale agreed with it and who signs summonses); a manager adds it with "
                "`courtpack settings set FILE` (see examples/settings/northgate.yaml)"
            )
        return self.liability_orders

    def signatory(self, name: str) -> Signatory:
        found = [s for s in self.signatories if s.name == name]
        if not found:
            names = ", ".join(s.name for s in self.signatories)
            raise RegisterError(
                f"council settings: {name!r} is not one of the people who may sign statements of "
                f"truth ({names}); add them to the settings first"
            )
        return found[0]

    def agent(self, name: str) -> EnforcementAgent:
        found = [a for a in self.enforcement_agents if a.name == name]
        if not found:
            names = ", ".join(a.name for a in self.enforcement_agents) or "none"
            raise RegisterError(
                f"council settings: {name!r} is not an enforcement agent the council instructs "
                f"({names}); add it to the settings first"
            )
        return found[0]

    def claimant(
        self, officer_name: str, officer_position: str, officer_phone: str = "", officer_email: str = ""
    ) -> Claimant:
        """The claimant block of a case, from these settings and the officer dealing with it."""
        return Claimant(
            name=self.legal_name,
            address=self.address,
            officer_name=officer_name,
            officer_phone=officer_phone or self.phone,
            officer_email=officer_email or self.email,
            officer_position=officer_position,
            department=self.team,
            fee_account=self.fee_account,
            solicitor_conducted=self.legal_department_conducts and self.legal_department_lawyer,
            legal_representative=self.legal_representative,
            payment_instructions=self.payment_details,
            reply_address=self.address_for_service,
        )


def claimant_data(
    settings: CouncilSettings, officer_name: str, officer_position: str, officer_email: str = ""
) -> dict[str, Any]:
    """The claimant block of a case file, from the settings and the officer (imports and new cases)."""

    def address(a: Address) -> dict[str, Any]:
        return {"lines": list(a.lines), "town": a.town, "postcode": a.postcode}

    return {
        "name": settings.legal_name,
        "address": address(settings.address),
        "officer_name": officer_name,
        "officer_position": officer_position,
        "officer_phone": settings.phone,
        "officer_email": officer_email or settings.email,
        "department": settings.team,
        "fee_account": settings.fee_account,
        "solicitor_conducted": settings.legal_department_conducts and settings.legal_department_lawyer,
        "legal_representative": settings.legal_representative,
        "payment_instructions": settings.payment_details,
        "reply_address": address(settings.address_for_service),
    }


def _address(f: Fields) -> Address:
    return Address(lines=f.strings("lines"), town=f.text("town"), postcode=f.postcode("postcode"))


def settings_from_dict(data: Any, source: str = "council settings") -> CouncilSettings:
    """Validate settings (from YAML, JSON or the interview); every problem names the setting."""
    top = Fields(data, source)
    unknown = sorted(
        set(data)
        - {
            "legal_name",
            "address",
            "address_for_service",
            "team",
            "phone",
            "email",
            "payment_details",
            "fee_account",
            "legal_department_conducts",
            "legal_department_lawyer",
            "legal_representative",
            "signatories",
            "enforcement_agents",
            "liability_orders",
        }
    )
    if unknown:
        raise top.fail(unknown[0], "is not a known setting", "check the spelling against examples/settings/")
    address = _address(top.section("address"))
    if not address.lines:
        raise top.fail("address.lines", "has no lines", "give the building and street")
    signatories = []
    for f in top.items("signatories", required=True):
        signer = Signatory(
            f.text("name"), f.text("position"), f.flag("senior_position"), f.flag("legal_representative")
        )
        if not (signer.senior_position or signer.legal_representative):
            raise f.fail(
                "senior_position",
                f"{signer.name} neither holds a senior position nor is the legal representative",
                "PD 22 para 3.4 allows only those to sign for the council",
            )
        signatories.append(signer)
    agents = []
    for f in top.items("enforcement_agents"):
        kind = f.text("kind")
        if kind not in AGENT_KINDS:
            raise f.fail("kind", f"{kind!r} is not known", f"use one of: {', '.join(AGENT_KINDS)}")
        reference_format = f.text("reference_format")
        if "{reference}" not in reference_format:
            raise f.fail("reference_format", "must contain {reference}", "e.g. LBL/{reference}")
        agents.append(
            EnforcementAgent(
                f.text("name"), kind, _address(f.section("address")), f.text("email", ""), reference_format
            )
        )
    conducts = top.flag("legal_department_conducts")
    lawyer = top.flag("legal_department_lawyer")
    if lawyer and not conducts:
        raise top.fail(
            "legal_department_lawyer",
            "is true but legal_department_conducts is false",
            "a lawyer leads the claims only where the legal department conducts them",
        )
    representative = top.text("legal_representative", "")
    if conducts and not representative:
        raise top.fail("legal_representative", "is missing", "name the legal department as it appears on claims")
    if not conducts and representative:
        raise top.fail(
            "legal_representative",
            "is given but legal_department_conducts is false",
            "leave it out where officers issue the claims",
        )
    liability = top.section("liability_orders", None)
    return CouncilSettings(
        liability_orders=_liability(liability) if liability else None,
        legal_name=top.text("legal_name"),
        address=address,
        address_for_service=_address(top.section("address_for_service")),
        team=top.text("team"),
        phone=top.text("phone"),
        email=top.text("email"),
        payment_details=top.long_text("payment_details"),
        fee_account=top.text("fee_account"),
        legal_department_conducts=conducts,
        legal_department_lawyer=lawyer,
        legal_representative=representative,
        signatories=tuple(signatories),
        enforcement_agents=tuple(agents),
    )


def _liability(f: Fields) -> LiabilityOrderSettings:
    court, costs = f.section("court"), f.section("costs")
    prefix = f.text("summons_prefix", "LO")
    if not prefix.replace("-", "").isalnum():
        raise f.fail("summons_prefix", f"{prefix!r} must be letters and digits", "e.g. NGT")
    settings = LiabilityOrderSettings(
        court_name=court.text("name"),
        court_address=court.text("address"),
        costs=CostsScale(summons=costs.money("summons"), liability_order=costs.money("liability_order")),
        summons_prefix=prefix,
        officer=f.text("officer"),
        officer_position=f.text("officer_position"),
    )
    unknown = sorted(set(f.data) - {"court", "costs", "summons_prefix", "officer", "officer_position"})
    if unknown:
        raise f.fail(unknown[0], "is not a known liability order setting", "see examples/settings/northgate.yaml")
    return settings


def _liability_dict(s: LiabilityOrderSettings) -> dict[str, Any]:
    return {
        "court": {"name": s.court_name, "address": s.court_address},
        "costs": {"summons": money_str(s.costs.summons), "liability_order": money_str(s.costs.liability_order)},
        "summons_prefix": s.summons_prefix,
        "officer": s.officer,
        "officer_position": s.officer_position,
    }


def _address_dict(address: Address) -> dict[str, Any]:
    return {"lines": list(address.lines), "town": address.town, "postcode": address.postcode}


def settings_to_dict(settings: CouncilSettings) -> dict[str, Any]:
    """The settings as plain data (what ``courtpack settings show`` prints and ``set`` reads back)."""
    return {
        "legal_name": settings.legal_name,
        "address": _address_dict(settings.address),
        "address_for_service": _address_dict(settings.address_for_service),
        "team": settings.team,
        "phone": settings.phone,
        "email": settings.email,
        "payment_details": settings.payment_details,
        "fee_account": settings.fee_account,
        "legal_department_conducts": settings.legal_department_conducts,
        "legal_department_lawyer": settings.legal_department_lawyer,
        **({"legal_representative": settings.legal_representative} if settings.legal_representative else {}),
        "signatories": [
            {
                "name": s.name,
                "position": s.position,
                "senior_position": s.senior_position,
                "legal_representative": s.legal_representative,
            }
            for s in settings.signatories
        ],
        "enforcement_agents": [
            {
                "name": a.name,
                "kind": a.kind,
                "address": _address_dict(a.address),
                "email": a.email,
                "reference_format": a.reference_format,
            }
            for a in settings.enforcement_agents
        ],
        **({"liability_orders": _liability_dict(settings.liability_orders)} if settings.liability_orders else {}),
    }


def read_settings_file(path: str | os.PathLike[str]) -> CouncilSettings:
    file = Path(path)
    if not file.is_file():
        raise CaseFileError(str(path), "", "no such settings file", "start from examples/settings/lewisham.yaml")
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        raise CaseFileError(str(path), "", "is not valid UTF-8 YAML", "check its indentation and quotes") from None
    return settings_from_dict(data, str(path))


def council_settings(
    db: Register | Session | str | os.PathLike[str] | None, council: str | None = None
) -> CouncilSettings:
    """A council's settings, checked: the one named (its legal name), or the only one in the register.

    ``RegisterError`` when none have been entered, or when several councils share the register and
    none is named.
    """
    with session_for(db) as session:
        rows = session.scalars(select(CouncilSetting).order_by(CouncilSetting.key)).all()
        if not rows:
            raise RegisterError(NOT_SET)
        if council is None and len(rows) > 1:
            raise RegisterError(
                f"the register holds the settings of {len(rows)} councils "
                f"({', '.join(r.key for r in rows)}); name the council whose settings you want"
            )
        found = [r for r in rows if council is None or r.key == council]
        if not found:
            raise RegisterError(
                f"no council settings for {council!r} in the register (there are: "
                f"{', '.join(r.key for r in rows)}); enter them with `courtpack settings set FILE`"
            )
        row = found[0]
        settings = settings_from_dict(json.loads(row.data), "council settings in the register")
        return CouncilSettings(**{**settings.__dict__, "version": row.version})


def save_settings(
    db: Register | Session | str | os.PathLike[str] | None,
    settings: CouncilSettings,
    who: str | None = None,
    expected_version: int | None = None,
) -> int:
    """Store a council's settings (replacing its earlier ones); returns the new version.

    ``expected_version`` is the version the manager saw: if someone saved meanwhile, their change is
    kept and this one refused (``ConcurrentUpdateError``).
    """
    data = json.dumps(settings_to_dict(settings), sort_keys=True)
    with session_for(db, who) as session:
        row = session.scalar(select(CouncilSetting).where(CouncilSetting.key == settings.legal_name))
        if row is None:
            row = CouncilSetting(key=settings.legal_name)
            session.add(row)
        elif expected_version is not None and row.version != expected_version:
            raise ConcurrentUpdateError("The council settings")
        row.data = data
        row.updated_by = session.info.get("who") or ""
        session.flush()
        return row.version
