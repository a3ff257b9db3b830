"""Compliance with instalment orders and directions, computed in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docassemble.courtpack.register.compliance import compliance
from docassemble.courtpack.register.orders import DirectionSpec, OrderSpec, record_order

from .helpers import new_case, order, pay

D = dt.date


def one(db, reference, on):
    report = compliance(db, on, reference)
    assert len(report.orders) == 1
    return report.orders[0]


def test_monthly_schedule_complying_then_in_arrears(db):
    ref = new_case(db)
    order(db, ref, "1000.00", "100.00", "monthly", D(2025, 2, 1))
    pay(db, ref, D(2025, 1, 30), "100.00")
    pay(db, ref, D(2025, 3, 1), "100.00")
    r = one(db, ref, D(2025, 3, 15))
    assert (r.status, r.instalments_due, r.due_to_date, r.paid, r.arrears, r.missed) == (
        "complying",
        2,
        Decimal("200.00"),
        Decimal("200.00"),
        Decimal("0.00"),
        0,
    )
    assert r.next_due == D(2025, 4, 1)
    r = one(db, ref, D(2025, 5, 2))
    assert (r.status, r.instalments_due, r.arrears, r.missed, r.first_missed) == (
        "in arrears",
        4,
        Decimal("200.00"),
        2,
        D(2025, 4, 1),
    )
    assert r.balance == Decimal("800.00")


def test_weekly_schedule(db):
    ref = new_case(db)
    order(db, ref, "300.00", "25.00", "weekly", D(2025, 1, 6))
    for week in range(3):
        pay(db, ref, D(2025, 1, 6) + dt.timedelta(weeks=week), "25.00")
    r = one(db, ref, D(2025, 1, 26))  # due 6, 13, 20 January
    assert (r.status, r.instalments_due, r.paid) == ("complying", 3, Decimal("75.00"))
    r = one(db, ref, D(2025, 2, 3))  # 27 January and 3 February now due too
    assert (r.status, r.instalments_due, r.arrears, r.missed, r.first_missed, r.next_due) == (
        "in arrears",
        5,
        Decimal("50.00"),
        2,
        D(2025, 1, 27),
        D(2025, 2, 10),
    )


def test_fortnightly_and_four_weekly(db):
    a, b = new_case(db), new_case(db)
    order(db, a, "500.00", "50.00", "fortnightly", D(2025, 1, 3))
    order(db, b, "500.00", "50.00", "four_weekly", D(2025, 1, 3))
    on = D(2025, 3, 1)  # fortnightly: 3, 17, 31 Jan, 14, 28 Feb = 5; four-weekly: 3, 31 Jan, 28 Feb = 3
    assert one(db, a, on).instalments_due == 5
    assert one(db, b, on).instalments_due == 3
    assert one(db, b, on).next_due == D(2025, 3, 28)


def test_payment_on_the_due_date_is_on_time(db):
    ref = new_case(db)
    order(db, ref, "600.00", "50.00", "monthly", D(2025, 3, 15))
    pay(db, ref, D(2025, 3, 15), "50.00")
    r = one(db, ref, D(2025, 3, 15))
    assert (r.status, r.instalments_due, r.arrears) == ("complying", 1, Decimal("0.00"))
    r = one(db, ref, D(2025, 3, 14))  # the day before: nothing due yet, the payment not yet made
    assert (r.status, r.instalments_due, r.paid) == ("complying", 0, Decimal("0.00"))


def test_overpayment_covers_later_instalments(db):
    ref = new_case(db)
    order(db, ref, "1000.00", "100.00", "monthly", D(2025, 1, 10))
    pay(db, ref, D(2025, 1, 10), "300.00")
    r = one(db, ref, D(2025, 3, 10))  # three due, three paid in one go
    assert (r.status, r.arrears, r.missed) == ("complying", Decimal("0.00"), 0)
    r = one(db, ref, D(2025, 4, 10))
    assert (r.status, r.missed, r.first_missed, r.arrears) == ("in arrears", 1, D(2025, 4, 10), Decimal("100.00"))


def test_missed_first_instalment(db):
    ref = new_case(db)
    order(db, ref, "400.00", "40.00", "weekly", D(2025, 6, 2))
    r = one(db, ref, D(2025, 6, 2))
    assert (r.status, r.missed, r.first_missed, r.arrears) == ("in arrears", 1, D(2025, 6, 2), Decimal("40.00"))


def test_31_january_month_end_schedule(db):
    ref = new_case(db)
    order(db, ref, "1000.00", "100.00", "monthly", D(2025, 1, 31), made_on=D(2025, 1, 10))
    assert one(db, ref, D(2025, 2, 27)).instalments_due == 1
    r = one(db, ref, D(2025, 2, 28))  # 28 February is the second instalment in 2025
    assert (r.instalments_due, r.first_missed, r.next_due) == (2, D(2025, 1, 31), D(2025, 3, 31))
    pay(db, ref, D(2025, 1, 31), "100.00")
    pay(db, ref, D(2025, 2, 28), "100.00")
    r = one(db, ref, D(2025, 3, 30))
    assert (r.status, r.instalments_due, r.next_due) == ("complying", 2, D(2025, 3, 31))
    r = one(db, ref, D(2025, 5, 1))  # 31 March and 30 April missed
    assert (r.missed, r.first_missed, r.next_due) == (2, D(2025, 3, 31), D(2025, 5, 31))


def test_31_january_in_a_leap_year(db):
    ref = new_case(db)
    order(db, ref, "1000.00", "100.00", "monthly", D(2024, 1, 31), made_on=D(2024, 1, 2))
    assert one(db, ref, D(2024, 2, 28)).instalments_due == 1
    r = one(db, ref, D(2024, 2, 29))
    assert (r.instalments_due, r.next_due) == (2, D(2024, 3, 31))


def test_paid_in_full_and_short_last_instalment(db):
    ref = new_case(db)
    order(db, ref, "250.00", "100.00", "monthly", D(2025, 1, 1), made_on=D(2024, 12, 20))  # 100, 100, 50
    r = one(db, ref, D(2025, 12, 31))
    assert (r.instalments_due, r.due_to_date, r.status) == (3, Decimal("250.00"), "in arrears")
    pay(db, ref, D(2025, 1, 1), "200.00")
    pay(db, ref, D(2025, 3, 1), "50.00")
    r = one(db, ref, D(2025, 12, 31))
    assert (r.status, r.balance, r.next_due, r.missed) == ("paid in full", Decimal("0.00"), None, 0)


def test_payments_before_the_order_do_not_count(db):
    ref = new_case(db)
    order(db, ref, "500.00", "50.00", "monthly", D(2025, 2, 1), made_on=D(2025, 1, 15))
    pay(db, ref, D(2025, 1, 14), "50.00")
    pay(db, ref, D(2025, 1, 15), "50.00")
    assert one(db, ref, D(2025, 2, 1)).paid == Decimal("50.00")


def test_forthwith_judgment_is_due_14_days_after(db):
    ref = new_case(db)
    order(db, ref, "800.00", costs="70.00", made_on=D(2025, 5, 1))
    r = one(db, ref, D(2025, 5, 14))
    assert (r.status, r.first_payment, r.total) == ("complying", D(2025, 5, 15), Decimal("870.00"))
    r = one(db, ref, D(2025, 5, 15))
    assert (r.status, r.arrears, r.missed) == ("in arrears", Decimal("870.00"), 1)


def test_superseded_orders_are_left_out(db):
    ref = new_case(db)
    order(db, ref, "800.00", "100.00", "monthly", D(2025, 2, 1))
    record_order(
        db,
        ref,
        OrderSpec(
            kind="variation",
            made_on=D(2025, 4, 1),
            amount=Decimal("600.00"),
            instalments=None,
            key="variation",
            supersedes="judgment",
        ),
        who="test",
    )
    report = compliance(db, D(2025, 4, 2), ref)
    assert [o.kind for o in report.orders] == ["variation"]


def test_directions_met_missed_due(db):
    ref = new_case(db)
    record_order(
        db,
        ref,
        OrderSpec(
            kind="directions",
            made_on=D(2025, 1, 2),
            key="d",
            directions=[
                DirectionSpec("file a statement", D(2025, 1, 20), "claimant", met_on=D(2025, 1, 18), key="a"),
                DirectionSpec("serve the order", D(2025, 1, 25), "claimant", key="b"),
                DirectionSpec("file a defence", D(2025, 2, 5), "defendant", key="c"),
            ],
        ),
        who="test",
    )
    statuses = {d.text: d.status for d in compliance(db, D(2025, 2, 1), ref).directions}
    assert statuses == {"file a statement": "met", "serve the order": "missed", "file a defence": "due"}
    assert compliance(db, D(2025, 1, 17), ref).directions[0].status == "due"  # not met yet on that date


# --- the SQL agrees with a plain-Python schedule over random cases -------------------------------------------


def reference_schedule(first, frequency, total, instalment, on):
    def due(k):
        if frequency == "monthly":
            month = first.month - 1 + k
            year, month = first.year + month // 12, month % 12 + 1
            return D(year, month, min(first.day, calendar.monthrange(year, month)[1]))
        return first + dt.timedelta(days={"weekly": 7, "fortnightly": 14, "four_weekly": 28}[frequency] * k)

    dues, k, cumulative = [], 0, Decimal(0)
    while cumulative < total:
        amount = min(instalment, total - cumulative)
        cumulative += amount
        dues.append((due(k), cumulative))
        k += 1
    return [(d, c) for d, c in dues if d <= on], dues


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.dates(D(2021, 1, 1), D(2024, 1, 1)),  # payments up to 700 days on stay in the past
    frequency=st.sampled_from(["weekly", "fortnightly", "four_weekly", "monthly"]),
    instalment=st.integers(500, 20000),
    count=st.integers(1, 30),
    days=st.integers(-40, 900),
    paid=st.lists(st.tuples(st.integers(0, 700), st.integers(1, 40000)), max_size=6),
)
def test_sql_agrees_with_python(db, first, frequency, instalment, count, days, paid):
    instalment = Decimal(instalment) / 100
    total = instalment * count - Decimal("0.37") if count > 1 else instalment
    on = first + dt.timedelta(days=days)
    ref = new_case(db)
    order(db, ref, str(total), str(instalment), frequency, first, made_on=first - dt.timedelta(days=3))
    received = Decimal(0)
    for offset, pennies in paid:
        day = first - dt.timedelta(days=3) + dt.timedelta(days=offset)
        pay(db, ref, day, str(Decimal(pennies) / 100))
        if day <= on:
            received += Decimal(pennies) / 100
    r = one(db, ref, on)
    due_rows, everything = reference_schedule(first, frequency, total, instalment, on)
    due_amount = due_rows[-1][1] if due_rows else Decimal(0)
    assert r.instalments_due == len(due_rows)
    assert r.due_to_date == due_amount
    assert r.paid == received
    expected = "paid in full" if received >= total else "complying" if received >= due_amount else "in arrears"
    assert r.status == expected
    if expected == "in arrears":
        covered = sum(1 for _, c in everything if c <= received)
        assert r.missed == len(due_rows) - covered
        assert r.first_missed == everything[covered][0]
        assert r.arrears == due_amount - received
    upcoming = [d for d, _ in everything if d > on]
    assert r.next_due == (upcoming[0] if upcoming and received < total else None)
