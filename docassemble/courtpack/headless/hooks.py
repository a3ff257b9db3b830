"""The pluggy hooks that docassemble's web app normally provides, for in-process runs.

Why: docassemble.base asks its host (hookspecs) for configuration, defaults,
file lookups and URLs. Headless, there is no web app, no database and no file
store, so each hook answers from the configuration, the local file system or
with an inert value. Only hooks that assembling an interview calls are here.
"""

from __future__ import annotations

import mimetypes
import os
import re
from pathlib import Path
from typing import Any

import pluggy

hookimpl = pluggy.HookimplMarker("docassemble")


class HeadlessHost:
    """One object implementing the hooks; registered once per process."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    @hookimpl
    def get_configuration(self) -> dict[str, Any]:
        return self.config

    @hookimpl
    def get_default_language(self) -> str:
        return self.config.get("default language", "en")

    @hookimpl
    def get_default_dialect(self) -> str:
        return "uk"

    @hookimpl
    def get_default_voice(self) -> str:
        return ""

    @hookimpl
    def get_default_locale(self) -> str:
        return self.config.get("default locale", "en_GB.UTF-8")

    @hookimpl
    def get_default_timezone(self) -> str:
        return self.config.get("default timezone", "Europe/London")

    @hookimpl
    def get_default_country(self) -> str:
        return self.config.get("default country", "GB")

    @hookimpl
    def get_hostname(self) -> str:
        return "localhost"

    @hookimpl
    def get_debug_status(self) -> bool:
        return False

    @hookimpl
    def get_main_page_parts(self) -> dict[str, Any]:
        return {}

    @hookimpl
    def url_for(self, endpoint: str, kwargs: dict[str, Any]) -> str:
        return f"/{endpoint}"

    @hookimpl
    def url_finder(self, file_reference: Any, kwargs: dict[str, Any]) -> str:
        return f"file:{file_reference}"

    @hookimpl
    def get_ext_and_mimetype(self, filename: str) -> tuple[str, str]:
        mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        return os.path.splitext(filename)[1].lstrip(".").lower(), mimetype

    @hookimpl
    def file_finder(
        self,
        file_reference: Any,
        question: Any,
        folder: Any,
        package: Any,
        filename: Any,
        return_nonexistent: bool,
        uids: Any,
    ) -> dict[str, Any]:
        path = _resolve(str(file_reference), folder, package)
        if path is None or (not path.exists() and not return_nonexistent):
            return {"filename": str(file_reference), "fullpath": None}
        ext, mimetype = self.get_ext_and_mimetype(path.name)
        return {"filename": path.name, "fullpath": str(path), "path": str(path), "extension": ext, "mimetype": mimetype}

    @hookimpl
    def file_number_finder(self, file_number: Any, filename: Any, uids: Any, privileged: Any) -> dict[str, Any]:
        return {"fullpath": None}

    @hookimpl
    def secure_filename(self, filename: str) -> str:
        return re.sub(r"[^A-Za-z0-9_.-]", "_", filename)

    @hookimpl
    def secure_filename_spaces_ok(self, filename: str) -> str:
        return re.sub(r"[^A-Za-z0-9 _.-]", "_", filename)

    @hookimpl
    def secure_filename_unicode_ok(self, the_filename: str) -> str:
        return re.sub(r"[/\\\x00]", "_", the_filename)

    @hookimpl
    def get_default_table_class(self) -> str:
        return "table"

    @hookimpl
    def get_default_thead_class(self) -> str:
        return ""


def _resolve(reference: str, folder: Any, package: Any) -> Path | None:
    """``docassemble.courtpack:data/templates/x.docx`` or a plain path -> a file path."""
    if os.path.isabs(reference):
        return Path(reference)
    if ":" in reference:
        package, reference = reference.split(":", 1)
    if package:
        from importlib.resources import files

        try:
            return Path(str(files(str(package)))) / reference
        except ModuleNotFoundError:
            return None
    return Path(reference)
