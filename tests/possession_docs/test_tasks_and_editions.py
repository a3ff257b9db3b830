"""Who may run the possession tasks (written out from the income teams' duties, USERS.md), and that each
possession form prints the edition the law table records."""

from __future__ import annotations

import pytest

from docassemble.courtpack.documents.forms import load_spec
from docassemble.courtpack.headless.context import Actor, NotAllowedError
from docassemble.courtpack.interview_glue import acting
from docassemble.courtpack.law.forms import FORM_EDITIONS

OFFICER = Actor("olu@council.example.com", frozenset({"officer"}))
REVIEWER = Actor("rae@council.example.com", frozenset({"legal_reviewer"}))
MANAGER = Actor("mo@council.example.com", frozenset({"manager"}))
ALLOWED = {
    "possession_notice": {"officer"},  # income officers serve notices
    "possession_claim": {"officer", "legal_reviewer"},
    "possession_order": {"officer", "legal_reviewer"},  # the presenting officer, or legal
    "warrant_of_possession": {"officer", "legal_reviewer"},
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
@pytest.mark.parametrize("actor", [OFFICER, REVIEWER, MANAGER], ids=lambda a: a.user.split("@")[0])
def test_each_possession_task_allows_its_roles_only(name, actor):
    if actor.roles & ALLOWED[name]:
        assert acting.refusal_for(name, actor) == ""
    else:
        with pytest.raises(NotAllowedError, match=actor.user):
            acting.require(name, actor)


@pytest.mark.parametrize("number", ["N5", "N119", "N325", "N325A"])
def test_spec_edition_is_the_law_tables_edition(number):
    rows = [row for row in FORM_EDITIONS if row.form == number]
    assert rows and load_spec(number).edition == rows[-1].edition
