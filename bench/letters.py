"""Letters: courtpack's rendering against bare docxtpl, and batched PDF conversion.

1. 200 letters of claim through courtpack (facts -> context -> template -> DOCX,
   atomic write) versus the same template rendered by bare docxtpl with a
   prepared context, in the same run. Target ratio <= 1.3.
2. 50 DOCX -> PDF conversions in one LibreOffice start (courtpack's way) versus
   one LibreOffice start per file. Target per-document ratio <= 0.3.

    .venv/bin/python bench/letters.py [--letters 200] [--pdfs 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docassemble.courtpack.case import read_case  # noqa: E402
from docassemble.courtpack.documents.convert import convert_to_pdf, soffice_path  # noqa: E402
from docassemble.courtpack.documents.letters import LetterOptions, letter_context  # noqa: E402
from docassemble.courtpack.documents.render import Template, jinja_env  # noqa: E402
from docassemble.courtpack.resources import template_path  # noqa: E402

LETTER = "letter_of_claim.docx"


def courtpack_letters(count: int, out: Path) -> float:
    case = read_case(ROOT / "examples" / "FTA-2025-0142.yaml")
    options = LetterOptions(letter_date=dt.date(2025, 4, 7))
    start = time.perf_counter()
    template = Template(LETTER)
    for n in range(count):
        template.render(letter_context(case, options), out / f"courtpack-{n}.docx")
    return time.perf_counter() - start


def bare_docxtpl_letters(count: int, out: Path) -> float:
    case = read_case(ROOT / "examples" / "FTA-2025-0142.yaml")
    context = letter_context(case, LetterOptions(letter_date=dt.date(2025, 4, 7)))
    path = template_path(LETTER)
    start = time.perf_counter()
    for n in range(count):
        document = DocxTemplate(path)
        document.render(context, jinja_env())
        document.save(out / f"bare-{n}.docx")
    return time.perf_counter() - start


def one_start_per_file(sources: list[Path], out: Path) -> float:
    start = time.perf_counter()
    for source in sources:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [
                    soffice_path(),
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out),
                    str(source),
                ],
                check=True,
                capture_output=True,
            )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=200)
    parser.add_argument("--pdfs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="courtpack-bench-") as scratch:
        work = Path(scratch)
        bare_docxtpl_letters(5, work)  # warm both paths (imports, caches) before timing
        courtpack_letters(5, work)
        bare = bare_docxtpl_letters(args.letters, work)
        ours = courtpack_letters(args.letters, work)
        print(f"{args.letters} letters: courtpack {ours:.2f} s, bare docxtpl {bare:.2f} s")
        print(f"ratio {ours / bare:.2f} letters rendered vs bare docxtpl (target <= 1.3)")

        sources = [work / f"courtpack-{n}.docx" for n in range(args.pdfs)]
        batch_out, single_out = work / "batched", work / "single"
        single_out.mkdir()
        start = time.perf_counter()
        convert_to_pdf(sources, batch_out)
        batched = time.perf_counter() - start
        single = one_start_per_file(sources, single_out)
        per_batched, per_single = batched / len(sources), single / len(sources)
        print(
            f"{len(sources)} DOCX->PDF: batched {batched:.2f} s ({per_batched:.3f} s/doc), one start per file "
            f"{single:.2f} s ({per_single:.3f} s/doc)"
        )
        print(f"ratio {per_batched / per_single:.2f} batched conversion a document vs one start a file (target <= 0.3)")


if __name__ == "__main__":
    main()
