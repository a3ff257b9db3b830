"""Periods: charging orders (CPR 73.7, 73.10(2), 6.26), default judgment (CPR 10, 12, 15), protocol issue days."""

import datetime as dt

from docassemble.courtpack.law.charging_order import charging_order_dates
from docassemble.courtpack.law.default_judgment import request_dates

D = dt.date


def test_charging_order_service_and_posting():
    # interim order Monday 2 March 2026: + 21 days = Monday 23 March, the last day service may take effect.
    # Posted Saturday 21 March: second day after = Monday 23 March, a business day -> in time.
    # Posted Sunday 22 March: Tuesday 24 March -> too late. So post by 21 March.
    dates = charging_order_dates(D(2026, 3, 2))
    assert (dates.serve_by, dates.post_by) == (D(2026, 3, 23), D(2026, 3, 21))
    assert dates.objections_by == D(2026, 4, 20)  # 23 March + 28 days, a Monday
    assert "CPR 73.7" in dates.source and "73.10(2)" in dates.source and "CPR 6.26" in dates.source


def test_charging_order_21_days_not_carried_over_a_bank_holiday():
    # interim 16 March 2026 + 21 = Monday 6 April 2026, Easter Monday: CPR 2.8(5) does NOT move it to 7 April.
    # Posting Tue 31 March: second day after = Thu 2 April, a business day -> served in time.
    # Wed 1 April: Fri 3 April is Good Friday -> next business day Tue 7 April: too late.
    dates = charging_order_dates(D(2026, 3, 16))
    assert (dates.serve_by, dates.post_by) == (D(2026, 4, 6), D(2026, 3, 31))
    # objections: 6 April + 28 = Monday 4 May 2026, the early May bank holiday; filing is at the court
    # office, so that period does run to the next open day, 5 May
    assert dates.objections_by == D(2026, 5, 5)


def test_default_judgment_request_dates():
    # served Monday 22 December 2025 + 14 = Monday 5 January 2026; request from 6 January
    plain = request_dates(D(2025, 12, 22))
    assert (plain.last_day, plain.request_from) == (D(2026, 1, 5), D(2026, 1, 6))
    # acknowledged: + 28 = Monday 19 January; request from 20 January
    acknowledged = request_dates(D(2025, 12, 22), acknowledged=True)
    assert (acknowledged.last_day, acknowledged.request_from) == (D(2026, 1, 19), D(2026, 1, 20))
    # served 11 December 2025 + 14 = Christmas Day; 26-28 December closed too: last day Monday 29 December
    christmas = request_dates(D(2025, 12, 11))
    assert (christmas.last_day, christmas.request_from) == (D(2025, 12, 29), D(2025, 12, 30))
