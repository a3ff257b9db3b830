"""One staging writer: every multi-file step places all its files or none (issue 13).

Conversion is made to fail the way it fails on a machine without LibreOffice: ``PATH`` holds no
``soffice``, so ``convert_to_pdf`` raises ``MissingDependencyError`` after the step has already
staged its first files (the N1, the particulars, the enforcement forms, the letter DOCX). Before
the change those earlier files were left in the output folder.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.case.figures import judgment_position
from docassemble.courtpack.case.model import Judgment
from docassemble.courtpack.documents._output import OutputSet
from docassemble.courtpack.documents.forms.claim_pack import ClaimOptions, write_claim_pack
from docassemble.courtpack.documents.letters import LetterOptions, write_letter_pack
from docassemble.courtpack.documents.witness import LetterExhibit, StatementOptions, write_witness_statement
from docassemble.courtpack.errors import DocumentError, MissingDependencyError
from docassemble.courtpack.files import write_atomically
from docassemble.courtpack.interview_glue.enforcement import enforcement_answers, enforcement_documents
from docassemble.courtpack.interview_glue.witness import RegisterMarks

from ..conftest import EXAMPLES


@pytest.fixture
def no_libreoffice(tmp_path, monkeypatch):
    empty = tmp_path / "bin-without-soffice"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


def test_output_set_places_nothing_when_the_step_fails(tmp_path):
    out_dir = tmp_path / "out"
    with pytest.raises(RuntimeError), OutputSet(out_dir) as out:
        out.stage("one.txt").write_text("1")
        raise RuntimeError("the second document failed")
    assert _left(out_dir) == []


def test_output_set_places_every_file_and_replaces_older_copies(tmp_path):
    (tmp_path / "one.txt").write_text("old")
    with OutputSet(tmp_path) as out:
        out.stage("one.txt").write_text("new")
        out.stage("two.txt").write_text("2")
    assert _left(tmp_path) == ["one.txt", "two.txt"]
    assert (tmp_path / "one.txt").read_text() == "new"


def test_a_folder_in_the_way_is_refused_before_anything_moves(tmp_path):
    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").mkdir()  # a folder where a file must go
    (tmp_path / "b.txt" / "keep").write_text("x")
    with pytest.raises(DocumentError, match="in the way"), OutputSet(tmp_path) as out:
        out.stage("a.txt").write_text("new a")
        out.stage("b.txt").write_text("new b")
    assert (tmp_path / "a.txt").read_text() == "old a"
    assert _left(tmp_path) == ["a.txt", "b.txt", "keep"]


def test_a_rename_failing_midway_restores_the_earlier_copies(tmp_path, monkeypatch):
    from docassemble.courtpack.documents import _output

    (tmp_path / "a.txt").write_text("old a")
    real_replace = _output.os.replace

    def replace(source, target):  # the disk fills up as the second document is placed
        if Path(target) == tmp_path / "b.txt":
            raise OSError(28, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(_output.os, "replace", replace)
    with pytest.raises(OSError, match="No space"), OutputSet(tmp_path) as out:
        out.stage("a.txt").write_text("new a")
        out.stage("b.txt").write_text("new b")
    monkeypatch.undo()
    assert (tmp_path / "a.txt").read_text() == "old a"  # the earlier copy is back, not lost
    assert _left(tmp_path) == ["a.txt"]


def test_single_file_save_leaves_nothing_when_the_writer_fails(tmp_path):
    def broken(path: Path) -> None:
        path.write_text("half")
        raise ValueError("disk full")

    with pytest.raises(ValueError):
        write_atomically(tmp_path / "note.json", broken)
    assert _left(tmp_path) == []


def test_claim_pack_leaves_nothing_when_conversion_fails(tmp_path, no_libreoffice):
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    options = ClaimOptions(
        issue_date=dt.date(2025, 11, 20),
        letter_date=dt.date(2025, 9, 1),
        hearing_centre="Lewisham",
        human_rights=False,
        vulnerability="",
        signatory_name="",
        signatory_position="",
        mode="own",
    )
    with pytest.raises(MissingDependencyError):
        write_claim_pack(case, options, tmp_path / "claim")
    assert _left(tmp_path / "claim") == []  # the N1 and the particulars DOCX were staged, then thrown away


def test_letter_pack_leaves_nothing_when_conversion_fails(tmp_path, no_libreoffice):
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    with pytest.raises(MissingDependencyError):
        write_letter_pack(case, LetterOptions(letter_date=dt.date(2025, 4, 7)), tmp_path / "letters")
    assert _left(tmp_path / "letters") == []


def test_enforcement_step_leaves_nothing_when_conversion_fails(tmp_path, no_libreoffice, monkeypatch):
    monkeypatch.delenv("COURTPACK_DATABASE_URL", raising=False)
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    judgment = Judgment(
        claim_number="K00QZ123", court="County Court at Bromley", date=dt.date(2025, 12, 20), amount=Decimal("2270.46")
    )
    position = judgment_position(case, judgment, dt.date(2026, 2, 2))
    answers = enforcement_answers(
        chosen=["writ_of_control", "order_to_obtain_information"],
        permission_granted=False,
        third_party="",
        account_details="",
        belief="",
        employer="",
        officer_name="",
        officer_position="",
        other_enforcement="",
        permission_route="",
        delay_reasons="",
        agent_name="Example HCEO Ltd",
        agent_address="1 High Street, Bromley",
        signatory_name="Priya Shah",
        signatory_position="Income Recovery Manager",
    )
    with pytest.raises(MissingDependencyError):
        enforcement_documents(case, position, answers, tmp_path / "enforce")
    assert _left(tmp_path / "enforce") == []  # N293A, N316, the referral JSON and CSV were all staged


def test_witness_statement_leaves_nothing_when_conversion_fails(tmp_path, no_libreoffice):
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    options = StatementOptions(
        statement_date=dt.date(2025, 6, 2),
        claim_number="K1QZ1234",
        court="County Court at Bromley",
        letter=LetterExhibit(dt.date(2025, 4, 7)),
    )
    marks = RegisterMarks(f"sqlite:///{tmp_path / 'register.db'}")
    with pytest.raises(MissingDependencyError):
        write_witness_statement(case, options, tmp_path / "witness", marks)
    assert _left(tmp_path / "witness") == []
    assert marks.preview(case.reference, "Priya Shah", 2).marks == ("PS1", "PS2")  # no exhibit marks used up
