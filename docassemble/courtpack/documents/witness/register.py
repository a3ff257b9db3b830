"""Exhibit marks: what the witness writer needs from whatever keeps each witness's numbering.

Why a Protocol: PD 32 18.4-18.6 numbers a witness's exhibits consecutively across ALL their
statements in a case ("PS1"-"PS3" in the first, "PS4" onwards in the second), and the statement
number goes in the top-right markings. Those facts are kept in the case register, but documents/
must not import register/ (they are sibling layers), so the writer asks a ``MarkAllocator`` and the
interview glue hands it the register-backed one. The writer reserves the marks (a short
transaction), makes the documents (LibreOffice, slow, no lock held), then records or releases them:
a failed run uses up no numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ...errors import DocumentError


def initials(name: str) -> str:
    """'Priya Shah' -> 'PS'; 'Mary-Jane van Dyke' -> 'MJVD' (exhibit marks use the witness's initials)."""
    letters = [part[0] for part in re.split(r"[\s\-]+", name.strip()) if part and part[0].isalpha()]
    if not letters:
        raise DocumentError(f"witness name {name!r} has no initials for exhibit marks; give the witness's full name")
    return "".join(letters).upper()


def marks_for(witness: str, numbers: Sequence[int]) -> tuple[str, ...]:
    """Exhibit numbers 4, 5 of Priya Shah -> ('PS4', 'PS5')."""
    prefix = initials(witness)
    return tuple(f"{prefix}{n}" for n in numbers)


@dataclass(frozen=True)
class Reservation:
    """A statement's number and its marks, held until recorded or released. ``token`` is the allocator's own."""

    number: int
    marks: tuple[str, ...]
    token: object = None


class MarkAllocator(Protocol):
    """Keeps each witness's statement numbers and exhibit marks per case, safely for statements made at once."""

    def preview(self, reference: str, witness: str, exhibits: int) -> Reservation:
        """What the next statement would get, reserving nothing."""
        ...

    def reserve(self, reference: str, witness: str, exhibits: int, number: int | None = None) -> Reservation:
        """Take the next statement's number and marks (or statement ``number``'s again, to re-make it)."""
        ...

    def record(self, reservation: Reservation, statement_date: dt.date, file: str, descriptions: Sequence[str]) -> None:
        """The documents were placed: the marks are used for good."""
        ...

    def release(self, reservation: Reservation) -> None:
        """Making the documents failed: give the marks back."""
        ...
