"""`courtpack register|payments|hearings|compliance|calendar`: the case register from the command line.

Every command takes ``--db URL`` (or a SQLite file path); without it, ``COURTPACK_DATABASE_URL``
or ``./courtpack.db``. The schema is migrated on first use. Mistakes (bad file, unknown case,
bad row, someone else's change in the way) are ``CourtpackError``s: one message, exit 2, nothing
half-applied. Dates are given as YYYY-MM-DD and printed as "10 January 2025"; money as "£1,234.56".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import click

from ..law.dates import format_date
from ..law.money import format_money
from .types import DATE, MONEY, PAST_DATE, REFERENCE, TEXT, db_option, who_option

FORMAT = click.Choice(["table", "csv", "xlsx"])


def output_options(f):
    f = click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write to this file instead of the screen.",
    )(f)
    return click.option("--format", "fmt", type=FORMAT, default="table", show_default=True)(f)


def _emit(tables, fmt: str, out: Path | None) -> None:
    from ..register.export import write_tables

    if out is not None and fmt == "table":
        fmt = {".csv": "csv", ".xlsx": "xlsx"}.get(out.suffix.lower(), "table")
    written = write_tables(tables, fmt, out)
    click.echo(f"wrote {written}" if out is not None else written.rstrip("\n"))


# --- register ----------------------------------------------------------------------------------------


@click.group()
def register() -> None:
    """The case register: cases, orders, hearings, reports."""


@register.command("add")
@click.argument("casefile", type=click.Path(path_type=Path))
@click.option(
    "--expect-version",
    type=int,
    default=None,
    help="Refuse the update if the case is no longer at this version (someone else changed it).",
)
@db_option
@who_option
def add(casefile: Path, expect_version: int | None, db: str | None, who: str) -> None:
    """Add a case from a case file, or update it (same reference; refused if the file is out of date)."""
    from ..register.cases import add_case

    info = add_case(db, casefile, who=who, expected_version=expect_version)
    click.echo(f"{'added' if info.created else 'updated'} {info.reference} (version {info.version})")


@register.command("list")
@output_options
@db_option
def list_(fmt: str, out: Path | None, db: str | None) -> None:
    """Every case with its balance, payments and next hearing."""
    from ..register.caseload import list_cases
    from ..register.export import Table

    rows = list_cases(db)
    _emit(
        [
            Table(
                "Cases",
                ["Case", "Debtor", "Debt", "Officer", "Balance", "Paid", "Next hearing", "Version"],
                [
                    [
                        r.reference,
                        r.debtor,
                        r.debt_type.replace("_", " "),
                        r.officer,
                        r.balance,
                        r.paid,
                        r.next_hearing,
                        r.version,
                    ]
                    for r in rows
                ],
            )
        ],
        fmt,
        out,
    )


@register.command("show")
@click.argument("reference", type=REFERENCE)
@click.option("--on", type=DATE, default=None, help="Compliance as at this date (default: today).")
@db_option
def show(reference: str, on: dt.date | None, db: str | None) -> None:
    """One case: parties, orders and compliance, directions, hearings, documents, recent changes."""
    from ..register.show import describe_case

    click.echo(describe_case(db, reference, on or dt.date.today()))


@register.command("load")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--as-at", type=DATE, default=None, help="The date relative dates count from (default: today).")
@db_option
@who_option
def load(file: Path, as_at: dt.date | None, db: str | None, who: str) -> None:
    """Record the orders and hearings in a YAML file (see examples/orders/); all or nothing."""
    from ..register.orders import load_orders_file

    loaded = load_orders_file(db, file, as_at or dt.date.today(), who=who)
    click.echo(f"{loaded.reference}: {len(loaded.orders)} order(s) and {len(loaded.hearings)} hearing(s) recorded")


@register.command("order")
@click.argument("reference", type=REFERENCE, required=False)
@click.option("--file", "file", type=click.Path(path_type=Path), default=None, help="A YAML file of orders/hearings.")
@click.option(
    "--kind",
    type=click.Choice(["judgment", "instalment_order", "variation", "directions", "charging_order", "other"]),
    default="judgment",
    show_default=True,
)
@click.option("--key", type=REFERENCE, default=None, help="A name for the order within the case, to update it later.")
@click.option("--made-on", type=PAST_DATE, default=None)
@click.option("--amount", type=MONEY, default=None, help="Sum ordered (judgment debt).")
@click.option("--costs", type=MONEY, default="0")
@click.option("--instalment", type=MONEY, default=None, help="Instalment amount.")
@click.option("--frequency", type=click.Choice(["weekly", "fortnightly", "four_weekly", "monthly"]), default=None)
@click.option("--first-payment", type=DATE, default=None)
@click.option("--court", type=TEXT, default="")
@click.option("--claim-number", type=REFERENCE, default=None)
@click.option("--supersedes", type=REFERENCE, default=None, help="Key of the order this one replaces (a variation).")
@click.option("--as-at", type=DATE, default=None, help="With --file: the date relative dates count from.")
@db_option
@who_option
def order(
    reference: str | None,
    file: Path | None,
    kind: str,
    key: str | None,
    made_on: dt.date | None,
    amount: Decimal | None,
    costs: Decimal,
    instalment: Decimal | None,
    frequency: str | None,
    first_payment: dt.date | None,
    court: str,
    claim_number: str | None,
    supersedes: str | None,
    as_at: dt.date | None,
    db: str | None,
    who: str,
) -> None:
    """Record a judgment or order: from --file, or from options for case REFERENCE."""
    from ..register.errors import RegisterError
    from ..register.orders import InstalmentTerms, OrderSpec, load_orders_file, record_order

    if file is not None:
        loaded = load_orders_file(db, file, as_at or dt.date.today(), who=who)
        click.echo(f"{loaded.reference}: {len(loaded.orders)} order(s) and {len(loaded.hearings)} hearing(s) recorded")
        return
    if not reference or made_on is None:
        raise RegisterError("give the case reference and --made-on DATE (or --file FILE)")
    terms = None
    if instalment is not None or frequency is not None or first_payment is not None:
        if instalment is None or frequency is None or first_payment is None:
            raise RegisterError("instalment terms need all of --instalment, --frequency and --first-payment")
        terms = InstalmentTerms(instalment, frequency, first_payment)
    order_id = record_order(
        db,
        reference,
        OrderSpec(
            kind=kind,
            made_on=made_on,
            amount=amount,
            costs=costs,
            instalments=terms,
            court=court,
            claim_number=claim_number or "",
            key=key,
            supersedes=supersedes,
        ),
        who=who,
    )
    click.echo(f"{reference}: order {order_id} recorded")


@register.command("hearing")
@click.argument("reference", type=REFERENCE, required=False)
@click.option("--file", "file", type=click.Path(path_type=Path), default=None, help="A YAML file of orders/hearings.")
@click.option("--date", "day", type=DATE, default=None)
@click.option("--time", "time_", default="10:00", show_default=True, help="24-hour HH:MM.")
@click.option("--court", type=TEXT, default=None)
@click.option("--kind", type=TEXT, default=None, help='What the hearing is, e.g. "application to vary (N245)".')
@click.option("--duration", type=click.IntRange(1, 7200), default=30, show_default=True, help="Minutes.")
@click.option("--key", type=REFERENCE, default=None, help="A name for the hearing within the case, to update it later.")
@click.option("--as-at", type=DATE, default=None, help="With --file: the date relative dates count from.")
@db_option
@who_option
def hearing(
    reference: str | None,
    file: Path | None,
    day: dt.date | None,
    time_: str,
    court: str | None,
    kind: str | None,
    duration: int,
    key: str | None,
    as_at: dt.date | None,
    db: str | None,
    who: str,
) -> None:
    """Record a hearing: from --file, or from options for case REFERENCE."""
    from ..register.errors import RegisterError
    from ..register.hearings import record_hearing
    from ..register.orders import load_orders_file

    if file is not None:
        loaded = load_orders_file(db, file, as_at or dt.date.today(), who=who)
        click.echo(f"{loaded.reference}: {len(loaded.orders)} order(s) and {len(loaded.hearings)} hearing(s) recorded")
        return
    if not reference or day is None or not court or not kind:
        raise RegisterError("give the case reference, --date, --court and --kind (or --file FILE)")
    try:
        at = dt.datetime.combine(day, dt.time.fromisoformat(time_))
    except ValueError:
        raise RegisterError(f"--time {time_!r} is not a time; use 24-hour HH:MM, e.g. 10:30") from None
    hearing_id = record_hearing(db, reference, at, court, kind, key=key, duration_minutes=duration, who=who)
    click.echo(f"{reference}: hearing {hearing_id} on {format_date(day)} at {at:%H:%M} recorded")


@register.command("outcome")
@click.argument("hearing_id", type=int)
@click.option("--status", type=click.Choice(["listed", "heard", "adjourned", "vacated"]), required=True)
@click.option("--outcome", type=TEXT, default=None, help="What was decided.")
@click.option("--expect-version", type=int, default=None)
@db_option
@who_option
def outcome(
    hearing_id: int, status: str, outcome: str | None, expect_version: int | None, db: str | None, who: str
) -> None:
    """Record what happened at a hearing."""
    from ..register.hearings import update_hearing

    update_hearing(db, hearing_id, status=status, outcome=outcome, who=who, expected_version=expect_version)
    click.echo(f"hearing {hearing_id}: {status}")


@register.command("direction-met")
@click.argument("direction_id", type=int)
@click.option("--on", type=PAST_DATE, required=True, help="The date the direction was complied with.")
@db_option
@who_option
def direction_met(direction_id: int, on: dt.date, db: str | None, who: str) -> None:
    """Record that a direction was complied with."""
    from ..register.orders import mark_direction_met

    mark_direction_met(db, direction_id, on, who=who)
    click.echo(f"direction {direction_id}: met on {format_date(on)}")


@register.command("report")
@click.argument("hearing_id", type=int)
@click.option("--on", type=DATE, default=None, help="Check as at this date (default: today).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@db_option
@who_option
def report(hearing_id: int, on: dt.date | None, out_dir: Path, db: str | None, who: str) -> None:
    """The pre-hearing check report (DOCX and PDF) for one hearing."""
    from ..register.report import pre_hearing_report

    for path in pre_hearing_report(db, hearing_id, on or dt.date.today(), out_dir, who=who):
        click.echo(f"wrote {path}")


@register.command("demo")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--as-at", type=DATE, default=None, help="The demo's date (default: today).")
@click.option(
    "--examples", type=click.Path(file_okay=False, path_type=Path), default=Path("examples"), show_default=True
)
@db_option
def demo(out_dir: Path, as_at: dt.date | None, examples: Path, db: str | None) -> None:
    """Load the example cases, orders, hearings and payments; write hearings, compliance and calendar files.

    Without --db the demo uses a fresh SQLite file in the output folder.
    """
    from ..register.demo import load_demo

    out_dir.mkdir(parents=True, exist_ok=True)
    if db is None:
        target = out_dir / "courtpack.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        db = str(target)
    result = load_demo(db, examples, out_dir, as_at or dt.date.today())
    click.echo(
        f"register demo as at {format_date(result.as_at)}: {len(result.cases)} cases, "
        f"{result.payments_added} payments imported, {result.hearings} hearings coming up"
    )
    for path in result.files:
        click.echo(f"wrote {path}")


@register.command("history")
@click.argument("reference", type=REFERENCE, required=False)
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@db_option
def history(reference: str | None, limit: int, db: str | None) -> None:
    """The audit log: who changed what, when (newest first)."""
    from ..register.show import describe_history

    click.echo(describe_history(db, reference, limit))


# --- payments ----------------------------------------------------------------------------------------


@click.group()
def payments() -> None:
    """Payments and accounts from council income systems."""


@payments.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--mapping", type=click.Path(path_type=Path), required=True, help="The column-mapping YAML file.")
@click.option("--good-rows-only", is_flag=True, help="Import the good rows even if some rows are bad.")
@db_option
@who_option
def import_(file: Path, mapping: Path, good_rows_only: bool, db: str | None, who: str) -> None:
    """Import a CSV or XLSX export; a file with bad rows changes nothing unless --good-rows-only."""
    from ..register.importer import import_file

    click.echo(import_file(db, file, mapping, good_rows_only=good_rows_only, who=who).summary())


@payments.command("add")
@click.argument("reference", type=REFERENCE)
@click.option("--date", "day", type=PAST_DATE, required=True)
@click.option("--amount", type=MONEY, required=True)
@click.option("--method", type=TEXT, default="")
@click.option("--ref", "external_ref", type=TEXT, default="", help="Receipt number (makes re-entry harmless).")
@db_option
@who_option
def add_payment(
    reference: str, day: dt.date, amount: Decimal, method: str, external_ref: str, db: str | None, who: str
) -> None:
    """Record one payment by hand."""
    from ..register.cases import add_payment as add

    add(db, reference, day, amount, method, external_ref, who=who)
    click.echo(f"{reference}: payment of {format_money(amount)} on {format_date(day)} recorded")


# --- hearings, compliance, calendar ----------------------------------------------------------------------


@click.command()
@click.option("--from", "from_date", type=DATE, default=None, help="First day (default: today).")
@click.option("--to", "to_date", type=DATE, default=None, help="Last day (default: 8 weeks after --from).")
@click.option("--on", type=DATE, default=None, help="Compliance as at this date (default: today).")
@click.option("--all", "include_all", is_flag=True, help="Include heard, adjourned and vacated hearings.")
@output_options
@db_option
def hearings(
    from_date: dt.date | None,
    to_date: dt.date | None,
    on: dt.date | None,
    include_all: bool,
    fmt: str,
    out: Path | None,
    db: str | None,
) -> None:
    """Hearings in a period, each with compliance and the tasks outstanding."""
    from ..register.export import hearings_table
    from ..register.hearings import upcoming_hearings

    start = from_date or dt.date.today()
    rows = upcoming_hearings(db, start, to_date or start + dt.timedelta(weeks=8), on=on, include_all=include_all)
    _emit([hearings_table(rows)], fmt, out)


@click.command()
@click.argument("reference", type=REFERENCE, required=False)
@click.option("--on", type=DATE, default=None, help="As at this date (default: today).")
@output_options
@db_option
def compliance(reference: str | None, on: dt.date | None, fmt: str, out: Path | None, db: str | None) -> None:
    """Compliance with instalment orders and directions, for one case or all."""
    from ..register.compliance import compliance as run
    from ..register.export import compliance_tables

    _emit(compliance_tables(run(db, on or dt.date.today(), reference)), fmt, out)


@click.group()
def calendar() -> None:
    """Hearings and deadlines for calendars."""


@calendar.command("export")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .ics file to write.")
@click.option("--from", "from_date", type=DATE, default=None)
@click.option("--to", "to_date", type=DATE, default=None)
@db_option
def export(out: Path, from_date: dt.date | None, to_date: dt.date | None, db: str | None) -> None:
    """Write hearings and deadlines as an iCalendar (.ics) file with stable event UIDs."""
    from ..register.ics import export_calendar

    click.echo(f"wrote {export_calendar(db, out, from_date, to_date)}")


def _add_case_commands() -> None:
    """Issue 11's commands (cli/register_cases.py): export a case file, import cases from an export."""
    from .register_cases import export, import_cases

    register.add_command(export)
    register.add_command(import_cases)


_add_case_commands()
