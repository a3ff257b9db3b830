"""Seed the claim and enforcement templates (run once; the DOCX files are then the source).

Why a script: it records how the shipped templates were made, so a reviewer can see every tag
they use. Councils edit the DOCX files in ``templates/`` directly; do not re-run this over
edited files. Legal wording that must stay exact (the statement of truth) is passed in as a
tag, not typed into the template.

    .venv/bin/python templates/src/make_forms_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx_seed import new_document, para, table

OUT = Path(__file__).resolve().parent.parent


def heading_block(doc: Document, title: str) -> None:
    """The title of proceedings: court, claim number, parties."""
    para(doc, "IN THE {{ court|upper }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Claim no. {{ claim_number or '(to be allocated on issue)' }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "BETWEEN", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "{{ claimant.name|upper }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Claimant", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "and", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "{{ defendant_names|upper }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "Defendant{{ 's' if defendants|length > 1 else '' }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)


def particulars_of_claim() -> None:
    doc = new_document()
    heading_block(doc, "PARTICULARS OF CLAIM")
    para(doc, "{%p for p in paragraphs %}")
    para(doc, "{{ loop.index }}. {{ p }}")
    para(doc, "{%p endfor %}")
    para(doc, "Summary of the account", bold=True)
    table(
        doc,
        ["Date", "Description", "Charge", "Payment", "Balance"],
        [
            "{{ row.date|date }}",
            "{{ row.description }}",
            "{{ row.charge|money if row.charge else '' }}",
            "{{ row.payment|money if row.payment else '' }}",
            "{{ row.balance|money }}",
        ],
        "row in account",
        [3.2, 5.4, 2.4, 2.4, 2.6],
        ["", "Totals", "{{ total_charges|money }}", "{{ total_payments|money }}", "{{ principal|money }}"],
    )
    para(doc, "")
    para(doc, "AND THE CLAIMANT CLAIMS:", bold=True)
    para(doc, "{%p for item in prayer %}")
    para(doc, "({{ loop.index }}) {{ item }};")
    para(doc, "{%p endfor %}")
    para(doc, "Statement of truth", bold=True)
    para(doc, "{{ statement_of_truth }}")
    para(doc, "I am authorised by the claimant to sign this statement.")
    para(doc, "Signed: ............................................")
    para(doc, "Full name: {{ signatory_name }}")
    para(
        doc, "Position or office held: {{ signatory_position }}{% if legal_rep_firm %}, {{ legal_rep_firm }}{% endif %}"
    )
    para(doc, "Date: {{ issue_date|date }}")
    para(doc, "The claimant's address for service: {{ claimant_address }}. Reference: {{ reference }}.")
    doc.save(OUT / "particulars_of_claim.docx")


def letterhead(doc: Document) -> None:
    para(doc, "{{ claimant.name }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{ claimant.department }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{ claimant_address }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "Phone {{ claimant.officer_phone }}  ·  {{ claimant.officer_email }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "Date: {{ letter_date|date }}", bold=True)
    para(doc, "Our reference: {{ reference }}")


def cnbc_covering_letter() -> None:
    """To the paper claims centre named by court_forms/N1.yaml ``send_to`` (Civil National Business Centre)."""
    doc = new_document()
    letterhead(doc)
    para(doc, "{{ court }}")
    para(doc, "{{ court_address }}")
    para(doc, "{{ court_dx }}")
    para(doc, "Dear Sir or Madam,")
    para(doc, "New claim: {{ claimant.name }} v {{ defendant_names }}", bold=True)
    para(doc, "Please issue the enclosed claim for a specified sum of money against {{ defendant_names }}.")
    table(
        doc,
        ["Item", "Amount"],
        ["{{ row.label }}", "{{ row.amount|money }}"],
        "row in amounts",
        [10.0, 4.0],
        ["Total amount", "{{ total|money }}"],
    )
    para(doc, "")
    para(
        doc,
        "{% if fee_account %}Please take the court fee of {{ fee|money }} from our fee account "
        "{{ fee_account }}.{% else %}We enclose a cheque for the court fee of {{ fee|money }} payable to "
        "HM Courts & Tribunals Service.{% endif %}",
    )
    para(
        doc,
        "Please serve the claim on the defendant{{ 's' if defendants|length > 1 else '' }} by first class post. "
        "Our preferred hearing centre is {{ hearing_centre }}.",
    )
    para(doc, "We enclose:")
    para(doc, "{%p for item in enclosures %}")
    para(doc, "{{ loop.index }}. {{ item }}")
    para(doc, "{%p endfor %}")
    para(doc, "The pre-action steps have been taken: {{ protocol_basis }}")
    para(doc, "Please send all correspondence to the address above, quoting our reference {{ reference }}.")
    para(doc, "Yours faithfully,")
    para(doc, "{{ signatory_name }}")
    para(doc, "{{ signatory_position }}, {{ claimant.name }}")
    doc.save(OUT / "cnbc_covering_letter.docx")


def enforcement_instruction_letter() -> None:
    doc = new_document()
    letterhead(doc)
    para(doc, "{{ agent_name }}")
    para(doc, "{{ agent_address }}")
    para(doc, "Dear Sir or Madam,")
    para(
        doc,
        "Instruction to enforce: {{ claimant.name }} v {{ debtor.name }}, claim {{ judgment.claim_number }}",
        bold=True,
    )
    para(
        doc,
        "We instruct you to enforce the judgment below by {{ route_label }}. The enclosed data file "
        "({{ data_file }}) holds the same details for your system.",
    )
    table(doc, ["Detail", ""], ["{{ row.label }}", "{{ row.value }}"], "row in details", [6.0, 9.0])
    para(doc, "")
    para(doc, "Interest: {{ interest_sentence }}")
    para(doc, "Vulnerability and welfare", bold=True)
    para(
        doc,
        "{{ vulnerability or 'We hold no information suggesting the debtor is vulnerable. Please tell us at "
        "once if you find signs of vulnerability, and follow the Taking Control of Goods National "
        "Standards.' }}",
    )
    para(
        doc,
        "Please do not accept a payment arrangement below {{ minimum_arrangement }} without our agreement, "
        "and report to us within 14 days of each visit.",
    )
    para(doc, "Yours faithfully,")
    para(doc, "{{ signatory_name }}")
    para(doc, "{{ signatory_position }}, {{ claimant.name }}")
    doc.save(OUT / "enforcement_instruction_letter.docx")


# tests/documents/test_templates.py checks that the committed DOCX match what these write
GENERATORS = (particulars_of_claim, cnbc_covering_letter, enforcement_instruction_letter)


if __name__ == "__main__":
    for generate in GENERATORS:
        generate()
