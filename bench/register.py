"""Benchmark: compliance for every case, in SQL, against one bare aggregate over the same tables.

10,000 cases, each with one instalment order (weekly, fortnightly, four-weekly or monthly, some
first payments on the 29th-31st), and 500,000 payments, in a SQLite file. Times the register's
compliance query (every order, as at one date, rows turned into Python objects) and
``SELECT case_id, SUM(amount) FROM payments GROUP BY case_id`` in the same run; prints both and
the ratio (target: at most 3).

    PYTHONPATH=. .venv/bin/python bench/register.py [--cases 10000] [--payments 500000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docassemble.courtpack.register.compliance import order_compliance, order_compliance_query
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.models import Case, Order, Payment

FREQUENCIES = ("weekly", "fortnightly", "four_weekly", "monthly")
AS_AT = dt.date(2026, 1, 10)


def populate(register: Register, cases: int, payments: int, seed: int = 20260110) -> None:
    rng = random.Random(seed)
    now = dt.datetime(2026, 1, 10, 9, 0)
    case_rows, order_rows = [], []
    for i in range(1, cases + 1):
        case_rows.append(
            dict(
                id=i,
                reference=f"B-{i:06d}",
                claimant="Bench Council",
                debtor_name=f"Debtor {i}",
                debt_type="sundry",
                description="",
                officer_name="",
                officer_email="",
                preferred_court="",
                balance=Decimal("1000.00"),
                casefile="",
                created_at=now,
                updated_at=now,
                version=1,
            )
        )
        made = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 600))
        first = made + dt.timedelta(days=rng.randrange(7, 40))
        if i % 10 == 0:
            first = first.replace(day=min(31, 28 + i % 4)) if first.month != 2 else first.replace(day=28)
        order_rows.append(
            dict(
                id=i,
                case_id=i,
                key="judgment",
                kind="judgment",
                made_on=made,
                court="",
                claim_number="",
                description="",
                amount=Decimal(rng.randrange(50000, 900000)) / 100,
                costs=Decimal("0.00"),
                instalment_amount=Decimal(rng.choice([1000, 2500, 5000, 10000])) / 100,
                frequency=FREQUENCIES[i % 4],
                first_payment=first,
                status="active",
                version=1,
            )
        )
    with register.engine.begin() as conn:
        conn.execute(insert(Case.__table__), case_rows)
        conn.execute(insert(Order.__table__), order_rows)
        batch = []
        for n in range(1, payments + 1):
            case_id = rng.randrange(1, cases + 1)
            paid_on = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 740))
            batch.append(
                dict(
                    id=n,
                    case_id=case_id,
                    paid_on=paid_on,
                    amount=Decimal(rng.randrange(500, 15000)) / 100,
                    method="card",
                    source="bench",
                    external_ref="",
                    dedupe_key=f"bench:{n}",
                    created_at=now,
                )
            )
            if len(batch) == 50_000:
                conn.execute(insert(Payment.__table__), batch)
                batch = []
        if batch:
            conn.execute(insert(Payment.__table__), batch)
        conn.exec_driver_sql("ANALYZE")


def interleaved(runs: int, **fns) -> dict[str, tuple[float, object]]:
    """Best time of each function, run in turn ``runs`` times (so machine load affects each alike)."""
    best: dict[str, tuple[float, object]] = {name: (float("inf"), None) for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - start
            if elapsed < best[name][0]:
                best[name] = (elapsed, result)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--payments", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="courtpack-bench-") as scratch:
        register = Register(Path(scratch, "bench.db"))
        start = time.perf_counter()
        populate(register, args.cases, args.payments)
        load = time.perf_counter() - start
        with register.transaction("bench") as session:
            query = order_compliance_query(AS_AT)
            timings = interleaved(
                args.runs,
                sql=lambda: session.execute(query).all(),
                api=lambda: order_compliance(session, AS_AT),
                bare=lambda: session.execute(text("SELECT case_id, SUM(amount) FROM payments GROUP BY case_id")).all(),
            )
        register.dispose()
    sql_s, _ = timings["sql"]
    compliance_s, rows = timings["api"]
    bare_s, sums = timings["bare"]
    statuses = {}
    for row in rows:
        statuses[row.status] = statuses.get(row.status, 0) + 1
    print(f"register bench: {args.cases:,} cases, {args.payments:,} payments (SQLite); loaded in {load:.1f} s")
    print(f"  compliance query (SQL, {len(rows):,} orders as at {AS_AT}, rows fetched): {sql_s * 1000:.1f} ms")
    print(
        f"  bare aggregate (SELECT case_id, SUM(amount) FROM payments GROUP BY case_id, {len(sums):,} rows): "
        f"{bare_s * 1000:.1f} ms"
    )
    print(f"  ratio: {sql_s / bare_s:.2f} (target <= 3)")
    print(
        f"  compliance() API, rows turned into OrderCompliance objects: {compliance_s * 1000:.1f} ms "
        f"(ratio {compliance_s / bare_s:.2f}) — {', '.join(f'{k}: {v:,}' for k, v in sorted(statuses.items()))}"
    )


if __name__ == "__main__":
    main()
