"""The register's tables: SQLAlchemy 2 declarative models.

Why these tables: an officer needs to know, for hundreds of cases, what the court ordered, what
has been paid since, which hearings and deadlines are coming and what was sent to whom. Money is
``Numeric(12, 2)`` read back as ``Decimal``; dates are dates (no times) except hearings. Records
that two officers may change at once (cases, orders, directions, charging orders, hearings) carry
a version number (``version_id_col``): the second of two concurrent writers gets a
``ConcurrentUpdateError`` instead of silently overwriting the first. Changes are written to the
audit log by ``audit.py``; the schema itself is created by the Alembic migrations in
``migrations/`` (a test proves the two agree).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MONEY = Numeric(12, 2, asdecimal=True)
FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly")
ORDER_KINDS = ("judgment", "instalment_order", "variation", "directions", "charging_order", "other")
ORDER_STATUSES = ("active", "superseded", "satisfied", "set_aside")
HEARING_STATUSES = ("listed", "heard", "adjourned", "vacated")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def new_key() -> str:
    """A stable random identifier (ICS UIDs, idempotent loading)."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    claimant: Mapped[str] = mapped_column(String(200))
    debtor_name: Mapped[str] = mapped_column(String(300))
    debt_type: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    officer_name: Mapped[str] = mapped_column(String(200), default="")
    officer_email: Mapped[str] = mapped_column(String(200), default="")
    preferred_court: Mapped[str] = mapped_column(String(200), default="")
    balance: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))  # ledger balance when added
    casefile: Mapped[str] = mapped_column(Text, default="")  # the case file as JSON (case_to_dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    parties: Mapped[list[Party]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Party.position"
    )
    ledger: Mapped[list[LedgerEntry]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="(LedgerEntry.entry_date, LedgerEntry.id)"
    )
    orders: Mapped[list[Order]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="(Order.made_on, Order.id)"
    )
    hearings: Mapped[list[Hearing]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Hearing.starts_at"
    )
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it


class Party(Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # claimant / debtor
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="")
    name: Mapped[str] = mapped_column(String(300))
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    vulnerability: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="parties")


class LedgerEntry(Base):
    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    entry_date: Mapped[dt.date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    kind: Mapped[str] = mapped_column(String(10))  # charge / payment

    case: Mapped[Case] = relationship(back_populates="ledger")


class Account(Base):
    """An account in a council income system, linked to a case (used to find a payment's case)."""

    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("system", "number", name="uq_accounts_system_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    system: Mapped[str] = mapped_column(String(60))
    number: Mapped[str] = mapped_column(String(60))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    balance: Mapped[Decimal | None] = mapped_column(MONEY)
    balance_on: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)


class Order(Base):
    """A judgment or order: amount and instalment terms, or only directions, or a charging order."""

    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("case_id", "key", name="uq_orders_case_key"),
        Index("ix_orders_status_case", "status", "case_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60), default=new_key)
    kind: Mapped[str] = mapped_column(String(20))
    made_on: Mapped[dt.date] = mapped_column(Date)
    court: Mapped[str] = mapped_column(String(200), default="")
    claim_number: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[Decimal | None] = mapped_column(MONEY)  # judgment sum, None for directions only
    costs: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    instalment_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    frequency: Mapped[str | None] = mapped_column(String(20))  # None: the whole sum on first_payment
    first_payment: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="active")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    case: Mapped[Case] = relationship(back_populates="orders")
    directions: Mapped[list[Direction]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="(Direction.deadline, Direction.id)"
    )
    charging_order: Mapped[ChargingOrder | None] = relationship(back_populates="order", cascade="all, delete-orphan")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it

    @property
    def total(self) -> Decimal:
        return (self.amount or Decimal("0.00")) + (self.costs or Decimal("0.00"))


class Direction(Base):
    """Something a party must do by a deadline (e.g. file a statement of means)."""

    __tablename__ = "directions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60), default=new_key)
    text: Mapped[str] = mapped_column(Text)
    party: Mapped[str] = mapped_column(String(20), default="claimant")  # who must comply
    deadline: Mapped[dt.date] = mapped_column(Date)
    met_on: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    order: Mapped[Order] = relationship(back_populates="directions")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it


class ChargingOrder(Base):
    """The stages of a charging order on land (CPR 73, PD 73)."""

    __tablename__ = "charging_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    land: Mapped[str] = mapped_column(Text, default="")  # the property charged
    title_number: Mapped[str] = mapped_column(String(20), default="")
    interim_made: Mapped[dt.date | None] = mapped_column(Date)
    serve_by: Mapped[dt.date | None] = mapped_column(Date)  # 21 days after the interim order (CPR 73.5)
    served_on: Mapped[dt.date | None] = mapped_column(Date)
    objection_deadline: Mapped[dt.date | None] = mapped_column(Date)  # 28 days after service (CPR 73.10)
    final_hearing: Mapped[dt.date | None] = mapped_column(Date)
    final_made: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    order: Mapped[Order] = relationship(back_populates="charging_order")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it

    @property
    def stage(self) -> str:
        if self.final_made:
            return "final order made"
        if self.served_on:
            return "interim order served"
        if self.interim_made:
            return "interim order made"
        return "applied for"


class Hearing(Base):
    __tablename__ = "hearings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60), unique=True, default=new_key)  # stable ICS UID
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)  # local (Europe/London) time
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    court: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(100))  # e.g. "disposal hearing", "application to vary"
    status: Mapped[str] = mapped_column(String(20), default="listed")
    outcome: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    case: Mapped[Case] = relationship(back_populates="hearings")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = (Index("ix_payments_case_date_amount", "case_id", "paid_on", "amount"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    paid_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    method: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(60), default="manual")  # income system or "manual"
    external_ref: Mapped[str] = mapped_column(String(100), default="")
    dedupe_key: Mapped[str] = mapped_column(String(160), unique=True)  # makes re-imports add nothing
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(60))
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # The facts the document stated (JSON: field -> text, e.g. {"claim_number": "K1QZ1234"}), so that
    # ``case_check`` can compare what each document said with what the register holds.
    facts: Mapped[str] = mapped_column(Text, default="")


class CaseStep(Base):
    """One thing that happened in a case (letter sent, claim issued, judgment...), with its facts.

    Why a dated record rather than columns on the case: a case's story is a sequence, later steps
    read earlier ones (the claim number arrives at "claim issued" and every later document uses it),
    and a correction is a new record, never a silent overwrite.
    """

    __tablename__ = "case_steps"
    __table_args__ = (Index("ix_case_steps_case_step", "case_id", "step"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(40))
    happened_on: Mapped[dt.date] = mapped_column(Date)
    facts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: field -> text
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class CouncilSetting(Base):
    """A council's own details, entered once (``register.settings``): one validated JSON document.

    Why one document: the settings are read whole by every document and changed rarely, by a
    manager; the typed reader (``CouncilSettings``) checks every field, so the JSON never reaches a
    document unvalidated. One row per council (``key`` is its legal name): a shared legal service
    keeps several councils' cases in one register. The version makes two managers' edits a
    ``ConcurrentUpdateError``.
    """

    __tablename__ = "council_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)  # the council's legal name
    data: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, index=True)
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete / import / ...
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60), default="")
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no FK: the log outlives deletions
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON: changed fields, old -> new
