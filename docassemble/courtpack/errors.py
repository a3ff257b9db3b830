"""One exception hierarchy for courtpack.

Why: every failure a caseworker can cause (a bad case file, a missing form, a
claim issued too early) must reach them as a sentence they can act on — which
case, which field, what was wrong, what to do — and the CLI must tell those
apart from internal faults (exit 2 versus exit 1). Raising these, never bare
ValueError, is how a layer says "this is the user's to fix".
"""

from __future__ import annotations


class CourtpackError(Exception):
    """A problem the user can fix. The CLI prints ``str(err)`` and exits ``exit_code``."""

    exit_code = 2


class CaseFileError(CourtpackError):
    """A case file (or answers file) is unreadable or has an invalid field."""

    def __init__(self, source: str, path: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.path = path
        self.problem = problem
        self.fix = fix
        where = f"{source}: {path}" if path else source
        message = f"{where}: {problem}"
        if fix:
            message += f" — {fix}"
        super().__init__(message)


class LawError(CourtpackError):
    """A calculation was asked something the law tables cannot answer (e.g. a negative claim)."""


class DocumentError(CourtpackError):
    """A template, input document or output could not be produced; names the file and the fix."""


class NotReadyError(CourtpackError):
    """A step is refused because the law forbids it today (protocol period, breathing space...)."""


class MissingDependencyError(CourtpackError):
    """A system program courtpack needs is not installed; the message names the install command."""

    exit_code = 1


class InterviewIncomplete(CourtpackError):
    """A headless interview stopped at a question: the answers did not cover ``variable``."""

    exit_code = 3

    def __init__(self, interview: str, question: str, variable: str) -> None:
        self.interview = interview
        self.question = question
        self.variable = variable
        super().__init__(
            f"{interview}: stopped at the question {question!r}; it needs an answer for "
            f"`{variable}` — add it to the answers file"
        )
