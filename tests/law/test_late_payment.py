"""Late Payment Act 1998: relevant day (s.4), reference rate + 8%, a fixed sum per invoice (s.5A)."""

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.errors import LawError
from docassemble.courtpack.law.late_payment import Invoice, late_payment, relevant_day

D = dt.date


def test_relevant_day():
    # no agreed date: the last of the 30 days beginning with notice on 1 March = 30 March
    assert relevant_day(D(2025, 3, 1)) == D(2025, 3, 30)
    assert relevant_day(D(2025, 3, 1), D(2025, 2, 9)) == D(2025, 2, 9)  # agreed due date


def test_interest_from_the_day_after_the_relevant_day():
    # £1,000, notice 1 June 2025: relevant day 30 June, interest from 1 July; reference rate = Bank Rate on
    # 30 June 2025 = 4.25%, + 8 = 12.25%. To 31 December: 184 days. 1000 x 0.1225 x 184 / 365 = 61.753 -> 61.75
    # fixed sum: £1,000 is not under £1,000 -> £70. Total 131.75
    result = late_payment([Invoice(Decimal("1000.00"), D(2025, 6, 1))], D(2025, 12, 31))
    assert (result.interest, result.compensation, result.total) == (
        Decimal("61.75"),
        Decimal("70.00"),
        Decimal("131.75"),
    )
    assert result.rates == (Decimal("12.25"),)


def test_rate_fixed_by_the_half_year_interest_starts_in():
    # notice 31 May: relevant day 29 June, interest from 30 June -> reference day 31 December 2024 (4.75%)
    early = late_payment([Invoice(Decimal("1000.00"), D(2025, 5, 31))], D(2025, 12, 31))
    assert early.rates == (Decimal("12.75"),)


def test_fixed_sum_per_invoice_and_its_bands():
    invoices = [Invoice(Decimal(v), D(2025, 1, 1)) for v in ("999.99", "1000.00", "9999.99", "10000.00")]
    result = late_payment(invoices, D(2025, 6, 1))
    assert [i.compensation for i in result.items] == [
        Decimal("40.00"),
        Decimal("70.00"),
        Decimal("70.00"),
        Decimal("100.00"),
    ]
    assert result.compensation == Decimal("280.00")  # 40 + 70 + 70 + 100, not one sum on the £21,999.98 total


def test_not_yet_late_and_bad_input():
    # relevant day 30 March; on 30 March nothing is late yet
    result = late_payment([Invoice(Decimal("500.00"), D(2025, 3, 1))], D(2025, 3, 30))
    assert (result.interest, result.compensation, result.rates) == (Decimal("0.00"), Decimal("0.00"), ())
    with pytest.raises(LawError, match="at least one invoice"):
        late_payment([], D(2025, 3, 30))


def test_2026_first_half_rate_string():
    # notice 1 January 2026: relevant day 30 January, interest from 31 January; reference day 31 December 2025,
    # Bank Rate 3.75% (cut on 18 December 2025) + 8 = 11.75%. To 1 March 2026: 30 days:
    # 2000 x 0.1175 x 30 / 365 = 19.315 -> 19.32; fixed sum £70
    result = late_payment([Invoice(Decimal("2000.00"), D(2026, 1, 1))], D(2026, 3, 1))
    assert f"{result.rates[0].normalize():f}" == "11.75"
    assert (result.interest, result.compensation) == (Decimal("19.32"), Decimal("70.00"))


def test_unknown_reference_rate_is_refused_not_guessed():
    # notice 1 June 2026: interest from 1 July 2026, reference day 30 June 2026, after the table's known end
    with pytest.raises(LawError, match="reference rate on 30 June 2026 is not known"):
        late_payment([Invoice(Decimal("1000.00"), D(2026, 6, 1))], D(2026, 12, 1))
