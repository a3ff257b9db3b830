"""What the witness statement says: paragraphs, markings, sources and the statement of truth (PD 32)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from docassemble.courtpack.case.model import Event, EventKind
from docassemble.courtpack.documents.witness import STATEMENT_OF_TRUTH, PlannedExhibit, Witness, statement_context
from docassemble.courtpack.documents.witness.statement import court_heading, ordinal
from docassemble.courtpack.errors import DocumentError

EXHIBITS = [
    PlannedExhibit("PS1", "the statement of account", "statement_of_account"),
    PlannedExhibit("PS2", "a copy of the letter of claim dated 7 April 2025 and its enclosures", "letter_before_claim"),
    PlannedExhibit("PS3", "the tenancy agreement", "pdf"),
]


def paragraphs(context) -> list[str]:
    return [item["text"] for item in context["body"] if not item["heading"]]


def text_of(context) -> str:
    return " ".join(paragraphs(context))


def test_statement_of_truth_is_the_current_wording():
    assert STATEMENT_OF_TRUTH == (
        "I believe that the facts stated in this witness statement are true. I understand that proceedings for "
        "contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a "
        "document verified by a statement of truth without an honest belief in its truth."
    )


def test_markings_and_heading(case, options):
    context = statement_context(case, options(), Witness.officer_of(case.claimant), 2, EXHIBITS)
    assert context["party"] == "Claimant"
    assert context["witness_short"] == "P Shah"
    assert context["statement_ordinal"] == "2nd"
    assert context["exhibit_marks"] == "PS1–PS3"
    assert context["court_heading"] == "IN THE COUNTY COURT AT BROMLEY"
    assert context["claim_number"] == "K1QZ1234"
    assert context["defendants"] == [{"name": "Mr Daniel James Okafor", "role": "Defendant"}]
    assert context["statement_of_truth"] == STATEMENT_OF_TRUTH


def test_paragraphs_are_numbered_consecutively_in_the_first_person(case, options):
    context = statement_context(case, options(), Witness.officer_of(case.claimant), 1, EXHIBITS)
    numbers = [item["number"] for item in context["body"] if not item["heading"]]
    assert numbers == list(range(1, len(numbers) + 1))
    assert [item["heading"] for item in context["body"] if item["heading"]] == [
        "The debt",
        "Letters and payments",
        "Other documents",
        "The balance now",
    ]
    first = paragraphs(context)[0]
    assert first.startswith(
        "My name is Priya Shah. I am a Debt Recovery Officer employed by the Claimant, "
        "London Borough of Lewisham, in its Income Recovery Team, Resources Directorate."
    )
    assert "My work address is Laurence House, 1 Catford Road, London, SE6 4RU." in first
    assert "in my professional capacity" in first


def test_sources_of_knowledge_and_records(case, options):
    text = text_of(
        statement_context(
            case, options(dealt_since=dt.date(2024, 11, 4)), Witness.officer_of(case.claimant), 1, EXHIBITS
        )
    )
    assert "within my own knowledge, except where I say otherwise" in text
    assert "I have dealt with this account since 4 November 2024." in text
    assert (
        "come from the Claimant's records: the rent account for 14 Hilly Fields Crescent, London, SE4 1QA, "
        "held on the Claimant's housing management system"
    ) in text
    custom = text_of(
        statement_context(
            case,
            options(records="the garage account", records_system="Northgate"),
            Witness.officer_of(case.claimant),
            1,
            EXHIBITS,
        )
    )
    assert "records: the garage account, held on Northgate." in custom


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "I have written this statement myself, in my own words."),
        (
            {"preparation": "face_to_face", "prepared_by": "Tom Reid"},
            "This statement was prepared by Tom Reid from what I told them at a meeting in person.",
        ),
        ({"preparation": "phone"}, "prepared by a colleague from what I told them on the telephone."),
    ],
)
def test_how_the_statement_was_prepared(case, options, changes, expected):
    assert expected in text_of(
        statement_context(case, options(**changes), Witness.officer_of(case.claimant), 1, EXHIBITS)
    )


def test_english_only_statement_for_a_witness_needing_an_interpreter_is_refused(case, options, tmp_path, marks):
    from docassemble.courtpack.documents.witness import write_witness_statement

    with pytest.raises(DocumentError) as err:  # PD 32 18.1: own language, with an English translation
        write_witness_statement(
            case,
            options(interpreter="Ana Silva", interpreter_language="Portuguese"),
            tmp_path / "out",
            marks,
        )
    message = str(err.value)
    assert "Priya Shah gives evidence in Portuguese (interpreter: Ana Silva)" in message
    assert "PD 32 para 18.1" in message and "their English translation, paragraph by paragraph" in message
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    assert marks.preview(case.reference, "Priya Shah", 1).marks == ("PS1",)  # no exhibit marks used


def test_bad_preparation_is_refused(case, options):
    with pytest.raises(DocumentError, match="'by pigeon' is not one of own_words, face_to_face, phone"):
        statement_context(case, options(preparation="by pigeon"), Witness.officer_of(case.claimant), 1, [])


def test_account_history_and_exhibit_references(case, options):
    text = text_of(statement_context(case, options(), Witness.officer_of(case.claimant), 1, EXHIBITS))
    assert "The claim is for former tenant rent arrears: rent and charges due under a secure tenancy" in text
    assert (
        "written secure tenancy agreement dated 3 June 2019 between London Borough of Lewisham and "
        "Daniel James Okafor" in text
    )
    assert (
        "charged £2,387.98 in total. 2 payments totalling £350.00 were received, the last on 20 February "
        "2025. The balance owed on 2 June 2025 is £2,037.98." in text
    )
    assert "I refer to the statement of account marked 'PS1'" in text
    assert "On 7 April 2025 the Claimant sent the Defendant a Letter of Claim under the Pre-Action Protocol" in text
    assert "I refer to a copy of the letter and its enclosures marked 'PS2'." in text
    assert "I refer to the tenancy agreement marked 'PS3'." in text
    assert "The Claimant has received no reply to that letter from the Defendant." in text
    assert "The Defendant has made no payment since that letter." in text
    assert "As at the date of this statement, £2,037.98 remains unpaid." in text
    assert not re.search(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\b", text)  # numbers in figures


def test_replies_and_payments_since_the_letter(case, options):
    from decimal import Decimal

    from docassemble.courtpack.case.model import EntryKind, LedgerEntry

    case = dataclasses.replace(case)
    case.events = [
        *case.events,
        Event(dt.date(2025, 4, 20), EventKind.REPLY_RECEIVED, "Reply Form, box D ticked."),
        Event(dt.date(2025, 5, 1), EventKind.DOCUMENTS_REQUESTED, "copy of the tenancy agreement"),
    ]
    case.ledger = [*case.ledger, LedgerEntry(dt.date(2025, 5, 9), "Payment", Decimal("37.98"), EntryKind.PAYMENT)]
    text = text_of(statement_context(case, options(), Witness.officer_of(case.claimant), 1, []))
    assert "On 20 April 2025 the Claimant received a reply from the Defendant: Reply Form, box D ticked." in text
    assert "Since that letter the Defendant has paid £37.98 in 1 payment, the last on 9 May 2025" in text
    assert "On 1 May 2025 the Defendant asked for documents; copy of the tenancy agreement." in text
    assert "£2,000.00 remains unpaid" in text
    assert "marked" not in text  # no exhibits, no references


def test_no_letter_no_letter_paragraphs(case, options):
    text = text_of(statement_context(case, options(letter=None), Witness.officer_of(case.claimant), 1, []))
    assert "Letter of Claim" not in text and "no reply" not in text


def test_claim_number_is_required(case, options):
    with pytest.raises(DocumentError, match="needs the claim number"):
        statement_context(case, options(claim_number=" "), Witness.officer_of(case.claimant), 1, [])


def test_additional_facts_become_numbered_paragraphs(case, options):
    context = statement_context(
        case,
        options(additional_facts=("I visited the property on 3 March 2025.",)),
        Witness.officer_of(case.claimant),
        1,
        [],
    )
    items = [i for i in context["body"] if i.get("text") == "I visited the property on 3 March 2025."]
    assert len(items) == 1 and items[0]["number"] > 1


@pytest.mark.parametrize(
    ("court", "heading"),
    [
        ("Bromley", "IN THE COUNTY COURT AT BROMLEY"),
        ("County Court at Leeds", "IN THE COUNTY COURT AT LEEDS"),
        ("In the Civil National Business Centre", "IN THE CIVIL NATIONAL BUSINESS CENTRE"),  # not "COUNTY COURT AT"
    ],
)
def test_court_heading(court, heading):
    assert court_heading(court) == heading


def test_ordinals_and_witness_names():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
    ]
    assert Witness("Mary Jane Watson", "Officer", "X", "Y").initials_and_surname == "M J Watson"


def test_several_defendants(case, options, example_data):
    from docassemble.courtpack.case import case_from_dict

    data = example_data()
    second = {**data["debtors"][0], "first_names": "Grace", "surname": "Okafor", "title": "Mrs"}
    data["debtors"].append(second)
    two = case_from_dict(data, "test")
    context = statement_context(two, options(), Witness.officer_of(two.claimant), 1, [])
    assert [d["role"] for d in context["defendants"]] == ["First Defendant", "Second Defendant"]
    assert "the Defendants" in text_of(context)
