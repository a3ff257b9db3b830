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
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import DocumentError, MissingDependencyError

# A letter converts in well under a second once LibreOffice is up (~3 s to start). The limit
# grows with the batch, so a 500-letter run is not cut short, but one pathological document (a
# megabyte of text in a witness's name) can no longer hold the machine for minutes.
START_SECONDS = 60
SECONDS_PER_DOCUMENT = 10
MAX_SECONDS = 1800
# LibreOffice 7.4 here stops converting after about 250 documents in one start (the rest are left
# without output), so a longer list is converted in runs of this many per start
DOCUMENTS_PER_START = 150
TICK_SECONDS = 0.5  # how often a running conversion reports its progress
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
    command: list[str],
    env: dict[str, str],
    timeout: float,
    doing: str,
    *,
    tick: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in its own process group; past ``timeout`` kill the whole group and say so.

    Why a group: ``soffice`` is a launcher that starts ``soffice.bin``; killing only the launcher
    (what ``subprocess.run(timeout=...)`` does) leaves the real converter running and holding
    whatever the caller locked. Killing the group started here ends both, and nothing else.
    ``tick`` is called about every half second while it runs (a progress bar counting outputs);
    the pipes are read all the while, so a chatty converter never blocks on a full pipe.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True
    )
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            try:
                stdout, stderr = process.communicate(timeout=max(0.0, min(left, TICK_SECONDS if tick else left)))
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    raise
                if tick:
                    tick()
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
    names outputs by stem). Raises ``DocumentError`` naming the file that failed
    (and then places none of them).
    """
    outcomes = convert_each(sources, out_dir, place_partial=False)
    for outcome in outcomes:
        if isinstance(outcome, DocumentError):
            raise outcome
    return [p for p in outcomes if isinstance(p, Path)]


def convert_each(
    sources: Sequence[Path],
    out_dir: Path,
    progress: Callable[[int], None] | None = None,
    *,
    place_partial: bool = True,
) -> list[Path | DocumentError]:
    """Convert every source, ``DOCUMENTS_PER_START`` to a LibreOffice start; per source its PDF or why not.

    Why per source: a batch of a thousand letters must not lose 999 packs because one document
    would not convert. ``progress`` is told how many PDFs exist so far, while LibreOffice runs.
    With ``place_partial`` False nothing is placed unless every source converted.
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
        env = {**os.environ, "HOME": scratch}

        def tick() -> None:
            if progress and staging.is_dir():
                progress(sum(1 for _ in staging.iterdir()))

        messages = []
        for first in range(0, len(sources), DOCUMENTS_PER_START):
            part = sources[first : first + DOCUMENTS_PER_START]
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
                *[str(Path(s).resolve()) for s in part],
            ]
            result = run_bounded(
                command,
                env,
                timeout_seconds(len(part)),
                f"converting {len(part)} document(s)",
                tick=tick if progress else None,
            )
            messages.append((result.stderr or result.stdout).strip())
        outcomes: list[Path | DocumentError] = []
        for index, (source, stem) in enumerate(zip(sources, stems, strict=True)):
            pdf = staging / f"{stem}.pdf"
            if pdf.is_file() and pdf.stat().st_size > 0:
                outcomes.append(pdf)
                continue
            detail = messages[index // DOCUMENTS_PER_START].splitlines()[-1:] or ["no output"]
            outcomes.append(
                DocumentError(
                    f"{source}: LibreOffice could not convert it to PDF ({detail[0]}); "
                    "open it in Word or LibreOffice to check it is not damaged"
                )
            )
        if progress:
            progress(sum(isinstance(o, Path) for o in outcomes))
        if not place_partial and any(isinstance(o, DocumentError) for o in outcomes):
            return outcomes
        placed: list[Path | DocumentError] = []
        for outcome in outcomes:
            if isinstance(outcome, Path):
                shutil.move(str(outcome), out_dir / outcome.name)
                outcome = out_dir / outcome.name
            placed.append(outcome)
        return placed
