"""`courtpack liability`: council tax and business rates liability orders in bulk, recorded in the register.

Why a thin layer: the periods and powers live in ``law/liability_orders.py``, the documents in
``documents/liability``, and the register work (a case per account, each step recorded) in
``interview_glue/liability_cases.py``, shared with the interview. This module reads the export
through its mapping, shows progress for a batch of hundreds, and converts to PDF in one
LibreOffice start when asked. The council, its magistrates' court and the agreed costs scale come
from the register's council settings (``courtpack settings set``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import click

from ..documents.convert import convert_to_pdf
from ..documents.liability.accounts import read_accounts, read_liability_mapping
from ..documents.liability.next_steps import STEPS
from ..documents.liability.notices import NOTICE_KINDS
from ..interview_glue.liability_cases import issue_notices, issue_summonses, record_hearing_result, take_next_step
from ..law.council_tax_attachment import PAY_PERIODS
from ..law.dates import format_date
from ..law.liability_orders import DEBT_TYPES
from ..law.money import to_money
from .types import DATE, db_option, who_option

EXPORT = click.argument("export", type=click.Path(dir_okay=False))
MAPPING = click.option("--mapping", required=True, type=click.Path(dir_okay=False), help="Mapping file (YAML).")
COUNCIL = click.option(
    "--council", default=None, help="The council's legal name (when the register holds several councils' settings)."
)
OUT = click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Output folder.")


@click.group()
def liability() -> None:
    """Council tax and business rates: notices, summonses, complaint list, liability orders, next steps."""


@liability.command("notices")
@EXPORT
@MAPPING
@OUT
@click.option("--kind", type=click.Choice(NOTICE_KINDS), required=True)
@click.option("--issued", type=DATE, required=True, help="Date the notices are issued.")
@COUNCIL
@db_option
@who_option
def notices_cmd(
    export: str, mapping: str, out_dir: str, kind: str, issued: dt.date, council: str | None, db: str | None, who: str
) -> None:
    """Reminder or final notices for every account in EXPORT, each recorded on the account's case."""
    spec = read_liability_mapping(mapping)
    accounts = read_accounts(export, spec)
    with click.progressbar(length=len(accounts), label=f"{kind} notices", file=click.get_text_stream("stderr")) as bar:
        paths = issue_notices(
            db,
            accounts,
            kind=kind,
            tax=spec.tax,
            issued=issued,
            out_dir=Path(out_dir),
            council=council,
            who=who,
            progress=bar.update,
        )
    click.echo(f"wrote {len(paths)} {kind} notices to {out_dir}; each recorded on its case in the register")


@liability.command("batch")
@EXPORT
@MAPPING
@OUT
@click.option("--issued", type=DATE, required=True, help="Date the summonses are issued and posted.")
@click.option("--hearing", type=DATE, required=True, help="Date of the magistrates' court hearing.")
@click.option("--hearing-time", default="10:00", show_default=True)
@click.option("--pdf", is_flag=True, help="Also convert every document to PDF (one LibreOffice start).")
@COUNCIL
@db_option
@who_option
def batch_cmd(
    export: str,
    mapping: str,
    out_dir: str,
    issued: dt.date,
    hearing: dt.date,
    hearing_time: str,
    pdf: bool,
    council: str | None,
    db: str | None,
    who: str,
) -> None:
    """Summonses, the complaint list (CSV) and the printable schedule; each summons recorded on its case."""
    spec = read_liability_mapping(mapping)
    accounts = read_accounts(export, spec)
    out = Path(out_dir)
    with click.progressbar(length=len(accounts), label="summonses", file=click.get_text_stream("stderr")) as bar:
        result = issue_summonses(
            db,
            accounts,
            tax=spec.tax,
            issued=issued,
            hearing=hearing,
            hearing_time=hearing_time,
            out_dir=out,
            council=council,
            who=who,
            progress=bar.update,
        )
    click.echo(
        f"wrote {len(result.summonses)} summonses, {result.complaint_list.name} and {result.schedule.name} "
        f"to {out_dir}; each summons recorded on its case in the register"
    )
    click.echo(f"{result.served.basis} {result.hearing_rule.basis}")
    for item in result.excluded:
        click.echo(f"left out {item.account}: {item.reason}")
    if pdf:
        pdfs = convert_to_pdf([*result.summonses, result.schedule], out / "pdf")
        click.echo(f"wrote {len(pdfs)} PDFs to {out / 'pdf'}")


@liability.command("record-orders")
@click.option("--hearing-date", type=DATE, required=True, help="The hearing at which the court made the orders.")
@click.option(
    "--withdrawn",
    multiple=True,
    metavar="ACCOUNT=REASON",
    help="No order on this account (or case CT-…): the reason, e.g. 5100201=paid in full. Repeat for each.",
)
@click.option("--tax", type=click.Choice(DEBT_TYPES), default="council_tax", show_default=True)
@db_option
@who_option
def record_orders_cmd(hearing_date: dt.date, withdrawn: tuple[str, ...], tax: str, db: str | None, who: str) -> None:
    """Record the hearing's result: a liability order on every summons listed for it, except those withdrawn."""
    reasons: dict[str, str] = {}
    for item in withdrawn:
        account, _, reason = item.partition("=")
        if not account.strip() or not reason.strip():
            raise click.UsageError(f"--withdrawn {item!r}: write it as ACCOUNT=REASON, e.g. 5100201=paid in full")
        reasons[account.strip()] = reason.strip()
    result = record_hearing_result(db, hearing=hearing_date, withdrawn=reasons, tax=tax, who=who)
    click.echo(
        f"hearing of {format_date(hearing_date)}: recorded {len(result.made)} liability order(s); "
        f"no order on {len(result.withdrawn)} account(s)"
    )
    for reference in result.withdrawn:
        click.echo(f"no order: {reference}")


@liability.command("next")
@click.argument("reference")
@click.option("--step", type=click.Choice(STEPS), required=True)
@OUT
@click.option("--net-earnings", default=None, help="Attachment of earnings: net earnings per pay period.")
@click.option("--pay-period", type=click.Choice(PAY_PERIODS), default="monthly")
@click.option("--employer", default="", help="Attachment of earnings: the employer, if not the one on the case.")
@click.option("--on", type=DATE, default=None, help="Date of the document (default today).")
@db_option
@who_option
def next_cmd(
    reference: str,
    step: str,
    out_dir: str,
    net_earnings: str | None,
    pay_period: str,
    employer: str,
    on: dt.date | None,
    db: str | None,
    who: str,
) -> None:
    """The document for the next step on case REFERENCE's liability order (e.g. CT-5100203), recorded on it."""
    earnings: Decimal | None = None
    if net_earnings is not None:
        try:
            earnings = to_money(net_earnings)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="--net-earnings") from None
    path = take_next_step(
        db,
        reference.strip(),
        step=step,
        on=on or dt.date.today(),
        out_dir=Path(out_dir),
        net_earnings=earnings,
        pay_period=pay_period,
        employer=employer,
        who=who,
    )
    click.echo(f"wrote {path}; recorded on {reference} in the register")


@liability.command("demand")
@click.argument("references", nargs=-1, required=True)
@click.option("--date", "demand_date", type=DATE, required=True, help="Date of the demand.")
@click.option(
    "--service", "assumed_service", type=DATE, default=None, help="Day you expect to serve it (default: --date)."
)
@click.option("--set-aside-court", default="", help="Individuals: the court for a set-aside application (r.10.4(4)).")
@click.option("--signatory", required=True, help="Who signs: one of the signatories in the council settings.")
@OUT
@db_option
@who_option
def demand_cmd(
    references: tuple[str, ...],
    demand_date: dt.date,
    assumed_service: dt.date | None,
    set_aside_court: str,
    signatory: str,
    out_dir: str,
    db: str | None,
    who: str,
) -> None:
    """A statutory demand for what is still owed under the liability orders of REFERENCES (one debtor)."""
    from ..interview_glue.liability_demand import demand_on_orders

    output = demand_on_orders(
        db,
        [r.strip() for r in references],
        demand_date=demand_date,
        assumed_service=assumed_service or demand_date,
        set_aside_court=set_aside_court,
        signatory=signatory,
        out_dir=Path(out_dir),
        who=who,
    )
    click.echo(f"wrote {output.docx}")
    click.echo(f"wrote {output.record}")
    click.echo(output.threshold.basis)
    click.echo(output.dates.basis)


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
