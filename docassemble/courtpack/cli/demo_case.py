"""The demo's officer: carry one example case through its steps, every fact read from the register.

Why through the interviews: it proves the interviews themselves (docassemble's real engine) reach
their end screens. Why from the register: each interview is given the case as the register holds it
at that step (``case_as_at``: the letter's date, the claim number from the notice of issue, the
judgment with its terms and the payments made under it), the council's signatory and enforcement
agents from its settings, and the officer's own choices from ``examples/story/REF.yaml``. Nothing is
made up here. Each document is recorded with the facts it was given, so ``courtpack case check``
can prove the documents agree with the register and with each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..case.fields import Fields
from ..errors import CourtpackError
from ..law.calendar import on_or_next_business_day
from ..law.default_judgment import default_judgment_timing
from ..law.money import money_str
from ..register.compliance import IN_ARREARS, compliance
from ..register.db import Register
from ..register.demo import court_day_on_or_before
from ..register.settings import CouncilSettings, Signatory, council_settings
from ..register.steps import CaseStory, case_facts, record_step

__all__ = ["DemoOfficer", "StoryChoices", "carry_case_through", "read_choices", "signatory"]


@dataclass(frozen=True)
class StoryChoices:
    """What the officer chose for the case (not facts the register can give)."""

    hearing_centre: str  # the N1's preferred County Court hearing centre (the debtor's local one)
    officer_to_question: tuple[str, str] | None  # N316A: a company's officer (name, position)
    enforcement_agent: str  # the agent the council instructs for a warrant or writ, by name


def read_choices(path: Path) -> StoryChoices:
    top = Fields(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
    officer = top.section("officer_to_question", None)
    return StoryChoices(
        top.text("hearing_centre"),
        (officer.text("name"), officer.text("position")) if officer else None,
        top.text("enforcement_agent"),
    )


def signatory(settings: CouncilSettings) -> Signatory:
    """PD 22 para 3.4: the legal representative where the legal department conducts the claim, else a senior officer."""
    wanted = [
        s
        for s in settings.signatories
        if (s.legal_representative if settings.legal_department_conducts else s.senior_position)
    ]
    return (wanted or list(settings.signatories))[0]


class DemoOfficer:
    def __init__(self, register: Register, reference: str, target: Path) -> None:
        self.register = register
        self.reference = reference
        self.target = target
        self.written: list[Path] = []

    def story(self, as_at: dt.date) -> CaseStory:
        return case_facts(self.register, self.reference, as_at)

    def run(self, interview: str, answers: dict[str, Any], as_at: dt.date) -> list[Path]:
        """Run ``interview`` on the case as the register holds it at ``as_at``; it records what its documents state."""
        from ..headless.runner import run_interview

        documents = run_interview(interview, answers, self.target, reference=self.reference, as_at=as_at).documents
        self.written += documents
        return documents


def carry_case_through(register: Register, reference: str, examples: Path, out_dir: Path, as_at: dt.date) -> list[Path]:
    """Letter before claim -> claim -> request for judgment -> enforcement (-> charging order) for one case.

    The register must hold the case and its story (``register.demo.load_demo``). Returns every
    document written, all under ``out_dir/<reference>/``.
    """
    drive = DemoOfficer(register, reference, Path(out_dir) / reference)
    choices = read_choices(examples / "story" / f"{reference}.yaml")
    story = drive.story(as_at)
    settings = council_settings(register, story.claimant)
    signer = signatory(settings)
    sign = {"signatory_name": signer.name, "signatory_position": signer.position}

    letter = story.latest("letter_before_claim_sent")
    issued = story.latest("claim_issued")
    judgment = story.judgment
    if letter is None or issued is None or judgment is None:
        raise CourtpackError(
            f"{reference}: the demo story needs a letter, an issued claim and a judgment; "
            f"check examples/story/{reference}.yaml and examples/orders/{reference}.yaml"
        )
    drive.run(
        "letter_before_claim",
        {
            "letter_date": letter.happened_on.isoformat(),
            "letter_sent_by": letter.facts["how"],
            "instalments_status": "none",
            "letter_checked": True,
        },
        letter.happened_on,
    )
    drive.run(
        "money_claim",
        {
            "letter_before_claim_date": letter.happened_on.isoformat(),
            "issue_date": issued.happened_on.isoformat(),
            "hearing_centre": choices.hearing_centre,
            "human_rights": False,
            "claimant_vulnerable": False,
            "claim_checked": True,
            **sign,
        },
        issued.happened_on,
    )

    claim = {"claim_number": issued.facts["claim_number"], "issue_date": issued.happened_on.isoformat()}
    timing = default_judgment_timing(issued.happened_on)
    if story.latest("service") is None:  # the officer records deemed service from the court's notice of issue
        record_step(
            register,
            reference,
            "service",
            {"date": issued.happened_on, "method": "court", "deemed_date": timing.deemed_service},
            today=as_at,
        )
    request = on_or_next_business_day(timing.earliest_request)
    drive.run(
        "default_judgment",
        {
            **claim,
            "service_method": "court",
            "acknowledged": False,
            "timing_seen": True,
            "request_date": request.isoformat(),
            "payment_terms": judgment.facts["terms"],
            "paid_since": 0,
            **sign,
        },
        request,
    )

    filed = court_day_on_or_before(as_at)  # the enforcement request goes to the court on a court day
    now = drive.story(filed)
    paid = now.paid_since_judgment()
    judged = {
        "judgment_claim_number": now.claim_number,
        "judgment_court": now.court,
        "judgment_date": judgment.happened_on.isoformat(),
        "judgment_amount": money_str(judgment.money("amount") + (judgment.money("costs") or 0)),
        "judgment_paid_since": money_str(paid),
    }
    _enforce(drive, register, reference, choices, settings, filed, judged, sign)

    application = now.latest("application_made")
    interim = now.latest("charging_order_interim")
    if application is not None and interim is not None:
        on = application.happened_on
        then = drive.story(on)
        drive.run(
            "charging_order",
            {
                **judged,
                "judgment_paid_since": money_str(then.paid_since_judgment()),
                "application_date": on.isoformat(),
                "title_number": interim.facts["title_number"],
                "debtor_interest": "",
                "other_creditors": "",
                "persons_to_serve": "",
                "interim_order_date": interim.happened_on.isoformat(),
                **sign,
            },
            on,
        )
    return drive.written


def _enforce(
    drive: DemoOfficer,
    register: Register,
    reference: str,
    choices: StoryChoices,
    settings: CouncilSettings,
    as_at: dt.date,
    judged: dict[str, str],
    sign: dict[str, str],
) -> None:
    from ..case.figures import judgment_position
    from ..register.case_records import case_as_at

    case = case_as_at(register, reference, as_at)
    in_arrears = any(o.status == IN_ARREARS for o in compliance(register, as_at, reference).orders)
    position = judgment_position(
        case, case.judgment, as_at, employed=bool(case.debtor.employer), instalments_in_arrears=in_arrears
    )
    open_routes = {o.route for o in position.assessment.options if o.allowed}
    chosen = [r for r in ("warrant_of_control", "writ_of_control") if r in open_routes][:1]
    chosen += [r for r in ("order_to_obtain_information",) if r in open_routes]
    agent = settings.agent(choices.enforcement_agent)
    officer = choices.officer_to_question or ("", "")
    drive.run(
        "enforcement",
        {
            **judged,
            "as_at": as_at.isoformat(),
            "debtor_employed": bool(case.debtor.employer),
            "routes_seen": True,
            "chosen_routes": chosen,
            "officer_name": officer[0],
            "officer_position": officer[1],
            "agent_name": agent.name,
            "agent_address": agent.address.one_line(),
            **sign,
        },
        as_at,
    )
