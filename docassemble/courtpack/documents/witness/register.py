"""The exhibit-mark register: which statements a witness has made in a case, and their marks.

Why a register: PD 32 18.4–18.6 numbers a witness's exhibits consecutively
across ALL their statements ("PS1"–"PS3" in the first, "PS4" onwards in the
second), and the statement number goes in the top-right markings. Those facts
outlive one run, so they are kept beside the case's documents in a small YAML
file (default ``<output_dir>/../exhibit-register.yaml``, or
``$COURTPACK_EXHIBIT_REGISTER``), keyed by case reference and witness name.

Writes are atomic (temporary file, then rename) and made under a lock file, and
the register is changed only after a statement's files were all written — a
failed run never uses up numbers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ...errors import DocumentError
from ..render import atomic_save

REGISTER_ENV = "COURTPACK_EXHIBIT_REGISTER"
REGISTER_NAME = "exhibit-register.yaml"


def register_path(output_dir: Path, explicit: Path | str | None = None) -> Path:
    """Where the register lives: explicit path, else ``$COURTPACK_EXHIBIT_REGISTER``, else beside the output."""
    if explicit:
        return Path(explicit)
    configured = os.environ.get(REGISTER_ENV, "").strip()
    if configured:
        return Path(configured)
    return Path(output_dir).resolve().parent / REGISTER_NAME


def initials(name: str) -> str:
    """'Priya Shah' -> 'PS'; 'Mary-Jane van Dyke' -> 'MJVD' (exhibit marks use the witness's initials)."""
    letters = [part[0] for part in re.split(r"[\s\-]+", name.strip()) if part and part[0].isalpha()]
    if not letters:
        raise DocumentError(f"witness name {name!r} has no initials for exhibit marks; give the witness's full name")
    return "".join(letters).upper()


@dataclass(frozen=True)
class RecordedStatement:
    number: int
    date: dt.date
    marks: tuple[str, ...]
    descriptions: tuple[str, ...] = ()
    file: str = ""


@dataclass
class WitnessRecord:
    """One witness's statements in one case, in order."""

    reference: str
    witness: str
    statements: list[RecordedStatement] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        return initials(self.witness)

    def exhibit_count(self, before: int | None = None) -> int:
        """How many exhibits the statements numbered below ``before`` (default: all) produced."""
        return sum(len(s.marks) for s in self.statements if before is None or s.number < before)

    def next_number(self) -> int:
        return max((s.number for s in self.statements), default=0) + 1

    def plan(self, exhibits: int, number: int | None = None) -> tuple[int, list[str]]:
        """(statement number, marks) for a new statement, or for re-making statement ``number``.

        Re-making the latest statement may change its exhibits; re-making an earlier one
        must keep the same number of exhibits, or later statements' marks would clash.
        """
        if number is None or number == self.next_number():
            number = self.next_number()
        else:
            existing = next((s for s in self.statements if s.number == number), None)
            if existing is None:
                raise DocumentError(
                    f"case {self.reference}: {self.witness} has no statement {number} to re-make; "
                    f"the next statement is number {self.next_number()}"
                )
            is_latest = number == max(s.number for s in self.statements)
            if not is_latest and len(existing.marks) != exhibits:
                raise DocumentError(
                    f"case {self.reference}: statement {number} of {self.witness} had {len(existing.marks)} "
                    f"exhibit(s) and a later statement continues their numbering; re-make it with "
                    f"{len(existing.marks)} exhibit(s) or make a new statement instead"
                )
        first = self.exhibit_count(before=number) + 1
        return number, [f"{self.prefix}{n}" for n in range(first, first + exhibits)]

    def record(self, statement: RecordedStatement) -> None:
        self.statements = sorted(
            [s for s in self.statements if s.number != statement.number] + [statement], key=lambda s: s.number
        )


class ExhibitRegister:
    """The YAML register file. Use ``with ExhibitRegister(path).locked() as reg:`` around a whole run."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] = {}

    @contextlib.contextmanager
    def locked(self) -> Iterator[ExhibitRegister]:
        """Hold an exclusive lock while a statement is planned, written and recorded."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        with open(lock_path, "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                self._data = self._read()
                yield self
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> dict[str, Any]:
        if not self.path.is_file():
            return {}
        try:
            data = yaml.safe_load(self.path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as err:
            raise DocumentError(
                f"{self.path}: the exhibit register is not valid YAML ({str(err).splitlines()[0]}); "
                "fix it or restore it from a backup — it numbers every witness's exhibits"
            ) from None
        if not isinstance(data, dict):
            raise DocumentError(f"{self.path}: the exhibit register must map case references to witnesses")
        return data

    def witness(self, reference: str, witness: str) -> WitnessRecord:
        raw = ((self._data.get(reference) or {}).get(witness) or {}).get("statements") or []
        statements = []
        try:
            for item in raw:
                exhibits = item.get("exhibits") or {}
                statements.append(
                    RecordedStatement(
                        number=int(item["number"]),
                        date=_as_date(item["date"]),
                        marks=tuple(str(m) for m in exhibits),
                        descriptions=tuple(str(d) for d in exhibits.values()),
                        file=str(item.get("file", "")),
                    )
                )
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise DocumentError(
                f"{self.path}: {reference} / {witness}: a statement entry is damaged ({err}); "
                "each needs number, date and exhibits"
            ) from None
        return WitnessRecord(reference, witness, statements)

    def save(self, record: WitnessRecord) -> None:
        """Write ``record`` into the register file atomically."""
        case = self._data.setdefault(record.reference, {})
        case[record.witness] = {
            "statements": [
                {
                    "number": s.number,
                    "date": s.date.isoformat(),
                    "file": s.file,
                    "exhibits": dict(zip(s.marks, s.descriptions or ("",) * len(s.marks), strict=True)),
                }
                for s in record.statements
            ]
        }
        text = (
            "# courtpack exhibit register: each witness's statements and exhibit marks, per case.\n"
            "# Marks run on across a witness's statements (PD 32 18.4-18.6); do not renumber by hand.\n"
            + yaml.safe_dump(self._data, sort_keys=True, allow_unicode=True)
        )
        atomic_save(lambda tmp: tmp.write_text(text, encoding="utf-8"), self.path)


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
