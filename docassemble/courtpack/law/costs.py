"""Fixed costs (CPR 45): what a legal representative may add on issue and on judgment.

Why conditional: the tables fix the *legal representative's* charges. A council acting by a
non-lawyer officer is a litigant in person (CPR 46.5(6): a corporation acting without a legal
representative), and what a litigant in person may recover is governed by CPR 45.4 and 46.5, not by
the tables; courtpack claims nothing for it (£0.00, with a basis saying why) rather than a figure the
court may strike out, and tells the forms whether the representative is a lawyer so the N1 never
ticks "Claimant's legal representative" for an officer.

Which column: the higher commencement figure applies only where the claimant serves the claim form
personally and there is one defendant; for each further defendant personally served by the claimant
at a separate address £15 is added; service by the court, or by the claimant by post, takes the
first column with nothing added. Commencement costs are banded on the value of the claim (the amount
claimed, interest included); judgment costs on the amount of the judgment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import LawError
from .basis import ZERO, amount, rows_in_force
from .dates import format_date
from .money import format_money

_TABLE_1 = (
    "PD 45 Table 1 (fixed commencement costs in a claim for the recovery of money or goods), CPR Part 45 "
    "Section II as substituted from 1 October 2023 (SI 2023/572)"
)
_TABLE_2 = (
    "PD 45 Table 2 (fixed costs on entry of judgment in a claim for the recovery of money or goods), CPR "
    "Part 45 Section II as substituted from 1 October 2023 (SI 2023/572)"
)
LITIGANT_IN_PERSON = (
    "CPR 45.4 (litigants in person) and CPR 46.5(6) (a corporation acting without a legal "
    "representative is a litigant in person)"
)
_FROM = dt.date(2023, 10, 1)
MINIMUM_CLAIM = Decimal("25.00")  # the tables apply where the claim "exceeds £25"
SERVICES = ("court", "claimant-post", "claimant-personal")
STAGES = (
    "issue",
    "default-acknowledgment",
    "default-defence",
    "admission-accepted",
    "admission-court-decides",
    "summary-judgment",
)
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
    verified: bool = False

    def get(self, key: str) -> Decimal:
        return dict(self.costs)[key]


@dataclass(frozen=True)
class CostsResult:
    costs: Decimal
    stage: str
    basis: str
    source: str
    legal_representative: bool = True  # False: a non-lawyer acts; the N1 must not name a legal representative


def _money(*pairs: tuple[str, str]) -> tuple[tuple[str, Decimal], ...]:
    return tuple((key, Decimal(value)) for key, value in pairs)


_OLD_FROM = dt.date(2009, 4, 1)
_OLD_1 = "CPR 45.2 Table 1 (fixed commencement costs) as in force before 1 October 2023"
_OLD_2 = "CPR 45.4 Table 2 (fixed costs on entry of judgment) as in force before 1 October 2023"
_PERIODS = ((_OLD_FROM, dt.date(2023, 9, 30), _OLD_1, _OLD_2), (_FROM, None, _TABLE_1, _TABLE_2))


def _table(rows: tuple[tuple[str, str | None, tuple[tuple[str, str], ...]], ...], which: int) -> tuple[CostsBand, ...]:
    """The same figures for each period, each period citing its own rule (correct one row set to change one)."""
    return tuple(
        CostsBand(start, Decimal(lo), Decimal(hi) if hi else None, _money(*costs), (t1, t2)[which], end)
        for start, end, t1, t2 in _PERIODS
        for lo, hi, costs in rows
    )


COMMENCEMENT_COSTS: tuple[CostsBand, ...] = _table(
    (
        ("25", "500", (("first", "50.00"), ("personal", "60.00"))),
        ("500", "1000", (("first", "70.00"), ("personal", "80.00"))),
        ("1000", "5000", (("first", "80.00"), ("personal", "90.00"))),
        ("5000", None, (("first", "100.00"), ("personal", "110.00"))),
    ),
    0,
)
FURTHER_DEFENDANT: tuple[CostsBand, ...] = _table((("25", None, (("each", "15.00"),)),), 0)
JUDGMENT_COSTS: tuple[CostsBand, ...] = _table(
    (
        (
            "25",
            "5000",
            (
                ("default-acknowledgment", "22.00"),
                ("default-defence", "25.00"),
                ("admission-accepted", "40.00"),
                ("admission-court-decides", "55.00"),
                ("summary-judgment", "175.00"),
            ),
        ),
        (
            "5000",
            None,
            (
                ("default-acknowledgment", "30.00"),
                ("default-defence", "35.00"),
                ("admission-accepted", "55.00"),
                ("admission-court-decides", "70.00"),
                ("summary-judgment", "210.00"),
            ),
        ),
    ),
    1,
)


def _band(table: tuple[CostsBand, ...], value: Decimal, on: dt.date) -> CostsBand | None:
    bands = rows_in_force(table, on)
    if not bands:
        raise LawError(
            f"courtpack has no fixed costs table in force on {on.isoformat()} — use a date from "
            f"{format_date(_OLD_FROM)}"
        )
    for band in sorted(bands, key=lambda b: b.above):
        if value > band.above and (band.up_to is None or value <= band.up_to):
            return band
    return None


def commencement_costs(
    claim_value: object,
    on: dt.date,
    *,
    service: str = "court",
    defendants: int = 1,
    personally_served_elsewhere: int = 0,
    legal_representative: bool = True,
) -> CostsResult:
    """Fixed commencement costs for the claim form.

    ``service`` is ``court``, ``claimant-post`` or ``claimant-personal``; ``defendants`` counts every
    defendant; ``personally_served_elsewhere`` counts the defendants after the first whom the claimant
    served personally at an address separate from the first's (£15 each).
    """
    value = amount(claim_value, "claim value")
    if service not in SERVICES:
        raise LawError(f"service {service!r} is not known; use one of: {', '.join(SERVICES)}")
    if defendants < 1 or not 0 <= personally_served_elsewhere < defendants:
        raise LawError(
            f"{defendants} defendant(s) with {personally_served_elsewhere} further defendant(s) served "
            "personally elsewhere does not add up — give at least 1 defendant and fewer further ones"
        )
    if personally_served_elsewhere and service != "claimant-personal":
        raise LawError("further defendants served personally need --service claimant-personal")
    if not legal_representative:
        return CostsResult(
            ZERO,
            "issue",
            "No fixed commencement costs: the council acts without a legal "
            "representative, so it is a litigant in person and the table's legal "
            "representative's charges are not claimed.",
            f"{_TABLE_1}; {LITIGANT_IN_PERSON}",
            False,
        )
    band = _band(COMMENCEMENT_COSTS, value, on)
    if band is None:
        return CostsResult(
            ZERO,
            "issue",
            f"No fixed commencement costs: the claim of {format_money(value)} does "
            f"not exceed {format_money(MINIMUM_CLAIM)}.",
            _TABLE_1,
        )
    higher = service == "claimant-personal" and defendants == 1
    base = band.get("personal" if higher else "first")
    extra = _band(FURTHER_DEFENDANT, value, on)
    each = extra.get("each") if extra and service == "claimant-personal" else ZERO
    total = base + each * personally_served_elsewhere
    how = {
        "court": "the court serves the claim form",
        "claimant-post": "the claimant serves it by post",
        "claimant-personal": "the claimant serves it personally",
    }[service]
    column = (
        "the higher figure: served personally by the claimant on the only defendant" if higher else "the first column"
    )
    basis = f"Fixed commencement costs {format_money(base)} for a claim of {format_money(value)} where {how} ({column})"
    if personally_served_elsewhere:
        basis += (
            f", plus {format_money(each)} for each of {personally_served_elsewhere} further defendant(s) served "
            f"personally by the claimant at a separate address: {format_money(total)}"
        )
    return CostsResult(total, "issue", basis + ".", band.source)


def judgment_costs(
    judgment_amount: object, stage: str, on: dt.date, *, legal_representative: bool = True
) -> CostsResult:
    """Fixed costs on entering judgment, banded on the amount of the judgment (over £25 to £5,000; over £5,000)."""
    value = amount(judgment_amount, "judgment amount")
    if stage not in _STAGE_TEXT:
        raise LawError(f"stage {stage!r} is not known; use one of: {', '.join(STAGES)}")
    what = _STAGE_TEXT[stage]
    if not legal_representative:
        return CostsResult(
            ZERO,
            stage,
            f"No fixed costs on {what}: the council acts without a legal "
            "representative, so it is a litigant in person and the table's legal "
            "representative's charges are not claimed.",
            f"{_TABLE_2}; {LITIGANT_IN_PERSON}",
            False,
        )
    band = _band(JUDGMENT_COSTS, value, on)
    if band is None:
        return CostsResult(
            ZERO,
            stage,
            f"No fixed costs on {what}: the judgment of {format_money(value)} does not "
            f"exceed {format_money(MINIMUM_CLAIM)}.",
            _TABLE_2,
        )
    costs = band.get(stage)
    return CostsResult(
        costs,
        stage,
        f"Fixed costs {format_money(costs)} on {what} for a judgment of {format_money(value)}.",
        band.source,
    )


def fixed_costs(
    value: object,
    stage: str,
    on: dt.date,
    *,
    service: str = "court",
    defendants: int = 1,
    personally_served_elsewhere: int = 0,
    legal_representative: bool = True,
) -> CostsResult:
    """One entry point for the calculator: ``stage`` is ``issue`` (``value`` = the claim) or a judgment
    stage (``value`` = the amount of the judgment; see ``STAGES``)."""
    if stage == "issue":
        return commencement_costs(
            value,
            on,
            service=service,
            defendants=defendants,
            personally_served_elsewhere=personally_served_elsewhere,
            legal_representative=legal_representative,
        )
    return judgment_costs(value, stage, on, legal_representative=legal_representative)
