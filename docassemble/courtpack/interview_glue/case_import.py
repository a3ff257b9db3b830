"""Cases from an income-system export uploaded on the start page, imported by the background worker.

Why a background task: an export of a few thousand accounts takes longer than a page request may;
the start page shows the worker's progress and then what was added, or the rows to correct. Why
the role is checked here too: the button is shown only to officers and managers, but its value can
be posted by anyone signed in. The import itself is ``register.import_cases``: all rows or none.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..errors import CourtpackError
from ..headless import server
from ..register.errors import ImportRowsError
from ..register.import_cases import import_cases, read_cases_mapping
from ..resources import data_dir
from .acting import acting_user, require
from .cases import register_url
from .progress import set_progress
from .storage import private_folder

__all__ = [
    "IMPORT_ACTION",
    "case_mapping_choices",
    "import_case_export",
    "mappings_folder",
    "needs_transactions",
    "run_import_cases",
]

IMPORT_ACTION = "import_cases"


def mappings_folder() -> Path:
    """The shipped mappings: ``data/imports`` in an installed package, ``examples/imports`` in a checkout."""
    return data_dir("imports")


def _is_cases_mapping(path: Path) -> bool:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return False
    return isinstance(data, dict) and data.get("kind") == "cases"


def case_mapping_choices(folder: Path | None = None) -> list[dict[str, str]]:
    """The shipped ``kind: cases`` mappings, as docassemble choices (file stem -> the system it reads)."""
    found = sorted(p for p in (folder or mappings_folder()).glob("*.yaml") if _is_cases_mapping(p))
    return [{p.stem: p.stem.replace("-", " ").capitalize()} for p in found]


def _mapping(name: str, folder: Path | None = None) -> Path:
    """A shipped mapping by name; a name not offered (a posted value) is refused, never read as a path."""
    names = {key for choice in case_mapping_choices(folder) for key in choice}
    if str(name) not in names:
        raise CourtpackError(f"import mapping {name!r} is not one of the shipped mappings: {', '.join(sorted(names))}")
    return (folder or mappings_folder()) / f"{name}.yaml"


def needs_transactions(mapping_name: str, folder: Path | None = None) -> bool:
    """Whether the mapping reads a second file (a housing rent system's transactions beside its tenancies)."""
    return read_cases_mapping(_mapping(mapping_name, folder)).ledger_file is not None


def import_case_export(
    export: Path,
    export_name: str,
    mapping_name: str,
    transactions: Path | None,
    work: Path,
    who: str,
    progress: Callable[[str], None] | None = None,
    folder: Path | None = None,
) -> dict[str, Any]:
    """Import ``export`` (uploaded as ``export_name``) through a shipped mapping; the summary for the page.

    The mapping is copied into ``work`` beside the export, so its transactions file (``ledger.file``)
    is the one uploaded, never the example shipped beside the mapping. Bad rows are returned as lines
    (nothing was imported); any other refusal is returned as one line.
    """
    source = _mapping(mapping_name, folder)
    mapping = work / source.name
    shutil.copyfile(source, mapping)
    wanted = read_cases_mapping(mapping).ledger_file
    if wanted is not None:
        if transactions is None:
            raise CourtpackError(f"the {mapping_name} mapping reads a transactions file too; upload it with the export")
        shutil.copyfile(transactions, wanted)
    file = work / Path(export_name).name
    shutil.copyfile(export, file)
    if progress:
        progress(f"Importing {file.name}…")
    try:
        result = import_cases(register_url(), file, mapping, who=who)
    except ImportRowsError as err:
        return {"ok": False, "errors": [p.describe(Path(err.source).name) for p in err.problems]}
    except CourtpackError as err:
        return {"ok": False, "errors": [str(err)]}
    if progress:
        progress(f"Done: {len(result.added)} case(s) added.")
    return {
        "ok": True,
        "rows": result.rows,
        "added": list(result.added),
        "updated": list(result.updated),
        "unchanged": list(result.unchanged),
        "errors": [],
    }


def _one_path(upload: Any) -> tuple[Path, str] | None:
    if not upload:
        return None
    paths = list(server.uploaded_paths(upload))
    if len(paths) != 1:
        raise CourtpackError("upload exactly one file in each box")
    return paths[0]


def run_import_cases(upload: Any, transactions_upload: Any, mapping_name: str, key: str) -> dict[str, Any]:
    """The background task's body (Celery worker): officers and managers only; progress to Redis."""
    require(IMPORT_ACTION)
    export = _one_path(upload)
    if export is None:
        raise CourtpackError("upload the income system's export (CSV or XLSX)")
    extra = _one_path(transactions_upload)
    work = Path(tempfile.mkdtemp(prefix="courtpack-import-", dir=private_folder("steps")))
    try:
        return import_case_export(
            export[0],
            export[1],
            mapping_name,
            extra[0] if extra else None,
            work,
            acting_user(),
            progress=lambda text: set_progress(key, text),
        )
    finally:
        shutil.rmtree(work)
