"""Court form editions: which edition of each HMCTS form is current, as dated data.

Why a table: a form is printed with its edition ("N1 (12.24)") and a court office checks it; HMCTS
replaces forms when rules change (the N379 after the charging order rules were substituted in April
2016, the N337 with CPR 89 in 2016). Each edition is a row with the date it was published and a
source; ``verified`` says whether courtpack checked it against the form itself. Documents print the
edition alone — whether it was confirmed belongs in ``courtpack law sources``, never on the form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import LawError
from .basis import row_in_force


@dataclass(frozen=True)
class FormEdition:
    form: str
    edition: str  # as printed in the form's footer, e.g. "12.24"
    title: str
    effective_from: dt.date
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


_FORMS = "HMCTS form {} as published on GOV.UK (edition in the footer)"
_SHIPPED = "official HMCTS PDF shipped in court_forms (OGL): footer reads '{} ({})'"
FORM_EDITIONS: tuple[FormEdition, ...] = (
    FormEdition("N1", "12.24", "Claim form", dt.date(2024, 12, 1), _SHIPPED.format("N1", "12.24"), verified=True),
    FormEdition(
        "N180",
        "11.24",
        "Directions questionnaire (small claims track)",
        dt.date(2024, 11, 1),
        _SHIPPED.format("N180", "11.24"),
        verified=True,
    ),
    FormEdition(
        "N244", "06.22", "Application notice", dt.date(2022, 6, 1), _SHIPPED.format("N244", "06.22"), verified=True
    ),
    FormEdition(
        "N225",
        "04.24",
        "Request for judgment and reply to admission (specified amount)",
        dt.date(2024, 4, 1),
        _FORMS.format("N225"),
    ),
    FormEdition(
        "N293A",
        "10.21",
        "Combined certificate of judgment and request for writ of control",
        dt.date(2021, 10, 1),
        _FORMS.format("N293A"),
    ),
    FormEdition(
        "N316",
        "04.16",
        "Application for order that debtor attend court for questioning",
        dt.date(2016, 4, 6),
        _FORMS.format("N316"),
    ),
    FormEdition(
        "N316A",
        "04.16",
        "Application that an officer of a company attend court for questioning",
        dt.date(2016, 4, 6),
        _FORMS.format("N316A"),
    ),
    FormEdition("N323", "06.22", "Request for warrant of control", dt.date(2022, 6, 1), _FORMS.format("N323")),
    FormEdition(
        "N337",
        "04.16",
        "Request for attachment of earnings order (CPR 89)",
        dt.date(2016, 4, 6),
        _FORMS.format("N337") + "; replaced with CPR 89 from 6 April 2016",
    ),
    FormEdition("N349", "04.16", "Application for third party debt order", dt.date(2016, 4, 6), _FORMS.format("N349")),
    FormEdition(
        "N379",
        "04.16",
        "Application for charging order on land or property",
        dt.date(2016, 4, 6),
        _FORMS.format("N379") + "; replaced when CPR 73 was substituted from 6 April 2016 (SI 2016/234)",
    ),
    FormEdition(
        "N5",
        "10.15",
        "Claim form for possession of property",
        dt.date(2015, 10, 1),
        _FORMS.format("N5") + "; best figure, confirm against the current PDF's footer",
    ),
    FormEdition(
        "N119",
        "10.18",
        "Particulars of claim for possession (rented residential premises)",
        dt.date(2018, 10, 22),
        _FORMS.format("N119") + "; revised 22 October 2018 (Tanfield Chambers practice note on N119 and PD 22)",
    ),
    FormEdition(
        "N325",
        "04.22",
        "Request for warrant of possession of land",
        dt.date(2022, 4, 1),
        _FORMS.format("N325") + "; best figure, confirm against the current PDF's footer",
    ),
    FormEdition(
        "N325A",
        "12.16",
        "Request for warrant of possession of land following a suspended order for possession",
        dt.date(2016, 12, 21),
        _FORMS.format("N325A") + "; published 21 December 2016 after Cardiff CC v Lee [2016] EWCA Civ 1034",
    ),
)
FORMS = tuple(dict.fromkeys(row.form for row in FORM_EDITIONS))


def form_edition(form: str, on: dt.date) -> FormEdition:
    """The edition of ``form`` current on ``on`` (print ``edition``; never a verification note)."""
    rows = [row for row in FORM_EDITIONS if row.form == form.upper()]
    if not rows:
        raise LawError(f"form {form!r} is not in courtpack's editions table; use one of: {', '.join(FORMS)}")
    return row_in_force(rows, on, f"edition of form {form.upper()}")
