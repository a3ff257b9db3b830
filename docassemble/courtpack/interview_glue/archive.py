"""One ZIP of many documents (a batch's download), written whole or not at all."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["zip_files"]


def zip_files(paths: Iterable[str], target: Path) -> str:
    """Each file under ``<its folder's name>/<its name>``; the ZIP appears only when complete."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, suffix=".zip.tmp")
    os.close(handle)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                p = Path(path)
                archive.write(p, f"{p.parent.name}/{p.name}")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return str(target)
