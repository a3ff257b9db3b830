"""Seed the letter before claim templates (run once; the DOCX files are then the source).

Why a script: it records how the shipped templates were made, so a reviewer can
see every tag they use. Councils edit the DOCX files in ``templates/`` directly
(e.g. to paste their own approved wording); do not re-run this over edited files.

    .venv/bin/python templates/src/make_letter_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx_seed import new_document, para, table

OUT = Path(__file__).resolve().parent.parent


def heading(doc: Document, text: str, size: int = 14) -> None:
    para(doc, text, bold=True, size=size)


def letterhead(doc: Document) -> None:
    para(doc, "{{ claimant.name }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{ claimant.department }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "{{ claimant_address }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "Phone {{ claimant.officer_phone }}  ·  {{ claimant.officer_email }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(doc, "Date: {{ letter_date|date }}", bold=True)
    para(doc, "Our reference: {{ reference }}")
    para(doc, "{{ debtor.name }}")
    para(doc, "{{ debtor_address }}")


def letter_of_claim() -> None:
    doc = new_document()
    letterhead(doc)
    heading(doc, "Letter of Claim: {{ debt_label }} — {{ balance|money }} owed")
    para(doc, "{{ debtor.salutation }},")
    para(
        doc,
        "We are writing to you about {{ debt.description }}. Our records show that you owe "
        "{{ balance|money }} as at {{ letter_date|date }}. A statement of your account is enclosed.",
    )
    para(doc, "{{ interest_sentence }}")
    para(doc, "{{ agreement_sentence }}")
    para(
        doc,
        "{% if instalments %}You have {{ instalments.kind }} {{ instalments.amount|money }} "
        "{{ instalments.frequency }}. We cannot accept this because {{ instalments.reason }}, so we are "
        "still considering a claim.{% endif %}",
    )
    heading(doc, "What you need to do by {{ reply_by|date }}", size=12)
    para(
        doc,
        "Please pay the debt, or fill in the enclosed Reply Form and send it to us, by {{ reply_by|date }} "
        "(30 days from the date of this letter). If you cannot pay in full, fill in the enclosed Financial "
        "Statement as well, so that we can consider an affordable repayment plan.",
    )
    para(doc, "Send the Reply Form to: {{ reply_address }}, or email it to {{ claimant.officer_email }}.")
    heading(doc, "How to pay or discuss payment", size=12)
    para(doc, "{{ claimant.payment_instructions }}")
    para(
        doc,
        "To talk about the debt or a repayment plan, call {{ claimant.officer_name }} on "
        "{{ claimant.officer_phone }} or email {{ claimant.officer_email }}, quoting {{ reference }}.",
    )
    heading(doc, "Free advice", size=12)
    para(
        doc,
        "The enclosed Information Sheet explains your options and where to get free, independent debt "
        "advice. If you tell us you are getting advice, we will give you reasonable time before taking "
        "any further action. If there is anything about your health or circumstances that makes it hard "
        "for you to deal with this letter, please tell us.",
    )
    heading(doc, "If you do not reply", size=12)
    para(
        doc,
        "If you do not reply by {{ reply_by|date }}, we may start court proceedings against you without "
        "further notice. The court may order you to pay the debt, interest, the court fee and costs.",
    )
    para(doc, "This letter is sent under the Pre-Action Protocol for Debt Claims.")
    para(doc, "Yours sincerely,")
    para(doc, "{{ claimant.officer_name }}")
    para(doc, "{{ claimant.officer_position }}, {{ claimant.name }}")
    heading(doc, "Enclosed", size=11)
    para(doc, "{% for item in enclosures %}{{ loop.index }}. {{ item }}\n{% endfor %}")
    doc.save(OUT / "letter_of_claim.docx")


def letter_before_claim_company() -> None:
    doc = new_document()
    letterhead(doc)
    heading(doc, "Letter before claim: {{ debt_label }} — {{ balance|money }} owed")
    para(doc, "{{ debtor.salutation }},")
    para(
        doc,
        "We write about {{ debt.description }}. {{ debtor.name }} owes {{ balance|money }} as at "
        "{{ letter_date|date }}. A statement of account is enclosed.",
    )
    para(doc, "{{ interest_sentence }}")
    para(doc, "{{ agreement_sentence }}")
    para(
        doc,
        "Please pay the balance, or reply with your full response to this claim and any documents you rely "
        "on, by {{ reply_by|date }} (14 days from the date of this letter). If you dispute the debt, tell us "
        "why. We are willing to consider alternative dispute resolution, including a payment plan.",
    )
    para(doc, "{{ claimant.payment_instructions }}")
    para(
        doc,
        "To discuss the account, contact {{ claimant.officer_name }} on {{ claimant.officer_phone }} or "
        "{{ claimant.officer_email }}, quoting {{ reference }}. Replies should be sent to {{ reply_address }}.",
    )
    para(
        doc,
        "If we do not receive payment or a satisfactory response by {{ reply_by|date }}, we intend to issue "
        "a claim in the County Court without further notice, which may increase your liability for "
        "interest, the court fee and costs. The court may take into account a failure to follow the "
        "Practice Direction – Pre-Action Conduct and Protocols.",
    )
    para(doc, "Yours faithfully,")
    para(doc, "{{ claimant.officer_name }}")
    para(doc, "{{ claimant.officer_position }}, {{ claimant.name }}")
    heading(doc, "Enclosed", size=11)
    para(doc, "{% for item in enclosures %}{{ loop.index }}. {{ item }}\n{% endfor %}")
    doc.save(OUT / "letter_before_claim_company.docx")


def statement_of_account() -> None:
    doc = new_document()
    heading(doc, "Statement of account")
    para(doc, "{{ claimant.name }} — {{ debtor.name }} — reference {{ reference }}")
    para(doc, "{{ debt_label|capitalize }}: {{ debt.description }}")
    table(
        doc,
        ["Date", "Description", "Charged", "Paid", "Balance"],
        [
            "{{ row.date|date }}",
            "{{ row.description }}",
            "{{ row.charge }}",
            "{{ row.payment }}",
            "{{ row.balance|money }}",
        ],
        "row in statement",
        [3.4, 5.6, 2.4, 2.2, 2.4],
        total=["", "Balance owed at {{ letter_date|date }}", "", "", "{{ balance|money }}"],
    )
    para(doc, "")
    para(doc, "{{ interest_sentence }}")
    doc.save(OUT / "statement_of_account.docx")


# The Information Sheet and Reply Form follow the Pre-Action Protocol for Debt Claims, Annex 1: a Reply Form
# in four sections (1: do you owe the debt, Boxes A to D; 2: paying the debt, only after Box A or B;
# 3: documents; 4: debt advice and anything else), and an Information Sheet that walks through the
# same sections and lists the free advice agencies, Business Debtline among them (one line each).
# The Annex's own wording could not be read when these were seeded (issue 12): the sections, boxes and
# advice agencies follow published descriptions of the official form and the agencies' own numbers. A
# council holding the official Annex 1 text can paste it into the DOCX files (keep the tags).
ADVICE_AGENCIES = (
    ("National Debtline", "0808 808 4000", "www.nationaldebtline.org", ""),
    ("StepChange Debt Charity", "0800 138 1111", "www.stepchange.org", ""),
    (
        "Business Debtline",
        "0800 197 6026",
        "www.businessdebtline.org",
        "if you are self-employed or run a small business",
    ),
    ("Citizens Advice", "", "www.citizensadvice.org.uk", ""),
    ("Civil Legal Advice", "0345 345 4345", "www.gov.uk/civil-legal-advice", ""),
    ("MoneyHelper", "", "www.moneyhelper.org.uk", "to find other free debt advice near you"),
)


def information_sheet() -> None:
    doc = new_document()
    heading(doc, "Information Sheet")
    para(doc, "Pre-Action Protocol for Debt Claims")
    para(
        doc,
        "About the Letter of Claim from {{ claimant.name }} dated {{ letter_date|date }} (reference {{ reference }})",
    )
    heading(doc, "Why you have this letter", size=12)
    para(
        doc,
        "{{ claimant.name }} says you owe it {{ balance|money }}. Before a business or council can take you to "
        "court for a debt, the Pre-Action Protocol for Debt Claims says it must send you a Letter of Claim with "
        "this Information Sheet, a Reply Form and a Financial Statement, and give you 30 days to reply.",
    )
    heading(doc, "What you should do now", size=12)
    para(
        doc,
        "Read the Letter of Claim and the statement of account. Then fill in the Reply Form and send it back within "
        "30 days of the date at the top of the letter, that is by {{ reply_by|date }}. If you cannot fill in every "
        "section, still send the form back by then. Keep a copy of everything you send.",
    )
    heading(doc, "How to fill in the Reply Form", size=12)
    para(
        doc,
        "Section 1 — Do you owe the debt? Tick one box. Box A: you owe the debt and agree the amount. Box B: you owe "
        "only part of it; say how much and why you do not owe the rest. Box C: you don't know whether you owe the "
        "debt; say what information, documents or advice you need. Box D: you dispute the debt; say why.",
    )
    para(
        doc,
        "Section 2 — Paying the debt. Fill this in only if you ticked Box A or Box B. If you cannot pay in full, "
        "say what you can afford and fill in the Financial Statement, so that we can consider a repayment plan.",
    )
    para(
        doc,
        "Section 3 — Documents. Ask for any document you need, for example a copy of the agreement or a statement "
        "of account, and list any documents you send with your reply.",
    )
    para(
        doc,
        "Section 4 — Debt advice and other information. Tell us if you are getting debt advice, or need time to get "
        "it, and anything else we should know, for example about your health or circumstances.",
    )
    heading(doc, "If you ask for documents or are getting advice", size=12)
    para(
        doc,
        "If you tell us you are getting debt advice, we will give you a reasonable time to get it. We will not start "
        "court action until 30 days after we receive your completed Reply Form, or 30 days after we send you the "
        "documents you asked for, whichever is later.",
    )
    heading(doc, "Free, independent debt advice", size=12)
    para(doc, "You can get free, confidential advice, and help to fill in the forms, from:")
    for name, phone, website, note in ADVICE_AGENCIES:
        details = ", ".join(part for part in (phone, website) if part)
        para(doc, f"{name}: {details}" + (f" ({note})" if note else ""))
    para(
        doc,
        "A debt adviser can also tell you about the Breathing Space scheme, which can pause action on your debts "
        "while you get help.",
    )
    heading(doc, "Trying to agree", size=12)
    para(
        doc,
        "The court expects you and {{ claimant.name }} to try to settle the matter without going to court, for "
        "example by agreeing an affordable repayment plan. If we agree a plan and you keep to it, we will not start "
        "a court claim.",
    )
    heading(doc, "If you do not reply", size=12)
    para(
        doc,
        "If you do not reply by {{ reply_by|date }}, {{ claimant.name }} may start court proceedings against you. "
        "If the court gives judgment against you, you may have to pay interest, the court fee and costs, and it may "
        "affect your ability to get credit.",
    )
    doc.save(OUT / "information_sheet.docx")


def reply_form() -> None:
    doc = new_document()
    heading(doc, "Reply Form")
    para(doc, "Pre-Action Protocol for Debt Claims")
    para(doc, "To: {{ claimant.name }}, {{ reply_address }} ({{ claimant.officer_email }})")
    para(
        doc,
        "Reference: {{ reference }}   ·   Letter of Claim dated {{ letter_date|date }}   ·   "
        "Amount claimed: {{ balance|money }}",
    )
    para(
        doc,
        "Please read the Information Sheet first. Fill in the sections that apply to you and send this form back by "
        "{{ reply_by|date }}. If you cannot fill in every section, still send it back by then.",
    )
    heading(doc, "Your details", size=12)
    for label in ("Full name", "Address", "Phone number", "Email"):
        para(doc, f"{label}: ______________________________________________")
    heading(doc, "Section 1 — Do you owe the debt? (tick one box)", size=12)
    boxes = [
        ("A", "I owe the debt and I agree the amount is correct."),
        (
            "B",
            "I owe part of the debt. I agree I owe £__________ and I do not owe the rest because: "
            "______________________________________________",
        ),
        (
            "C",
            "I don't know whether I owe the debt. I need the following information or documents, or time to get "
            "advice: ______________________________________________",
        ),
        ("D", "I dispute the debt, because: ______________________________________________"),
    ]
    for letter, text in boxes:
        para(doc, f"☐  Box {letter} — {text}")
    heading(doc, "Section 2 — Paying the debt (only if you ticked Box A or Box B)", size=12)
    para(doc, "☐  I will pay the amount I owe in full by ___ / ___ / ______")
    para(
        doc,
        "☐  I cannot pay in full. I offer to pay £__________ every ☐ week ☐ month, starting on ___ / ___ / ______",
    )
    para(doc, "☐  I have filled in and enclosed the Financial Statement.")
    heading(doc, "Section 3 — Documents", size=12)
    para(doc, "☐  I would like a copy of the agreement.")
    para(doc, "☐  I would like an up-to-date statement of account.")
    para(doc, "☐  I would like a copy of these other documents: ______________________________________________")
    para(doc, "I enclose the following documents: ______________________________________________")
    heading(doc, "Section 4 — Debt advice and other information", size=12)
    para(
        doc,
        "☐  I am getting debt advice from ______________________. I expect to have the advice by ___ / ___ / ______",
    )
    para(doc, "☐  I would like time to get debt advice.")
    para(doc, "Anything else you want us to know (for example about your health or circumstances):")
    para(doc, "______________________________________________________________________________")
    para(doc, "Signed: ___________________________    Date: ___ / ___ / ______")
    doc.save(OUT / "reply_form.docx")


def financial_statement() -> None:
    doc = new_document()
    heading(doc, "Financial Statement (income and expenditure)")
    para(doc, "Reference {{ reference }} — please fill in what applies to your household, monthly amounts.")
    groups = [
        ("Your household", ["Number of adults", "Number of children", "Number of vehicles"]),
        (
            "Monthly income",
            [
                "Earnings after tax (you)",
                "Earnings after tax (partner)",
                "Universal Credit",
                "Other benefits and tax credits",
                "Pensions",
                "Child maintenance",
                "Other income",
                "Total income",
            ],
        ),
        (
            "Monthly spending",
            [
                "Rent or mortgage",
                "Council tax",
                "Gas and electricity",
                "Water",
                "Phone, internet and TV licence",
                "Food and housekeeping",
                "Travel",
                "Childcare and school costs",
                "Health",
                "Insurance",
                "Priority debts (e.g. fines)",
                "Other spending",
                "Total spending",
            ],
        ),
        ("Other debts", ["Credit cards and loans (total owed)", "Payments to them each month"]),
    ]
    for title, rows in groups:
        heading(doc, title, size=12)
        t = doc.add_table(rows=len(rows), cols=2)
        t.style = "Table Grid"
        for row, label in zip(t.rows, rows, strict=True):
            row.cells[0].text = label
            row.cells[1].text = "£"
            row.cells[0].width, row.cells[1].width = Cm(10), Cm(5)
    para(doc, "")
    para(doc, "Money left each month (total income less total spending): £__________")
    para(doc, "I confirm this statement is true to the best of my knowledge.")
    para(doc, "Signed: ___________________________    Date: ___ / ___ / ______")
    doc.save(OUT / "financial_statement.docx")


# tests/documents/test_templates.py checks that the committed DOCX match what these write
GENERATORS = (
    letter_of_claim,
    letter_before_claim_company,
    statement_of_account,
    information_sheet,
    reply_form,
    financial_statement,
)


if __name__ == "__main__":
    for generate in GENERATORS:
        generate()
    print("wrote the letter before claim templates to", OUT)
