"""Which case a step works on: chosen by its register reference, never by a path on the server.

Why by reference: a path typed into a question is read with the server's rights, so a visitor
could read any file the server can. A reference is looked up in the register (the system of
record); only cases in the register can be chosen, from a list.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from ..case import Case
from ..errors import CourtpackError
from ..headless.context import running_headless
from ..law.money import format_money

__all__ = ["ENV_DATABASE", "case_choices", "case_reference_choices", "load_case", "register_url"]

log = logging.getLogger(__name__)
ENV_DATABASE = "COURTPACK_DATABASE_URL"


def register_url(required: bool = True) -> str | None:
    """The register this step uses: the headless run's, else ``COURTPACK_DATABASE_URL``."""
    step = running_headless()
    url = (step.register_url if step and step.register_url else None) or os.environ.get(ENV_DATABASE, "")
    if not url and required:
        raise CourtpackError(
            "there is no case register to choose a case from: set COURTPACK_DATABASE_URL "
            "(scripts/server.sh does on the server) or give the run a case file to import"
        )
    return url or None


def load_case(reference: Any) -> Case:
    """Case ``reference`` as the register holds it: its facts with its recorded story (letter, claim issued,
    judgment and its terms, payments) — as at the headless run's day, else everything recorded.

    Why the story too: every later document must state the claim number, judgment and payments the
    register recorded at their steps, never ask for them again or invent them.
    """
    from ..register.case_records import case_as_at

    ref = str(reference or "").strip()
    if not ref:
        raise CourtpackError(
            "case_reference: choose a case from the register (if the list is empty, add the case "
            "first: courtpack register add CASEFILE, or upload it on the start page)"
        )
    step = running_headless()
    return case_as_at(register_url(), ref, step.as_at if step else None)


def case_choices() -> list[dict[str, str]]:
    """The register's cases as choices: reference -> "reference — debtor (type), balance"."""
    from ..register import list_cases

    rows = list_cases(register_url())
    return [
        {
            row.reference: f"{row.reference} — {row.debtor} ({row.debt_type.replace('_', ' ')}), "
            f"balance {format_money(row.balance)}"
        }
        for row in rows
    ]


def case_reference_choices() -> list[str]:
    """The references a user may choose (what a posted ``case_reference`` is checked against)."""
    return [next(iter(choice)) for choice in case_choices()]
