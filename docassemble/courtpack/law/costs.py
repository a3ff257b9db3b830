"""Fixed costs (CPR 45): what a legal representative may add on issue and on judgment.

Why conditional: fixed costs are a *legal representative's* costs. A claim conducted by the
council's own solicitors recovers them; one issued by a non-lawyer officer acting for the council
does not (verify), so for those the figure is £0.00 with a basis saying why — never silently.
The band is the value of the claim (the amount claimed on the claim form, interest included).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import ZERO, amount, rows_in_force
from .dates import format_date
from .money import format_money

_TABLE_1 = ("CPR 45 Section II, Table 1 (fixed commencement costs; formerly CPR 45.2, renumbered from "
            "1 October 2023) (verify rule/table numbers)")
_TABLE_2 = ("CPR 45 Section II, Table 2 (fixed costs on entry of judgment; formerly CPR 45.4, renumbered from "
            "1 October 2023) (verify rule/table numbers)")
_FROM = dt.date(2023, 10, 1)
MINIMUM_CLAIM = Decimal("25.00")  # the tables apply where the claim "exceeds £25"
SERVICES = ("court", "claimant")
STAGES = ("issue", "default-acknowledgment", "default-defence", "admission-accepted",
          "admission-court-decides", "summary-judgment")
_STAGE_TEXT = {
    "default-acknowledgment": "judgment in default of an acknowledgment of service",
    "default-defence": "judgment in default of a defence",
    "admission-accepted": "judgment on an admission, the claimant accepting the defendant's proposal for payment",
    "admission-court-decides": "judgment on an admission, the court deciding the rate of payment",
    "summary-judgment": "summary judgment",
}


@dataclass(frozen=True)
class CostsBand:
    """For claims above ``above`` up to ``up_to`` (None = no limit): costs by key (service or stage)."""

    effective_from: dt.date
    above: Decimal
    up_to: Decimal | None
    costs: tuple[tuple[str, Decimal], ...]
    source: str
    effective_to: dt.date | None = None

    def get(self, key: str) -> Decimal:
        return dict(self.costs)[key]


@dataclass(frozen=True)
class CostsResult:
    costs: Decimal
    stage: str
    basis: str
    source: str


def _money(*pairs: tuple[str, str]) -> tuple[tuple[str, Decimal], ...]:
    return tuple((key, Decimal(value)) for key, value in pairs)


_OLD_FROM = dt.date(2009, 4, 1)
_OLD_1 = "CPR 45.2 Table 1 (fixed commencement costs) as in force before 1 October 2023 (verify)"
_OLD_2 = "CPR 45.4 Table 2 (fixed costs on entry of judgment) as in force before 1 October 2023 (verify)"
_PERIODS = ((_OLD_FROM, dt.date(2023, 9, 30), _OLD_1, _OLD_2), (_FROM, None, _TABLE_1, _TABLE_2))


def _table(rows: tuple[tuple[str, str | None, tuple[tuple[str, str], ...]], ...], which: int) -> tuple[CostsBand, ...]:
    """The same figures for each period, each period citing its own rule (correct one row set to change one)."""
    return tuple(
        CostsBand(start, Decimal(lo), Decimal(hi) if hi else None, _money(*costs), (t1, t2)[which], end)
        for start, end, t1, t2 in _PERIODS
        for lo, hi, costs in rows
    )


COMMENCEMENT_COSTS: tuple[CostsBand, ...] = _table((
    ("25", "500", (("court", "50.00"), ("claimant", "60.00"))),
    ("500", "1000", (("court", "70.00"), ("claimant", "80.00"))),
    ("1000", "5000", (("court", "80.00"), ("claimant", "90.00"))),
    ("5000", None, (("court", "100.00"), ("claimant", "110.00"))),
), 0)
FURTHER_DEFENDANT: tuple[CostsBand, ...] = _table((("25", None, (("each", "15.00"),)),), 0)
JUDGMENT_COSTS: tuple[CostsBand, ...] = _table((
    ("25", "5000", (("default-acknowledgment", "22.00"), ("default-defence", "25.00"),
                    ("admission-accepted", "40.00"), ("admission-court-decides", "55.00"),
                    ("summary-judgment", "175.00"))),
    ("5000", None, (("default-acknowledgment", "30.00"), ("default-defence", "35.00"),
                    ("admission-accepted", "55.00"), ("admission-court-decides", "70.00"),
                    ("summary-judgment", "210.00"))),
), 1)


def _band(table: tuple[CostsBand, ...], value: Decimal, on: dt.date) -> CostsBand | None:
    bands = rows_in_force(table, on)
    if not bands:
        raise LawError(f"courtpack has no fixed costs table in force on {on.isoformat()} — use a date from "
                       f"{format_date(_OLD_FROM)}")
    for band in sorted(bands, key=lambda b: b.above):
        if value > band.above and (band.up_to is None or value <= band.up_to):
            return band
    return None


def commencement_costs(claim_value: object, on: dt.date, *, service: str = "court", further_defendants: int = 0,
                       legal_representative: bool = True) -> CostsResult:
    """Fixed commencement costs for the claim form (CPR 45 Table 1).

    ``service`` is who serves the claim form (``court`` or ``claimant``); ``further_defendants`` is
    the number of defendants after the first who are served at a different address (£15 each).
    """
    value = amount(claim_value, "claim value")
    if service not in SERVICES:
        raise LawError(f"service {service!r} is not known; use one of: {', '.join(SERVICES)}")
    if further_defendants < 0:
        raise LawError(f"further defendants is {further_defendants}; give 0 or more")
    if not legal_representative:
        return CostsResult(ZERO, "issue", "No fixed commencement costs: the claim is not conducted by a legal "
                                          "representative, and fixed costs are a legal representative's costs.",
                           _TABLE_1)
    band = _band(COMMENCEMENT_COSTS, value, on)
    if band is None:
        return CostsResult(ZERO, "issue", f"No fixed commencement costs: the claim of {format_money(value)} does "
                                          f"not exceed {format_money(MINIMUM_CLAIM)}.", _TABLE_1)
    base = band.get(service)
    extra = _band(FURTHER_DEFENDANT, value, on)
    each = extra.get("each") if extra else ZERO
    total = base + each * further_defendants
    served = "the court serves" if service == "court" else "the claimant serves"
    basis = f"Fixed commencement costs {format_money(base)} for a claim of {format_money(value)} where {served}"
    if further_defendants:
        basis += (f", plus {format_money(each)} for each of {further_defendants} further defendant(s) served at a "
                  f"separate address: {format_money(total)}")
    return CostsResult(total, "issue", basis + ".", band.source)


def judgment_costs(claim_value: object, stage: str, on: dt.date, *, legal_representative: bool = True) -> CostsResult:
    """Fixed costs on entering judgment (CPR 45 Table 2), banded at £5,000."""
    value = amount(claim_value, "claim value")
    if stage not in _STAGE_TEXT:
        raise LawError(f"stage {stage!r} is not known; use one of: {', '.join(STAGES)}")
    what = _STAGE_TEXT[stage]
    if not legal_representative:
        return CostsResult(ZERO, stage, f"No fixed costs on {what}: the claim is not conducted by a legal "
                                        "representative, and fixed costs are a legal representative's costs.",
                           _TABLE_2)
    band = _band(JUDGMENT_COSTS, value, on)
    if band is None:
        return CostsResult(ZERO, stage, f"No fixed costs on {what}: the claim of {format_money(value)} does not "
                                        f"exceed {format_money(MINIMUM_CLAIM)}.", _TABLE_2)
    costs = band.get(stage)
    return CostsResult(costs, stage, f"Fixed costs {format_money(costs)} on {what} for a claim of "
                                     f"{format_money(value)}.", band.source)


def fixed_costs(claim_value: object, stage: str, on: dt.date, *, service: str = "court", further_defendants: int = 0,
                legal_representative: bool = True) -> CostsResult:
    """One entry point for the calculator: ``stage`` is ``issue`` or a judgment stage (see ``STAGES``)."""
    if stage == "issue":
        return commencement_costs(claim_value, on, service=service, further_defendants=further_defendants,
                                  legal_representative=legal_representative)
    return judgment_costs(claim_value, stage, on, legal_representative=legal_representative)
