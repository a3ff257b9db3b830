"""`courtpack calc`: the law engine's figures from the command line, as JSON or a readable list.

Why a thin layer: every rule lives in ``law/``; this module only parses arguments, calls a rule
and prints its figure with its basis. JSON output is a stable contract (money as two-decimal
strings, dates ISO) for scripts and batch jobs. Bad input is a ``LawError`` or a click usage
error: one sentence, exit 2, no traceback. The commands are in three modules by subject
(sums, periods, remedies); this one holds the group and what they share.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from decimal import Decimal
from typing import Any

import click

from ...errors import LawError
from ...law.basis import amount
from ...law.dates import parse_iso_date
from ...law.late_payment import Invoice
from ...law.money import money_str


class PaymentType(click.ParamType):
    """``DATE:AMOUNT``, e.g. ``2025-03-01:250.00``."""

    name = "DATE:AMOUNT"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[dt.date, Any]:
        if isinstance(value, tuple):
            return value
        day, _, money = str(value).partition(":")
        try:
            return parse_iso_date(day), amount(money, "payment", allow_zero=False)
        except (ValueError, LawError) as err:
            self.fail(f"{value!r}: {err} — give DATE:AMOUNT, e.g. 2025-03-01:250.00", param, ctx)


class InvoiceType(click.ParamType):
    """``AMOUNT:DATE[:DUE]``: the invoice, the day of performance or notice, and any agreed due date."""

    name = "AMOUNT:DATE[:DUE]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Invoice:
        if isinstance(value, Invoice):
            return value
        parts = str(value).split(":")
        try:
            if len(parts) not in (2, 3):
                raise ValueError("expected two or three parts")
            due = parse_iso_date(parts[2]) if len(parts) == 3 else None
            return Invoice(amount(parts[0], "invoice", allow_zero=False), parse_iso_date(parts[1]), due)
        except (ValueError, LawError) as err:
            self.fail(f"{value!r}: {err} — give AMOUNT:DATE or AMOUNT:DATE:DUE, e.g. 1200.00:2025-01-10", param, ctx)


PAYMENT = PaymentType()
INVOICE = InvoiceType()
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON (money as strings, dates ISO).")


def plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return money_str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def emit(data: dict[str, Any], as_json: bool) -> None:
    data = plain(data)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    width = max(len(key) for key in data)
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            click.echo(f"{key}:")
            for item in value:
                click.echo("  - " + "; ".join(f"{k}: {_text(v)}" for k, v in item.items()))
        elif isinstance(value, dict):
            click.echo(f"{key}:")
            for k, v in value.items():
                click.echo(f"  {k}: {_text(v)}")
        else:
            click.echo(f"{key.replace('_', ' '):<{width}}  {_text(value)}")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "-"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value) if value else "-"
    return str(value)


def today() -> dt.date:
    return dt.date.today()


# each command and the module that defines it (the module registers it on ``calc`` when imported)
COMMAND_MODULES = {
    **dict.fromkeys(("interest", "fee", "fixed-costs", "track", "claim"), "sums"),
    **dict.fromkeys(
        ("deadline", "deemed-service", "limitation", "protocol", "default-judgment", "charging-order"), "periods"
    ),
    **dict.fromkeys(("enforcement", "judgment-interest", "late-payment", "part-warrant", "venue"), "remedies"),
    **dict.fromkeys(("possession-notice", "rent-daily-rate", "possession-hearing"), "possession"),
}


class LazyCalc(click.Group):
    """Imports only the module of the command being run.

    Why: ``courtpack calc fee`` must answer within 0.3 s of starting; the bank holiday tables and the
    case model that other commands need take a good part of that to import.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if module is not None:
            importlib.import_module(f"{__name__}.{module}")
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyCalc)
def calc() -> None:
    """Court figures with their legal basis: interest, fees, fixed costs, tracks, time, limitation, enforcement."""
