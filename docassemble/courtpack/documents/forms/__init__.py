"""Court forms: specs in ``court_forms/``, courtpack's own rendering and the official AcroForm fill.

Public API::

    load_spec("N1") -> FormSpec                      # spec.py
    write_form(spec, values, out_dir, reference, mode="auto") -> Path
    official_installed(spec) -> Path | None          # fetch.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ..render import safe_file_name
from .fetch import forms_dir, installed_path, official_bytes
from .spec import FormSpec, all_specs, load_spec, statement_of_truth

MODES = ("auto", "official", "own")

__all__ = [
    "MODES",
    "FormSpec",
    "all_specs",
    "form_file_name",
    "forms_dir",
    "load_spec",
    "official_installed",
    "statement_of_truth",
    "write_form",
]


def official_installed(spec: FormSpec) -> Path | None:
    return installed_path(spec)


def form_file_name(spec: FormSpec, reference: str, suffix: str = ".pdf") -> str:
    """``FTA-2025-0142 N1 claim form.pdf``."""
    return safe_file_name(f"{reference} {spec.file_label}".strip()) + suffix


def write_form(
    spec: FormSpec,
    values: dict[str, Any],
    out_dir: Path,
    reference: str = "",
    mode: str = "auto",
    file_name: str | None = None,
) -> Path:
    """Write form ``spec`` filled with ``values`` into ``out_dir``: the official PDF when installed
    (``auto``) or demanded (``official``), else courtpack's own rendering."""
    if mode not in MODES:
        raise DocumentError(f"mode {mode!r} is not known; use one of: {', '.join(MODES)}")
    target = Path(out_dir) / (file_name or form_file_name(spec, reference))
    use_official = mode == "official" or (mode == "auto" and installed_path(spec) is not None)
    if use_official:
        if spec.official is None:
            raise DocumentError(f"{spec.number} has no official fillable PDF courtpack can use; use --own")
        from .official import fill_official
        from .own import continuation_bytes

        return fill_official(spec, values, official_bytes(spec), target, continuation=continuation_bytes).path
    from .own import render_own

    return render_own(spec, values, target, reference)
