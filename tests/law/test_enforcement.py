"""Enforcement routes, thresholds, permission after six years, breathing space."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.breathing_space import BreathingSpaceWindow, breathing_space_status
from docassemble.courtpack.law.enforcement import ROUTES, enforcement_options, minimum_part_warrant

D = dt.date
ON = D(2025, 6, 1)
JUDGMENT = D(2024, 1, 10)


def options(amount="1200.00", judgment=JUDGMENT, on=ON, **kw):
    result = enforcement_options(outstanding=amount, judgment_date=judgment, on=on, **kw)
    return result, {o.route: o for o in result.options}


def test_all_routes_with_forms_and_fees():
    result, by_route = options(employed=True, property_title="WYK123456")
    assert tuple(by_route) == ROUTES
    assert {o.form for o in result.options} == {"N323", "N293A", "N337", "N379", "N349", "N316"}
    assert all(o.allowed for o in result.options)
    assert by_route["warrant_of_control"].fee == Decimal("138.00")  # CPFO fee 8.1(a), a court-issued claim
    assert not result.permission_required


def test_goods_jurisdiction_thresholds():
    _, low = options("599.99")
    assert low["warrant_of_control"].allowed and not low["writ_of_control"].allowed
    _, mid = options("600.00")
    assert mid["warrant_of_control"].allowed and mid["writ_of_control"].allowed
    _, top = options("4999.99")
    assert top["warrant_of_control"].allowed
    _, high = options("5000.00")
    assert not high["warrant_of_control"].allowed and high["writ_of_control"].allowed
    assert "High Court writ" in high["warrant_of_control"].reasons[0]
    _, cca = options("5000.00", cca_regulated=True)
    assert cca["warrant_of_control"].allowed and not cca["writ_of_control"].allowed


def test_attachment_of_earnings_and_charging_order_conditions():
    _, none = options("49.99", employed=True)
    assert not none["attachment_of_earnings"].allowed
    _, fifty = options("50.00", employed=True)
    assert fifty["attachment_of_earnings"].allowed
    _, self_employed = options("500.00")
    assert "not known to be employed" in self_employed["attachment_of_earnings"].reasons[0]
    assert not self_employed["charging_order"].allowed
    assert "title number" in self_employed["charging_order"].reasons[0]


def test_permission_from_exactly_six_years():
    day_before, routes = options(judgment=D(2019, 6, 1), on=D(2025, 5, 31))
    assert not day_before.permission_required and routes["warrant_of_control"].allowed
    exact, routes = options(judgment=D(2019, 6, 1), on=D(2025, 6, 1))
    assert exact.permission_required and exact.six_years_on == D(2025, 6, 1)
    assert not routes["warrant_of_control"].allowed and not routes["writ_of_control"].allowed
    assert "N244" in routes["writ_of_control"].reasons[0]
    assert routes["order_to_obtain_information"].allowed
    leap, _ = options(judgment=D(2020, 2, 29), on=D(2026, 2, 28))
    assert leap.permission_required


def test_breathing_space_blocks_everything():
    space = breathing_space_status([BreathingSpaceWindow(D(2025, 5, 1))], ON)
    result, _ = options(employed=True, property_title="T1", breathing_space=space)
    assert not any(o.allowed for o in result.options)
    assert all("breathing space" in o.reasons[0] for o in result.options)
    over = breathing_space_status([BreathingSpaceWindow(D(2025, 1, 1))], ON)
    result, _ = options(employed=True, property_title="T1", breathing_space=over)
    assert all(o.allowed for o in result.options)


def test_instalment_order_being_kept():
    _, routes = options(employed=True, property_title="T1", instalment_order=True)
    assert not routes["warrant_of_control"].allowed
    assert routes["charging_order"].allowed and routes["order_to_obtain_information"].allowed
    _, arrears = options(employed=True, property_title="T1", instalment_order=True, instalments_in_arrears=True)
    assert arrears["warrant_of_control"].allowed


def test_bad_inputs():
    with pytest.raises(LawError, match="amount outstanding"):
        options("0")
    with pytest.raises(LawError, match="before the judgment"):
        options(judgment=D(2025, 7, 1))


@pytest.mark.parametrize(
    ("instalment", "frequency", "minimum"),
    [
        # CPR 83.15(9)(b): the greater of £50 and one monthly instalment / four weekly instalments
        ("30.00", "monthly", "50.00"),  # max(50, 30)
        ("75.00", "monthly", "75.00"),  # max(50, 75)
        ("10.00", "weekly", "50.00"),  # max(50, 4 x 10 = 40)
        ("20.00", "weekly", "80.00"),  # max(50, 4 x 20 = 80)
        ("12.51", "weekly", "50.04"),  # max(50, 4 x 12.51 = 50.04): just over the floor
        ("15.00", "fortnightly", "50.00"),  # four weeks = 2 fortnightly instalments: max(50, 30)
        ("40.00", "fortnightly", "80.00"),  # max(50, 2 x 40 = 80)
        ("60.00", "four-weekly", "60.00"),  # one four-weekly instalment covers four weeks: max(50, 60)
    ],
)
def test_minimum_part_warrant(instalment, frequency, minimum):
    assert minimum_part_warrant(instalment, frequency, ON).amount == Decimal(minimum)


def test_minimum_part_warrant_refuses_unknown_frequency():
    with pytest.raises(LawError, match="frequency"):
        minimum_part_warrant("10", "yearly", ON)
