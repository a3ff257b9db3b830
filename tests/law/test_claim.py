"""Claim figures and the combined issue check."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.breathing_space import BreathingSpaceWindow, breathing_space_status
from docassemble.courtpack.law.claim import claim_figures, issue_check
from docassemble.courtpack.law.late_payment import Invoice
from docassemble.courtpack.law.limitation import limitation
from docassemble.courtpack.law.protocol import protocol_status

D = dt.date
ISSUE = D(2025, 1, 10)


def test_statutory_claim_with_legal_representative():
    figures = claim_figures(
        "1234.56", issue_date=ISSUE, interest_basis="statutory", interest_from=D(2024, 4, 1), legal_representative=True
    )
    assert figures.interest.interest == Decimal("76.85")
    assert figures.claim_value == Decimal("1311.41")
    assert figures.fee.fee == Decimal("80.00")
    assert figures.costs.costs == Decimal("80.00")
    assert figures.total == Decimal("1471.41")
    assert figures.track.track == "small_claims"
    assert figures.statement_of_value == "not more than £10,000"
    assert "total £1,471.41" in figures.basis


def test_interest_pushes_fee_band_but_not_track():
    figures = claim_figures("9990.00", issue_date=ISSUE, interest_basis="statutory", interest_from=D(2024, 1, 10))
    assert figures.claim_value > Decimal("10000")
    assert figures.fee.fee == round(figures.claim_value * Decimal("0.05") - Decimal("0.005"), 2)
    assert figures.track.track == "small_claims"
    assert figures.costs.costs == Decimal("0.00")  # no legal representative


def test_late_payment_adds_a_fixed_sum_per_invoice():
    # two invoices (£900 and £600) with notice on 1 February 2025, no agreed date: relevant day is the 30th
    # day counting 1 February, 2 March; interest from 3 March at 4.75% (Bank Rate on 31 December 2024) + 8%
    # = 12.75%, to 1 April: 30 days. £900: 900 x 0.1275 x 30 / 365 = 9.431 -> £9.43;
    # £600: 600 x 0.1275 x 30 / 365 = 6.287 -> £6.29. Fixed sums: each under £1,000 -> £40 + £40 = £80
    # (once on the £1,500 total it would wrongly be £70)
    invoices = [Invoice(Decimal("900.00"), D(2025, 2, 1)), Invoice(Decimal("600.00"), D(2025, 2, 1))]
    figures = claim_figures("1500.00", issue_date=D(2025, 4, 1), interest_basis="late_payment", invoices=invoices)
    assert figures.compensation.amount == Decimal("80.00")
    assert figures.interest.interest == Decimal("15.72")  # 9.43 + 6.29
    assert figures.claim_value == Decimal("1595.72")  # 1500 + 15.72 + 80
    with pytest.raises(LawError, match="invoice by invoice"):
        claim_figures("1500.00", issue_date=D(2025, 4, 1), interest_basis="late_payment", interest_from=D(2025, 3, 1))


def test_no_interest_and_bad_inputs():
    figures = claim_figures("300.00", issue_date=ISSUE)
    assert figures.interest is None and figures.claim_value == Decimal("300.00")
    assert figures.fee.fee == Decimal("35.00")
    with pytest.raises(LawError, match="needs the date"):
        claim_figures("300.00", issue_date=ISSUE, interest_basis="statutory")
    with pytest.raises(LawError, match="after the issue date"):
        claim_figures("300.00", issue_date=ISSUE, interest_basis="statutory", interest_from=D(2025, 2, 1))
    with pytest.raises(LawError, match="not known"):
        claim_figures("300.00", issue_date=ISSUE, interest_basis="penal")
    with pytest.raises(LawError, match="principal"):
        claim_figures("0", issue_date=ISSUE)


def test_issue_check_combines_rules():
    ready = protocol_status(debtor_is_individual=True, on=ISSUE, letter_date=D(2024, 11, 1))
    fine = limitation("contract", D(2024, 1, 1), ISSUE)
    barred = limitation("rent", D(2018, 1, 1), ISSUE)
    soon = limitation("rent", D(2019, 2, 1), ISSUE)
    none = breathing_space_status([], ISSUE)
    assert issue_check(protocol=ready, limitation=[fine], breathing_space=none).ready
    check = issue_check(protocol=ready, limitation=[fine, soon], breathing_space=none)
    assert check.ready and check.warnings
    check = issue_check(protocol=ready, limitation=[barred, fine], breathing_space=none)
    assert not check.ready and "statute-barred" in check.reasons[0]
    active = breathing_space_status([BreathingSpaceWindow(D(2025, 1, 1))], ISSUE)
    check = issue_check(protocol=ready, limitation=[fine], breathing_space=active)
    assert not check.ready and "breathing space" in check.reasons[0]
