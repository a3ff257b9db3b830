"""The local copy of official HMCTS PDFs: where it lives, whether a form is installed, fetching it.

Why shipped copies plus a cache, each checked by SHA-256: the official forms courtpack maps
(N1, N180, N244, N260) ship inside the package under the Open Government Licence
(``court_forms/official/``), so a clone works offline; a newer edition, or a form not shipped, can be
fetched into a cache folder. Either way courtpack refuses any file but the edition its spec was
mapped against (a new edition moves boxes, and a value in the wrong box is worse than
courtpack's own rendering).
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from ...errors import DocumentError
from ...files import write_atomically
from ...resources import data_dir
from .spec import FormSpec

TIMEOUT_SECONDS = 30


def forms_dir() -> Path:
    """``COURTPACK_FORMS_DIR``, else ``~/.cache/courtpack/forms``."""
    configured = os.environ.get("COURTPACK_FORMS_DIR")
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "courtpack" / "forms"


def shipped_dir() -> Path:
    """The official PDFs that ship with courtpack (Crown copyright, Open Government Licence v3.0)."""
    return data_dir("sources") / "official"


def installed_path(spec: FormSpec) -> Path | None:
    """The official PDF for ``spec``: the forms folder's copy first, else the shipped one, else None."""
    if spec.official is None:
        return None
    for folder in (forms_dir(), shipped_dir()):
        path = folder / spec.official.file
        if path.is_file():
            return path
    return None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.lru_cache(maxsize=16)
def _checked_bytes(path: str, mtime: float, size: int, expected: str) -> bytes:
    data = Path(path).read_bytes()
    actual = sha256_of(data)
    if actual != expected:
        raise DocumentError(
            f"{path}: SHA-256 {actual} is not the {expected} courtpack's form spec was mapped "
            "against; delete the file and run `courtpack forms fetch` again, or use --own"
        )
    return data


def official_bytes(spec: FormSpec) -> bytes:
    """The verified bytes of the installed official PDF; DocumentError if missing or altered."""
    path = installed_path(spec)
    if path is None or spec.official is None:
        raise DocumentError(
            f"the official {spec.number} is not installed in {forms_dir()}; run "
            f"`courtpack forms fetch {spec.number}` or use courtpack's own rendering (--own)"
        )
    stat = path.stat()
    return _checked_bytes(str(path), stat.st_mtime, stat.st_size, spec.official.sha256)


def fetch(spec: FormSpec, url: str | None = None, target_dir: Path | None = None) -> Path:
    """Download the official PDF into the forms folder and check its SHA-256; returns its path."""
    import requests

    if spec.official is None:
        raise DocumentError(
            f"courtpack knows no official source for {spec.number}; its own rendering is the "
            "only output (PD 4 allows a modified form carrying all the essential information)"
        )
    address = url or spec.official.source
    if not address.startswith(("http://", "https://")):
        raise DocumentError(
            f"{spec.number}: the official address is not confirmed ({address}); download the "
            f"form from gov.uk yourself and save it as {forms_dir() / spec.official.file}"
        )
    try:
        response = requests.get(address, timeout=TIMEOUT_SECONDS)
        response.raise_for_status()
    except requests.RequestException as err:
        reason = type(err).__name__
        raise DocumentError(
            f"could not download {spec.number} from {address} ({reason}): courtpack may be offline; "
            "check the internet "
            f"connection or proxy, or copy the PDF to {forms_dir() / spec.official.file} by hand"
        ) from None
    data = response.content
    actual = sha256_of(data)
    if actual != spec.official.sha256:
        raise DocumentError(
            f"{spec.number} downloaded from {address} has SHA-256 {actual}, not the expected "
            f"{spec.official.sha256}: HMCTS may have published a new edition; courtpack's map "
            "must be checked against it before use"
        )
    target = (target_dir or forms_dir()) / spec.official.file
    return write_atomically(target, data, create_folder=True)
