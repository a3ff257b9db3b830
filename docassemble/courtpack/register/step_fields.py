"""The shape of a recorded step's facts: one ``Field`` per fact (name, kind, whether required, choices).

Why its own module: the money-claim steps (``steps``) and the possession steps (``possession_steps``)
are both defined with it, and ``steps`` checks both; keeping the shape apart lets each list live in
the module named after its steps without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # date | money | text | choice | time
    required: bool = True
    court_day: bool = False  # warn when the date is not a business day
    future: bool = False  # the date may be after today (a hearing listed for later)
    choices: tuple[str, ...] = ()


def date_field(name: str = "date", **kw: Any) -> Field:
    return Field(name, "date", **kw)
