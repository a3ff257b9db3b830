"""``courtpack demo``: a complete sample run on the example cases, written to ``out/``.

The demo register (``out/register/courtpack.db``) is loaded first: the example councils'
settings, the cases, each case's recorded story (``examples/story/``: the letter, the claim as
issued with the court's claim number), its judgment, orders and hearings, and imported payments.
Then each case is carried through the same steps an officer would take, every interview run by
docassemble's real engine on the case as the register holds it at that step, every document
recorded with the facts it states — and ``courtpack case check`` runs on every case at the end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import click
import yaml

from ..errors import CourtpackError
from ..resources import CHECKOUT_DIR

MARKER = ".courtpack-demo"
WITNESS_CASE = "FTA-2025-0142"


@click.command()
@click.option(
    "--examples",
    type=click.Path(path_type=Path, file_okay=False),
    default=CHECKOUT_DIR / "examples",
    show_default=True,
    help="Folder of example case files.",
)
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("out"), show_default=True
)
@click.option(
    "--as-at", "as_at", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Date the demo acts on (default today)."
)
def demo(examples: Path, out_dir: Path, as_at: dt.datetime | None) -> None:
    """Carry every example case through its steps and produce its documents; check they agree."""
    day = as_at.date() if as_at else dt.date.today()
    references = sorted(p.stem for p in (examples / "story").glob("*.yaml"))
    if not references:
        raise click.BadParameter(f"no case stories (story/*.yaml) in {examples}", param_hint="--examples")
    _fresh(out_dir)
    register_db = (out_dir / "register" / "courtpack.db").resolve()
    register_db.parent.mkdir(parents=True)
    settings = {
        "COURTPACK_DATABASE_URL": f"sqlite:///{register_db}",
        "COURTPACK_USER": "courtpack demo",
        "COURTPACK_ROLE": "admin",
    }
    # the recorded documents' copies (for the bundle) live only as long as the demo
    with (
        tempfile.TemporaryDirectory(prefix="courtpack-demo-store-") as store,
        _environment({**settings, "COURTPACK_DOCUMENT_STORE": store}),
    ):
        written, problems = _run(examples, references, out_dir, day, register_db)
    click.echo(f"\nWrote {len(written)} files under {out_dir}/:")
    for path in written:
        click.echo(f"  {path}")
    click.echo("")
    for reference in problems:
        found = problems[reference]
        click.echo(
            f"courtpack case check {reference}: "
            + ("every recorded document agrees with the register" if not found else f"{len(found)} contradiction(s)")
        )
        for p in found:
            click.echo(f"  {p.document}: {p.field} says {p.says!r}; the register holds {p.register!r}")


def _run(
    examples: Path, references: list[str], out_dir: Path, day: dt.date, register_db: Path
) -> tuple[list[Path], dict[str, list]]:
    from ..register import open_register
    from ..register.case_check import check_case
    from ..register.demo import load_demo, write_outputs
    from .demo_case import carry_case_through
    from .demo_possession import REFERENCE, carry_possession_through, load_possession_example

    register = open_register(str(register_db))
    try:
        _step("register: council settings, cases and each case's recorded story, orders, hearings, payments")
        load_demo(register, examples, None, as_at=day)
        written: list[Path] = []
        for reference in references:
            _step(f"{reference}: letter before claim, claim, judgment and enforcement")
            written += carry_case_through(register, reference, examples, out_dir, day)
        _step(f"{WITNESS_CASE}: witness statement with exhibits, and the court bundle")
        written += _hearing_papers(register, examples, out_dir, day)
        _step(f"{REFERENCE}: possession notice, claim, hearing pack, order and warrant (a secure tenant in arrears)")
        load_possession_example(register, examples, day, "courtpack demo")
        written += carry_possession_through(register, examples, out_dir, day)
        _step("register: hearings, compliance and calendar")
        written += write_outputs(register, out_dir / "register", day)
        _step("council tax: a liability order batch for the magistrates' court, and a statutory demand")
        written += _council_tax(register, examples, out_dir / "council-tax")
        return written, {reference: check_case(register, reference) for reference in (*references, REFERENCE)}
    finally:
        register.dispose()


# the example batch's own dates (examples/council_tax/README.md): summonses issued and posted on Monday
# 16 March 2026 for the hearing on Thursday 2 April 2026 (14 clear days after deemed service, reg 35(2A))
COUNCIL_TAX_ISSUED = dt.date(2026, 3, 16)
COUNCIL_TAX_HEARING = dt.date(2026, 4, 2)
COUNCIL_TAX_NEXT = dt.date(2026, 4, 20)  # the steps after the orders
COUNCIL_TAX_COUNCIL = "London Borough of Northgate"  # examples/settings/northgate.yaml
# examples/council_tax/demand_accounts.csv: posted Monday 30 March 2026, served Wednesday 1 April (second
# business day), 14 days elapse to the end of 15 April: the hearing on Thursday 16 April 2026
DEMAND_BATCH_ISSUED = dt.date(2026, 3, 30)
DEMAND_BATCH_HEARING = dt.date(2026, 4, 16)
DEMAND_CASE = "CT-5100300"
DEMAND_DATE = dt.date(2026, 5, 11)
DEMAND_SERVICE = dt.date(2026, 5, 13)


def _council_tax(register, examples: Path, out_dir: Path) -> list[Path]:
    """Council tax goes to the magistrates' court, not the County Court: the example council's settings,
    the summonses, the complaint list and its printable schedule, each account a case in the register;
    the hearing's result recorded (5100201 paid before the hearing); an attachment of earnings order and
    a charging order checklist read from the register; a second hearing for a larger account and the
    statutory demand on its liability order, through the statutory_demand interview on the register —
    every document in PDF through one LibreOffice start."""
    from ..documents.convert import convert_to_pdf
    from ..documents.liability.accounts import read_accounts, read_liability_mapping
    from ..interview_glue.liability_cases import issue_summonses, record_hearing_result, take_next_step
    from ..register.settings import read_settings_file, save_settings

    folder = examples / "council_tax"
    save_settings(register, read_settings_file(examples / "settings" / "northgate.yaml"))
    spec = read_liability_mapping(folder / "mapping.yaml")
    batch = issue_summonses(
        register,
        read_accounts(folder / "accounts.csv", spec),
        tax=spec.tax,
        issued=COUNCIL_TAX_ISSUED,
        hearing=COUNCIL_TAX_HEARING,
        hearing_time="10:00",
        out_dir=out_dir,
        council=COUNCIL_TAX_COUNCIL,
    )
    record_hearing_result(register, hearing=COUNCIL_TAX_HEARING, withdrawn={"5100201": "paid in full on 30 March 2026"})
    attachment = take_next_step(
        register,
        "CT-5100203",
        step="attachment_of_earnings",
        on=COUNCIL_TAX_NEXT,
        out_dir=out_dir,
        net_earnings=Decimal("1450.00"),
    )
    charging = take_next_step(register, "CT-5100203", step="charging_order", on=COUNCIL_TAX_NEXT, out_dir=out_dir)
    # a larger account summoned to the next hearing; its order is what the statutory demand states
    later = issue_summonses(
        register,
        read_accounts(folder / "demand_accounts.csv", spec),
        tax=spec.tax,
        issued=DEMAND_BATCH_ISSUED,
        hearing=DEMAND_BATCH_HEARING,
        hearing_time="10:00",
        out_dir=out_dir / "second hearing",
        council=COUNCIL_TAX_COUNCIL,
    )
    record_hearing_result(register, hearing=DEMAND_BATCH_HEARING, withdrawn={})
    demand = _statutory_demand(register, out_dir)
    documents = [*batch.summonses, batch.schedule, attachment, charging, demand[0]]
    pdfs = convert_to_pdf(documents, out_dir / "pdf")
    second = [*later.summonses, later.schedule, later.complaint_list]
    return [*documents, batch.complaint_list, *second, *demand[1:], *pdfs]


def _statutory_demand(register, out_dir: Path) -> list[Path]:
    """The statutory demand on CT-5100300's liability order, through the statutory_demand interview: the case
    chosen from the register, the council, debtor and debt read from it (the demand first, then its service record)."""
    from .demo_case import DemoOfficer

    officer = DemoOfficer(register, DEMAND_CASE, out_dir)
    documents = officer.run(
        "statutory_demand",
        {
            "demand_date": DEMAND_DATE.isoformat(),
            "assumed_service": DEMAND_SERVICE.isoformat(),
            "service_method": "personal",
            "set_aside_court": "the County Court at Bromley",
            "signatory_name": "Priya Shah",
            "petition_date": (DEMAND_SERVICE + dt.timedelta(days=22)).isoformat(),
        },
        DEMAND_DATE,
    )
    return sorted(documents, key=lambda p: p.suffix != ".docx")


def _hearing_papers(register, examples: Path, out_dir: Path, day: dt.date) -> list[Path]:
    """The witness statement and bundle for the next hearing of the witness case, from the register."""
    from ..register.steps import case_facts
    from .demo_case import DemoOfficer

    story = case_facts(register, WITNESS_CASE, None)
    hearing = story.latest("hearing_listed")
    letter = story.latest("letter_before_claim_sent")
    if hearing is None or letter is None or story.claim_number is None:
        raise CourtpackError(f"{WITNESS_CASE}: the demo needs a letter, an issued claim and a hearing in its story")
    officer = DemoOfficer(register, WITNESS_CASE, out_dir / WITNESS_CASE)
    answers = yaml.safe_load((examples / "answers" / "witness_statement.yaml").read_text(encoding="utf-8"))
    claim = {"claim_number": story.claim_number, "court": hearing.facts["court"]}
    officer.run(
        "witness_statement",
        {**answers, **claim, "statement_date": day.isoformat(), "letter_date": letter.happened_on.isoformat()},
        day,
    )
    officer.run(
        "court_bundle",
        {
            "bundle_picked": "trial",
            "bundle_uploads": [],
            "bundle_details_done": True,
            **claim,
            "hearing_date": hearing.facts["date"],
            "bundle_checked": True,
        },
        day,
    )
    return officer.written


@contextlib.contextmanager
def _environment(settings: dict[str, str]) -> Iterator[None]:
    """Point the interviews at the demo's register (cases, documents, exhibit marks), then put things back."""
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _fresh(out_dir: Path) -> None:
    """Start from an empty folder, so that running the demo twice gives the same files.

    Only a folder the demo made itself (it holds a marker file) is ever removed.
    """
    if out_dir.exists():
        if not (out_dir / MARKER).is_file() and any(out_dir.iterdir()):
            raise CourtpackError(
                f"{out_dir} already holds files courtpack's demo did not write; choose another folder with --out"
            )
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / MARKER).write_text(
        "written by `courtpack demo`; the next demo run replaces this folder\n", encoding="utf-8"
    )


def _step(text: str) -> None:
    click.echo(text, err=True)
