"""Reserving a witness statement's number and exhibit numbers in the register, atomically.

Why reserve, then record: the documents take a LibreOffice conversion to make, and no lock may be
held that long. So a statement's number and its exhibit numbers are taken in one short
transaction (``reserve``), the documents are made, and the reservation is then ``record``-ed with
the file and descriptions — or ``release``-d when making them failed, so a failed run uses up no
numbers. A new statement is taken with ONE ``INSERT ... SELECT`` (next number, next exhibit); two
made at once compute the same number, the unique key refuses the second, and it is retried with
the number after. Marks themselves ("PS4") are the documents' business: this module deals in
numbers only (``first_exhibit`` .. ``first_exhibit + exhibits - 1``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, literal, select, update
from sqlalchemy.engine import Connection

from .db import DuplicateRecordError, Register, open_register, translate_errors
from .errors import RegisterError
from .exhibit_models import WitnessStatementMarks
from .models import _now

TABLE = WitnessStatementMarks.__table__
ATTEMPTS = 50  # lost races on the unique key before giving up (each loss means another statement was taken)


@dataclass(frozen=True)
class StatementSlot:
    """A statement's number and exhibit numbers. ``previous_exhibits`` is set when re-making a statement."""

    id: int
    number: int
    first_exhibit: int
    exhibits: int
    previous_exhibits: int | None = None

    @property
    def exhibit_numbers(self) -> list[int]:
        return list(range(self.first_exhibit, self.first_exhibit + self.exhibits))


@contextlib.contextmanager
def _connection(db: Register | str | os.PathLike[str] | None) -> Iterator[Connection]:
    """One short transaction on the register (a new handle is disposed of afterwards)."""
    register = open_register(db)
    try:
        with translate_errors(), register.engine.begin() as connection:
            yield connection
    finally:
        if register is not db:
            register.dispose()


def _mine(reference: str, witness: str):
    return and_(TABLE.c.case_reference == reference, TABLE.c.witness == witness)


def _existing(connection: Connection, reference: str, witness: str, number: int, exhibits: int) -> StatementSlot:
    """The slot for re-making statement ``number``; refuses a change that would make later marks clash."""
    rows = connection.execute(
        select(TABLE.c.id, TABLE.c.number, TABLE.c.first_exhibit, TABLE.c.exhibits)
        .where(_mine(reference, witness))
        .order_by(TABLE.c.number)
    ).all()
    latest = max((r.number for r in rows), default=0)
    row = next((r for r in rows if r.number == number), None)
    if row is None:
        raise RegisterError(
            f"case {reference}: {witness} has no statement {number} to re-make; "
            f"the next statement is number {latest + 1}"
        )
    if number != latest and row.exhibits != exhibits:
        raise RegisterError(
            f"case {reference}: statement {number} of {witness} had {row.exhibits} exhibit(s) and a later "
            f"statement continues their numbering; re-make it with {row.exhibits} exhibit(s) or make a new "
            "statement instead"
        )
    return StatementSlot(row.id, row.number, row.first_exhibit, exhibits, previous_exhibits=row.exhibits)


def plan(
    db: Register | str | os.PathLike[str] | None, reference: str, witness: str, exhibits: int, number: int | None = None
) -> StatementSlot:
    """What ``reserve`` would give now, reserving nothing (for the interview's check screen)."""
    with _connection(db) as connection:
        latest, after = connection.execute(
            select(
                func.coalesce(func.max(TABLE.c.number), 0), func.max(TABLE.c.first_exhibit + TABLE.c.exhibits)
            ).where(_mine(reference, witness))
        ).one()
        if number is not None and number != latest + 1:
            return _existing(connection, reference, witness, number, exhibits)
        return StatementSlot(0, latest + 1, after or 1, exhibits)


def reserve(
    db: Register | str | os.PathLike[str] | None, reference: str, witness: str, exhibits: int, number: int | None = None
) -> StatementSlot:
    """Take the next statement number and its exhibit numbers (or re-take statement ``number``'s)."""
    if exhibits < 0:
        raise RegisterError(f"case {reference}: a statement cannot have {exhibits} exhibits")
    for _ in range(ATTEMPTS):
        try:
            with _connection(db) as connection:
                if number is not None:
                    latest = connection.execute(
                        select(func.coalesce(func.max(TABLE.c.number), 0)).where(_mine(reference, witness))
                    ).scalar_one()
                    if number != latest + 1:
                        slot = _existing(connection, reference, witness, number, exhibits)
                        connection.execute(
                            update(TABLE).where(TABLE.c.id == slot.id).values(exhibits=exhibits, status="reserved")
                        )
                        return slot
                return _insert_next(connection, reference, witness, exhibits)
        except DuplicateRecordError:  # translate_errors' name for the unique key's IntegrityError
            continue  # another statement took this number meanwhile: take the next one
    raise RegisterError(
        f"case {reference}: could not reserve exhibit marks for {witness}; many statements are being made "
        "at once — try again"
    )


def _insert_next(connection: Connection, reference: str, witness: str, exhibits: int) -> StatementSlot:
    chosen = select(
        literal(reference),
        literal(witness),
        func.coalesce(func.max(TABLE.c.number), 0) + 1,
        func.coalesce(func.max(TABLE.c.first_exhibit + TABLE.c.exhibits), 1),
        literal(exhibits),
        literal("reserved"),
        literal(""),
        literal(""),
        literal(_now()),
    ).where(_mine(reference, witness))
    columns = [
        "case_reference",
        "witness",
        "number",
        "first_exhibit",
        "exhibits",
        "status",
        "file",
        "descriptions",
        "reserved_at",
    ]
    row = connection.execute(
        insert(TABLE).from_select(columns, chosen).returning(TABLE.c.id, TABLE.c.number, TABLE.c.first_exhibit)
    ).one()
    return StatementSlot(row.id, row.number, row.first_exhibit, exhibits)


def record(
    db: Register | str | os.PathLike[str] | None,
    slot: StatementSlot,
    statement_date: dt.date,
    file: str,
    descriptions: Sequence[str],
) -> None:
    """The statement's documents were placed: keep its numbers for good."""
    with _connection(db) as connection:
        connection.execute(
            update(TABLE)
            .where(TABLE.c.id == slot.id)
            .values(status="recorded", statement_date=statement_date, file=file, descriptions="\n".join(descriptions))
        )


def release(db: Register | str | os.PathLike[str] | None, slot: StatementSlot) -> None:
    """Making the documents failed: give the numbers back (a re-made statement keeps its old count)."""
    with _connection(db) as connection:
        if slot.previous_exhibits is None:
            connection.execute(delete(TABLE).where(and_(TABLE.c.id == slot.id, TABLE.c.status == "reserved")))
        else:
            connection.execute(
                update(TABLE).where(TABLE.c.id == slot.id).values(exhibits=slot.previous_exhibits, status="recorded")
            )
