"""A statement made through an interpreter: in the witness's language, with an English translation (PD 32).

PD 32 para 18.1: drafted in the witness's own language; 18.2: says it was made through an
interpreter; 20.1: the statement of truth in that language; 23.2: filed with an English
translation, the translator signing the original and certifying the translation accurate;
17.2: the date of the translation at the top right.
"""

from __future__ import annotations

import dataclasses

import pytest

from docassemble.courtpack.documents.witness import STATEMENT_OF_TRUTH, Witness, statement_context
from docassemble.courtpack.documents.witness.statement import Translation
from docassemble.courtpack.errors import DocumentError, InterviewIncomplete
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.interview_glue.witness import translation_from

from ..conftest import EXAMPLES
from .conftest import statement_text
from .test_interviews import ANSWERS, STEM

# The officer's paste: what the interpreter took down (Polish) and its translation. Test data,
# not an official wording; courtpack lays out what it is given.
POLISH = (
    "Nazywam się Priya Shah.",
    "Dłużnik nie zapłacił czynszu od stycznia 2025 r.",
    "Pokazuję wyciąg z konta oznaczony 'PS1'.",
)
ENGLISH = (
    "My name is Priya Shah.",
    "The Defendant has not paid rent since January 2025.",
    "I refer to the statement of account marked 'PS1'.",
)
TRUTH_PL = "Oświadczam, że fakty podane w niniejszym oświadczeniu świadka są prawdziwe."


def translation(**changes) -> Translation:
    base = {
        "language": "Polish",
        "interpreter": "Anna Nowak",
        "paragraphs": POLISH,
        "english": ENGLISH,
        "statement_of_truth": TRUTH_PL,
    }
    return Translation(**{**base, **changes})


def test_original_is_the_witness_words_with_their_statement_of_truth(case, options):
    witness = Witness.officer_of(case.claimant)
    context = statement_context(case, options(translation=translation()), witness, 1, [])
    # the body is the three pasted paragraphs, numbered 1-3, and nothing drafted in English
    assert [(i["number"], i["text"]) for i in context["body"]] == list(zip((1, 2, 3), POLISH, strict=True))
    assert context["statement_of_truth"] == TRUTH_PL  # PD 32 20.1
    # PD 32 23.2: the translator (here the interpreter) signs the original and certifies the translation
    assert context["translation"]["translator"] == "Anna Nowak"
    assert context["translation"]["translator_statement"] == (
        "I, Anna Nowak, certify that the English translation of the witness statement of Priya Shah dated "
        "2 June 2025, made in Polish through an interpreter, Anna Nowak, is an accurate translation of that "
        "statement. I have signed the original statement."
    )


def test_english_only_path_is_unchanged(case, options):
    context = statement_context(case, options(), Witness.officer_of(case.claimant), 1, [])
    assert context["statement_of_truth"] == STATEMENT_OF_TRUTH and context["translation"] is None
    assert any(i["heading"] == "The debt" for i in context["body"])


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"english": ENGLISH[:2]}, "3 paragraph(s) in Polish but 2 in the English translation"),
        ({"interpreter": " "}, "give the interpreter's name"),
        ({"statement_of_truth": ""}, "give the statement of truth in Polish"),
        ({"language": "English"}, "name the language the statement was made in"),
        ({"paragraphs": (), "english": ()}, "give the statement's paragraphs in Polish"),
    ],
)
def test_a_translation_that_cannot_be_filed_is_refused(case, options, tmp_path, changes, expected, marks):
    from docassemble.courtpack.documents.witness.translation import write_translated_statement

    with pytest.raises(DocumentError) as err:
        write_translated_statement(case, options(translation=translation(**changes)), tmp_path / "out", marks)
    assert expected in str(err.value)
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    # no exhibit marks used: the next statement is still the witness's first, from PS1
    preview = marks.preview(case.reference, "Priya Shah", 2)
    assert (preview.number, preview.marks) == (1, ("PS1", "PS2"))


def test_pasted_paragraphs_split_on_blank_lines():
    t = translation_from(
        "Polish", "Anna Nowak", "Nazywam się\nPriya Shah.\n\n\nDrugi.", "My name is\nPriya Shah.\n\nSecond.", TRUTH_PL
    )
    assert t.paragraphs == ("Nazywam się Priya Shah.", "Drugi.")
    assert t.english == ("My name is Priya Shah.", "Second.")
    assert t.translated_by == "Anna Nowak"


TRANSLATED = {
    **ANSWERS,
    "preparation": "face_to_face",
    "prepared_by": "Tom Reid",
    "interpreter_used": True,
    "interpreter": "Anna Nowak",
    "interpreter_language": "Polish",
    "own_language_text": "\n\n".join(POLISH),
    "english_text": "\n\n".join(ENGLISH),
    "own_statement_of_truth": TRUTH_PL,
    "translator": "",
}


def run(answers, out):
    return run_interview("witness_statement", answers, out, case_source=EXAMPLES / "FTA-2025-0142.yaml")


@pytest.mark.slow
def test_interview_produces_the_statement_and_its_english_translation(tmp_path):
    out = tmp_path / "case" / "ws"
    result = run(TRANSLATED, out)
    assert result.title == "The witness statement is ready"
    assert [p.name for p in result.documents] == [
        f"{STEM} (1).docx",
        f"{STEM} (1).pdf",
        f"{STEM} (1) with exhibits.pdf",
        f"{STEM} (1) English translation.docx",
        f"{STEM} (1) English translation.pdf",
    ]
    original = statement_text(out / f"{STEM} (1).pdf")
    assert "1. Nazywam się Priya Shah." in original and "3. Pokazuję wyciąg z konta oznaczony 'PS1'." in original
    assert TRUTH_PL in original
    assert "My name is Priya Shah" not in original  # no English body in the original
    assert "I, Anna Nowak, certify that the English translation" in original  # PD 32 23.2
    english = statement_text(out / f"{STEM} (1) English translation.pdf")
    assert "ENGLISH TRANSLATION OF THE WITNESS STATEMENT OF PRIYA SHAH made in Polish" in english
    assert "Translated: 2 June 2025" in english  # PD 32 17.2
    assert "1. My name is Priya Shah. 2. The Defendant has not paid rent since January 2025." in english
    assert STATEMENT_OF_TRUTH in english
    assert "Translator's statement I, Anna Nowak, certify" in english
    assert "Nazywam" not in english


@pytest.mark.slow
def test_interview_refuses_when_the_paragraph_counts_differ(tmp_path):
    answers = {**TRANSLATED, "english_text": "\n\n".join(ENGLISH[:2])}
    with pytest.raises(DocumentError, match=r"3 paragraph\(s\) in Polish but 2 in the English translation"):
        run(answers, tmp_path / "ws")
    assert not list((tmp_path / "ws").glob("*.pdf"))


@pytest.mark.slow
def test_interview_asks_for_the_interpreter_name(tmp_path):
    answers = {k: v for k, v in TRANSLATED.items() if k != "interpreter"}
    with pytest.raises(InterviewIncomplete) as err:
        run(answers, tmp_path / "ws")
    assert err.value.variable == "interpreter"


@pytest.mark.slow
def test_interview_asks_for_the_statement_in_the_witness_language(tmp_path):
    answers = {k: v for k, v in TRANSLATED.items() if k not in ("own_language_text", "english_text")}
    with pytest.raises(InterviewIncomplete) as err:
        run(answers, tmp_path / "ws")
    assert err.value.variable == "own_language_text"


def test_translation_is_kept_off_the_options_when_english(case, options):
    from docassemble.courtpack.interview_glue.witness import with_translation

    plain = options()
    assert with_translation(plain, None) is plain
    assert with_translation(plain, translation()) == dataclasses.replace(plain, translation=translation())
