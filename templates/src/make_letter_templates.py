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


def information_sheet() -> None:
    doc = new_document()
    heading(doc, "Information Sheet")
    para(doc, "About the letter from {{ claimant.name }} dated {{ letter_date|date }} (reference {{ reference }})")
    sections = [
        (
            "Why you have this letter",
            "{{ claimant.name }} says you owe it {{ balance|money }}. Before a business "
            "or council can take you to court for a debt, it must send you a letter like this one and give you time "
            "to reply. This sheet explains your choices.",
        ),
        (
            "What you should do now",
            "Read the letter and the statement of account. Then fill in the Reply Form, "
            "ticking the box that fits, and send it back by {{ reply_by|date }}. Keep a copy.",
        ),
        (
            "If you agree you owe the money",
            "Tick box A on the Reply Form. If you cannot pay it all at once, fill "
            "in the Financial Statement and make an offer to pay in instalments.",
        ),
        (
            "If you agree you owe part of it",
            "Tick box B and tell us how much you agree you owe and why you do not agree the rest.",
        ),
        (
            "If you are not sure, or need documents or advice",
            "Tick box C and tell us what you need. We will not "
            "start court action until 30 days after we receive your completed Reply Form, or after we send you the "
            "documents you asked for, whichever is later.",
        ),
        ("If you do not think you owe the money", "Tick box D and tell us why."),
        (
            "Free, independent debt advice",
            "You can get free, confidential advice from: National Debtline "
            "(0808 808 4000, nationaldebtline.org); StepChange Debt Charity (0800 138 1111, stepchange.org); "
            "Citizens Advice (citizensadvice.org.uk); Business Debtline, if you are self-employed or run a small "
            "business (0800 197 6026, businessdebtline.org); Money Wellness (moneywellness.com). Advisers can help you "
            "fill in the forms and may tell you about the Breathing Space scheme, which can pause action on your "
            "debts while you get help.",
        ),
        (
            "If you do not reply",
            "If you do not reply by {{ reply_by|date }}, {{ claimant.name }} may start "
            "court proceedings against you. If the court gives judgment against you, you may have to pay interest, "
            "the court fee and costs, and it may affect your ability to get credit.",
        ),
    ]
    for title, text in sections:
        heading(doc, title, size=12)
        para(doc, text)
    doc.save(OUT / "information_sheet.docx")


def reply_form() -> None:
    doc = new_document()
    heading(doc, "Reply Form")
    para(doc, "To: {{ claimant.name }}, {{ reply_address }} ({{ claimant.officer_email }})")
    para(
        doc,
        "Your reference: {{ reference }}   ·   Letter dated {{ letter_date|date }}   ·   "
        "Amount claimed: {{ balance|money }}",
    )
    para(doc, "Please return this form by {{ reply_by|date }}. Tick the boxes that apply and fill in the details.")
    heading(doc, "Your details", size=12)
    for label in ("Full name", "Address", "Phone number", "Email"):
        para(doc, f"{label}: ______________________________________________")
    heading(doc, "About the debt (tick one)", size=12)
    boxes = [
        ("A", "I agree I owe the debt."),
        (
            "B",
            "I agree I owe part of the debt. I agree I owe £__________ and I do not owe the rest because: "
            "______________________________________________",
        ),
        (
            "C",
            "I am not sure whether I owe the debt. I need more information or documents, or time to get "
            "advice. I would like: ______________________________________________",
        ),
        ("D", "I do not think I owe the debt, because: ______________________________________________"),
    ]
    for letter, text in boxes:
        para(doc, f"☐  Box {letter} — {text}")
    heading(doc, "Paying the debt", size=12)
    para(doc, "☐  I will pay the full amount by ___ / ___ / ______")
    para(
        doc,
        "☐  I would like to pay £__________ every ☐ week ☐ month, starting on ___ / ___ / ______ "
        "(please also fill in the Financial Statement).",
    )
    heading(doc, "Advice", size=12)
    para(doc, "☐  I am getting debt advice from ______________________ and need more time to reply.")
    para(doc, "☐  I have enclosed a completed Financial Statement.")
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
