"""The register demo: the example councils and cases, each case's recorded story, payments, and the outputs.

Why a story per case: a demo that invents facts where it needs them produces documents that
contradict each other. Here every fact comes from one place — ``examples/story/REF.yaml`` (what
the officer did and what the court's papers said: the letter's date, the claim number from the notice
of issue) and ``examples/orders/REF.yaml`` (the judgment and later orders, directions and hearings) —
and is recorded as the case's steps, which later steps and documents read.

Why dates move: both files are written relative to an "as at" date (``as_at - 20 weeks``) and the
sample import files carry real dates for the reference date 10 January 2026; the demo moves those
by the difference, so the story is the same on any date given (default: today). A date that must be
a court day (issue, judgment, orders, hearings) is moved to the nearest court day: back for what has
happened, forward for a hearing to come; the officer's own steps (a letter sent) fall on working days too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..case.fields import Fields
from ..errors import CaseFileError
from ..law.calendar import is_business_day, on_or_next_business_day, previous_business_day
from .cases import add_case
from .compliance import compliance
from .db import Register, open_register, session_for
from .export import compliance_tables, hearings_table, write_tables
from .hearings import record_hearing, upcoming_hearings
from .ics import export_calendar
from .importer import import_file
from .orders import OrderSpec, read_orders_file, record_order, resolve_date
from .report import pre_hearing_report
from .settings import read_settings_file, save_settings
from .steps import ALL_STEPS, case_facts, checked_facts, record_step

EXAMPLES_AS_AT = dt.date(2026, 1, 10)  # the date the sample import files were written for
DEMO_CASES = ("FTA-2025-0142", "RR-2025-0077", "CR-2025-0310")
DEMO_COUNCILS = ("lewisham", "bristol", "leeds")  # examples/settings/<name>.yaml
# (data file, mapping) in the order they must be imported: accounts link tenancies to cases first
DEMO_IMPORTS = (
    ("housing-rent-accounts.csv", "housing-rent-accounts.yaml"),
    ("housing-rent-transactions.csv", "housing-rent-transactions.yaml"),
    ("sundry-debt-ledger.xlsx", "sundry-debt-ledger.yaml"),
    ("payments.csv", "payments.yaml"),
)
HEARING_WINDOW_DAYS = 56


@dataclass
class DemoResult:
    as_at: dt.date
    cases: list[str] = field(default_factory=list)
    payments_added: int = 0
    hearings: int = 0
    files: list[Path] = field(default_factory=list)


def court_day_on_or_before(day: dt.date) -> dt.date:
    return day if is_business_day(day) else previous_business_day(day)


def read_story(path: Path, as_at: dt.date) -> list[tuple[str, dict[str, Any]]]:
    """The steps in a story file, dates resolved against ``as_at`` and moved onto court days where needed."""
    top = Fields(_yaml(path), str(path))
    steps = []
    for f in top.items("steps", required=True):
        name = f.text("step")
        if name not in ALL_STEPS:
            raise f.fail("step", f"{name!r} is not a step courtpack records", f"use one of: {', '.join(ALL_STEPS)}")
        facts: dict[str, Any] = {k: v for k, v in f.data.items() if k != "step"}
        for spec in ALL_STEPS[name]:
            if spec.kind == "date" and spec.name in facts:
                try:
                    day = resolve_date(facts[spec.name], as_at)
                except ValueError as err:
                    raise f.fail(spec.name, str(err)) from None
                if spec.court_day or spec.name == "date":  # an officer acts on working days too
                    day = on_or_next_business_day(day) if spec.future else court_day_on_or_before(day)
                facts[spec.name] = day
        steps.append((name, facts))
    return steps


def _yaml(path: Path) -> Any:
    import yaml

    if not path.is_file():
        raise CaseFileError(str(path), "", "example story file is missing", "restore examples/story/")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _judgment_facts(spec: OrderSpec) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "date": court_day_on_or_before(spec.made_on),
        "amount": spec.amount,
        "costs": spec.costs,
        "terms": "instalments" if spec.instalments else "forthwith",
    }
    if spec.instalments:
        facts.update(
            instalment_amount=spec.instalments.amount,
            frequency=spec.instalments.frequency,
            first_payment=spec.instalments.first_payment,
        )
    return facts


def record_once(
    session: Any, reference: str, name: str, facts: dict[str, Any], who: str, today: dt.date | None = None
) -> None:
    """Record a step unless the very same step is already recorded (loading twice changes nothing)."""
    if checked_facts(reference, name, facts, today) in [s.facts for s in case_facts(session, reference).all(name)]:
        return
    record_step(session, reference, name, facts, who=who, today=today)


def load_story(
    db: Register | str | os.PathLike[str] | None, examples: Path, reference: str, as_at: dt.date, who: str
) -> None:
    """Record one example case's steps, then its orders and hearings, in one transaction."""
    steps = read_story(examples / "story" / f"{reference}.yaml", as_at)
    _, orders, hearings = read_orders_file(examples / "orders" / f"{reference}.yaml", as_at)
    with session_for(db, who) as session:
        for name, facts in steps:
            record_once(session, reference, name, facts, who)
        issued = case_facts(session, reference).latest("claim_issued")
        for spec in orders:
            spec = dataclasses.replace(spec, made_on=court_day_on_or_before(spec.made_on))
            if spec.kind == "judgment":
                record_once(session, reference, "judgment", _judgment_facts(spec), who)
                if issued is not None:  # the judgment is in the claim the court issued
                    spec = dataclasses.replace(
                        spec, claim_number=issued.facts["claim_number"], court=issued.facts["court"]
                    )
            if spec.charging and spec.charging.interim_made:
                charging = dataclasses.replace(spec.charging, interim_made=spec.made_on)
                spec = dataclasses.replace(spec, key="charging-order", charging=charging)
                record_once(
                    session,
                    reference,
                    "charging_order_interim",
                    {"date": spec.made_on, "title_number": charging.title_number, "land": charging.land},
                    who,
                )
            record_order(session, reference, spec, who=who)
        for hearing in hearings:
            starts = hearing.starts_at
            starts = dt.datetime.combine(on_or_next_business_day(starts.date()), starts.time())
            hearing = dataclasses.replace(hearing, starts_at=starts)
            record_once(
                session,
                reference,
                "hearing_listed",
                {
                    "date": starts.date(),
                    "time": starts.strftime("%H:%M"),
                    "court": hearing.court,
                    "kind": hearing.kind,
                    "key": hearing.key,
                },
                who,
            )
            record_hearing(session, reference, **dataclasses.asdict(hearing), who=who)


def load_demo(
    db: Register | str | os.PathLike[str] | None,
    examples_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] | None = None,
    as_at: dt.date | None = None,
    who: str = "courtpack demo",
) -> DemoResult:
    """Load the example councils, cases, stories, orders, hearings and payments; write the outputs into ``out_dir``.

    Loading is idempotent: running it twice on the same register (and date) changes nothing.
    Outputs: hearings.csv/.xlsx, compliance.csv/.xlsx, hearings.ics and a pre-hearing check
    (DOCX + PDF) for the first hearing.
    """
    as_at = as_at or dt.date.today()
    examples = Path(examples_dir)
    result = DemoResult(as_at)
    register = open_register(db)
    try:
        for council in DEMO_COUNCILS:
            save_settings(register, read_settings_file(examples / "settings" / f"{council}.yaml"), who=who)
        for reference in DEMO_CASES:
            case_file = examples / f"{reference}.yaml"
            if not case_file.is_file():
                raise CaseFileError(str(case_file), "", "example case file is missing", "restore examples/")
            add_case(register, case_file, who=who)
            load_story(register, examples, reference, as_at, who)
            result.cases.append(reference)
        shift = (as_at - EXAMPLES_AS_AT).days
        for data, mapping in DEMO_IMPORTS:
            imported = import_file(
                register, examples / "imports" / data, examples / "imports" / mapping, who=who, shift_days=shift
            )
            if imported.kind == "payments":
                result.payments_added += imported.added
        if out_dir is not None:
            result.files = write_outputs(register, Path(out_dir), as_at)
            result.hearings = len(
                upcoming_hearings(register, as_at, as_at + dt.timedelta(days=HEARING_WINDOW_DAYS), on=as_at)
            )
        return result
    finally:
        if register is not db:
            register.dispose()


def write_outputs(register: Register, out: Path, as_at: dt.date) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rows = upcoming_hearings(register, as_at, as_at + dt.timedelta(days=HEARING_WINDOW_DAYS), on=as_at)
    hearings = [hearings_table(rows)]
    report = compliance_tables(compliance(register, as_at))
    files = [
        write_tables(hearings, "csv", out / "hearings.csv"),
        write_tables(hearings, "xlsx", out / "hearings.xlsx"),
        write_tables(report, "csv", out / "compliance.csv"),
        write_tables(report, "xlsx", out / "compliance.xlsx"),
        export_calendar(register, out / "hearings.ics"),
    ]
    if rows:
        files += pre_hearing_report(register, rows[0].hearing_id, as_at, out, who="courtpack demo")
    return [Path(f) for f in files]
