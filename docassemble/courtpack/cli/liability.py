"""`courtpack liability`: council tax and business rates liability orders in bulk.

Why a thin layer: the periods and powers live in ``law/liability_orders.py``, the documents in
``documents/liability``. This module reads the export through its mapping, shows progress for a
batch of hundreds, and converts to PDF in one LibreOffice start when asked.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import click

from ..documents.convert import convert_to_pdf
from ..documents.liability.accounts import read_accounts, read_liability_mapping
from ..documents.liability.batch import load_settings, summons_batch
from ..documents.liability.next_steps import STEPS, NextStepFacts, next_step, record_orders
from ..documents.liability.notices import NOTICE_KINDS, write_notices
from ..law.council_tax_attachment import PAY_PERIODS
from ..law.money import to_money
from .types import DATE

EXPORT = click.argument("export", type=click.Path(dir_okay=False))
MAPPING = click.option("--mapping", required=True, type=click.Path(dir_okay=False), help="Mapping file (YAML).")
SETTINGS = click.option(
    "--settings", required=True, type=click.Path(dir_okay=False), help="Council, court and agreed costs scale (YAML)."
)
OUT = click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Output folder.")


@click.group()
def liability() -> None:
    """Council tax and business rates: notices, summonses, complaint list, liability orders, next steps."""


@liability.command("notices")
@EXPORT
@MAPPING
@SETTINGS
@OUT
@click.option("--kind", type=click.Choice(NOTICE_KINDS), required=True)
@click.option("--issued", type=DATE, required=True, help="Date the notices are issued.")
def notices_cmd(export: str, mapping: str, settings: str, out_dir: str, kind: str, issued: dt.date) -> None:
    """Reminder or final notices for every account in EXPORT."""
    spec = read_liability_mapping(mapping)
    accounts = read_accounts(export, spec)
    with click.progressbar(length=len(accounts), label=f"{kind} notices", file=click.get_text_stream("stderr")) as bar:
        paths = write_notices(
            accounts,
            kind=kind,
            tax=spec.tax,
            settings=load_settings(settings),
            issued=issued,
            out_dir=Path(out_dir),
            progress=bar.update,
        )
    click.echo(f"wrote {len(paths)} {kind} notices to {out_dir}")


@liability.command("batch")
@EXPORT
@MAPPING
@SETTINGS
@OUT
@click.option("--issued", type=DATE, required=True, help="Date the summonses are issued and posted.")
@click.option("--hearing", type=DATE, required=True, help="Date of the magistrates' court hearing.")
@click.option("--hearing-time", default="10:00", show_default=True)
@click.option("--pdf", is_flag=True, help="Also convert every document to PDF (one LibreOffice start).")
def batch_cmd(
    export: str,
    mapping: str,
    settings: str,
    out_dir: str,
    issued: dt.date,
    hearing: dt.date,
    hearing_time: str,
    pdf: bool,
) -> None:
    """Summonses, the complaint list (CSV) and the printable schedule for every eligible account."""
    spec = read_liability_mapping(mapping)
    accounts = read_accounts(export, spec)
    out = Path(out_dir)
    with click.progressbar(length=len(accounts), label="summonses", file=click.get_text_stream("stderr")) as bar:
        result = summons_batch(
            accounts,
            tax=spec.tax,
            settings=load_settings(settings),
            issued=issued,
            hearing=hearing,
            hearing_time=hearing_time,
            out_dir=out,
            progress=bar.update,
        )
    click.echo(
        f"wrote {len(result.summonses)} summonses, {result.complaint_list.name}, {result.schedule.name} "
        f"and {result.record.name} to {out_dir}"
    )
    click.echo(f"{result.served.basis} {result.hearing_rule.basis}")
    for item in result.excluded:
        click.echo(f"left out {item.account}: {item.reason}")
    if pdf:
        pdfs = convert_to_pdf([*result.summonses, result.schedule], out / "pdf")
        click.echo(f"wrote {len(pdfs)} PDFs to {out / 'pdf'}")


@liability.command("orders")
@click.argument("batch_dir", type=click.Path(file_okay=False, exists=True))
@click.option("--made", type=DATE, required=True, help="Date the court made the orders (the hearing).")
@click.option(
    "--not-made",
    multiple=True,
    metavar="ACCOUNT=REASON",
    help="An account the court made no order on (paid, withdrawn, adjourned), with the reason.",
)
def orders_cmd(batch_dir: str, made: dt.date, not_made: tuple[str, ...]) -> None:
    """Record the liability orders made at the hearing against each account of a batch."""
    refused: dict[str, str] = {}
    for item in not_made:
        account, _, reason = item.partition("=")
        if not account.strip() or not reason.strip():
            raise click.UsageError(f"--not-made {item!r}: write it as ACCOUNT=REASON, e.g. 5001234=paid in full")
        refused[account.strip()] = reason.strip()
    made_count, not_count = record_orders(Path(batch_dir), made=made, not_made=refused)
    click.echo(f"recorded {made_count} liability order(s); no order on {not_count} account(s)")


@liability.command("next")
@click.argument("batch_dir", type=click.Path(file_okay=False, exists=True))
@SETTINGS
@click.option("--account", required=True)
@click.option("--step", type=click.Choice(STEPS), required=True)
@click.option("--employer", default="", help="Attachment of earnings: the employer's name and address.")
@click.option("--net-earnings", default=None, help="Attachment of earnings: net earnings per pay period.")
@click.option("--pay-period", type=click.Choice(PAY_PERIODS), default="monthly")
@click.option("--owner", is_flag=True, help="Charging order: the debtor owns an interest in the dwelling.")
@click.option("--on", type=DATE, default=None, help="Date of the document (default today).")
def next_cmd(
    batch_dir: str,
    settings: str,
    account: str,
    step: str,
    employer: str,
    net_earnings: str | None,
    pay_period: str,
    owner: bool,
    on: dt.date | None,
) -> None:
    """The document for the next step on one account's liability order."""
    earnings: Decimal | None = None
    if net_earnings is not None:
        try:
            earnings = to_money(net_earnings)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--net-earnings") from None
    facts = NextStepFacts(
        employer=employer, net_earnings=earnings, pay_period=pay_period, owner=owner, on=on or dt.date.today()
    )
    path = next_step(Path(batch_dir), load_settings(settings), account=account, step=step, facts=facts)
    click.echo(f"wrote {path}")


@liability.command("sources")
@click.option("--unverified", is_flag=True, help="Only the rows not yet read in the instrument itself.")
def sources_cmd(unverified: bool) -> None:
    """Every liability order, insolvency and enforcement agent fee row: its source and whether it is verified."""
    from ..law import council_tax_attachment, insolvency, taking_control_of_goods
    from ..law import liability_orders as lo

    tables = {
        "liability order periods": lo.PERIODS + lo.APPLICATION_YEARS + lo.POSTAL_SERVICE,
        "liability order thresholds": lo.THRESHOLDS,
        "powers after a liability order": lo.POWERS,
        "council tax attachment of earnings": council_tax_attachment.DEDUCTION_BANDS,
        "enforcement agent fees": taking_control_of_goods.FEE_STAGES,
        "notice of enforcement": taking_control_of_goods.NOTICE_PERIODS,
        "petition thresholds": insolvency.LEVELS,
        "statutory demand periods": insolvency.PERIODS,
    }
    for title, rows in tables.items():
        seen: set[tuple[str, str, bool]] = set()
        for row in rows:
            key = (row.effective_from.isoformat(), row.source, row.verified)
            if key in seen or (unverified and row.verified):
                continue
            seen.add(key)
            state = "verified" if row.verified else "to check"
            click.echo(f"{title}: from {key[0]}: {row.source} [{state}]")
