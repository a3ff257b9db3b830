"""`pip install .` ships the interviews and templates where docassemble looks for them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=out,
    )
    (found,) = out.glob("docassemble_courtpack-*.whl")
    return found


def test_wheel_holds_interviews_templates_and_no_namespace_init(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "docassemble/courtpack/data/questions/letter_before_claim.yml" in names
    assert "docassemble/courtpack/data/templates/letter_of_claim.docx" in names
    assert "docassemble/courtpack/data/templates/reply_form.docx" in names
    # the official forms (OGL) and the income-system mappings the server's import screen offers
    assert "docassemble/courtpack/data/sources/official/N1_1224.pdf" in names
    assert "docassemble/courtpack/data/imports/sundry-debtors-invoices.yaml" in names
    assert "docassemble/courtpack/__init__.py" in names
    assert "docassemble/__init__.py" not in names  # PEP 420 namespace shared with docassemble.base
    assert not any("/src/" in n for n in names if n.startswith("docassemble/courtpack/data/"))


def test_installed_package_resolves_interview_by_docassemble_path(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    probe = (
        "import importlib.resources, pathlib, docassemble.courtpack as cp;"
        "p = pathlib.Path(importlib.resources.files('docassemble.courtpack'), 'data/questions/"
        "letter_before_claim.yml'); print(p.is_file(), cp.__file__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(target)},
        cwd=tmp_path,
    )
    is_file, location = result.stdout.split()
    assert is_file == "True"
    assert location.startswith(str(target))
