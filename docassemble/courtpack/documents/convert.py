"""DOCX (and other office files) to PDF with LibreOffice, in batches.

Why batches: starting LibreOffice costs seconds, converting a letter costs a
fraction of one. One ``soffice --convert-to pdf`` call converts every file of a
job, in a private profile so that concurrent jobs (and a user's own LibreOffice)
never collide. Outputs are written to a scratch folder and moved into place only
when the whole batch succeeded.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import DocumentError, MissingDependencyError

# A letter converts in well under a second once LibreOffice is up (~3 s to start). The limit
# grows with the batch, so a 500-letter run is not cut short, but one pathological document (a
# megabyte of text in a witness's name) can no longer hold the machine for minutes.
START_SECONDS = 60
SECONDS_PER_DOCUMENT = 10
MAX_SECONDS = 1800
INSTALL_HINT = "install it with: apt-get install -y libreoffice-writer-nogui (or run `make demo`, which does)"


def soffice_path() -> str:
    """The LibreOffice program, or a clear error naming the install command."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise MissingDependencyError(f"LibreOffice is not installed; {INSTALL_HINT}")


def timeout_seconds(documents: int) -> int:
    """How long one LibreOffice run may take for a batch of ``documents``."""
    return min(MAX_SECONDS, START_SECONDS + SECONDS_PER_DOCUMENT * max(1, documents))


def run_bounded(
    command: list[str], env: dict[str, str], timeout: float, doing: str
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in its own process group; past ``timeout`` kill the whole group and say so.

    Why a group: ``soffice`` is a launcher that starts ``soffice.bin``; killing only the launcher
    (what ``subprocess.run(timeout=...)`` does) leaves the real converter running and holding
    whatever the caller locked. Killing the group started here ends both, and nothing else.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise DocumentError(
            f"LibreOffice took over {timeout:g} s {doing} and was stopped; convert fewer "
            "documents at once, or check a document for very long text"
        ) from None
    except BaseException:
        _kill_group(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _kill_group(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # the group this call started (start_new_session)
    process.communicate()


def convert_to_pdf(sources: Sequence[Path], out_dir: Path) -> list[Path]:
    """Convert every source to ``out_dir/<stem>.pdf`` with one LibreOffice start.

    Returns the PDF paths in the order given. Stems must be unique (LibreOffice
    names outputs by stem). Raises ``DocumentError`` naming the file that failed.
    """
    if not sources:
        return []
    stems = [Path(s).stem for s in sources]
    if len(set(stems)) != len(stems):
        raise DocumentError("two documents in one conversion share a file name; rename one")
    for source in sources:
        if not Path(source).is_file():
            raise DocumentError(f"{source}: no such file to convert to PDF")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="courtpack-lo-") as scratch:
        profile = Path(scratch, "profile").as_uri()
        staging = Path(scratch, "out")
        command = [
            soffice_path(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--convert-to",
            "pdf",
            "--outdir",
            str(staging),
            *[str(Path(s).resolve()) for s in sources],
        ]
        env = {**os.environ, "HOME": scratch}
        result = run_bounded(command, env, timeout_seconds(len(sources)), f"converting {len(sources)} document(s)")
        produced = []
        for source, stem in zip(sources, stems, strict=True):
            pdf = staging / f"{stem}.pdf"
            if not pdf.is_file() or pdf.stat().st_size == 0:
                detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
                raise DocumentError(
                    f"{source}: LibreOffice could not convert it to PDF ({detail[0]}); "
                    "open it in Word or LibreOffice to check it is not damaged"
                )
            produced.append(pdf)
        finals = []
        for pdf in produced:
            final = out_dir / pdf.name
            shutil.move(str(pdf), final)
            finals.append(final)
        return finals
