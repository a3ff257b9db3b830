"""Pre-action conduct: is a debt claim ready to issue on a given day?

Why these readings (courtpack's, documented so every module applies the same one):

- Periods are counted as clear days, as CPR 2.8 counts them: the day of the letter (reply,
  documents, notice) is excluded and the debtor has the whole of the last day. So after a letter
  dated D the debtor may reply up to and including D + 30, and the claim may be issued from
  **D + 31**. Likewise 30 days after a reply or documents -> issue from event + 31; 14 days'
  notice -> issue from notice + 15. Erring by a day towards the debtor costs nothing; issuing a
  day early is a protocol breach (costs sanctions, a stay).
- PAPDC (individuals, sole traders included): 30 days to reply (para 3.1). Once a completed Reply
  Form is received, not sooner than 30 days after it, or after supplying documents the debtor
  asked for, whichever is later (para 6.3); a documents request not yet met blocks issue. If the
  debtor says advice is being sought, a reasonable extension (default 30 days) runs from the day
  courtpack was told. If a reply came but no agreement was reached, 14 days' notice of intention
  to issue must be given (para 7.1) and issue waits 14 clear days after it.
- Companies and partnerships: Practice Direction – Pre-Action Conduct para 6(b): a reasonable
  period, 14 days in a straightforward debt case, counted the same way (letter + 15).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import format_date

PAPDC = "Pre-Action Protocol for Debt Claims (in force 1 October 2017) paras 3.1, 5.2, 6.3, 7.1"
PD_PAC = "Practice Direction – Pre-Action Conduct and Protocols para 6 (14 days in a straightforward case)"
REPLY_DAYS = 30
AFTER_REPLY_DAYS = 30
NOTICE_DAYS = 14
COMPANY_DAYS = 14
ADVICE_EXTENSION_DAYS = 30


@dataclass(frozen=True)
class ProtocolStatus:
    ready: bool
    earliest_issue_date: dt.date | None  # None: a step must be taken first (see reasons)
    reasons: tuple[str, ...]  # why not ready (empty when ready)
    basis: str
    source: str


def _after(day: dt.date, days: int) -> dt.date:
    """First day *after* a clear period of ``days`` following ``day``."""
    return day + dt.timedelta(days=days + 1)


def protocol_status(
    *,
    debtor_is_individual: bool,
    on: dt.date,
    letter_date: dt.date | None,
    reply_date: dt.date | None = None,
    advice_sought_date: dt.date | None = None,
    documents_requested_date: dt.date | None = None,
    documents_supplied_date: dt.date | None = None,
    notice_date: dt.date | None = None,
    agreement_reached: bool = False,
    advice_extension_days: int = ADVICE_EXTENSION_DAYS,
) -> ProtocolStatus:
    """Whether pre-action conduct allows a claim to be issued on ``on``, and the earliest day it would.

    Dates are those of the latest event of each kind. ``reasons`` say what is still needed.
    """
    if letter_date is None:
        return ProtocolStatus(
            False,
            None,
            (
                "No letter before claim has been sent: send one first (to an individual, "
                "with the Information Sheet, Reply Form and Financial Statement).",
            ),
            "A claim cannot be issued before a letter before claim.",
            PAPDC if debtor_is_individual else PD_PAC,
        )
    if not debtor_is_individual:
        earliest = _after(letter_date, COMPANY_DAYS)
        basis = (
            f"Letter before claim dated {format_date(letter_date)} to a company or firm: {COMPANY_DAYS} days "
            f"to respond, so issue from {format_date(earliest)}."
        )
        waiting = (
            ()
            if on >= earliest
            else (f"The {COMPANY_DAYS}-day response period runs to {format_date(earliest - dt.timedelta(days=1))}.",)
        )
        return ProtocolStatus(on >= earliest, earliest, waiting, basis, PD_PAC)

    steps = [
        (_after(letter_date, REPLY_DAYS), f"{REPLY_DAYS} days to reply to the letter of {format_date(letter_date)}")
    ]
    blockers: list[str] = []
    if reply_date is not None:
        steps.append(
            (
                _after(reply_date, AFTER_REPLY_DAYS),
                f"{AFTER_REPLY_DAYS} days after the Reply Form received on {format_date(reply_date)}",
            )
        )
    if advice_sought_date is not None:
        steps.append(
            (
                _after(advice_sought_date, advice_extension_days),
                f"a reasonable {advice_extension_days} days for debt advice, from {format_date(advice_sought_date)}",
            )
        )
    if documents_requested_date is not None:
        if documents_supplied_date is None or documents_supplied_date < documents_requested_date:
            blockers.append(
                f"The debtor asked for documents on {format_date(documents_requested_date)}: supply them; "
                f"issue then waits {AFTER_REPLY_DAYS} days after they are supplied."
            )
        else:
            steps.append(
                (
                    _after(documents_supplied_date, AFTER_REPLY_DAYS),
                    f"{AFTER_REPLY_DAYS} days after the documents supplied on {format_date(documents_supplied_date)}",
                )
            )
    if agreement_reached:
        blockers.append("An agreement was reached with the debtor: issue only if it is broken.")
    replied = reply_date is not None or advice_sought_date is not None or documents_requested_date is not None
    if replied and not agreement_reached:
        if notice_date is None:
            blockers.append(
                f"The debtor replied and no agreement was reached: give {NOTICE_DAYS} days' written "
                f"notice of intention to issue (if sent on {format_date(on)}, issue from "
                f"{format_date(_after(on, NOTICE_DAYS))})."
            )
        else:
            steps.append(
                (
                    _after(notice_date, NOTICE_DAYS),
                    f"{NOTICE_DAYS} days' notice of intention to issue given on {format_date(notice_date)}",
                )
            )
    earliest, why = max(steps)
    reasons: list[str] = list(blockers)
    if not blockers and on < earliest:
        reasons.append(f"Wait for {why}: issue from {format_date(earliest)}.")
    periods = "; ".join(text for _, text in steps)
    basis = f"Debt claim against an individual: {periods}. "
    basis += (
        f"The claim may be issued from {format_date(earliest)}."
        if not blockers
        else "Outstanding: " + " ".join(blockers)
    )
    return ProtocolStatus(not reasons, None if blockers else earliest, tuple(reasons), basis, PAPDC)
