"""Errors the register raises: each one names the case, file, row or field, and the fix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import CourtpackError


class RegisterError(CourtpackError):
    """A register operation was asked something it cannot do (unknown case, bad option...)."""


class ConcurrentUpdateError(RegisterError):
    """Someone else changed the same record since it was read (optimistic locking)."""

    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(
            f"{what} was changed by someone else while you were working on it; nothing you entered "
            "was saved — reload the case to see their change, then make yours again"
        )


@dataclass(frozen=True)
class RowProblem:
    """One bad row of an import file."""

    row: int
    column: str
    reason: str

    def describe(self, source: str) -> str:
        column = f", column {self.column!r}" if self.column else ""
        return f"{source}: row {self.row}{column}: {self.reason}"


class ImportRowsError(RegisterError):
    """An import file has bad rows; nothing was applied."""

    MAX_LISTED = 20

    def __init__(self, source: str, problems: Sequence[RowProblem], fix: str = "") -> None:
        self.source = source
        self.problems = list(problems)
        listed = [p.describe(source) for p in self.problems[: self.MAX_LISTED]]
        more = len(self.problems) - len(listed)
        if more > 0:
            listed.append(f"... and {more} more bad row(s)")
        fix = fix or (
            "nothing was imported; correct these rows and import the file again, or use "
            "--good-rows-only to import the other rows now"
        )
        super().__init__(f"{source}: {len(self.problems)} bad row(s):\n  " + "\n  ".join(listed) + f"\n{fix}")


class MappingError(RegisterError):
    """A column-mapping file is unreadable or inconsistent."""

    def __init__(self, source: str, key: str, problem: str, fix: str = "") -> None:
        message = f"{source}: {key}: {problem}" if key else f"{source}: {problem}"
        super().__init__(message + (f" — {fix}" if fix else ""))
