"""Council tax and business rates accounts as register cases: one case, one story, from notice to enforcement.

Why here (above ``documents`` and ``register``): a liability order batch both renders documents and
records what they did. Each account of the export becomes a case in the register (reference
``CT-<account>`` or ``BR-<account>``, debt type council tax or business rates, the council from the
register's settings), and each step is recorded with ``record_step``: the notices, the summons with
its hearing and costs, the hearing's result, and what followed. Later documents read those facts
back with ``case_facts``; a missing fact is a one-sentence refusal naming the case and what to
record first. The command line (``cli/liability.py``) and the interview (``liability.py``) both
call these functions, so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..case.casefile import case_from_dict
from ..case.model import LIABILITY_ORDER_DEBTS, DebtType
from ..documents.liability.accounts import Account
from ..documents.liability.batch import BatchResult, Council, Court, Progress, Settings, SummonsLine, summons_batch
from ..documents.liability.next_steps import NextStepFacts, OrderFacts, next_step
from ..documents.liability.notices import write_notices
from ..errors import NotReadyError
from ..law import liability_orders as lo
from ..law.dates import format_date
from ..register.db import Register, session_for
from ..register.errors import RegisterError
from ..register.generated import record_document
from ..register.models import Case, CaseStep, CouncilSetting
from ..register.settings import CouncilSettings, council_settings
from ..register.steps import CaseStory, StepRecord, case_facts, record_step
from .liability_accounts import PREFIXES, case_reference, debtor_name, ensure_case

__all__ = [
    "HearingResult",
    "case_reference",
    "council_for_liability",
    "issue_notices",
    "issue_summonses",
    "liability_order_of",
    "liability_settings",
    "record_hearing_result",
    "take_next_step",
]

Db = Register | Session | str | os.PathLike[str] | None


def liability_settings(council: CouncilSettings) -> Settings:
    """The notices' and summonses' settings, from the council's settings in the register."""
    liability = council.liability()
    return Settings(
        council=Council(
            name=council.legal_name,
            department=council.team,
            address=council.address.one_line(),
            phone=council.phone,
            email=council.email,
            payment_instructions=council.payment_details,
            officer=liability.officer,
            officer_position=liability.officer_position,
        ),
        court=Court(name=liability.court_name, address=liability.court_address),
        costs=liability.costs,
        summons_prefix=liability.summons_prefix,
    )


def council_for_liability(db: Db, council: str | None = None) -> CouncilSettings:
    """The council whose liability order settings the batch uses: the one named, else the only one with them.

    Why not simply the only council: a register shared by several councils (or the demo's) still has
    one that recovers council tax through it; when none or several have the settings, the refusal says so.
    """
    if council is None:
        with session_for(db) as session:
            rows = session.scalars(select(CouncilSetting).order_by(CouncilSetting.key)).all()
            keys = [r.key for r in rows if "liability_orders" in json.loads(r.data)]
        if len(rows) > 1 and len(keys) == 1:
            council = keys[0]
        elif len(rows) > 1 and len(keys) > 1:
            raise RegisterError(
                f"the register holds liability order settings for {len(keys)} councils ({', '.join(keys)}); "
                "name the council (--council)"
            )
    settings = council_settings(db, council)
    settings.liability()  # refuse now, before anything renders, when the liability settings are missing
    return settings


def _steps_of(session: Session, step: str) -> list[tuple[str, StepRecord]]:
    rows = session.execute(
        select(Case.reference, CaseStep).join(CaseStep, CaseStep.case_id == Case.id).where(CaseStep.step == step)
    ).all()
    return [(ref, StepRecord(s.id, s.step, s.happened_on, json.loads(s.facts), s.recorded_by)) for ref, s in rows]


def _open_summonses(session: Session, tax: str) -> dict[str, StepRecord]:
    """Summonses with no result recorded yet, by case reference."""
    ended = {
        r.facts["summons_number"]
        for step in ("liability_order", "summons_withdrawn")
        for _, r in _steps_of(session, step)
    }
    prefix = PREFIXES[tax] + "-"
    return {
        ref: rec
        for ref, rec in _steps_of(session, "summons_issued")
        if ref.startswith(prefix) and rec.facts["summons_number"] not in ended
    }


def issue_notices(
    db: Db,
    accounts: Iterable[Account],
    *,
    kind: str,
    tax: str,
    issued: dt.date,
    out_dir: Path,
    council: str | None = None,
    who: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Reminder or final notices, each account's case added and the notice recorded as its step."""
    with session_for(db, who) as session:
        settings = council_for_liability(session, council)

        def record(done: list[Account]) -> None:
            for account in done:
                reference, _ = ensure_case(session, tax, account, settings)
                record_step(session, reference, f"{kind}_notice", {"date": issued})

        return write_notices(
            accounts,
            kind=kind,
            tax=tax,
            settings=liability_settings(settings),
            issued=issued,
            out_dir=out_dir,
            progress=progress,
            on_rendered=record,
        )


def issue_summonses(
    db: Db,
    accounts: Iterable[Account],
    *,
    tax: str,
    issued: dt.date,
    hearing: dt.date,
    hearing_time: str,
    out_dir: Path,
    council: str | None = None,
    who: str | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """The summons batch for one hearing; every summoned account's case records its final notice and summons.

    An account already summoned and awaiting its hearing is left out with the reason. The register
    change and the files are all or nothing: the steps are written in the transaction that commits
    only once every file is in place.
    """
    with session_for(db, who) as session:
        settings = council_for_liability(session, council)
        documents = liability_settings(settings)
        pending = _open_summonses(session, tax)
        stem = f"{documents.summons_prefix}-{hearing:%Y%m%d}-"
        earlier = [
            int(rec.facts["summons_number"].removeprefix(stem))
            for _, rec in _steps_of(session, "summons_issued")
            if rec.facts["summons_number"].startswith(stem)
        ]
        refused = {
            ref.split("-", 1)[1]: (
                f"Already summoned ({rec.facts['summons_number']}) for the hearing on "
                f"{format_date(rec.date('hearing_date'))}; record that hearing's result first."
            )
            for ref, rec in pending.items()
        }

        def record(lines: tuple[SummonsLine, ...]) -> None:
            costs = documents.costs
            for line in lines:
                account = line.account
                reference, added = ensure_case(session, tax, account, settings)
                notices = [] if added else case_facts(session, reference).all("final_notice")
                if not any(s.happened_on == account.final_notice for s in notices):
                    record_step(session, reference, "final_notice", {"date": account.final_notice})
                record_step(
                    session,
                    reference,
                    "summons_issued",
                    {
                        "date": issued,
                        "summons_number": line.summons_number,
                        "court": documents.court.name,
                        "hearing_date": hearing,
                        "hearing_time": hearing_time,
                        "year": account.year,
                        "balance": account.balance,
                        "summons_costs": costs.summons,
                        "order_costs": costs.liability_order,
                    },
                )

        result = summons_batch(
            accounts,
            tax=tax,
            settings=documents,
            issued=issued,
            hearing=hearing,
            hearing_time=hearing_time,
            out_dir=out_dir,
            progress=progress,
            refused=refused,
            first_number=max(earlier, default=0) + 1,  # a second batch for the same hearing goes on numbering
            on_rendered=record,
        )
        for line, path in zip(result.lines, result.summonses, strict=True):
            reference = case_reference(tax, line.account.account)
            record_document(
                session,
                reference,
                "liability order summons",
                path,
                facts={"debtors": debtor_name(reference, line.account)},
            )
        return result


@dataclass(frozen=True)
class HearingResult:
    hearing: dt.date
    made: tuple[str, ...]  # case references with a liability order
    withdrawn: tuple[str, ...]  # case references whose summons was withdrawn (with the reason recorded)


def _case_of(key: str, candidates: Mapping[str, StepRecord]) -> str | None:
    """A case named by its reference (CT-5100201) or its account number (5100201)."""
    if key in candidates:
        return key
    found = [ref for ref in candidates if ref.split("-", 1)[1] == key]
    return found[0] if len(found) == 1 else None


def record_hearing_result(
    db: Db,
    *,
    hearing: dt.date,
    withdrawn: Mapping[str, str],
    tax: str = "council_tax",
    who: str | None = None,
) -> HearingResult:
    """The court's decisions at one hearing: a liability order on every summons listed for it, except
    those withdrawn (account or case -> why: paid in full, adjourned, error). One transaction.

    The order's amount is the summons balance plus the costs on the agreed scale, as the summons said.
    """
    if tax not in PREFIXES:
        raise RegisterError(f"tax {tax!r} is not known; use one of: {', '.join(PREFIXES)}")
    with session_for(db, who) as session:
        listed = {ref: rec for ref, rec in _open_summonses(session, tax).items() if rec.date("hearing_date") == hearing}
        if not listed:
            raise RegisterError(
                f"no {lo.DEBT_LABELS[tax]} summons awaiting a result is listed for {format_date(hearing)}; "
                "check the hearing date against the complaint list"
            )
        out: dict[str, str] = {}
        for key, reason in withdrawn.items():
            reference = _case_of(key.strip(), listed)
            if reference is None:
                raise RegisterError(
                    f"{key}: no summons for the hearing on {format_date(hearing)} is recorded for this account; "
                    "check it against the complaint list"
                )
            if not reason.strip():
                raise RegisterError(f"{reference}: say why no order was made (paid in full, adjourned…)")
            out[reference] = reason.strip()
        made: list[str] = []
        for reference, summons in sorted(listed.items()):
            number = summons.facts["summons_number"]
            if reference in out:
                record_step(
                    session,
                    reference,
                    "summons_withdrawn",
                    {"date": hearing, "summons_number": number, "reason": out[reference]},
                )
                continue
            earliest = lo.earliest_hearing(tax, lo.summons_deemed_served(summons.happened_on).date)
            if hearing < earliest.date:
                raise NotReadyError(f"{reference}: no liability order on {format_date(hearing)}: {earliest.basis}")
            costs = (summons.money("summons_costs") or Decimal("0.00")) + (
                summons.money("order_costs") or Decimal("0.00")
            )
            record_step(
                session,
                reference,
                "liability_order",
                {
                    "date": hearing,
                    "summons_number": number,
                    "court": summons.facts["court"],
                    "amount": summons.money("balance") + costs,
                    "costs": costs,
                },
            )
            made.append(reference)
        return HearingResult(hearing, tuple(made), tuple(sorted(out)))


def liability_order_of(story: CaseStory, account: str, name: str, address: str) -> OrderFacts:
    """The latest liability order in a case's story, with the payments since; refuses when none is recorded."""
    order = story.latest("liability_order")
    withdrawn = story.latest("summons_withdrawn")
    if order is None:
        if withdrawn is not None:
            raise NotReadyError(
                f"{story.reference} has no liability order: the summons was withdrawn on "
                f"{format_date(withdrawn.happened_on)} ({withdrawn.facts['reason']})"
            )
        raise NotReadyError(
            f"{story.reference} has no liability order recorded; record the hearing result first "
            "(`courtpack liability record-orders --hearing-date DATE`)"
        )
    summons = next(s for s in story.all("summons_issued") if s.facts["summons_number"] == order.facts["summons_number"])
    paid = sum((amount for day, amount in story.payments if day >= order.happened_on), Decimal("0.00"))
    return OrderFacts(
        reference=story.reference,
        account=account,
        name=name,
        address=address,
        made=order.happened_on,
        amount=order.money("amount"),
        balance=summons.money("balance"),
        costs=order.money("costs") or Decimal("0.00"),
        paid_since=paid,
    )


def take_next_step(
    db: Db,
    reference: str,
    *,
    step: str,
    on: dt.date,
    out_dir: Path,
    net_earnings: Decimal | None = None,
    pay_period: str = "monthly",
    employer: str = "",
    council: str | None = None,
    who: str | None = None,
) -> Path:
    """The document for the step after a case's liability order, recorded as the case's next step.

    Reads the order, the payments since, the employer and whether the debtor owns the dwelling from
    the register; refuses with one sentence when the order (or a fact the step needs) is missing.
    """
    with session_for(db, who) as session:
        case = session.scalar(select(Case).where(Case.reference == reference))
        if case is None:
            raise RegisterError(
                f"no case {reference!r} in the register; liability order cases are added by "
                "`courtpack liability notices` or `courtpack liability batch`"
            )
        facts = case_from_dict(json.loads(case.casefile), f"case {reference}")
        if facts.debt.type not in LIABILITY_ORDER_DEBTS:
            raise RegisterError(
                f"{reference} is a {facts.debt.type.label} case: it has no liability order; use the County "
                "Court enforcement steps (`courtpack calc venue` shows its route)"
            )
        tax = DebtType(facts.debt.type).value
        account = reference.split("-", 1)[1]
        order = liability_order_of(
            case_facts(session, reference), account, facts.debtor.name, facts.debtor.address.one_line()
        )
        settings = liability_settings(council_for_liability(session, council or facts.claimant.name))
        path = next_step(
            out_dir,
            settings,
            tax=tax,
            order=order,
            step=step,
            facts=NextStepFacts(
                employer=employer or facts.debtor.employer,
                net_earnings=net_earnings,
                pay_period=pay_period,
                owner=bool(facts.properties),
                on=on,
            ),
        )
        recipients = {
            "attachment_of_earnings": employer or facts.debtor.employer,
            "attachment_of_benefits": "Department for Work and Pensions",
            "enforcement_agent": "the enforcement agent",
            "charging_order": "the County Court for the area of the dwelling",
        }
        try:
            record_step(
                session,
                reference,
                "liability_enforcement",
                {
                    "date": on,
                    "kind": step,
                    "outstanding": order.outstanding,
                    "recipient": recipients.get(step, step.replace("_", " ")),
                    "document": path.name,
                },
            )
            record_document(
                session,
                reference,
                f"liability order: {step.replace('_', ' ')}",
                path,
                facts={"debtors": facts.debtor.name},
            )
        except Exception:
            path.unlink(missing_ok=True)  # no document without its record
            raise
        return path
