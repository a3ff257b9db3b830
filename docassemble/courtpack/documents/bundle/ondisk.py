"""Merging a large bundle's pages on disk with the qpdf program, so that memory stays flat.

Why: pikepdf copies a page from another PDF together with its streams' bytes (qpdf's immediate
copy), and holds them all until the bundle is saved: 10,000 pages of scans peaked at 513 MB.
The qpdf program's ``--pages`` merge reads each source and writes the merged file as it goes
(about 180 MB at 10,000 pages), and a PDF opened from a file and saved again streams its page
content from that file instead of holding it. So for a large bundle (``inputs.LARGE_INPUT_BYTES``) the
index and the sources are merged by qpdf into a scratch file, which the builder opens and
finishes (numbers, links, bookmarks, labels) exactly as it finishes a merge made in memory.
Measured at 10,000 pages (364 MB of sources): 270 MB for the build process and qpdf together,
against 513 MB in memory; but every page is written twice, so it took 9.7 s against 4.9 s.
Below the threshold the in-memory merge is the faster, which is what matters for the common
bundle of a few hundred pages. Without the qpdf program the merge is made in memory.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pikepdf

from ...errors import DocumentError
from .inputs import PreparedInput, PreparedInputs

QPDF_TIMEOUT_SECONDS = 3600
SPARE_FILE_HANDLES = 64


def wanted(inputs: PreparedInputs) -> bool:
    """Merge on disk: the bundle is large and the qpdf program is installed."""
    return inputs.large and shutil.which("qpdf") is not None


def _keep_files_open(files: int) -> str:
    """qpdf closes and reopens every source per page above 200 files (10,000 pages from 400 files:
    10.1 s against 4.4 s kept open), so keep them open when the process may hold that many."""
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return "y" if limit == resource.RLIM_INFINITY or files + SPARE_FILE_HANDLES < limit else "n"


def merge_on_disk(
    index_bytes: bytes, items: Sequence[PreparedInput], scratch: Path, progress: Callable[[str, int, int], None]
) -> pikepdf.Pdf:
    """The index then every input's pages, merged by qpdf into ``scratch``; returns it opened.

    An input changed in memory (repaired, forms flattened) or made there (image pages) is saved
    to ``scratch`` first, so qpdf merges what the in-memory merge would have. Every input is
    closed before qpdf runs: from here on the pages are read from disk.
    """
    index = scratch / "index.pdf"
    index.write_bytes(index_bytes)
    arguments = ["--empty", "--warning-exit-0", f"--keep-files-open={_keep_files_open(len(items) + 1)}"]
    arguments += ["--pages", str(index), "1-z"]
    saved: dict[int, Path] = {}
    for n, item in enumerate(items):
        source = item.file
        if source is None:
            source = saved.get(id(item.pdf))
            if source is None:
                source = saved[id(item.pdf)] = scratch / f"changed-{n:05d}.pdf"
                item.pdf.save(source)
        arguments += [str(source), f"{item.pages.start + 1}-{item.pages.stop}"]
    for item in items:
        item.pdf.close()
    merged = scratch / "merged.pdf"
    arguments += ["--", str(merged)]
    argfile = scratch / "qpdf-arguments.txt"  # one per line: no command-line length limit, spaces kept
    argfile.write_text("\n".join(arguments) + "\n", encoding="utf-8")
    progress("Merging documents", 0, len(items))
    try:
        done = subprocess.run(
            ["qpdf", f"@{argfile}"], capture_output=True, text=True, timeout=QPDF_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise DocumentError(f"the bundle's documents could not be merged by qpdf ({err}) — try again") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise DocumentError(
            f"the bundle's documents could not be merged by qpdf ({detail[0][:200]}) — "
            "check there is space in the temporary folder and try again"
        )
    progress("Merging documents", len(items), len(items))
    # read, not mapped: page content is read from the file when the bundle is saved and let go
    pdf = pikepdf.open(merged, access_mode=pikepdf.AccessMode.stream)
    if "/AcroForm" in pdf.Root:  # forms were flattened; a merge in memory carries no AcroForm either
        del pdf.Root["/AcroForm"]
    return pdf
