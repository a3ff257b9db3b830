"""Pre-action conduct: PAPDC for individuals, PD-PAC for companies."""

import datetime as dt

from docassemble.courtpack.law.protocol import protocol_status

D = dt.date
LETTER = D(2025, 1, 1)


def status(on, **kw):
    return protocol_status(
        debtor_is_individual=kw.pop("individual", True), on=on, letter_date=kw.pop("letter", LETTER), **kw
    )


def test_no_letter():
    result = status(D(2025, 6, 1), letter=None)
    assert not result.ready and result.earliest_issue_date is None
    assert "No letter before claim" in result.reasons[0]


def test_thirty_days_then_issue_on_the_31st_day_after_the_letter():
    assert status(D(2025, 1, 31)).earliest_issue_date == D(2025, 2, 1)
    assert not status(D(2025, 1, 31)).ready
    assert status(D(2025, 2, 1)).ready
    assert "issued from 1 February 2025" in status(D(2025, 2, 1)).basis
    assert "Pre-Action Protocol for Debt Claims" in status(D(2025, 2, 1)).source


def test_company_fourteen_days():
    result = status(D(2025, 1, 15), individual=False)
    assert result.earliest_issue_date == D(2025, 1, 16)
    assert not result.ready
    assert status(D(2025, 1, 16), individual=False).ready
    assert "Pre-Action Conduct" in result.source


def test_reply_needs_notice_of_intention_to_issue():
    result = status(D(2025, 3, 1), reply_date=D(2025, 1, 10))
    assert not result.ready and result.earliest_issue_date is None
    assert "14 days' written notice" in result.reasons[0]
    noticed = status(D(2025, 3, 1), reply_date=D(2025, 1, 10), notice_date=D(2025, 2, 20))
    assert noticed.earliest_issue_date == D(2025, 3, 7)  # 14 clear days after 20 February
    assert not noticed.ready
    assert status(D(2025, 3, 7), reply_date=D(2025, 1, 10), notice_date=D(2025, 2, 20)).ready


def test_thirty_days_after_the_reply_form():
    # reply on day 29: 30 days after it is later than 30 days after the letter
    result = status(D(2025, 2, 5), reply_date=D(2025, 1, 30), notice_date=D(2025, 1, 31))
    assert result.earliest_issue_date == D(2025, 3, 2)


def test_documents_requested_block_until_supplied():
    blocked = status(
        D(2025, 6, 1), reply_date=D(2025, 1, 10), documents_requested_date=D(2025, 1, 10), notice_date=D(2025, 2, 1)
    )
    assert not blocked.ready and blocked.earliest_issue_date is None
    assert any("supply them" in r for r in blocked.reasons)
    supplied = status(
        D(2025, 6, 1),
        reply_date=D(2025, 1, 10),
        documents_requested_date=D(2025, 1, 10),
        documents_supplied_date=D(2025, 3, 1),
        notice_date=D(2025, 2, 1),
    )
    assert supplied.earliest_issue_date == D(2025, 4, 1)
    assert supplied.ready


def test_advice_sought_extension_is_configurable():
    default = status(D(2025, 6, 1), advice_sought_date=D(2025, 1, 20), notice_date=D(2025, 1, 25))
    assert default.earliest_issue_date == D(2025, 2, 20)
    longer = status(
        D(2025, 6, 1), advice_sought_date=D(2025, 1, 20), notice_date=D(2025, 1, 25), advice_extension_days=60
    )
    assert longer.earliest_issue_date == D(2025, 3, 22)


def test_agreement_reached_blocks_issue():
    result = status(D(2025, 6, 1), reply_date=D(2025, 1, 10), agreement_reached=True)
    assert not result.ready
    assert any("agreement" in r for r in result.reasons)
