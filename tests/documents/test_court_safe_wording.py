"""Issue 12, documents side: what the claim, letter and signature boxes may and may not say.

Each expected string is taken from the rule it enforces (named in the test), not from the code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from docassemble.courtpack.case import read_case
from docassemble.courtpack.case.figures import claim_figures_for
from docassemble.courtpack.case.model import Agreement, AgreementKind
from docassemble.courtpack.documents.forms.builders import signer, signer_warning
from docassemble.courtpack.documents.forms.builders.claim import agreement_sentence, n1_values
from docassemble.courtpack.documents.forms.courts import paper_claims_centre
from docassemble.courtpack.documents.letters import interest_sentence
from docassemble.courtpack.errors import DocumentError

from ..conftest import EXAMPLES

ISSUE = dt.date(2025, 11, 20)


@pytest.fixture
def fta():
    return read_case(EXAMPLES / "FTA-2025-0142.yaml")


@pytest.fixture
def cr():
    return read_case(EXAMPLES / "CR-2025-0310.yaml")


def test_paper_claims_go_to_the_civil_national_business_centre():
    # PD 7A para 4A.1 as amended from 14 August 2023
    centre = paper_claims_centre(ISSUE)
    assert centre.name == "Civil National Business Centre"
    assert centre.address == ("St Katharine's House", "21-27 St Katharine's Street", "Northampton", "NN1 2LH")
    assert centre.dx == "DX 702885 Northampton 7"
    with pytest.raises(DocumentError, match="no paper claims centre in force on 2023-08-13"):
        paper_claims_centre(dt.date(2023, 8, 13))


def test_n1_names_the_cnbc_and_the_hearing_centre_given(fta):
    values = n1_values(fta, claim_figures_for(fta, ISSUE), issue_date=ISSUE, hearing_centre="Lewisham")
    assert values["court"] == "Civil National Business Centre"
    assert values["hearing_centre"] == "Lewisham"


def test_n1_asks_for_a_hearing_centre_rather_than_inventing_one(fta):
    # the example case has no preferred_court; "County Court at London" (its town) would be made up
    with pytest.raises(DocumentError, match="hearing_centre is empty"):
        n1_values(fta, claim_figures_for(fta, ISSUE), issue_date=ISSUE)


def test_a_non_lawyer_signs_as_the_claimant_even_when_legal_services_conduct_the_claim(cr):
    # CPR 2.3(1): a legal representative is a barrister, solicitor or other authorised litigator;
    # Hannah Clarke is a "Senior Income Officer"
    assert signer(cr) == {
        "signatory_name": "Hannah Clarke",
        "signatory_position": "Senior Income Officer",
        "signed_by": "claimant",
        "legal_rep_firm": "",
    }
    lawyer = signer(cr, "Amir Khan", "Senior Solicitor")
    assert lawyer["signed_by"] == "legal_representative"
    assert lawyer["legal_rep_firm"] == "Leeds City Council Legal Services"


def test_statement_of_truth_warns_when_the_signer_is_neither_senior_nor_the_legal_representative(fta, cr):
    # PD 22 para 3.4 and 3.11: a person holding a senior position, or the legal representative
    warning = signer_warning(signer(fta))  # Priya Shah, Debt Recovery Officer
    assert warning is not None and "Priya Shah (Debt Recovery Officer)" in warning and "PD 22" in warning
    assert signer_warning(signer(fta, "Jo Bloggs", "Income Recovery Manager")) is None
    assert signer_warning(signer(cr, "Amir Khan", "Senior Solicitor")) is None


def test_written_agreement_is_attached_to_the_particulars(fta):
    # PD 16 para 7.3: a copy of the written agreement is attached to or served with the particulars, not offered
    # "on request"; they say "attached" only when it is (a statement of truth verifies them)
    sentence = agreement_sentence(fta, copy_attached=True)
    assert sentence.endswith("A copy of the agreement is attached to these particulars of claim.")
    assert "request" not in sentence
    assert agreement_sentence(fta).endswith("A copy of the agreement will be served with these particulars of claim.")


def test_oral_agreement_says_by_whom_and_to_whom_the_words_were_spoken(fta):
    # PD 16 para 7.4: the contractual words, by whom and to whom, when and where
    oral = Agreement(
        AgreementKind.ORAL,
        date=dt.date(2024, 5, 1),
        made_by="Daniel James Okafor",
        place="the Lewisham housing office",
        description="he said he would pay for the garage monthly",
    )
    case = dataclasses.replace(fta, debt=dataclasses.replace(fta.debt, agreement=oral))
    assert agreement_sentence(case) == (
        "By an oral agreement made on 1 May 2024 at the Lewisham housing office, in words spoken by Daniel James "
        "Okafor to London Borough of Lewisham, he said he would pay for the garage monthly."
    )


def test_letter_does_not_say_section_69_interest_is_being_added(fta):
    # s.69 County Courts Act 1984 interest is awarded by the court in a claim; nothing accrues before it
    sentence = interest_sentence(fta, dt.date(2025, 4, 7))
    assert "being added" not in sentence and "continuing to be added" not in sentence
    assert sentence.startswith(
        "If we have to start a court claim, we will ask the court to award interest under "
        "section 69 of the County Courts Act 1984 at 8% a year"
    )
