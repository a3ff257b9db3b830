"""Limitation item by item: each sum due is its own cause; restarts only under ss.29-30; no revival (s.29(7))."""

import datetime as dt
from decimal import Decimal

from docassemble.courtpack.law.breathing_space import breathing_space_status
from docassemble.courtpack.law.claim import issue_check
from docassemble.courtpack.law.limitation import check_items, debt_limitation, limitation
from docassemble.courtpack.law.protocol import protocol_status

D = dt.date
CHARGES = [(D(2019, 1, 1), Decimal("100.00")), (D(2019, 3, 1), Decimal("200.00")), (D(2019, 9, 1), Decimal("300.00"))]


def test_each_invoice_runs_separately():
    # on 1 July 2025: 1 January 2019 (last day 1 January 2025) and 1 March 2019 (1 March 2025) are barred;
    # 1 September 2019 runs to 1 September 2025
    items = debt_limitation("contract", CHARGES, [], D(2025, 7, 1))
    assert [(r.accrued, r.last_day, r.barred) for r in items] == [
        (D(2019, 1, 1), D(2025, 1, 1), True),
        (D(2019, 3, 1), D(2025, 3, 1), True),
        (D(2019, 9, 1), D(2025, 9, 1), False),
    ]
    check = check_items(items)
    assert check.barred_sum == Decimal("300.00")  # 100 + 200
    assert "Leave £300.00 out of the claim" in check.basis
    assert check.last_day == D(2025, 9, 1)


def test_part_payment_restarts_only_items_already_due_and_not_barred():
    # a payment on 1 June 2019 restarts the two sums then due: last day 1 June 2025; it is no
    # acknowledgment of the September sum, which had not fallen due
    items = debt_limitation("contract", CHARGES, [D(2019, 6, 1)], D(2025, 5, 31))
    assert [(r.runs_from, r.last_day, r.barred) for r in items] == [
        (D(2019, 6, 1), D(2025, 6, 1), False),
        (D(2019, 6, 1), D(2025, 6, 1), False),
        (D(2019, 9, 1), D(2025, 9, 1), False),
    ]


def test_acknowledgment_after_the_bar_does_not_revive():
    # barred at the end of 1 January 2025; a signed acknowledgment on 1 February 2025 changes nothing (s.29(7))
    result = limitation("contract", D(2019, 1, 1), D(2025, 3, 1), [D(2025, 2, 1)])
    assert result.barred and result.runs_from == D(2019, 1, 1)
    assert any("does not revive" in w for w in result.warnings)
    assert "s.30" in result.source


def test_charges_on_the_same_day_are_one_item():
    items = debt_limitation(
        "rent", [(D(2019, 1, 1), Decimal("10.00")), (D(2019, 1, 1), Decimal("5.00"))], [], D(2025, 1, 2)
    )
    assert len(items) == 1 and items[0].amount == Decimal("15.00") and items[0].barred


def test_issue_check_names_barred_items_and_the_sum_to_leave_out():
    on = D(2025, 7, 1)
    protocol = protocol_status(debtor_is_individual=True, on=on, letter_date=D(2025, 5, 1))
    check = issue_check(
        protocol=protocol,
        limitation=debt_limitation("contract", CHARGES, [], on),
        breathing_space=breathing_space_status([], on),
    )
    assert not check.ready and check.barred_sum == Decimal("300.00")
    reason = next(r for r in check.reasons if "statute-barred" in r)
    assert "£100.00 due 1 January 2019" in reason and "£200.00 due 1 March 2019" in reason
    assert "Leave £300.00 out" in reason
