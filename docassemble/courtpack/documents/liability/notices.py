"""Reminder and final notices for a batch of council tax or business rates accounts.

Why before the summons: a liability order can only be applied for once the sum stated in a
notice is unpaid 7 days after the notice was issued (CT reg 34(1)); the reminder also starts the
7 + 7 days after which the whole year's balance falls due (CT reg 23(3)). Each notice states
the dates worked out from its own issue date, so the debtor reads the real last day to pay.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ...errors import DocumentError
from ...law import liability_orders as lo
from ...law.dates import format_date
from ..render import Template, safe_file_name
from .accounts import Account
from .batch import Progress, Settings

NOTICE_KINDS = ("reminder", "final")


def _wording(kind: str, tax: str, issued: dt.date) -> tuple[str, str, str]:
    label = lo.DEBT_LABELS[tax]
    if kind == "reminder":
        pay_by, whole_due = lo.reminder_dates(tax, issued)
        return (
            "Reminder notice",
            f"Please pay the instalments now due by {format_date(pay_by.date)}.",
            f"If you do not, you will lose the right to pay by instalments and the whole of this year's {label} "
            f"will be due on {format_date(whole_due.date)}.",
        )
    complaint = lo.earliest_complaint(tax, issued)
    return (
        "Final notice",
        "Please pay the whole amount now.",
        f"If it is not paid, from {format_date(complaint.date)} the council may apply to the magistrates' court "
        "for a liability order without further warning; a summons adds costs to what you owe.",
    )


def write_notices(
    accounts: Iterable[Account],
    *,
    kind: str,
    tax: str,
    settings: Settings,
    issued: dt.date,
    out_dir: Path,
    progress: Progress | None = None,
    on_rendered: Callable[[list[Account]], None] | None = None,
) -> list[Path]:
    """One notice per account, moved into ``out_dir`` only when all have rendered.

    ``on_rendered`` (the register recording the notices) runs before any file is moved; if it
    raises, nothing is left in ``out_dir``.
    """
    accounts = list(accounts)
    if kind not in NOTICE_KINDS:
        raise DocumentError(f"notice kind {kind!r} is not known; use one of: {', '.join(NOTICE_KINDS)}")
    title, what_to_do, consequence = _wording(kind, tax, issued)
    template = Template("liability_notice.docx")
    shared = {
        "council": settings.council,
        "tax_label": lo.DEBT_LABELS[tax],
        "issued": issued,
        "title": title,
        "what_to_do": what_to_do,
        "consequence": consequence,
        "source": lo.NOTICE_SOURCE[kind][tax],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out_dir))
    names: list[str] = []
    try:
        for account in accounts:
            name = safe_file_name(f"{account.account} {kind} notice") + ".docx"
            template.render({**shared, "account": account}, staging / name)
            names.append(name)
            if progress:
                progress(1)
        if on_rendered:
            on_rendered(accounts)
        for name in names:
            os.replace(staging / name, out_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / n for n in names]
