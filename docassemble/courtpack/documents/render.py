"""Rendering DOCX templates (docxtpl) into documents, safely.

Why here: every letter, statement and particulars of claim is a DOCX template
in ``templates/`` that a council may edit. When an edit breaks a tag, the
officer must be told which template and which tag — not a Jinja traceback —
and no half-written file may be left behind.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from ..errors import DocumentError
from ..files import write_atomically
from ..law.dates import format_date
from ..law.money import format_money
from ..resources import template_path

_ENV: jinja2.Environment | None = None


def jinja_env() -> jinja2.Environment:
    """One environment for all templates: strict undefined, money and date filters."""
    global _ENV
    if _ENV is None:
        env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)  # noqa: S701 - DOCX XML is escaped by docxtpl
        env.filters["money"] = format_money
        env.filters["date"] = format_date
        _ENV = env
    return _ENV


def safe_file_name(name: str) -> str:
    """A download name officers recognise (``FTA-2025-0142 N1 claim form.pdf``), safe on every OS."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "-", name).strip(" .")
    return cleaned or "document"


class Template:
    """A loaded DOCX template; load once and render many times (batch letters)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.path = template_path(name)
        try:
            self._source = self.path.read_bytes()
        except OSError as err:
            raise DocumentError(f"template {name}: cannot be read ({err.strerror})") from None

    def render(self, context: dict[str, Any], target: Path) -> Path:
        """Render ``context`` into ``target`` (a .docx path)."""
        document = DocxTemplate(io.BytesIO(self._source))
        try:
            document.render(context, jinja_env())
        except jinja2.UndefinedError as err:
            raise DocumentError(
                f"template {self.name}: the tag uses {_undefined_name(err)}, which courtpack "
                "does not provide; correct the tag (see docs/templates.md)"
            ) from None
        except jinja2.TemplateSyntaxError as err:
            raise DocumentError(
                f"template {self.name}: a tag is malformed near line {err.lineno} "
                f"({err.message}); check the {{{{ }}}} and {{% %}} pairs"
            ) from None
        return write_atomically(target, document.save, create_folder=True)


def _undefined_name(err: jinja2.UndefinedError) -> str:
    match = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(err))
    if match:
        return repr(match.group(1) or match.group(2))
    return str(err)
