"""The write-off recommendation for sign-off: one page per case and a schedule for the batch (DOCX + PDF).

Why built with python-docx rather than a template: the layout is a form for an internal approver
(facts, reason, evidence, authority needed, a signature block), not wording a council edits; the
PDF comes from LibreOffice (``documents.convert``) so it matches the DOCX page for page. Both
files are made in a scratch folder and moved into place together, and each case's record of
documents gets the recommendation in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from docx import Document as Docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from ...documents.convert import convert_to_pdf
from ...law.dates import format_date
from ...law.money import format_money
from ..db import Register, session_for
from ..errors import RegisterError
from ..generated import record_document
from ..writeoff import Candidate, candidates_in
from .tables import debt_label

KIND = "write-off recommendation"


def _page(doc, c: Candidate, on: dt.date) -> None:
    doc.add_heading(f"Write-off recommendation: {c.reference}", level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in (
        ("Debtor", c.debtor),
        ("Debt", debt_label(c.debt_type)),
        ("Officer", c.officer),
        ("Amount to write off", format_money(c.outstanding)),
        ("Reason", c.reason_label),
        ("Authority needed", c.authority_label),
        ("As at", format_date(on)),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_heading("Evidence from the register", level=2)
    for sentence in c.evidence:
        doc.add_paragraph(sentence, style="List Bullet")
    doc.add_paragraph(f"Policy applied: {c.policy}.")
    doc.add_heading("Decision", level=2)
    sign = doc.add_table(rows=4, cols=2)
    sign.style = "Table Grid"
    for row, label in zip(sign.rows, ("Approved / refused", "Name and authority", "Signature", "Date"), strict=True):
        row.cells[0].text = label
        row.height = Cm(1.1)  # room to write by hand
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _schedule(doc, found: list[Candidate], on: dt.date) -> None:
    doc.add_heading(f"Write-off schedule as at {format_date(on)}", level=1)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Case", "Debtor", "Reason", "Authority", "Amount"), strict=True):
        cell.text = title
    for c in found:
        cells = table.add_row().cells
        for cell, value in zip(
            cells, (c.reference, c.debtor, c.reason_label, c.authority_label, format_money(c.outstanding)), strict=True
        ):
            cell.text = value
    for title, key in (("Totals by reason", "reason_label"), ("Totals by authority", "authority_label")):
        doc.add_heading(title, level=2)
        sums: dict[str, list] = defaultdict(lambda: [0, Decimal("0.00")])
        for c in found:
            sums[getattr(c, key)][0] += 1
            sums[getattr(c, key)][1] += c.outstanding
        totals = doc.add_table(rows=1, cols=3)
        totals.style = "Table Grid"
        for cell, text in zip(
            totals.rows[0].cells, (title.split(" by ")[1].capitalize(), "Cases", "Amount"), strict=True
        ):
            cell.text = text
        for name, (count, amount) in sorted(sums.items()):
            cells = totals.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = name, str(count), format_money(amount)
        cells = totals.add_row().cells
        cells[0].text, cells[1].text = "Total", str(len(found))
        cells[2].text = format_money(sum((c.outstanding for c in found), Decimal("0.00")))


def write_recommendation(
    db: Register | str | os.PathLike[str] | None,
    references: list[str],
    out_dir: Path,
    on: dt.date,
    who: str | None = None,
) -> list[Path]:
    """Write ``write-off recommendation <date>.docx`` and ``.pdf`` for the named cases; record them."""
    if not references:
        raise RegisterError("name at least one case to recommend for write-off")
    if not out_dir.is_dir():
        raise RegisterError(f"{out_dir}: no such folder for the recommendation; create it first")
    with session_for(db, who) as session:
        found = {c.reference: c for c in candidates_in(session, on, list(references))}
        missing = [r for r in references if r not in found]
        if missing:
            raise RegisterError(
                f"{', '.join(missing)}: not a write-off candidate on {format_date(on)} under the "
                "policy then in force (or not an open case); see: courtpack writeoff candidates"
            )
        ordered = [found[r] for r in dict.fromkeys(references)]
        stem = f"write-off recommendation {on.isoformat()}"
        with tempfile.TemporaryDirectory(prefix="courtpack-wo-") as scratch:
            docx_path = Path(scratch, f"{stem}.docx")
            doc = Docx()
            section = doc.sections[0]
            section.orientation = WD_ORIENT.PORTRAIT
            section.left_margin = section.right_margin = Cm(2)
            doc.styles["Normal"].font.name = "Arial"
            doc.styles["Normal"].font.size = Pt(10)
            for c in ordered:
                _page(doc, c, on)
            _schedule(doc, ordered, on)
            doc.save(docx_path)
            (pdf_path,) = convert_to_pdf([docx_path], Path(scratch, "pdf"))
            for c in ordered:  # recorded first: a failed move below rolls the records back
                record_document(session, c.reference, KIND, pdf_path)
            targets = [out_dir / docx_path.name, out_dir / pdf_path.name]
            for source, target in zip((docx_path, pdf_path), targets, strict=True):
                shutil.move(str(source), target)
    return targets
