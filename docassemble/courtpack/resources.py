"""Where courtpack's interviews, templates and form specs live.

Why: people edit them at the top of the repository (``interviews/``,
``templates/``, ``court_forms/``), and ``setup.py`` ships them inside the
package as ``data/questions``, ``data/templates`` and ``data/sources`` where
docassemble looks. Code asks here and gets the installed copy, or the
checkout's when running from a source tree.
"""

from __future__ import annotations

from pathlib import Path

from .errors import DocumentError

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent.parent
# packaged folder -> folder in a source checkout
LAYOUT = {"questions": "interviews", "templates": "templates", "sources": "court_forms", "imports": "examples/imports"}


def data_dir(kind: str) -> Path:
    """The folder of one kind of data: ``questions``, ``templates``, ``sources`` or ``imports`` (the shipped
    income-system mappings and their example exports)."""
    packaged = PACKAGE_DIR / "data" / kind
    if packaged.is_dir():
        return packaged
    checkout = CHECKOUT_DIR / LAYOUT[kind]
    if checkout.is_dir():
        return checkout
    raise DocumentError(f"courtpack's {LAYOUT[kind]} folder is missing; reinstall the package (pip install .)")


def interview_path(name: str) -> Path:
    """``letter_before_claim`` or ``letter_before_claim.yml`` -> its file."""
    file_name = name if name.endswith(".yml") else f"{name}.yml"
    path = data_dir("questions") / file_name
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in data_dir("questions").glob("*.yml")))
        raise DocumentError(f"no interview called {name!r}; the interviews are: {known}")
    return path


def template_path(name: str) -> Path:
    """A DOCX template by file name, e.g. ``letter_of_claim.docx``."""
    path = data_dir("templates") / name
    if not path.is_file():
        raise DocumentError(f"the template {name} is missing from {data_dir('templates')}")
    return path
