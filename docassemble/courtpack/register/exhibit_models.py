"""The register's table of witness statements and the exhibit marks each one reserved.

Why in the register: PD 32 18.4-18.6 numbers a witness's exhibits consecutively across all their
statements in a case, so the numbering must outlive a server rebuild and be the same on every app
server. One row per statement: its number, the first exhibit number it uses and how many. A row is
``reserved`` (marks taken, documents being made) until the documents are placed, then ``recorded``.
The unique key on (case, witness, number) is what stops two statements made at once getting the
same marks: the second insert of a number fails and is retried with the next one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, _now

STATUSES = ("reserved", "recorded")


class WitnessStatementMarks(Base):
    __tablename__ = "exhibit_marks"
    __table_args__ = (UniqueConstraint("case_reference", "witness", "number", name="uq_exhibit_marks_statement"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_reference: Mapped[str] = mapped_column(String(40))
    witness: Mapped[str] = mapped_column(String(200))
    number: Mapped[int] = mapped_column(Integer)
    first_exhibit: Mapped[int] = mapped_column(Integer)
    exhibits: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="reserved")
    statement_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    file: Mapped[str] = mapped_column(Text, default="")
    descriptions: Mapped[str] = mapped_column(Text, default="")  # one a line, in mark order
    reserved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
