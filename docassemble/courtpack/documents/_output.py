"""One staging writer for every document step: stage all files, then place them all, or none.

Why: a step that writes an N1, then particulars, then converts, leaves the first files behind
when conversion fails, and an officer may post a half pack. Every producer (claim pack, letter
packs, referral pack, enforcement requests, witness statement, single-file saves) writes into a
scratch folder inside ``out_dir`` (same filesystem, so placing is a rename) and the files
appear only when the whole step succeeded.

What a failed commit leaves: before a staged file replaces an existing one, the old copy is
moved aside; if any rename fails, every new file is removed and every old copy is put back,
so the folder is as it was before the step began.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from ..errors import DocumentError

__all__ = ["OutputSet"]


class OutputSet:
    """``with OutputSet(out_dir) as out: write(out.stage(name))`` — files appear on a clean exit only.

    Every regular file left at the top of the scratch folder is placed, so a converter that
    writes ``<stem>.pdf`` beside its staged DOCX (``convert_to_pdf(docs, out.scratch)``)
    has its output placed too; sub-folders are working space and are thrown away.
    """

    def __init__(self, out_dir: Path | str) -> None:
        self.out_dir = Path(out_dir)
        self._scratch: Path | None = None
        self.placed: list[Path] = []

    @property
    def scratch(self) -> Path:
        if self._scratch is None:
            raise RuntimeError("OutputSet.scratch used outside its `with` block")
        return self._scratch

    def __enter__(self) -> OutputSet:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._scratch = Path(tempfile.mkdtemp(prefix=".courtpack-staging-", dir=self.out_dir))
        return self

    def stage(self, name: str) -> Path:
        """The scratch path for the file that will become ``out_dir/name``."""
        if Path(name).name != name or name.startswith("."):
            raise ValueError(f"staged file name {name!r} must be a plain file name")
        return self.scratch / name

    def final(self, staged: Path) -> Path:
        """Where a staged file will be (or was) placed."""
        return self.out_dir / Path(staged).name

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self._commit()
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self._scratch = None

    def _commit(self) -> None:
        staged = sorted(p for p in self.scratch.iterdir() if p.is_file() and not p.name.startswith("."))
        blocked = [self.final(p) for p in staged if self.final(p).exists() and not self.final(p).is_file()]
        if blocked:
            raise DocumentError(
                f"{blocked[0]}: a folder or other non-file is in the way of a document of that "
                "name; move it or choose another output folder"
            )
        backups = self.scratch / ".replaced"
        backups.mkdir()
        moved_aside: list[tuple[Path, Path]] = []
        placed: list[Path] = []
        try:
            for source in staged:
                target = self.final(source)
                if target.exists():
                    aside = backups / source.name
                    os.replace(target, aside)
                    moved_aside.append((aside, target))
                os.replace(source, target)
                placed.append(target)
        except BaseException:
            for target in placed:
                target.unlink(missing_ok=True)
            for aside, target in moved_aside:
                os.replace(aside, target)
            raise
        self.placed = placed
