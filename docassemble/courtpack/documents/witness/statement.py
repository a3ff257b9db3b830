"""What a witness statement says: heading, markings and numbered paragraphs (CPR 32, PD 32).

Why here and not in the template: PD 32 18.1–18.6 fixes the content — who the
witness is and in what capacity, which facts come from their own knowledge and
which from the council's records, how the statement was prepared, and each
exhibit referred to by its mark. Those are decisions about the case, made once
in Python and unit-tested; the DOCX template only lays them out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...case.model import AgreementKind, Case, Claimant, DebtType, EntryKind, EventKind
from ...errors import DocumentError
from ...law.dates import format_date
from ...law.money import format_money
from .exhibits import LetterExhibit, PlannedExhibit, UploadedExhibit

STATEMENT_OF_TRUTH = (
    "I believe that the facts stated in this witness statement are true. I understand that proceedings for "
    "contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a "
    "document verified by a statement of truth without an honest belief in its truth."
)
PREPARATION = ("own_words", "face_to_face", "phone")
RENT_DEBTS = {
    DebtType.FORMER_TENANT_ARREARS,
    DebtType.GARAGE_RENT,
    DebtType.COMMERCIAL_RENT,
    DebtType.LEASEHOLD_SERVICE_CHARGE,
    DebtType.RECHARGEABLE_REPAIRS,
}
EVENT_WORDS = {
    EventKind.ADVICE_SOUGHT: "the Claimant was told that the Defendant was seeking debt advice",
    EventKind.DOCUMENTS_REQUESTED: "the Defendant asked for documents",
    EventKind.DOCUMENTS_SUPPLIED: "the Claimant sent the Defendant the documents asked for",
    EventKind.NOTICE_OF_INTENTION_TO_ISSUE: "the Claimant wrote to the Defendant giving notice that it intended "
    "to issue a claim",
    EventKind.ACKNOWLEDGMENT_OF_DEBT: "the Defendant acknowledged the debt",
    EventKind.NOTE: "",
}


@dataclass(frozen=True)
class Witness:
    """The person making the statement, in their professional capacity (PD 32 18.1)."""

    name: str
    position: str
    employer: str
    work_address: str
    department: str = ""

    @classmethod
    def officer_of(cls, claimant: Claimant) -> Witness:
        return cls(
            name=claimant.officer_name,
            position=claimant.officer_position,
            employer=claimant.name,
            work_address=claimant.address.one_line(),
            department=claimant.department,
        )

    @property
    def initials_and_surname(self) -> str:
        """'Priya Shah' -> 'P Shah' (the top-right marking, PD 32 17.2)."""
        parts = self.name.split()
        return " ".join([*(p[0].upper() for p in parts[:-1]), parts[-1]]) if parts else ""


@dataclass(frozen=True)
class Translation:
    """A statement made in the witness's own language, with its English translation (PD 32).

    Why the officer supplies both texts: para 18.1 needs the statement drafted in the witness's
    own language and para 20.1 the statement of truth in that language too; para 23.2 needs the
    statement filed with an English translation, the translator signing the original and
    certifying the translation accurate. courtpack does not translate: it lays out what the
    interpreter took down and its translation, paragraph for paragraph.
    """

    language: str  # the witness's own language, e.g. "Polish"
    interpreter: str  # who interpreted and took the statement down
    paragraphs: tuple[str, ...]  # the statement, in the witness's language
    english: tuple[str, ...]  # the English translation, paragraph for paragraph
    statement_of_truth: str  # the statement of truth, in the witness's language
    translator: str = ""  # who translated it into English (default: the interpreter)

    @property
    def translated_by(self) -> str:
        return self.translator or self.interpreter


@dataclass(frozen=True)
class StatementOptions:
    """The answers a witness statement needs beyond the case file."""

    statement_date: dt.date
    claim_number: str
    court: str
    witness: Witness | None = None  # default: the case's officer
    preparation: str = "own_words"  # own_words | face_to_face | phone
    prepared_by: str = ""  # who took the statement down (face to face or phone)
    interpreter: str = ""  # interpreter's name, if the witness needs one (refused: see refuse_english_only)
    interpreter_language: str = ""  # the witness's own language, when not English
    dealt_since: dt.date | None = None  # when the witness began dealing with the account
    records: str = ""  # e.g. "the rent account for 14 Hilly Fields Crescent"
    records_system: str = ""  # e.g. "the Claimant's housing management system"
    statement_of_account: bool = True
    letter: LetterExhibit | None = None
    uploads: tuple[UploadedExhibit, ...] = ()
    additional_facts: tuple[str, ...] = ()
    statement_number: int | None = None  # None: the witness's next statement
    max_upload_mb: float = 50.0
    translation: Translation | None = None  # the witness's own-language statement and its translation


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def court_heading(court: str) -> str:
    """'Leeds' or 'County Court at Leeds' -> 'IN THE COUNTY COURT AT LEEDS'."""
    name = " ".join(court.split())
    if not name:
        raise DocumentError("the witness statement needs the court's name (e.g. County Court at Leeds)")
    lowered = name.lower().removeprefix("in the ")
    if lowered.startswith(("county court", "high court", "civil national business centre")):
        return f"IN THE {name[len(name) - len(lowered) :].upper()}"
    return f"IN THE COUNTY COURT AT {name.upper()}"


def defendant_words(case: Case) -> tuple[str, str]:
    """('the Defendant', 'Defendant') or ('the Defendants', 'Defendants')."""
    return ("the Defendant", "Defendant") if len(case.debtors) == 1 else ("the Defendants", "Defendants")


def mark_range(marks: list[str]) -> str:
    if not marks:
        return "none"
    return marks[0] if len(marks) == 1 else f"{marks[0]}–{marks[-1]}"


def default_records(case: Case) -> tuple[str, str]:
    """The record the account figures come from, and the system holding it."""
    if case.debt.type in RENT_DEBTS:
        place = case.debt.property_address.one_line() if case.debt.property_address else "the property"
        kind = "rent account" if case.debt.type is not DebtType.RECHARGEABLE_REPAIRS else "recharge account"
        return f"the {kind} for {place}", "the Claimant's housing management system"
    return f"the Claimant's account for {case.debtor.name}", "the Claimant's income management system"


def identity_paragraph(witness: Witness, case: Case) -> str:
    article = "an" if witness.position[:1].lower() in "aeiou" else "a"
    team = f", in its {witness.department}" if witness.department else ""
    if witness.employer == case.claimant.name:
        employer = f"the Claimant, {witness.employer}{team}"
    else:
        employer = f"{witness.employer}{team}, which acts for the Claimant, {case.claimant.name}"
    return (
        f"My name is {witness.name}. I am {article} {witness.position} employed by {employer}. My work address "
        f"is {witness.work_address}. I make this statement in my professional capacity, on behalf of the "
        "Claimant."
    )


def knowledge_paragraphs(case: Case, options: StatementOptions, witness: Witness) -> list[str]:
    records, system = default_records(case)
    records, system = options.records or records, options.records_system or system
    since = f" I have dealt with this account since {format_date(options.dealt_since)}." if options.dealt_since else ""
    return [
        f"The facts in this statement are within my own knowledge, except where I say otherwise.{since}",
        f"The facts about the {defendant_words(case)[1]}'s account (the charges, payments and balance) come from the "
        f"Claimant's records: {records}, held on {system}. Those records are made and kept in the ordinary course "
        f"of the Claimant's business by officers whose job it is to record charges and payments. I have read them "
        f"and I believe them to be true. Where I state a fact from those records, the records are my source.",
    ]


def preparation_paragraph(options: StatementOptions) -> str:
    if options.preparation not in PREPARATION:
        raise DocumentError(
            f"how the statement was prepared: {options.preparation!r} is not one of {', '.join(PREPARATION)}"
        )
    by = options.prepared_by or "a colleague"
    text = {
        "own_words": "I have written this statement myself, in my own words.",
        "face_to_face": f"This statement was prepared by {by} from what I told them at a meeting in person. "
        "I have read it, and it is in my own words.",
        "phone": f"This statement was prepared by {by} from what I told them on the telephone. "
        "I have read it, and it is in my own words.",
    }[options.preparation]
    return text


def refuse_english_only(options: StatementOptions, witness: Witness) -> None:
    """PD 32 para 18.1: a statement is drafted in the witness's own language. courtpack drafts only
    in English, so for a witness who needs an interpreter it needs the statement as the interpreter
    took it down and its English translation (``options.translation``); without them it refuses
    rather than produce an English statement "read back" to the witness (which the rule does not
    allow). With them, it checks they can be laid out (``check_translation``)."""
    if options.translation is not None:
        check_translation(options, witness)
        return
    if not options.interpreter and not options.interpreter_language:
        return
    language = options.interpreter_language or "their own language"
    interpreter = f" (interpreter: {options.interpreter})" if options.interpreter else ""
    raise DocumentError(
        f"witness {witness.name} gives evidence in {language}{interpreter}: PD 32 para 18.1 needs "
        f"the statement drafted in {language} with an English translation — give the statement's "
        "paragraphs in the witness's language and their English translation, paragraph by paragraph"
    )


def check_translation(options: StatementOptions, witness: Witness) -> None:
    """Refuse a translated statement that cannot be filed: no language, no interpreter, no
    statement of truth in the witness's language (PD 32 20.1), or a translation whose paragraphs
    do not match the original one for one (each numbered paragraph must say the same thing)."""
    t = options.translation
    if t is None:
        return
    who = f"witness {witness.name}"
    if not t.language.strip() or t.language.strip().lower() == "english":
        raise DocumentError(f"{who}: name the language the statement was made in (e.g. Polish), not English")
    if not t.interpreter.strip():
        raise DocumentError(f"{who}: give the interpreter's name (PD 32 18.2: say how the statement was prepared)")
    if not t.paragraphs:
        raise DocumentError(f"{who}: give the statement's paragraphs in {t.language}, one after another")
    if len(t.paragraphs) != len(t.english):
        raise DocumentError(
            f"{who}: {len(t.paragraphs)} paragraph(s) in {t.language} but {len(t.english)} in the English "
            "translation; give one English paragraph for each paragraph of the statement, in the same order"
        )
    if not t.statement_of_truth.strip():
        raise DocumentError(
            f"{who}: give the statement of truth in {t.language} (PD 32 20.1: it is in the witness's own language)"
        )


def translator_statement(t: Translation, witness: Witness, statement_date: dt.date) -> str:
    """PD 32 para 23.2: the translator signs the original statement and certifies that the
    translation is accurate."""
    return (
        f"I, {t.translated_by}, certify that the English translation of the witness statement of {witness.name} "
        f"dated {format_date(statement_date)}, made in {t.language} through an interpreter, {t.interpreter}, is an "
        "accurate translation of that statement. I have signed the original statement."
    )


def closing_context(options: StatementOptions, witness: Witness) -> dict[str, Any]:
    """The statement of truth (in the witness's language, PD 32 20.1) and, for a translated
    statement, the translator's signature block the original carries (PD 32 23.2)."""
    t = options.translation
    if t is None:
        return {"statement_of_truth": STATEMENT_OF_TRUTH, "translation": None}
    return {
        "statement_of_truth": " ".join(t.statement_of_truth.split()),
        "translation": {
            "language": t.language,
            "interpreter": t.interpreter,
            "translator": t.translated_by,
            "translator_statement": translator_statement(t, witness, options.statement_date),
        },
    }


def numbered(paragraphs: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"heading": "", "number": n, "text": " ".join(text.split())} for n, text in enumerate(paragraphs, start=1)]


def agreement_paragraph(case: Case) -> str:
    agreement = case.debt.agreement
    parties = " and ".join(agreement.parties) if agreement.parties else "the Claimant and the Defendant"
    if agreement.kind is AgreementKind.WRITTEN:
        when = f" dated {format_date(agreement.date)}" if agreement.date else ""
        return f"The debt is due under a written {agreement.description or 'agreement'}{when} between {parties}."
    if agreement.kind is AgreementKind.ORAL:
        return (
            f"The debt is due under an oral agreement made by {agreement.made_by or 'the parties'} on "
            f"{format_date(agreement.date)} at {agreement.place}: {agreement.description}."
        )
    return f"The debt is owed to the Claimant by law ({case.debt.type.label}); there is no written agreement."


def ledger_summary(case: Case, on: dt.date, soa_mark: str | None) -> str:
    entries = [e for e in case.ledger if e.date <= on]
    if not entries:
        raise DocumentError(f"case {case.reference}: the account has no entries up to {format_date(on)}")
    charges = sum((e.amount for e in entries if e.kind is EntryKind.CHARGE), Decimal("0.00"))
    payments = [e for e in entries if e.kind is EntryKind.PAYMENT]
    paid = sum((e.amount for e in payments), Decimal("0.00"))
    first, last = min(e.date for e in entries), max(e.date for e in entries)
    text = (
        f"Between {format_date(first)} and {format_date(last)} the account was charged {format_money(charges)} "
        f"in total. "
    )
    if payments:
        text += (
            f"{len(payments)} payment{'s' if len(payments) != 1 else ''} totalling {format_money(paid)} "
            f"{'were' if len(payments) != 1 else 'was'} received, the last on "
            f"{format_date(max(e.date for e in payments))}. "
        )
    else:
        text += "No payments were received. "
    text += f"The balance owed on {format_date(on)} is {format_money(case.balance(on))}."
    if soa_mark:
        text += f" I refer to the statement of account marked '{soa_mark}', which I printed from those records."
    return text


def correspondence_paragraphs(case: Case, options: StatementOptions, letter_mark: str | None) -> list[str]:
    the_defendant = defendant_words(case)[0]
    paragraphs = []
    letter_date = options.letter.date if options.letter else None
    if letter_date is None:
        sent = case.latest_event(EventKind.LETTER_BEFORE_CLAIM_SENT)
        letter_date = sent.date if sent else None
    if letter_date:
        if case.debtor.is_individual:
            kind = (
                "a Letter of Claim under the Pre-Action Protocol for Debt Claims, with a statement of account, "
                "an Information Sheet, a Reply Form and a Financial Statement"
            )
        else:
            kind = (
                "a letter before claim under the Practice Direction – Pre-Action Conduct and Protocols, with "
                "a statement of account"
            )
        text = f"On {format_date(letter_date)} the Claimant sent {the_defendant} {kind}."
        if letter_mark:
            text += f" I refer to a copy of the letter and its enclosures marked '{letter_mark}'."
        paragraphs.append(text)
        replies = [e for e in case.events_of(EventKind.REPLY_RECEIVED) if e.date >= letter_date]
        if replies:
            for reply in replies:
                note = f": {reply.note.rstrip('.')}." if reply.note else "."
                paragraphs.append(
                    f"On {format_date(reply.date)} the Claimant received a reply from {the_defendant}{note}"
                )
        else:
            paragraphs.append(f"The Claimant has received no reply to that letter from {the_defendant}.")
        since = [
            e for e in case.ledger if e.kind is EntryKind.PAYMENT and letter_date < e.date <= options.statement_date
        ]
        if since:
            total = sum((e.amount for e in since), Decimal("0.00"))
            paragraphs.append(
                f"Since that letter {the_defendant} has paid {format_money(total)} in "
                f"{len(since)} payment{'s' if len(since) != 1 else ''}, the last on "
                f"{format_date(max(e.date for e in since))}; the statement of account shows them."
            )
        else:
            paragraphs.append(f"{the_defendant[0].upper()}{the_defendant[1:]} has made no payment since that letter.")
    for event in case.events:
        if event.kind in EVENT_WORDS and event.date <= options.statement_date:
            words = EVENT_WORDS[event.kind]
            detail = "; ".join(p for p in (words, event.note.rstrip(".")) if p)
            paragraphs.append(
                f"On {format_date(event.date)} {detail[0].lower()}{detail[1:]}."
                if words
                else f"On {format_date(event.date)}: {detail}."
            )
    return paragraphs


def body(
    case: Case, options: StatementOptions, witness: Witness, exhibits: list[PlannedExhibit]
) -> list[dict[str, Any]]:
    """Headings and numbered paragraphs, in order: ``{"heading": ...}`` or ``{"number": n, "text": ...}``.

    A translated statement is the witness's own words as the interpreter took them down, so its
    body is those paragraphs, numbered, and nothing courtpack drafts in English."""
    if options.translation is not None:
        return numbered(options.translation.paragraphs)
    by_kind = {e.kind: e.mark for e in exhibits}
    uploads = [e for e in exhibits if e.kind in ("pdf", "image")]
    sections: list[tuple[str, list[str]]] = [
        (
            "",
            [
                identity_paragraph(witness, case),
                *knowledge_paragraphs(case, options, witness),
                preparation_paragraph(options),
            ],
        ),
        (
            "The debt",
            [
                f"The claim is for {case.debt.type.label}: {case.debt.description}.",
                agreement_paragraph(case),
                ledger_summary(case, options.statement_date, by_kind.get("statement_of_account")),
            ],
        ),
        ("Letters and payments", correspondence_paragraphs(case, options, by_kind.get("letter_before_claim"))),
        ("Other documents", [f"I refer to {e.description} marked '{e.mark}'." for e in uploads]),
        ("Other facts", [" ".join(p.split()) for p in options.additional_facts if p.strip()]),
        (
            "The balance now",
            [f"As at the date of this statement, {format_money(case.balance(options.statement_date))} remains unpaid."],
        ),
    ]
    items: list[dict[str, Any]] = []
    number = 0
    for heading, paragraphs in sections:
        if not paragraphs:
            continue
        if heading:
            items.append({"heading": heading})
        for text in paragraphs:
            number += 1
            items.append({"heading": "", "number": number, "text": text})
    return items
