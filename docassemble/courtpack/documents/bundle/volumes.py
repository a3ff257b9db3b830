"""Paper volumes: the bundle split into files of at most 300 pages each.

Why: the guidance limits a paper volume to 300 pages. Each volume keeps the
bundle's stamped numbers (volume 2 starts at, say, page 301) and its page
labels start there too, so "page 412" means the same page on paper and on
screen. Splits fall between documents where that keeps volumes at least half
full, else mid-document. Bookmarks are kept for whatever each volume holds;
index links to pages in other volumes are removed (they would point nowhere).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Name, OutlineItem

from ...errors import DocumentError
from . import pdfdoc

MAX_VOLUME_PAGES = 300


@dataclass
class _Mark:
    title: str
    start: int  # 0-based page
    end: int = -1
    children: list[_Mark] = field(default_factory=list)


def plan_volumes(total: int, max_pages: int = MAX_VOLUME_PAGES, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """1-based inclusive (first, last) per volume; ``breaks`` are preferred first pages (documents)."""
    if max_pages < 1:
        raise DocumentError(f"a volume must hold at least 1 page (asked for {max_pages}) — use e.g. 300")
    starts = sorted({b for b in breaks if 1 < b <= total})
    volumes, first = [], 1
    while first <= total:
        last = min(first + max_pages - 1, total)
        if last < total:
            fitting = [b for b in starts if first < b <= last + 1]
            if fitting and fitting[-1] - first >= max_pages // 2:
                last = fitting[-1] - 1
        volumes.append((first, last))
        first = last + 1
    return volumes


def _read_marks(pdf: pikepdf.Pdf) -> list[_Mark]:
    index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}

    def target(item: OutlineItem) -> int | None:
        dest = item.destination
        if dest is None and item.action is not None:
            dest = item.action.get("/D")
        if isinstance(dest, int):
            return dest
        if isinstance(dest, pikepdf.Array) and len(dest) and isinstance(dest[0], pikepdf.Dictionary):
            return index.get(dest[0].objgen)
        return None

    def walk(items: list[OutlineItem]) -> list[_Mark]:
        marks = []
        for item in items:
            children = walk(item.children)
            start = target(item)
            if start is None:
                start = children[0].start if children else None
            if start is not None:
                marks.append(_Mark(str(item.title), start, children=children))
        return marks

    with pdf.open_outline() as outline:
        marks = walk(outline.root)
    flat: list[tuple[int, _Mark]] = []

    def flatten(items: list[_Mark], depth: int) -> None:
        for mark in items:
            flat.append((depth, mark))
            flatten(mark.children, depth + 1)

    flatten(marks, 0)
    for i, (depth, mark) in enumerate(flat):
        later = [m.start for d, m in flat[i + 1 :] if d <= depth and m.start > mark.start]
        mark.end = (min(later) - 1) if later else len(pdf.pages) - 1
    return marks


def _outline_for(marks: list[_Mark], first: int, last: int, pdf: pikepdf.Pdf) -> list[OutlineItem]:
    items = []
    for mark in marks:
        if mark.end < first or mark.start > last:
            continue
        item = OutlineItem(mark.title, pdfdoc.destination(pdf.pages, max(mark.start, first) - first))
        item.children.extend(_outline_for(mark.children, first, last, pdf))
        items.append(item)
    return items


def _volume_path(bundle: Path, out_dir: Path, number: int) -> Path:
    return out_dir / f"{bundle.stem}-volume-{number}.pdf"


def split_volumes(
    bundle: Path,
    max_pages: int = MAX_VOLUME_PAGES,
    *,
    out_dir: Path | None = None,
    breaks: Sequence[int] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[Path]:
    """Write ``<stem>-volume-<n>.pdf`` files beside ``bundle`` (or in ``out_dir``); returns their paths."""
    bundle = Path(bundle)
    out_dir = Path(out_dir) if out_dir else bundle.parent
    from .inputs import open_pdf

    source, problem = open_pdf(bundle) if bundle.is_file() else (None, "no such bundle — build it first")
    if problem:
        raise DocumentError(f"{bundle}: {problem}")
    try:
        total = len(source.pages)
        marks = _read_marks(source)
        if breaks is None:
            breaks = sorted({m.start + 1 for m in _all_marks(marks)})
        title = str(source.docinfo.get(Name.Title, "")) or bundle.stem
    finally:
        source.close()
    plan = plan_volumes(total, max_pages, breaks)
    paths = []
    for number, (first, last) in enumerate(plan, start=1):
        if progress:
            progress("Writing volumes", number - 1, len(plan))
        path = _volume_path(bundle, out_dir, number)
        _write_volume(
            bundle,
            path,
            first - 1,
            last - 1,
            marks,
            f"{title} \u2014 volume {number} of {len(plan)} (pages {first}\u2013{last})",
        )
        paths.append(path)
    if progress:
        progress("Writing volumes", len(plan), len(plan))
    return paths


def _all_marks(marks: list[_Mark]) -> list[_Mark]:
    return [m for mark in marks for m in (mark, *_all_marks(mark.children))]


def _write_volume(bundle: Path, path: Path, first: int, last: int, marks: list[_Mark], title: str) -> None:
    with pikepdf.open(bundle) as pdf:
        keep = {pdf.pages[n].obj.objgen for n in range(first, last + 1)}
        for key in ("/Outlines", "/OpenAction", "/Dests"):
            if key in pdf.Root:
                del pdf.Root[key]
        for n in range(first, last + 1):  # links to pages in other volumes would point nowhere
            page = pdf.pages[n].obj
            annots = page.get("/Annots")
            if annots is None:
                continue
            kept = [a for a in annots if (t := pdfdoc.link_target(a)) is None or t.objgen in keep]
            if len(kept) != len(annots):
                page.Annots = pdf.make_indirect(pikepdf.Array(kept))
        del pdf.pages[last + 1 :]
        del pdf.pages[:first]
        with pdf.open_outline() as outline:
            outline.root.extend(_outline_for(marks, first, last, pdf))
        pdfdoc.set_page_labels(pdf, first + 1)
        pdfdoc.set_opening_view(pdf)
        pdfdoc.set_title(pdf, title, subject="Court bundle (paper volume)")
        pdfdoc.save_atomically(pdf, path)
