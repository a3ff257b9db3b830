"""``courtpack batch``: work a whole caseload in one run (letters before claim for every case named or at a stage).

Why a command of its own: a month's letters for a thousand former tenant accounts is one job, not a
thousand interview runs. It takes the same path as the server's background batch
(``interview_glue.batch``): the letter interview's logic for each case, LibreOffice started once.
A case that cannot have a letter is listed with the reason and the others' letters are kept;
the exit code is 0 when every case had its letter, 2 when any was refused.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..errors import CaseFileError, CourtpackError
from ..headless.context import ROLES, StepContext, actor_from_environment, headless_step
from ..register.worklist import STAGES
from .bundle import ProgressBar
from .types import DATE, db_option


@click.group()
def batch() -> None:
    """Produce documents for many cases at once."""


def read_references(path: Path) -> list[str]:
    """One case reference a line (or a CSV's first column); blank lines, ``#`` comments and a header skipped."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise CaseFileError(str(path), "", f"cannot be read ({err})", "check the path to the list of cases") from None
    refs = []
    for line in lines:
        ref = line.split(",", 1)[0].strip().strip('"')
        if ref and not ref.startswith("#") and ref.lower() != "reference":
            refs.append(ref)
    if not refs:
        raise CaseFileError(str(path), "", "names no case", "write one case reference a line, e.g. FTA-2025-0142")
    return refs


def cases_at_stage(url: str, stage: str, officer: str | None, on: dt.date) -> list[str]:
    """The references of the cases at ``stage`` on ``on`` (an officer's, or everyone's), from the work list."""
    from ..register.worklist import officer_worklist

    return sorted(item.reference for item in officer_worklist(url, officer or "", on) if item.stage == stage)


@batch.command("letters")
@click.option("--cases", "cases_file", type=click.Path(path_type=Path), help="A file of case references, one a line.")
@click.option("--stage", type=click.Choice(STAGES), help="Every case at this stage (e.g. new: no letter yet).")
@click.option("--officer", help="With --stage: only this officer's cases (email or name).")
@click.option("--date", "letter_date", type=DATE, default=None, help="The letters' date (default today).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Folder for the letters.")
@db_option
@click.option("--as", "user", help="Who is acting, recorded in the register (default: COURTPACK_USER).")
@click.option("--role", type=click.Choice(sorted(ROLES)), help="The role they act in (default: COURTPACK_ROLE).")
@click.option("--zip", "make_zip", is_flag=True, help="Also one ZIP of every letter and pack.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def letters(
    cases_file: Path | None,
    stage: str | None,
    officer: str | None,
    letter_date: dt.date | None,
    out_dir: Path,
    db: str | None,
    user: str | None,
    role: str | None,
    make_zip: bool,
    quiet: bool,
) -> int:
    """A letter before claim (DOCX) and its pack (PDF) for each case, in OUT/<reference>/, each recorded.

    Give the cases with --cases FILE or --stage STAGE. Every case refused is listed with the reason;
    the others' letters are written all the same.
    """
    from ..interview_glue.batch import batch_letters
    from ..register.db import resolve_url

    if (cases_file is None) == (stage is None):
        raise click.UsageError("give the cases either with --cases FILE or with --stage STAGE (one of them)")
    actor = actor_from_environment(user, role)  # named before anything is read: a missing name is exit 2
    day = letter_date or dt.date.today()
    url = resolve_url(db)
    refs = read_references(cases_file) if cases_file else cases_at_stage(url, str(stage), officer, day)
    if not refs:
        click.echo(f"no case is at the stage {stage!r}; nothing to do")
        return 0
    from ..interview_glue.acting import require

    bar = ProgressBar(enabled=not quiet and sys.stderr.isatty())
    step = StepContext(actor=actor, output_dir=out_dir, register_url=url)
    try:
        with headless_step(step):
            require("batch")
            result = batch_letters(refs, day, out_dir, progress=bar, archive=make_zip)
    finally:
        bar.close()
    click.echo(f"{len(result.produced)} of {len(refs)} letters produced in {out_dir}")
    if result.archive:
        click.echo(f"  {result.archive}")
    for refusal in result.refused:
        click.echo(f"refused {refusal}", err=True)
    if result.refused:
        raise _Refused(len(result.refused), len(refs))
    return 0


class _Refused(CourtpackError):
    """Some cases had no letter (each listed above with its reason): exit 2, the others' letters kept."""

    def __init__(self, refused: int, total: int) -> None:
        super().__init__(f"{refused} of {total} cases refused (listed above); the others' letters were written")
