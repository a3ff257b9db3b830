"""Invariants that must hold for every input, checked with hypothesis."""

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from docassemble.courtpack.law.calendar import (
    add_business_days,
    business_days_between,
    deadline,
    deemed_service,
    is_business_day,
    is_court_office_open,
)
from docassemble.courtpack.law.costs import commencement_costs, judgment_costs
from docassemble.courtpack.law.fees import issue_fee
from docassemble.courtpack.law.interest import itemised_interest, statutory_interest
from docassemble.courtpack.law.limitation import limitation

DAYS = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2027, 12, 31))
PENNIES = st.integers(min_value=1, max_value=50_000_000).map(lambda p: Decimal(p) / 100)
SETTINGS = settings(max_examples=150, deadline=None, database=None)  # no .hypothesis/ in the repo


@SETTINGS
@given(PENNIES, DAYS, st.integers(0, 3000), st.integers(0, 3000))
def test_interest_grows_with_time(principal, start, a, b):
    short, long = sorted((a, b))
    first = statutory_interest(principal, start, start + dt.timedelta(days=short))
    second = statutory_interest(principal, start, start + dt.timedelta(days=long))
    assert first.interest <= second.interest
    assert second.days == long


@SETTINGS
@given(PENNIES, PENNIES, DAYS)
def test_interest_grows_with_principal(a, b, start):
    low, high = sorted((a, b))
    end = start + dt.timedelta(days=200)
    assert statutory_interest(low, start, end).interest <= statutory_interest(high, start, end).interest


@SETTINGS
@given(PENNIES, PENNIES, st.dates(min_value=dt.date(2015, 3, 9), max_value=dt.date(2030, 1, 1)))
def test_fee_never_decreases_as_the_claim_grows(a, b, on):
    low, high = sorted((a, b))
    assert issue_fee(low, on).fee <= issue_fee(high, on).fee


@SETTINGS
@given(PENNIES, PENNIES, DAYS)
def test_fixed_costs_never_decrease_as_the_claim_grows(a, b, on):
    low, high = sorted((a, b))
    assert commencement_costs(low, on).costs <= commencement_costs(high, on).costs
    assert judgment_costs(low, "summary-judgment", on).costs <= judgment_costs(high, "summary-judgment", on).costs


@SETTINGS
@given(DAYS, st.integers(1, 60))
def test_deadline_never_falls_on_a_closed_day(start, days):
    result = deadline(start, days).date
    assert is_court_office_open(result)
    assert result >= start + dt.timedelta(days=days)
    if days <= 5:
        assert business_days_between(start, result) == days


@SETTINGS
@given(DAYS, st.integers(-20, 20))
def test_add_business_days_lands_on_business_days(start, n):
    result = add_business_days(start, n)
    if n:
        assert is_business_day(result)
        assert (result > start) == (n > 0)
    if n > 0:
        assert business_days_between(start, result) == n


@SETTINGS
@given(
    st.datetimes(min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2027, 12, 1)),
    st.sampled_from(["post", "email", "personal", "delivery", "dx", "fax"]),
    st.sampled_from(["claim-form", "other"]),
)
def test_deemed_service_is_a_business_day_not_before_sending(sent, method, document):
    served = deemed_service(document, method, sent).date
    assert is_business_day(served)
    assert served >= sent.date()


@SETTINGS
@given(DAYS, st.integers(0, 4000), st.sampled_from(["contract", "statute", "rent", "specialty", "judgment"]))
def test_limitation_barred_exactly_after_the_last_day(accrued, later, cause):
    on = accrued + dt.timedelta(days=later)
    result = limitation(cause, accrued, on)
    assert result.barred == (on > result.last_day)
    assert result.last_day > accrued


CHARGES = st.lists(st.tuples(DAYS, PENNIES), min_size=1, max_size=6)


@SETTINGS
@given(CHARGES)
def test_itemised_interest_without_payments_is_each_sum_on_its_own(charges):
    to = dt.date(2028, 1, 1)
    result = itemised_interest([(day, value, "x") for day, value in charges], [], to)
    alone = sum(statutory_interest(value, day, to).interest for day, value in charges)
    assert result.interest == alone
    assert result.principal == sum(value for _, value in charges)


@SETTINGS
@given(CHARGES, st.lists(st.tuples(DAYS, PENNIES), max_size=4), st.tuples(DAYS, st.integers(0, 120)))
def test_payments_and_breathing_spaces_never_add_interest(charges, payments, space):
    to = dt.date(2028, 1, 1)
    owed = sum(value for _, value in charges)
    paid, kept = Decimal(0), []
    for day, value in payments:  # never pay more than is owed
        if paid + value <= owed:
            kept.append((day, value))
            paid += value
    rows = [(day, value, "x") for day, value in charges]
    plain = itemised_interest(rows, [], to)
    with_payments = itemised_interest(rows, kept, to)
    start, length = space
    with_space = itemised_interest(rows, kept, to, breathing_spaces=[(start, start + dt.timedelta(days=length))])
    assert with_space.interest <= with_payments.interest <= plain.interest + Decimal("0.01") * len(charges) * 2
    assert with_payments.principal == owed - paid
