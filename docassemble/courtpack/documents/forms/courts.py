"""The court office a paper money claim is sent to, read from dated rows in ``court_forms/N1.yaml``.

Why one function: the name printed in the N1's "In the" box and the address on the covering
letter must be the same office, and the office changes by date (the Civil National Business
Centre replaced the County Court Money Claims Centre on 14 August 2023; papers bearing the old
name are returned unissued). Every document asks ``paper_claims_centre(on)``; when law/ gains a
courts table this function reads that instead and nothing else changes.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import yaml

from ...errors import DocumentError
from ...law.dates import parse_iso_date
from .spec import specs_dir

__all__ = ["CourtOffice", "paper_claims_centre"]


@dataclass(frozen=True, kw_only=True)
class CourtOffice:
    name: str
    address: tuple[str, ...]
    dx: str
    start: dt.date
    source: str
    verified: bool

    @property
    def address_lines(self) -> str:
        return "\n".join(self.address)


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[CourtOffice, ...]:
    path = specs_dir() / "N1.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8")).get("send_to") or []
    try:
        rows = [
            CourtOffice(
                name=str(r["name"]),
                address=tuple(str(a) for a in r["address"]),
                dx=str(r.get("dx", "")),
                start=r["from"] if isinstance(r["from"], dt.date) else parse_iso_date(str(r["from"])),
                source=str(r["source"]),
                verified=bool(r.get("verified", False)),
            )
            for r in raw
        ]
    except (KeyError, TypeError, ValueError) as err:
        raise DocumentError(
            f"{path.name}: a send_to row is incomplete ({err}); give name, address, from, source"
        ) from None
    return tuple(sorted(rows, key=lambda r: r.start))


def paper_claims_centre(on: dt.date) -> CourtOffice:
    """The office in force on ``on`` for paper Part 7 money claims (PD 7A para 4A.1)."""
    rows = [r for r in _rows() if r.start <= on]
    if not rows:
        raise DocumentError(
            f"courtpack has no paper claims centre in force on {on.isoformat()}; "
            "add a send_to row to court_forms/N1.yaml"
        )
    return rows[-1]
