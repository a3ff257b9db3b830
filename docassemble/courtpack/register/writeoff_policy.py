"""The council's write-off policy: reasons, evidence needed, and who may approve how much.

Why a dated, validated document: write-off is done "in accordance with Council policy" and
"in line with delegated powers", and a policy changes (a new scheme of delegation, a new
uneconomic threshold); an approval must be judged by the policy in force on its date. The policy
is stored as JSON (``writeoff_policies``) and read through ``Policy.from_data``, which names any
bad field. Until a council sets its own, ``DEFAULT`` applies — courtpack's suggestion, said so.

Delegated authority rises officer < team leader < head of service < s.151 officer; each level
may approve amounts up to its limit for a reason (no limit = any amount).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import Register, session_for
from .errors import RegisterError
from .reporting_models import AUTHORITY_LABELS, AUTHORITY_LEVELS, DelegatedAuthority, WriteOffPolicy

REASONS = {
    "deceased_no_estate": "debtor deceased with no estate",
    "insolvency": "bankruptcy, debt relief order, IVA, or company dissolved or in liquidation",
    "statute_barred": "statute-barred, or enforcement time-barred",
    "untraceable": "debtor untraceable after recorded trace attempts",
    "enforcement_nil": "enforcement returned with nothing to seize",
    "uneconomic": "uneconomic to pursue",
}


class WriteOffRefused(RegisterError):
    """A write-off step the policy or the user's delegated authority does not allow."""


@dataclass(frozen=True)
class Policy:
    effective_from: dt.date
    limits: dict[str, dict[str, Decimal | None]]  # reason ("default" for any) -> level -> most it may approve
    uneconomic_below: Decimal
    trace_attempts_needed: int
    nil_returns_needed: int
    source: str

    def authority_for(self, reason: str, amount: Decimal) -> str:
        """The lowest authority level that may write off ``amount`` for ``reason``."""
        limits = self.limits.get(reason) or self.limits["default"]
        for level in AUTHORITY_LEVELS:
            if level in limits and (limits[level] is None or amount <= limits[level]):  # type: ignore[operator]
                return level
        return AUTHORITY_LEVELS[-1]

    @classmethod
    def from_data(cls, data: Any, source: str, effective_from: dt.date) -> Policy:
        def fail(key: str, problem: str) -> RegisterError:
            return RegisterError(f"{source}: {key}: {problem}")

        if not isinstance(data, dict):
            raise fail(
                "(top)",
                "the policy must be a mapping with limits, uneconomic_below, trace_attempts_needed "
                "and nil_returns_needed",
            )
        unknown = set(data) - {"limits", "uneconomic_below", "trace_attempts_needed", "nil_returns_needed"}
        if unknown:
            raise fail(
                sorted(unknown)[0],
                "is not a policy field; use limits, uneconomic_below, trace_attempts_needed or nil_returns_needed",
            )
        limits_in = data.get("limits")
        if not isinstance(limits_in, dict) or "default" not in limits_in:
            raise fail("limits", "give a 'default' set of limits by authority level (and optionally one per reason)")
        limits: dict[str, dict[str, Decimal | None]] = {}
        for reason, by_level in limits_in.items():
            if reason != "default" and reason not in REASONS:
                raise fail(f"limits.{reason}", f"is not a write-off reason; use one of: {', '.join(REASONS)}")
            if not isinstance(by_level, dict) or not by_level:
                raise fail(f"limits.{reason}", "give each authority level's limit, e.g. officer: 100")
            limits[reason] = {}
            for level, amount in by_level.items():
                if level not in AUTHORITY_LEVELS:
                    raise fail(
                        f"limits.{reason}.{level}",
                        f"is not an authority level; use one of: {', '.join(AUTHORITY_LEVELS)}",
                    )
                limits[reason][level] = None if amount is None else _money(amount, fail, f"limits.{reason}.{level}")
        return cls(
            effective_from,
            limits,
            _money(data.get("uneconomic_below", "0"), fail, "uneconomic_below"),
            _count(data.get("trace_attempts_needed", 2), fail, "trace_attempts_needed"),
            _count(data.get("nil_returns_needed", 1), fail, "nil_returns_needed"),
            source,
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "limits": {
                r: {lv: (None if a is None else str(a)) for lv, a in ls.items()} for r, ls in self.limits.items()
            },
            "uneconomic_below": str(self.uneconomic_below),
            "trace_attempts_needed": self.trace_attempts_needed,
            "nil_returns_needed": self.nil_returns_needed,
        }


def _money(value: Any, fail, key: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise fail(key, f"{value!r} is not an amount; write it as e.g. 500 or 500.00") from None
    if amount < 0:
        raise fail(key, f"{value!r} is negative; give zero or more")
    return amount.quantize(Decimal("0.01"))


def _count(value: Any, fail, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise fail(key, f"{value!r} is not a whole number of 1 or more")
    return value


DEFAULT = Policy.from_data(
    {
        "limits": {
            "default": {"officer": "100", "team_leader": "1000", "head_of_service": "10000", "s151_officer": None}
        },
        "uneconomic_below": "50",
        "trace_attempts_needed": 2,
        "nil_returns_needed": 1,
    },
    "courtpack's suggested default policy (set the council's own with: courtpack writeoff policy set FILE)",
    dt.date(2000, 1, 1),
)


def policy_in_force(session: Session, on: dt.date) -> Policy:
    row = session.scalar(
        select(WriteOffPolicy)
        .where(WriteOffPolicy.effective_from <= on)
        .order_by(WriteOffPolicy.effective_from.desc())
        .limit(1)
    )
    if row is None:
        return DEFAULT
    return Policy.from_data(
        json.loads(row.data), f"write-off policy from {row.effective_from} (set by {row.set_by})", row.effective_from
    )


def set_policy(
    db: Register | Session | str | os.PathLike[str] | None,
    path: str | os.PathLike[str],
    effective_from: dt.date,
    who: str | None = None,
) -> Policy:
    """Read a policy file (YAML), check it, and put it in force from ``effective_from``."""
    file = Path(path)
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as err:
        raise RegisterError(f"{file}: cannot read the policy file ({err.strerror}); check the path") from None
    except yaml.YAMLError as err:
        raise RegisterError(f"{file}: not valid YAML ({str(err).splitlines()[0]}); fix the file") from None
    policy = Policy.from_data(data, str(file), effective_from)
    with session_for(db, who) as session:
        row = session.scalar(select(WriteOffPolicy).where(WriteOffPolicy.effective_from == effective_from))
        if row is None:
            row = WriteOffPolicy(effective_from=effective_from)
            session.add(row)
        row.data = json.dumps(policy.to_data(), sort_keys=True)
        row.set_by = session.info.get("who") or ""
    return policy


def grant_authority(
    db: Register | Session | str | os.PathLike[str] | None, user: str, level: str, who: str | None = None
) -> None:
    """Record that ``user`` holds ``level`` delegated write-off authority."""
    if level not in AUTHORITY_LEVELS:
        raise RegisterError(f"{level!r} is not an authority level; use one of: {', '.join(AUTHORITY_LEVELS)}")
    if not user.strip():
        raise RegisterError("give the user's name to grant authority to")
    with session_for(db, who) as session:
        row = session.scalar(select(DelegatedAuthority).where(DelegatedAuthority.user == user))
        if row is None:
            row = DelegatedAuthority(user=user)
            session.add(row)
        row.level = level
        row.granted_by = session.info.get("who") or ""


def authority_of(session: Session, user: str) -> str | None:
    return session.scalar(select(DelegatedAuthority.level).where(DelegatedAuthority.user == user))


def check_authority(session: Session, user: str, needed: str, what: str) -> None:
    """Refuse unless ``user`` holds ``needed`` authority or higher."""
    held = authority_of(session, user)
    label = AUTHORITY_LABELS[needed]
    if held is None:
        raise WriteOffRefused(
            f"{what} needs {label} authority; {user} holds no delegated write-off authority — "
            f"ask a {label} (or higher) to approve it"
        )
    if AUTHORITY_LEVELS.index(held) < AUTHORITY_LEVELS.index(needed):
        raise WriteOffRefused(
            f"{what} needs {label} authority; {user} holds {AUTHORITY_LABELS[held]} authority — "
            f"ask a {label} (or higher) to approve it"
        )
