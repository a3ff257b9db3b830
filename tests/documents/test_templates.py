"""The committed DOCX templates are what templates/src/ generates (issue 13: nothing checked it).

Why compare word/document.xml: it holds every paragraph, table and tag; the package's other
parts carry creation times that differ on every run. A council that edits a shipped template
edits its own copy (``COURTPACK_TEMPLATES``), so the shipped one must stay reproducible.
"""

from __future__ import annotations

import importlib
import sys
import zipfile
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "templates" / "src"
TEMPLATES = SRC.parent
MODULES = (
    "make_forms_templates",
    "make_letter_templates",
    "make_witness_templates",
    "make_venue_templates",
    "make_possession_templates",
)


def _generated(module_name: str, out: Path) -> list[Path]:
    sys.path.insert(0, str(SRC))
    try:
        module = importlib.import_module(module_name)
    finally:
        sys.path.remove(str(SRC))
    out.mkdir(parents=True, exist_ok=True)
    module.OUT = out
    for generate in module.GENERATORS:
        generate()
    return sorted(out.glob("*.docx"))


def _body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


@pytest.mark.parametrize("module_name", MODULES)
def test_committed_templates_match_their_generators(module_name, tmp_path):
    made = _generated(module_name, tmp_path)
    assert made, f"{module_name} generated nothing"
    for path in made:
        committed = TEMPLATES / path.name
        assert committed.is_file(), f"{path.name} is generated but not committed"
        assert _body(committed) == _body(path), (
            f"templates/{path.name} differs from templates/src/{module_name}.py "
            "— re-run the generator or change the generator to match"
        )


def test_every_committed_template_has_a_generator(tmp_path):
    made = {p.name for name in MODULES for p in _generated(name, tmp_path / name)}
    assert {p.name for p in TEMPLATES.glob("*.docx")} == made
