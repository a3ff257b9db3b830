"""Benchmark: a 1,000-page court bundle from 40 sources, against a bare qpdf merge.

Run: PYTHONPATH=. .venv/bin/python bench/bundle.py

Generates 40 source PDFs (portrait, landscape and /Rotate 90 pages; text pages
and scanned-style image pages) totalling 1,000 pages, builds the full bundle in
a child process (index, links, bookmarks, page numbers, labels, metadata,
atomic write) and reads the child's peak RSS, then merges the same files with
``qpdf --empty --pages ... --`` as the baseline. Targets: build time <= 2x the
qpdf merge; peak memory <= 300 MB.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pikepdf
import yaml
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
SOURCES, TOTAL_PAGES = 40, 1000
TARGET_RATIO, TARGET_MB = 2.0, 300
RUNS = 3  # best of three for both, on a shared machine

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from docassemble.courtpack.documents.bundle import build_bundle, load_spec
started = time.perf_counter()
report = build_bundle(load_spec(Path(sys.argv[1])), Path(sys.argv[2]))
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "pages": report.page_count, "warnings": len(report.warnings),
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def scan_images(folder: Path, count: int = 6) -> list[str]:
    """Grey, noisy 'scans' (~150 dpi) as JPEG files (reportlab embeds JPEG files as they are)."""
    rng = random.Random(7)
    images = []
    for n in range(count):
        image = Image.effect_noise((1240, 1754), 18).point(lambda v: 200 + v // 8)
        draw = ImageDraw.Draw(image)
        for line in range(60):
            y = 120 + line * 26
            draw.rectangle((110, y, 110 + rng.randint(500, 1000), y + 12), fill=60 + n)
        path = folder / f"scan-{n}.jpg"
        image.save(path, "JPEG", quality=60)
        images.append(str(path))
    return images


def make_sources(folder: Path) -> list[Path]:
    rng = random.Random(42)
    counts = [TOTAL_PAGES // SOURCES] * SOURCES
    for n in range(SOURCES // 2):  # vary the lengths, keep the total
        shift = rng.randint(0, 20)
        counts[n] += shift
        counts[-1 - n] -= shift
    scans = scan_images(folder)
    paths = []
    for number, count in enumerate(counts, start=1):
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer)
        rotated = []
        for page in range(count):
            kind = (number + page) % 10
            size = landscape(A4) if kind == 3 else A4
            pdf.setPageSize(size)
            if kind in (5, 6):
                pdf.drawImage(scans[(number * 7 + page) % len(scans)], 0, 0, size[0], size[1])
            else:
                pdf.setFont("Helvetica", 10)
                for line in range(45):
                    pdf.drawString(
                        60,
                        size[1] - 60 - line * 15,
                        f"Document {number}, page {page + 1}, line {line + 1}: the defendant failed to pay "
                        "the sums due under the agreement.",
                    )
            if kind == 8:
                rotated.append(page)
            pdf.showPage()
        pdf.save()
        path = folder / f"source-{number:02d}.pdf"
        with pikepdf.open(io.BytesIO(buffer.getvalue())) as doc:
            for page in rotated:
                doc.pages[page].obj.Rotate = 90
            doc.save(path)
        paths.append(path)
    return paths


def main() -> int:
    if shutil.which("qpdf") is None:
        print("qpdf is missing: apt-get install -y qpdf", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="courtpack-bench-") as scratch:
        folder = Path(scratch)
        started = time.perf_counter()
        sources = make_sources(folder)
        pages = 0
        for path in sources:
            with pikepdf.open(path) as pdf:
                pages += len(pdf.pages)
        size_mb = sum(p.stat().st_size for p in sources) / 1e6
        print(
            f"sources: {len(sources)} PDFs, {pages} pages, {size_mb:.1f} MB "
            f"(generated in {time.perf_counter() - started:.1f} s)"
        )
        sections = "ABC"
        spec = folder / "bundle.yaml"
        spec.write_text(
            yaml.safe_dump(
                {
                    "title": "Trial bundle",
                    "claim_number": "K1QZ1234",
                    "court": "County Court at Leeds",
                    "parties": "Leeds City Council v Kirkgate Coffee Roasters Ltd",
                    "hearing_date": "2025-03-14",
                    "documents": [
                        {
                            "path": p.name,
                            "title": f"Exhibit {n}: correspondence and records",
                            "date": f"2024-{n % 12 + 1:02d}-10",
                            "section": sections[n * 3 // len(sources)],
                        }
                        for n, p in enumerate(sources)
                    ],
                }
            ),
            encoding="utf-8",
        )

        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        runs, walls = [], []
        for _ in range(RUNS):  # a fresh process each time, so ru_maxrss is this build's own peak
            started = time.perf_counter()
            child = subprocess.run(
                [sys.executable, "-c", CHILD, str(spec), str(folder / "bundle.pdf")],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            walls.append(time.perf_counter() - started)
            if child.returncode != 0:
                print(child.stderr, file=sys.stderr)
                return 1
            runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
        result = min(runs, key=lambda r: r["seconds"])
        wall = min(walls)

        qpdf_times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            subprocess.run(
                ["qpdf", "--empty", "--pages", *map(str, sources), "--", str(folder / "qpdf.pdf")], check=True
            )
            qpdf_times.append(time.perf_counter() - started)
        baseline = min(qpdf_times)

        build, peak_mb = result["seconds"], max(r["maxrss_kb"] for r in runs) / 1024
        bundle_mb = (folder / "bundle.pdf").stat().st_size / 1e6
        qpdf_mb = (folder / "qpdf.pdf").stat().st_size / 1e6
        ratio = build / baseline
        print(
            f"bundle build: {build:.2f} s for {result['pages']} pages ({bundle_mb:.1f} MB, "
            f"{result['warnings']} scanned-page warnings; best of {RUNS})"
        )
        print(f"              whole process incl. Python start-up and imports: {wall:.2f} s")
        print(f"qpdf merge:   {baseline:.2f} s ({qpdf_mb:.1f} MB; best of {RUNS})")
        print(f"ratio:        {ratio:.2f} (target <= {TARGET_RATIO}) {'OK' if ratio <= TARGET_RATIO else 'MISSED'}")
        print(
            f"peak memory:  {peak_mb:.0f} MB max RSS of the build process (target <= {TARGET_MB}) "
            f"{'OK' if peak_mb <= TARGET_MB else 'MISSED'}"
        )
        return 0 if ratio <= TARGET_RATIO and peak_mb <= TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
