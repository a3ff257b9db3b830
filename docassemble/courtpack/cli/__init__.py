"""The `courtpack` command line.

Why lazy subcommands: `courtpack calc` must answer in milliseconds, so a
subcommand's module (and docassemble, LibreOffice glue, SQLAlchemy...) is only
imported when that subcommand runs. Every user mistake is a ``CourtpackError``:
printed as one sentence, exit 2 — never a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback

import click

from ..errors import CourtpackError
from ..files import output_error

# name -> "module:attribute", relative to this package
SUBCOMMANDS = {
    "batch": "batch:batch",
    "bundle": "bundle:bundle",
    "calc": "calc:calc",
    "calendar": "register:calendar",
    "case": "case:case",
    "compliance": "register:compliance",
    "demo": "demo:demo",
    "forms": "forms:forms",
    "hearings": "register:hearings",
    "insolvency": "insolvency:insolvency",
    "interview": "interview:interview",
    "law": "law:law",
    "liability": "liability:liability",
    "payments": "register:payments",
    "possession": "possession:possession",
    "register": "register:register",
    "report": "report:report",
    "settings": "settings:settings",
    "targets": "report:targets",
    "trace": "writeoff:trace",
    "writeoff": "writeoff:writeoff",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        module = importlib.import_module(f"{__name__}.{module_name}")
        return getattr(module, attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """courtpack: court documents for council debt recovery."""


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI, turning user errors into a message and exit code."""
    try:
        result = cli.main(args=argv, prog_name="courtpack", standalone_mode=False)
    except CourtpackError as err:
        click.echo(f"courtpack: {err}", err=True)
        return err.exit_code
    except click.exceptions.Abort:
        click.echo("courtpack: stopped", err=True)
        return 1
    except click.ClickException as err:
        err.show()
        return 2
    except OSError as err:
        # A file or folder the user named cannot be read or written (missing, read-only, full disk).
        if err.filename is None:
            return _internal()
        click.echo(f"courtpack: {output_error(err.filename, err)}", err=True)
        return 2
    except Exception:  # noqa: BLE001 - the one place internal faults become exit 1
        return _internal()
    return result if isinstance(result, int) else 0


def _internal() -> int:
    if os.environ.get("COURTPACK_DEBUG"):
        traceback.print_exc()
    else:
        click.echo("courtpack: internal error (set COURTPACK_DEBUG=1 to see the details)", err=True)
        click.echo(f"  {sys.exc_info()[1]!r}", err=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
