"""court_bundle.yml: the bundle is made from the documents the register recorded for the case, plus
uploads — never from a folder or spec file named on the server. Each document gets a section, title
and date (prefilled), in date order within its section."""

from __future__ import annotations

import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.errors import DocumentError, InterviewIncomplete
from docassemble.courtpack.headless.context import Actor, StepContext, headless_step
from docassemble.courtpack.headless.runner import run_interview
from docassemble.courtpack.interview_glue.common import record_documents
from docassemble.courtpack.register import add_case, open_register
from docassemble.courtpack.register.generated import documents_for

from ..conftest import EXAMPLES
from ..witness.conftest import flat, page_count, pdf_text, write_pdf

pytestmark = pytest.mark.slow
REVIEWER = Actor("rhian@council.example.com", frozenset({"legal_reviewer"}))
HEARING = {
    "claim_number": "K1QZ1234",
    "court": "County Court at Bromley",
    "hearing_date": "2025-09-01",
    "bundle_checked": True,
}


@pytest.fixture
def recorded(tmp_path, monkeypatch):
    """A register holding FTA-2025-0142 and three documents its steps recorded (files in the store)."""
    db = tmp_path / "register.db"
    monkeypatch.setenv("COURTPACK_DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("COURTPACK_DOCUMENT_STORE", str(tmp_path / "store"))
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    add_case(str(db), case, who="tests")
    made = tmp_path / "made"
    made.mkdir()
    files = [
        write_pdf(made / "FTA-2025-0142 letter of claim pack.pdf", "LETTER", 2),
        write_pdf(made / "FTA-2025-0142 N1 claim form.pdf", "CLAIM", 1),
        write_pdf(made / "FTA-2025-0142 particulars of claim.pdf", "PARTICULARS", 1),
    ]
    with headless_step(StepContext(actor=REVIEWER, output_dir=made)):
        record_documents(case, "letter before claim", [str(files[0])])
        record_documents(case, "claim", [str(files[1]), str(files[2])])
    register = open_register(str(db))
    ids = {d.file_name: f"r{d.id}" for d in documents_for(register, "FTA-2025-0142")}
    register.dispose()
    return ids


def run(answers, out):
    return run_interview("court_bundle", answers, out, reference="FTA-2025-0142", actor=REVIEWER)


def test_bundle_of_recorded_documents_and_an_upload_in_date_order(recorded, tmp_path):
    upload = write_pdf(tmp_path / "tenancy agreement.pdf", "TENANCY", 3)
    letter = recorded["FTA-2025-0142 letter of claim pack.pdf"]
    claim = recorded["FTA-2025-0142 N1 claim form.pdf"]
    particulars = recorded["FTA-2025-0142 particulars of claim.pdf"]
    answers = {
        **HEARING,
        "bundle_picked": {letter: True, claim: True, particulars: True},
        "bundle_uploads": [str(upload)],
        "bundle_details_done": True,
        # the particulars are dated before the claim form: date order within section A puts them first
        "bundle_date": {claim: "2025-06-02", particulars: "2025-06-01", letter: "2025-04-07", "u1": "2019-05-01"},
        "bundle_title": {"u1": "Tenancy agreement"},
    }
    result = run(answers, tmp_path / "out")
    assert [p.name for p in result.documents] == ["FTA-2025-0142 trial bundle.pdf"]
    index = flat(pdf_text(result.documents[0], 1, 1))
    assert index.index("A1 Particulars of claim") < index.index("A2 N1 claim form")
    # C: the tenancy agreement (2019) before the letter (2025)
    assert index.index("C1 Tenancy agreement") < index.index("C2 Letter of claim pack")
    assert page_count(result.documents[0]) == 1 + 1 + 1 + 3 + 2
    register = open_register(str(tmp_path / "register.db"))
    bundles = [
        (d.kind, d.file_name, d.created_by)
        for d in documents_for(register, "FTA-2025-0142")
        if d.kind == "court bundle"
    ]
    register.dispose()
    assert bundles == [("court bundle", "FTA-2025-0142 trial bundle.pdf", REVIEWER.user)]


def test_a_section_can_be_changed_and_unticked_documents_stay_out(recorded, tmp_path):
    letter = recorded["FTA-2025-0142 letter of claim pack.pdf"]
    answers = {
        **HEARING,
        "bundle_picked": {letter: True},
        "bundle_uploads": [],
        "bundle_details_done": True,
        "bundle_section": {letter: "A"},
        "bundle_title": {letter: "Letter before claim"},
    }
    result = run(answers, tmp_path / "out")
    index = flat(pdf_text(result.documents[0], 1, 1))
    assert "A1 Letter before claim" in index and "claim form" not in index.lower()


@pytest.mark.parametrize("picked", [{"r999": True}, ["../../etc/passwd"]])
def test_only_documents_recorded_for_the_case_can_be_chosen(recorded, tmp_path, picked):
    answers = {**HEARING, "bundle_picked": picked, "bundle_uploads": [], "bundle_details_done": True}
    with pytest.raises(DocumentError, match="is not a document recorded for this case"):
        run(answers, tmp_path / "out")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_the_old_folder_and_spec_answers_are_not_questions_any_more(recorded, tmp_path):
    """A path answer is ignored: the interview asks for documents from the register instead."""
    with pytest.raises(InterviewIncomplete) as stopped:
        run(
            {
                **HEARING,
                "bundle_source": "folder",
                "documents_folder": str(tmp_path),
                "bundle_spec_file": str(tmp_path / "bundle.yaml"),
            },
            tmp_path / "out",
        )
    assert stopped.value.variable == "bundle_picked"


@pytest.mark.parametrize(
    ("missing", "question"),
    [
        ("bundle_picked", "Which documents go in the bundle?"),
        ("bundle_details_done", "Section, title and date of each document"),
        ("hearing_date", "The claim and the hearing"),
        ("bundle_checked", "Check the bundle's contents"),
    ],
)
def test_court_bundle_missing_answer(recorded, tmp_path, missing, question):
    answers = {
        k: v
        for k, v in {**HEARING, "bundle_picked": "all", "bundle_uploads": [], "bundle_details_done": True}.items()
        if k != missing
    }
    with pytest.raises(InterviewIncomplete) as caught:
        run(answers, tmp_path / "out")
    assert caught.value.variable == missing
    assert caught.value.question == question
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
