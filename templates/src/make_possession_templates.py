"""Seed the possession notice templates (run once; the DOCX files are then the source).

Why a script: it records how the shipped templates were made, so a reviewer can see every tag they
use. The secure tenancy notice follows the form prescribed by the Secure Tenancies (Notices)
Regulations 1987 (SI 1987/755) as amended — paragraphs 1 to 5 with the notes between them — in
substance (s.83(2)(a) Housing Act 1985 allows a form substantially to the same effect). The notice of
proceedings for an introductory or demoted tenancy has no prescribed form: it carries what s.128
(or s.143E) of the Housing Act 1996 requires. Councils edit the DOCX files in ``templates/``
directly; do not re-run this over edited files.

    .venv/bin/python templates/src/make_possession_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx_seed import new_document, para, table

OUT = Path(__file__).resolve().parent.parent


def heading(doc, text: str, size: int = 12) -> None:
    para(doc, text, bold=True, size=size)


def note(doc, text: str) -> None:
    para(doc, text, size=9)


def arrears_table(doc) -> None:
    para(doc, "The rent account for the last {{ statement_weeks }} entries:", size=9)
    table(
        doc,
        ["Date", "Description", "Due", "Paid", "HB / UC", "Arrears"],
        [
            "{{ row.date|date }}",
            "{{ row.description }}",
            "{{ row.due_text }}",
            "{{ row.paid_text }}",
            "{{ row.benefit_text }}",
            "{{ row.balance|money }}",
        ],
        "row in statement_rows",
        [2.6, 5.0, 2.0, 2.0, 2.0, 2.4],
    )


def signature_block(doc) -> None:
    para(doc, "")
    para(doc, "Signed: ……………………………………………")
    para(doc, "{{ signatory.name }}, {{ signatory.position }}, on behalf of {{ council.name }}")
    para(doc, "Address: {{ council.address }}")
    para(doc, "Telephone: {{ council.phone }}  ·  Email: {{ council.email }}")
    para(doc, "Date: {{ notice_date|date }}  ·  Our reference: {{ reference }}")


def secure_notice() -> None:
    doc = new_document()
    heading(doc, "Notice of Seeking Possession", size=15)
    para(doc, "Housing Act 1985, section 83", bold=True)
    para(
        doc,
        "This Notice is the first step towards requiring you to give up possession of your dwelling. "
        "You should read it very carefully.",
        bold=True,
    )
    para(doc, "1. To {{ tenants }}")
    note(
        doc,
        "If you need advice about this Notice, and what you should do about it, take it as quickly as possible "
        "to a Citizens Advice office, a housing advice centre, a law centre or a solicitor. You may be able to "
        "receive Legal Aid but this will depend on your personal circumstances.",
    )
    para(
        doc,
        "2. {{ council.name }} intends to apply to the Court for an order requiring you to give up possession of: "
        "{{ property }}",
    )
    note(
        doc,
        "If you are a secure tenant under the Housing Act 1985, you can only be required to leave "
        "your dwelling if your landlord obtains an order for possession from the Court. The order must be based on "
        "one of the Grounds which are set out in the 1985 Act (see paragraphs 3 and 4 below). If you are willing "
        "to give up possession without a Court order, you should notify the person who signed this Notice as soon "
        "as possible and say when you would leave.",
    )
    para(doc, "3. Possession will be sought on {{ ground_heading }}, which reads:")
    para(doc, "“{{ ground_text }}”", bold=True)
    note(
        doc,
        "Whatever Grounds for possession are set out in paragraph 3 of this Notice, the Court may allow any of the "
        "other Grounds to be added at a later stage. If this is done, you will be told about it so you can argue "
        "at the hearing in Court about the new Ground, as well as the Grounds set out in paragraph 3, if you want to.",
    )
    para(doc, "4. Particulars of each Ground are as follows:")
    para(doc, "{{ particulars }}")
    arrears_table(doc)
    para(doc, "{{ extra_particulars }}")
    note(
        doc,
        "Before the Court will grant an order on any of the Grounds 1 to 8 or 12 to 16, it must be satisfied that "
        "it is reasonable to require you to leave. This means that, if one of these Grounds is set out in "
        "paragraph 3 of this Notice, you will be able to argue at the hearing in Court that it is not reasonable "
        "that you should have to leave, even if you accept that the Ground applies.",
    )
    para(
        doc,
        "5. Court proceedings for possession of the dwelling-house can be begun after {{ date_specified|date }}.",
        bold=True,
    )
    note(
        doc,
        "Court proceedings cannot be begun until after this date, which cannot be earlier than the date when your "
        "tenancy or licence could have been brought to an end. This means that if you have a weekly or fortnightly "
        "tenancy, there should be at least 4 weeks between the date this Notice is given and the date in this "
        "paragraph. After this date, Court proceedings may be begun at once or at any time during the following "
        "twelve months. Once the twelve months are up this Notice will lapse and a new Notice must be served "
        "before possession can be sought. Proceedings under this Notice must be begun by "
        "{{ proceedings_by|date }}; after that day it lapses.",
    )
    signature_block(doc)
    note(doc, "{{ legal_basis }}")
    doc.save(OUT / "possession_notice_secure.docx")


def proceedings_notice() -> None:
    doc = new_document()
    heading(doc, "Notice of Proceedings for Possession", size=15)
    para(doc, "{{ statute }}", bold=True)
    para(doc, "To {{ tenants }}", bold=True)
    para(doc, "Of {{ property }}")
    para(
        doc,
        "1. {{ council.name }} gives you notice that the Court will be asked to make an order for possession of "
        "your home, which you hold as {{ tenancy_words }}.",
    )
    para(doc, "2. The reasons for our decision to apply for an order for possession are:")
    para(doc, "{{ particulars }}")
    arrears_table(doc)
    para(doc, "{{ extra_particulars }}")
    para(
        doc,
        "3. Court proceedings for possession may be begun after {{ date_specified|date }}, which is not "
        "earlier than the date on which your tenancy could be brought to an end by a notice to quit given on the "
        "same date as this notice.",
        bold=True,
    )
    para(
        doc,
        "4. You have the right to ask us to review our decision to seek an order for possession. If you want a "
        "review you must ask for it in writing within 14 days beginning with the day this notice is served on "
        "you (by {{ review_by|date }} if it is served on {{ expected_service|date }}), "
        "to {{ council.name }}, {{ council.address }}. You may ask for the review to be by an oral hearing.",
    )
    para(
        doc,
        "5. If you need help or advice about this notice, and what you should do about it, take it immediately to "
        "a Citizens Advice office, a housing aid centre, a law centre or a solicitor.",
    )
    signature_block(doc)
    note(doc, "{{ legal_basis }}")
    doc.save(OUT / "possession_notice_proceedings.docx")


GENERATORS = (secure_notice, proceedings_notice)

if __name__ == "__main__":
    for generate in GENERATORS:
        generate()
    print("wrote", OUT / "possession_notice_secure.docx", OUT / "possession_notice_proceedings.docx")
