"""Writing one output file whole or not at all, and saying why when the folder will not take it.

Why one writer: a report, an export, a calendar or a case file that fails half way (a full disk,
a read-only share, a folder that vanished) must leave the earlier copy untouched and tell the
officer, in one sentence, which file and what to do — never "internal error". Staging beside the
target keeps the final ``os.replace`` on one filesystem, so it is atomic.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import CourtpackError


class OutputError(CourtpackError):
    """An output file could not be written (missing, read-only or full folder)."""


_FIXES = {
    errno.ENOSPC: "the disk is full; free some space or choose another folder",
    errno.EDQUOT: "your disk quota is used up; free some space or choose another folder",
    errno.EACCES: "you may not write there; choose a folder you can write to",
    errno.EPERM: "you may not write there; choose a folder you can write to",
    errno.EROFS: "that folder is read-only; choose a folder you can write to",
    errno.ENOENT: "the folder does not exist; create it first or choose another",
    errno.ENOTDIR: "part of the path is a file, not a folder; choose another path",
    errno.EISDIR: "that is a folder; give a file name",
    errno.ENAMETOOLONG: "the file name is too long; choose a shorter one",
}


def output_error(target: Path | str, err: OSError) -> OutputError:
    """The one sentence for an ``OSError`` met while writing ``target``."""
    reason = err.strerror or str(err) or type(err).__name__
    fix = _FIXES.get(err.errno or 0, "check the folder and try again")
    return OutputError(f"{target}: cannot write it ({reason}) — {fix}")


def write_atomically(
    target: str | os.PathLike[str], data: bytes | Callable[[Path], object], *, create_folder: bool = False
) -> Path:
    """Write ``data`` to ``target`` via a temporary file beside it; on any failure nothing changes.

    ``data`` is the bytes, or a function that writes the staged file at the path it is given (a DOCX
    or PDF library's ``save``). ``create_folder`` makes a missing folder first (a step's own output
    folder); otherwise a missing folder is the officer's mistake and is reported.
    """
    target = Path(target)
    if create_folder:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise output_error(target, err) from None
    if not target.parent.is_dir():
        raise OutputError(f"{target.parent}: no such folder for {target.name} — create it first or choose another")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder — give a file name")
    tmp = None
    try:
        handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=f".tmp{target.suffix}")
        with os.fdopen(handle, "wb") as out:
            if callable(data):
                data(Path(tmp))
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as err:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise output_error(target, err) from None
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise
    return target
