"""DOCX (and other office files) to PDF with LibreOffice, in batches.

Why batches: starting LibreOffice costs seconds, converting a letter costs a
fraction of one. One ``soffice --convert-to pdf`` call converts every file of a
job, in a private profile so that concurrent jobs (and a user's own LibreOffice)
never collide. Outputs are written to a scratch folder and moved into place only
when the whole batch succeeded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import DocumentError, MissingDependencyError

CONVERT_TIMEOUT_SECONDS = 600
INSTALL_HINT = "install it with: apt-get install -y libreoffice-writer-nogui (or run `make demo`, which does)"


def soffice_path() -> str:
    """The LibreOffice program, or a clear error naming the install command."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise MissingDependencyError(f"LibreOffice is not installed; {INSTALL_HINT}")


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
            soffice_path(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--nologo", "--nodefault", "--convert-to", "pdf", "--outdir", str(staging),
            *[str(Path(s).resolve()) for s in sources],
        ]
        env = {**os.environ, "HOME": scratch}
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=CONVERT_TIMEOUT_SECONDS,
                                    env=env, check=False)
        except subprocess.TimeoutExpired:
            raise DocumentError(f"LibreOffice took over {CONVERT_TIMEOUT_SECONDS} s converting "
                                f"{len(sources)} document(s); try fewer at once") from None
        produced = []
        for source, stem in zip(sources, stems, strict=True):
            pdf = staging / f"{stem}.pdf"
            if not pdf.is_file() or pdf.stat().st_size == 0:
                detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
                raise DocumentError(f"{source}: LibreOffice could not convert it to PDF ({detail[0]}); "
                                    "open it in Word or LibreOffice to check it is not damaged")
            produced.append(pdf)
        finals = []
        for pdf in produced:
            final = out_dir / pdf.name
            shutil.move(str(pdf), final)
            finals.append(final)
        return finals
