"""Tables for management reporting and write-off: targets, teams, trace attempts, debtor facts,
write-off policy, delegated authority and write-offs.

Why a module of its own: these records are the manager's, not the case file's — dated targets
and indicators (a past month's report must use the targets then in force), the council's
write-off policy and who holds which delegated authority, and the facts a write-off rests on
that no case file carries (deceased, insolvent, dissolved, untraceable, enforcement returned
nil). They share ``Base`` with ``models.py`` so that the audit log records every change to them;
migration ``0003`` creates them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import MONEY, Base, _now

AUTHORITY_LEVELS = ("officer", "team_leader", "head_of_service", "s151_officer")
AUTHORITY_LABELS = {
    "officer": "officer",
    "team_leader": "team leader",
    "head_of_service": "head of service",
    "s151_officer": "s.151 officer",
}
DEBTOR_FACT_KINDS = (
    "deceased",
    "bankruptcy",
    "debt_relief_order",
    "iva",
    "dissolved",
    "liquidation",
    "enforcement_nil_return",
)
PROOF_OF_DEBT = ("", "not_submitted", "submitted", "admitted", "rejected")
ESTATE = ("", "none", "some", "unknown")
TRACE_METHODS = ("enquiry_agent", "dwp", "credit_reference", "other")
TRACE_RESULTS = ("found", "not_found")
WRITEOFF_STATUSES = ("approved", "reversed")


class CollectionTarget(Base):
    """A monthly collection target for a debt type and team, in force from a date until replaced."""

    __tablename__ = "report_collection_targets"
    __table_args__ = (UniqueConstraint("debt_type", "team", "effective_from", name="uq_report_collection_targets_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debt_type: Mapped[str] = mapped_column(String(40))  # "" = every debt type
    team: Mapped[str] = mapped_column(String(100))  # "" = the whole service
    effective_from: Mapped[dt.date] = mapped_column(Date)
    monthly_amount: Mapped[Decimal] = mapped_column(MONEY)
    set_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class IndicatorTarget(Base):
    """A performance indicator's threshold (and its days parameter), in force from a date."""

    __tablename__ = "report_indicator_targets"
    __table_args__ = (UniqueConstraint("code", "effective_from", name="uq_report_indicator_targets_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    days: Mapped[int | None] = mapped_column(Integer)  # N in "within N days", if the indicator has one
    target: Mapped[Decimal] = mapped_column(Numeric(7, 2, asdecimal=True))  # green at or beyond this
    amber: Mapped[Decimal] = mapped_column(Numeric(7, 2, asdecimal=True))  # amber at or beyond this
    set_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class TeamMember(Base):
    """Which team an officer works in (cases belong to their officer's team)."""

    __tablename__ = "report_team_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_name: Mapped[str] = mapped_column(String(200), unique=True)
    team: Mapped[str] = mapped_column(String(100), index=True)


class CostEntry(Base):
    """A court fee or enforcement cost paid out for a case, or recovered from the debtor."""

    __tablename__ = "report_cost_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    entry_date: Mapped[dt.date] = mapped_column(Date)
    direction: Mapped[str] = mapped_column(String(10))  # paid_out / recovered
    description: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal] = mapped_column(MONEY)


class TraceAttempt(Base):
    """An attempt to trace a debtor: enquiry agent, DWP request...; its date, result and any new address."""

    __tablename__ = "trace_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    tried_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(30))
    result: Mapped[str] = mapped_column(String(20))  # found / not_found
    new_address: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")


class DebtorFact(Base):
    """A dated fact about the debtor that bears on recovery (death, insolvency, dissolution, nil return)."""

    __tablename__ = "debtor_facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    fact_on: Mapped[dt.date] = mapped_column(Date)
    estate: Mapped[str] = mapped_column(String(10), default="")  # deceased: none / some / unknown
    proof_of_debt: Mapped[str] = mapped_column(String(20), default="")  # insolvency: its status
    detail: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(200), default="")


class WriteOffPolicy(Base):
    """The council's write-off policy (validated JSON, see ``writeoff_policy``), in force from a date."""

    __tablename__ = "writeoff_policies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    effective_from: Mapped[dt.date] = mapped_column(Date, unique=True)
    data: Mapped[str] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(200), default="")


class DelegatedAuthority(Base):
    """The write-off authority a user holds (officer < team leader < head of service < s.151 officer)."""

    __tablename__ = "delegated_authorities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user: Mapped[str] = mapped_column(String(200), unique=True)
    level: Mapped[str] = mapped_column(String(30))
    granted_by: Mapped[str] = mapped_column(String(200), default="")
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class WriteOff(Base):
    """An approved write-off (who, when, amount, reason, authority), and its reversal if any."""

    __tablename__ = "writeoffs"
    __table_args__ = (Index("ix_writeoffs_case_status", "case_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    authority: Mapped[str] = mapped_column(String(30))  # the level the policy required
    evidence: Mapped[str] = mapped_column(Text, default="")  # JSON list of sentences
    approved_by: Mapped[str] = mapped_column(String(200))
    approved_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="approved")
    reversed_by: Mapped[str] = mapped_column(String(200), default="")
    reversed_on: Mapped[dt.date | None] = mapped_column(Date)
    reversal_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it
