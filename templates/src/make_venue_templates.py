"""Seed the liability order and statutory demand templates (run once; the DOCX files are then the source).

Why a script: it records how the shipped templates were made, so a reviewer can see every tag
they use (docs/templates.md lists them). Councils edit the DOCX files in ``templates/`` directly;
do not re-run this over edited files.

    .venv/bin/python templates/src/make_venue_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx_seed import new_document, para, table

OUT = Path(__file__).resolve().parent.parent


def heading(doc, text: str, size: int = 13) -> None:
    para(doc, text, bold=True, size=size)


def council_letterhead(doc) -> None:
    para(doc, "{{ council.name }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{ council.department }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{ council.address }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "Phone {{ council.phone }}  ·  {{ council.email }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "Date: {{ issued|date }}", bold=True)
    para(doc, "Account: {{ account.account }}")
    para(doc, "{{ account.name }}")
    para(doc, "{{ account.address }}")


def liability_notice() -> None:
    doc = new_document()
    council_letterhead(doc)
    heading(doc, "{{ title }}: {{ tax_label }} for {{ account.property }}")
    para(
        doc,
        "You have not paid {{ tax_label }} that is due. The amount unpaid today is {{ account.balance|money }} "
        "for the year {{ account.year }}.",
    )
    para(doc, "{{ what_to_do }}")
    para(doc, "{{ consequence }}")
    para(
        doc,
        "To pay: {{ council.payment_instructions }}. To talk to us about paying, call {{ council.phone }} "
        "quoting account {{ account.account }}. Free, independent debt advice is available from "
        "StepChange, National Debtline or Citizens Advice.",
    )
    para(doc, "This notice is given under {{ source }}.", size=9)
    doc.save(OUT / "liability_notice.docx")


def liability_summons() -> None:
    doc = new_document()
    para(doc, "{{ court.name }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "{{ court.address }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    heading(doc, "Summons to appear: application for a liability order ({{ tax_label }})")
    para(doc, "Summons number {{ summons_number }}  ·  Account {{ account.account }}  ·  Issued {{ issued|date }}")
    para(doc, "To: {{ account.name }}, {{ account.address }}")
    para(
        doc,
        "{{ council.name }} has complained to a justice of the peace that you have not paid {{ tax_label }} "
        "that you are liable to pay for {{ account.property }}, and has applied for a liability order "
        "against you.",
    )
    para(
        doc,
        "You are summoned to appear before the magistrates' court at {{ court.name }}, {{ court.address }}, "
        "on {{ hearing|date }} at {{ hearing_time }}, to show why you have not paid the sum outstanding.",
    )
    table(
        doc,
        ["What is owed", "Amount"],
        ["{{ row.label }}", "{{ row.amount|money }}"],
        "row in amounts",
        [11.0, 5.0],
        ["Total if the order is made", "{{ total|money }}"],
    )
    para(doc, "")
    heading(doc, "What you should do now", size=11)
    para(
        doc,
        "Pay {{ account.balance|money }} before the hearing and the council will not ask for a liability "
        "order for the tax; it may still ask for the costs of {{ summons_costs|money }} incurred so far. "
        "If you cannot pay, contact {{ council.name }} on {{ council.phone }} now to agree an arrangement.",
    )
    para(
        doc,
        "If you think you are not liable, or the amount is wrong, tell the council at once and come to the "
        "hearing. Not being able to pay is not a defence to the application.",
    )
    heading(doc, "If a liability order is made", size=11)
    para(doc, "{{ after_order }}")
    para(
        doc,
        "This summons is issued under {{ source }}. It is served at least {{ summons_days }} days before the hearing.",
        size=9,
    )
    doc.save(OUT / "liability_summons.docx")


def liability_schedule() -> None:
    doc = new_document(side_margin=Cm(1.5), font_size=9)
    para(doc, "{{ court.name }}", bold=True, size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    heading(
        doc,
        "Complaints for liability orders ({{ tax_label }}) — hearing {{ hearing|date }} at {{ hearing_time }}",
        size=11,
    )
    para(
        doc,
        "Applicant: {{ council.name }}. Summonses issued {{ issued|date }}. Costs on the council's agreed scale: "
        "{{ summons_costs|money }} summons and {{ order_costs|money }} order.",
    )
    table(
        doc,
        ["No.", "Summons", "Account", "Name", "Property", "Owed", "Costs", "Total"],
        [
            "{{ row.line }}",
            "{{ row.summons_number }}",
            "{{ row.account }}",
            "{{ row.name }}",
            "{{ row.property }}",
            "{{ row.balance|money }}",
            "{{ row.costs|money }}",
            "{{ row.total|money }}",
        ],
        "row in rows",
        [0.8, 3.3, 1.8, 2.8, 3.5, 2.0, 1.6, 2.0],
        [
            "",
            "",
            "",
            "{{ count }} complaints",
            "",
            "{{ total_balance|money }}",
            "{{ total_costs|money }}",
            "{{ grand_total|money }}",
        ],
    )
    para(doc, "")
    para(doc, "{{ costs_basis }}", size=8)
    doc.save(OUT / "liability_schedule.docx")


def liability_next_step() -> None:
    doc = new_document()
    council_letterhead(doc)
    heading(doc, "{{ title }}")
    para(
        doc,
        "Liability order made by {{ court.name }} on {{ order.made|date }} for {{ order.amount|money }} "
        "({{ tax_label }} {{ order.balance|money }} and costs {{ order.costs|money }}); "
        "{{ order.outstanding|money }} remains unpaid.",
    )
    para(doc, "{% if recipient %}To: {{ recipient }}{% endif %}")
    para(doc, "{% for line in body %}{{ line }}\n{% endfor %}")
    table(doc, ["Item", "Amount"], ["{{ row.label }}", "{{ row.amount }}"], "row in figures", [11.0, 5.0])
    para(doc, "")
    para(doc, "Signed for {{ council.name }}: {{ council.officer }}, {{ council.officer_position }}")
    para(doc, "Made under {{ source }}.", size=9)
    doc.save(OUT / "liability_next_step.docx")


def statutory_demand(kind: str) -> None:
    doc = new_document()
    company = kind == "company"
    para(doc, "{{ heading }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(
        doc,
        "WARNING: this is an important document. You should read it carefully and consider getting legal or "
        "debt advice at once. The time limits below start from the day it is served on "
        + ("the company." if company else "you."),
        bold=True,
    )
    heading(doc, "Creditor", size=11)
    para(doc, "{{ creditor.name }}, {{ creditor.address }}")
    heading(doc, "Debtor", size=11)
    if company:
        para(
            doc,
            "{{ debtor.name }} (company number {{ debtor.company_number }}), registered office {{ debtor.address }}",
        )
    else:
        para(
            doc,
            "{{ debtor.name }}{% if debtor.other_names %} (also known as {{ debtor.other_names }}){% endif %}, "
            "of {{ debtor.address }}",
        )
    heading(doc, "The debt", size=11)
    para(
        doc,
        "The creditor claims that "
        + ("the company owes" if company else "you owe")
        + " {{ amount|money }}, payable immediately, made up as follows:",
    )
    table(
        doc,
        ["Particulars", "Amount"],
        ["{{ item.description }}", "{{ item.amount|money }}"],
        "item in items",
        [12.0, 4.0],
        ["Total", "{{ amount|money }}"],
    )
    para(doc, "")
    para(doc, "How the debt arises: {{ consideration }}")
    para(
        doc,
        "{% if judgment %}The debt is the subject of a judgment or order of {{ judgment.court }} dated "
        "{{ judgment.date|date }}{% if judgment.claim_number %} (claim number {{ judgment.claim_number }})"
        "{% endif %}.{% endif %}",
    )
    para(doc, "{{ interest_statement }}")
    heading(doc, "What " + ("the company" if company else "you") + " must do", size=11)
    if company:
        para(
            doc,
            "The creditor demands that the company pays the debt, or secures or compounds for it to the "
            "creditor's reasonable satisfaction, within 21 days after the day this demand is served, that is "
            "by {{ comply_by|date }} if served on {{ assumed_service|date }}. If the company does not, the "
            "creditor may present a petition to the court for the company to be wound up.",
        )
        para(
            doc,
            "If the company disputes the debt, it should apply to the court at once for an injunction "
            "restraining the presentation of a winding-up petition.",
        )
    else:
        para(
            doc,
            "The creditor demands that you pay the debt, or secure or compound for it to the creditor's "
            "satisfaction, within 21 days after the day this demand is served on you, that is by "
            "{{ comply_by|date }} if served on {{ assumed_service|date }}. If you do not, the creditor may "
            "present a bankruptcy petition against you and bankruptcy proceedings may be commenced.",
        )
        para(
            doc,
            "You may pay the debt in full, or offer to secure or compound for it (for example by a charge over "
            "property or an agreed payment plan) to the creditor's satisfaction.",
        )
        heading(doc, "Your right to apply to set this demand aside", size=11)
        para(
            doc,
            "If you dispute the debt, or think the demand should not have been made, you may apply to the "
            "court to have it set aside. You must apply within 18 days after the day it is served on you (by "
            "{{ set_aside_by|date }} if served on {{ assumed_service|date }}). Rule 10.4(4) of the Insolvency "
            "(England and Wales) Rules 2016 says which court the application must be made to; on the "
            "information the creditor has, that is {{ set_aside_court }}.",
        )
    heading(doc, "Who to contact", size=11)
    para(
        doc,
        "To pay or discuss this demand contact {{ creditor.contact_name }}, {{ creditor.name }}, "
        "{{ creditor.address }}, phone {{ creditor.phone }}, email {{ creditor.email }}, quoting "
        "{{ reference }}.",
    )
    para(doc, "Free, independent debt advice is available from StepChange, National Debtline and Citizens Advice.")
    heading(doc, "Signed", size=11)
    para(
        doc,
        "Dated {{ demand_date|date }}. Signed by {{ signatory.name }}, {{ signatory.position }}, who is "
        "authorised to make this demand on the creditor's behalf.",
    )
    para(doc, "{{ legal_basis }}", size=8)
    doc.save(OUT / f"statutory_demand_{kind}.docx")


def statutory_demand_individual() -> None:
    statutory_demand("individual")


def statutory_demand_company() -> None:
    statutory_demand("company")


GENERATORS = (
    liability_notice,
    liability_summons,
    liability_schedule,
    liability_next_step,
    statutory_demand_individual,
    statutory_demand_company,
)


if __name__ == "__main__":
    for generate in GENERATORS:
        generate()
