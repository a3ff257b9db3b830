"""`calc venue`: the route for each debt type, worked from the rules (not from courtpack's output)."""

import datetime as dt
import json

import pytest

from docassemble.courtpack.cli import main
from docassemble.courtpack.law import venue
from docassemble.courtpack.law.breathing_space import BreathingSpaceWindow, breathing_space_status

D = dt.date


def steps(advice):
    return {s.name: s for s in advice.next}


def test_council_tax_goes_to_the_magistrates_court_and_opens_its_powers():
    advice = venue.venue_advice(debt_type="council_tax", debt="6200.00", on=D(2026, 4, 20), order_held=True)
    assert advice.court.startswith("the magistrates' court")
    assert [s.name for s in advice.first] == ["reminder_and_final_notice", "complaint_and_summons", "liability_order"]
    nxt = steps(advice)
    # £6,200: at least £1,000 for a charging order (reg 50) and at least £5,000 for bankruptcy (s.267(4))
    assert nxt["charging_order"].allowed and nxt["bankruptcy_or_winding_up"].allowed
    assert nxt["attachment_of_earnings"].allowed
    assert not nxt["committal"].allowed
    # enforcement agent fees on £6,200: 235 + 7.5% x 4,700 = 352.50 -> 587.50 at the enforcement stage
    assert any("£587.50 (enforcement stage)" in n for n in nxt["taking_control_of_goods"].notes)


def test_council_tax_below_charging_order_threshold_and_before_order():
    nxt = steps(venue.venue_advice(debt_type="council_tax", debt="999.99", on=D(2026, 4, 20), order_held=True))
    assert not nxt["charging_order"].allowed
    assert "needs at least £1,000.00" in nxt["charging_order"].reasons[0]
    before = steps(venue.venue_advice(debt_type="council_tax", debt="6200", on=D(2026, 4, 20)))
    assert all("Only once a liability order is held." in s.reasons for s in before.values())


def test_business_rates_has_no_attachment_or_charging_order():
    nxt = steps(
        venue.venue_advice(
            debt_type="business_rates", debt="20000", on=D(2026, 4, 20), debtor_kind="company", order_held=True
        )
    )
    assert not nxt["attachment_of_earnings"].allowed and not nxt["charging_order"].allowed
    assert nxt["bankruptcy_or_winding_up"].allowed  # company: more than £750
    assert "Committal is for individuals only." in nxt["committal"].reasons


def test_sundry_debt_is_a_county_court_claim():
    advice = venue.venue_advice(debt_type="sundry", debt="5000.00", on=D(2026, 1, 5), order_held=True)
    assert advice.court.startswith("the County Court")
    nxt = steps(advice)
    # art 8: £5,000 or more -> goods only by High Court writ; £600 or more -> a writ is possible
    assert not nxt["warrant_of_control"].allowed and nxt["writ_of_control"].allowed
    assert nxt["bankruptcy_or_winding_up"].allowed  # exactly £5,000 meets "equal to or exceeds"


def test_breathing_space_closes_every_step_for_an_individual():
    space = breathing_space_status([BreathingSpaceWindow(D(2026, 4, 1))], D(2026, 4, 20))
    advice = venue.venue_advice(
        debt_type="council_tax", debt="6200", on=D(2026, 4, 20), order_held=True, breathing_space=space
    )
    assert not any(s.allowed for s in advice.first + advice.next)


def test_unknown_debt_type_exits_2(capsys):
    assert main(["calc", "venue", "--debt-type", "parking", "--amount", "10"]) == 2
    assert "use one of" in capsys.readouterr().err


@pytest.mark.parametrize("debt_type", venue.DEBT_TYPES)
def test_calc_venue_json_for_every_debt_type(capsys, debt_type):
    code = main(["calc", "venue", "--debt-type", debt_type, "--amount", "1200.00", "--on", "2026-01-05", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["debt_type"] == debt_type and data["next"] and data["sources"]
    assert {t["name"] for t in data["thresholds"]} >= {"bankruptcy_petition"}


def test_calc_venue_from_a_case_file(capsys):
    from pathlib import Path

    case = Path(__file__).resolve().parents[2] / "examples" / "FTA-2025-0142.yaml"
    assert main(["calc", "venue", "--case", str(case), "--on", "2026-01-05", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["debt_type"] == "former_tenant_arrears" and data["court"].startswith("the County Court")
    assert main(["calc", "venue", "--on", "2026-01-05"]) == 2
    assert "--case FILE" in capsys.readouterr().err


def test_sources_list_marks_unverified_rows(capsys):
    assert main(["liability", "sources"]) == 0
    everything = capsys.readouterr().out
    assert "reg 35(2A), inserted by SI 1998/295 reg 3 [verified]" in everything
    assert main(["liability", "sources", "--unverified"]) == 0
    unverified = capsys.readouterr().out
    assert "[verified]" not in unverified and "reg 34(3) [to check]" in unverified


def test_a_current_tenant_in_arrears_goes_to_a_possession_claim():
    """Rent arrears on a current tenancy: protocol, notice, then N5/N119; a warrant only after an order."""
    advice = venue.venue_advice(debt_type="current_tenant_arrears", debt="1420.00", on=D(2026, 4, 22))
    assert advice.court.startswith("the County Court (a claim for possession under CPR Part 55")
    assert [s.name for s in advice.first] == ["possession_protocol", "possession_notice", "possession_claim"]
    assert not any(s.allowed for s in advice.next)
    held = steps(
        venue.venue_advice(debt_type="current_tenant_arrears", debt="1420.00", on=D(2026, 9, 16), order_held=True)
    )
    assert held["warrant_of_possession"].allowed and "CPR 83.26" in held["warrant_of_possession"].source
    assert "N244" in held["fix_date_for_possession"].notes[0]
