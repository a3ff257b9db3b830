"""The pre-hearing check report: order terms, schedule, payments, arrears and a balance chart.

Why both PDF and DOCX: the PDF goes in the hearing file as it is; the DOCX is for an officer who
wants to add notes. The PDF is drawn directly with reportlab (no LibreOffice start, vector chart);
the DOCX with python-docx, the chart as a PNG when it can be rasterised (see ``chart.py``).
Figures come from the register's SQL compliance query; the per-instalment schedule is listed
from the same rules (``schedule``), and tests check the two agree. Both files are built in a
scratch folder, moved into place together, and recorded in the documents table.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from ..files import output_error
from ..law.dates import add_months, format_date
from ..law.money import format_money
from .chart import Series, balance_chart, png_bytes
from .compliance import OrderCompliance
from .db import Register, open_register, resolve_actor
from .generated import record_document
from .hearings import HearingRow, hearing_compliance
from .models import Payment
from .possession import possession_hearing_tasks

PERIOD_DAYS = {"weekly": 7, "fortnightly": 14, "four_weekly": 28}
KIND = "pre-hearing check"


@dataclass(frozen=True)
class Instalment:
    number: int
    due: dt.date
    amount: Decimal
    due_so_far: Decimal


@dataclass
class ReportData:
    hearing: HearingRow
    payments: list[tuple[dt.date, Decimal, str, str]]  # date, amount, method, source/reference
    schedules: dict[int, list[Instalment]] = field(default_factory=dict)
    balance: list[Series] = field(default_factory=list)
    chart_in_docx: bool = True


def due_date(first: dt.date, frequency: str | None, index: int) -> dt.date:
    if frequency == "monthly":
        return add_months(first, index)
    return first + dt.timedelta(days=PERIOD_DAYS.get(frequency or "", 0) * index)


def schedule(order: OrderCompliance, until: dt.date, extra: int = 3) -> list[Instalment]:
    """The instalments due up to ``until``, and the next ``extra`` (same rules as the SQL)."""
    out, cumulative, index, after = [], Decimal("0.00"), 0, 0
    while cumulative < order.total:
        day = due_date(order.first_payment, order.frequency, index)
        if day > until:
            after += 1
            if after > extra:
                break
        amount = min(order.instalment, order.total - cumulative)
        cumulative += amount
        out.append(Instalment(index + 1, day, amount, cumulative))
        index += 1
    return out


def hearing_for_check(db: Register | str | None, hearing_id: int, on: dt.date) -> HearingRow:
    """One hearing with its compliance and every task before it, a possession case's included.

    Why here and not in ``hearings``: the possession tasks read the case's steps, which sit above
    ``hearings`` (recording a step lists hearings), so the two are joined one layer up.
    """
    row = hearing_compliance(db, hearing_id, on)
    possession_hearing_tasks(db, [(row.reference, row.starts_at.date(), row.tasks)], on)  # issue 15
    return row


def gather(db: Register, hearing_id: int, on: dt.date) -> ReportData:
    row = hearing_for_check(db, hearing_id, on)
    with db.transaction() as session:
        query = (
            select(Payment)
            .where(Payment.case_id == row.case_id, Payment.paid_on <= on)
            .order_by(Payment.paid_on, Payment.id)
        )
        payments = [(p.paid_on, p.amount, p.method, p.external_ref or p.source) for p in session.scalars(query)]
    data = ReportData(row, payments)
    for order in row.orders:
        data.schedules[order.order_id] = schedule(order, on)
    if row.orders:
        main = row.orders[0]
        since = [(d, a) for d, a, _, _ in payments if d >= main.made_on]
        actual, balance = [(main.made_on, main.total)], main.total
        for day, amount in since:
            balance -= amount
            actual.append((day, max(balance, Decimal("0.00"))))
        ordered = [(main.made_on, main.total)] + [
            (i.due, main.total - i.due_so_far) for i in data.schedules[main.order_id] if i.due <= on
        ]
        data.balance = [Series("Balance (payments received)", actual), Series("Balance if paid as ordered", ordered)]
    return data


def file_stem(reference: str, on: dt.date) -> str:
    return f"{reference} pre-hearing check {format_date(on)}"


def _summary_rows(data: ReportData) -> list[list[str]]:
    h = data.hearing
    return [
        ["Case", h.reference],
        ["Debtor", h.debtor],
        ["Hearing", f"{h.kind}, {h.court}"],
        ["When", h.when],
        ["Checked as at", format_date(h.on)],
        ["Compliance", h.compliance_status],
    ]


def _order_rows(order: OrderCompliance) -> list[list[str]]:
    rows = [
        [
            "Order",
            f"{order.kind.replace('_', ' ')} made {format_date(order.made_on)}"
            + (f", claim {order.claim_number}" if order.claim_number else ""),
        ],
        ["Sum ordered (with costs)", format_money(order.total)],
        ["Terms", f"{order.terms}, first payment {format_date(order.first_payment)}"],
        ["Due so far", f"{format_money(order.due_to_date)} ({order.instalments_due} instalment(s))"],
        ["Paid since the order", format_money(order.paid)],
        ["Status", order.status],
        ["Arrears", format_money(order.arrears)],
    ]
    if order.first_missed:
        rows.append(["Unpaid instalments", f"{order.missed}, the first due {format_date(order.first_missed)}"])
    if order.next_due:
        rows.append(["Next instalment due", format_date(order.next_due)])
    rows.append(["Balance outstanding", format_money(order.balance)])
    return rows


def _schedule_rows(data: ReportData, order: OrderCompliance) -> list[list[str]]:
    rows = [["No.", "Due", "Amount", "Due to date", "Position"]]
    for i in data.schedules[order.order_id]:
        if i.due > data.hearing.on:
            position = "not yet due"
        elif order.paid >= i.due_so_far:
            position = "paid"
        else:
            position = "unpaid"
        rows.append([str(i.number), format_date(i.due), format_money(i.amount), format_money(i.due_so_far), position])
    return rows


def _payment_rows(data: ReportData) -> list[list[str]]:
    return [["Date", "Amount", "Method", "Reference"]] + [
        [format_date(d), format_money(a), m, r] for d, a, m, r in data.payments
    ]


def _write_pdf(data: ReportData, target: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(target),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        title=file_stem(data.hearing.reference, data.hearing.on),
        author="courtpack",
    )

    def table(rows: list[list[str]], header: bool = False) -> Table:
        t = Table(rows, hAlign="LEFT")
        style = [
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde5f0")))
        t.setStyle(TableStyle(style))
        return t

    h = data.hearing
    story = [Paragraph(f"Pre-hearing check: {h.reference}", styles["Title"]), table(_summary_rows(data)), Spacer(1, 12)]
    for order in h.orders:
        story += [
            Paragraph("Order and compliance", styles["Heading2"]),
            table(_order_rows(order)),
            Spacer(1, 8),
            Paragraph("Schedule of instalments", styles["Heading3"]),
            table(_schedule_rows(data, order), header=True),
        ]
    if not h.orders:
        story.append(Paragraph("No order for payment is recorded for this case.", styles["Normal"]))
    story += [
        Paragraph("Payments received", styles["Heading2"]),
        table(_payment_rows(data), header=True) if data.payments else Paragraph("None recorded.", styles["Normal"]),
    ]
    if data.balance:
        chart = balance_chart(data.balance, h.on)
        story.append(KeepTogether([Paragraph("Balance over time", styles["Heading2"]), chart]))
    story.append(Paragraph("Tasks outstanding", styles["Heading2"]))
    story += [Paragraph(f"• {t}", styles["Normal"]) for t in h.tasks] or [Paragraph("None.", styles["Normal"])]
    doc.build(story)


def _write_docx(data: ReportData, target: Path) -> None:
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    h = data.hearing
    document.add_heading(f"Pre-hearing check: {h.reference}", level=1)

    def table(rows: list[list[str]], header: bool = False) -> None:
        t = document.add_table(rows=0, cols=len(rows[0]))
        t.style = "Table Grid"
        for index, values in enumerate(rows):
            cells = t.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
                if header and index == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True

    table(_summary_rows(data))
    for order in h.orders:
        document.add_heading("Order and compliance", level=2)
        table(_order_rows(order))
        document.add_heading("Schedule of instalments", level=3)
        table(_schedule_rows(data, order), header=True)
    if not h.orders:
        document.add_paragraph("No order for payment is recorded for this case.")
    document.add_heading("Payments received", level=2)
    if data.payments:
        table(_payment_rows(data), header=True)
    else:
        document.add_paragraph("None recorded.")
    if data.balance:
        document.add_heading("Balance over time", level=2)
        png = png_bytes(balance_chart(data.balance, h.on))
        if png:
            import io

            document.add_picture(io.BytesIO(png), width=Cm(16))
        else:
            data.chart_in_docx = False
            document.add_paragraph("(The chart is in the PDF version of this report; the figures are below.)")
            rows = [["Date", data.balance[0].label]] + [
                [format_date(d), format_money(v)] for d, v in data.balance[0].points
            ]
            table(rows, header=True)
    document.add_heading("Tasks outstanding", level=2)
    for task in h.tasks or ["None."]:
        document.add_paragraph(task, style="List Bullet" if h.tasks else None)
    document.save(str(target))


def pre_hearing_report(
    db: Register | str | os.PathLike[str] | None,
    hearing_id: int,
    on: dt.date,
    out_dir: str | os.PathLike[str],
    *,
    who: str,
) -> list[Path]:
    """Write "<REF> pre-hearing check <date>.docx" and ".pdf" into ``out_dir``; returns [docx, pdf]."""
    who = resolve_actor(who)  # before anything is written: a report nobody can be named for is refused
    register = open_register(db)
    try:
        data = gather(register, hearing_id, on)
        out = Path(out_dir)
        stem = file_stem(data.hearing.reference, on)
        try:
            out.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=out, prefix=".courtpack-") as scratch:
                docx, pdf = Path(scratch, f"{stem}.docx"), Path(scratch, f"{stem}.pdf")
                _write_docx(data, docx)
                _write_pdf(data, pdf)
                finals = []
                for made in (docx, pdf):
                    final = out / made.name
                    os.replace(made, final)
                    finals.append(final)
        except OSError as err:
            raise output_error(out, err) from None
        with register.transaction(who) as session:
            for path in finals:
                record_document(session, data.hearing.reference, KIND, path, who=who)
        return finals
    finally:
        if register is not db:
            register.dispose()
