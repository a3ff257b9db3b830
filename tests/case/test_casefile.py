"""The case model and case files: good files load, bad ones say file, field and fix."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docassemble.courtpack.case import case_from_dict, case_to_dict, read_case, save_case
from docassemble.courtpack.case.fields import normalise_postcode
from docassemble.courtpack.case.model import DebtorKind, EntryKind, EventKind
from docassemble.courtpack.errors import CaseFileError
from docassemble.courtpack.files import OutputError

from ..conftest import EXAMPLE_REFS, EXAMPLES


@pytest.mark.parametrize("reference", EXAMPLE_REFS)
def test_examples_load_and_round_trip(reference, tmp_path):
    case = read_case(EXAMPLES / f"{reference}.yaml")
    assert case.reference == reference
    save_case(case, tmp_path / "again.yaml")
    assert read_case(tmp_path / "again.yaml") == case
    assert case_from_dict(case_to_dict(case)) == case


def test_former_tenant_balance_and_running_ledger():
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    assert case.balance() == Decimal("2037.98")
    assert case.balance(dt.date(2024, 12, 31)) == Decimal("1010.58")
    rows = case.running_ledger()
    assert rows[-1][1] == Decimal("2037.98")
    assert all(isinstance(entry.amount, Decimal) for entry, _ in rows)
    assert case.last_charge_date() == dt.date(2025, 3, 2)


def test_names_as_pleaded():
    tenant = read_case(EXAMPLES / "FTA-2025-0142.yaml").debtor
    company = read_case(EXAMPLES / "CR-2025-0310.yaml").debtor
    assert tenant.name == "Mr Daniel James Okafor" and tenant.is_individual
    assert tenant.salutation == "Dear Mr Okafor"
    assert company.kind is DebtorKind.COMPANY and company.name == "Kirkgate Coffee Roasters Ltd"
    assert not company.is_individual and company.salutation == "Dear Sir or Madam"


def test_sole_trader_and_partnership_names(example_data, write_case):
    data = example_data()
    data["debtors"][0].update(kind="sole_trader", trading_name="Okafor Cabs")
    assert read_case(write_case(data)).debtor.name == "Mr Daniel James Okafor trading as Okafor Cabs"
    data["debtors"][0].update(kind="partnership", company_name="Okafor & Co")
    assert read_case(write_case(data)).debtor.name == "Okafor & Co (a firm)"


def test_postcodes_are_normalised():
    assert normalise_postcode("se135xd") == "SE13 5XD"
    assert normalise_postcode("SW1A 1AA") == "SW1A 1AA"
    assert normalise_postcode("SE13 5X") is None
    assert normalise_postcode("12345") is None


def _mutate(data, path, value):
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value


BAD = [
    (("debtors",), [], "debtors: has no entries"),
    (("debtors", 0, "address", "postcode"), "SE13 5X", "debtors[0].address.postcode: 'SE13 5X' is not a UK postcode"),
    (("ledger", 1, "amount"), "-568.40", "ledger[1].amount: -568.40 must be more than zero"),
    (("ledger", 2, "date"), "2027-01-01", "ledger[2].date: 2027-01-01 is in the future"),
    (("ledger", 2, "date"), "16/12/2024", "ledger[2].date: '16/12/2024' is not a date in the form YYYY-MM-DD"),
    (("ledger", 0, "amount"), 642.18, "ledger[0].amount: 642.18 must be written as a string"),
    (("ledger", 0, "amount"), "12.345", "has fractions of a penny"),
    (("ledger", 0, "kind"), "refund", "ledger[0].kind: 'refund' is not known — use one of: charge, payment"),
    (("debt", "type"), "parking_fine", "debt.type: 'parking_fine' is not known"),
    (("ledger",), [], "ledger: has no entries"),
    (("debtors", 0, "surname"), KeyError, "debtors[0].surname: is missing"),
    (("claimant",), KeyError, "claimant: is missing"),
    (("reference",), "FTA/2025/0142", "reference: 'FTA/2025/0142' cannot name files"),
    (("debtors", 0, "email"), "not-an-email", "debtors[0].email: 'not-an-email' is not an email address"),
    (("interest", "basis"), "compound", "interest.basis: 'compound' is not known"),
    (("debt", "agreement", "date"), "2019-02-30", "debt.agreement.date: '2019-02-30' is not a date"),
]


@pytest.mark.parametrize(
    ("path", "value", "message"), BAD, ids=[m.split(":")[0] + "-" + str(i) for i, (_, _, m) in enumerate(BAD)]
)
def test_bad_fields_name_file_field_and_problem(example_data, write_case, today, path, value, message):
    data = example_data()
    _mutate(data, path, value)
    case_path = write_case(data)
    with pytest.raises(CaseFileError) as caught:
        read_case(case_path, today=today)
    assert str(caught.value).startswith(f"{case_path}: ")
    assert message in str(caught.value)


def test_only_payments_is_refused(example_data, write_case):
    data = example_data()
    data["ledger"] = [{"date": "2025-01-01", "description": "Payment", "amount": "10.00", "kind": "payment"}]
    with pytest.raises(CaseFileError, match="ledger: has no charges"):
        read_case(write_case(data))


def test_three_debtors_are_refused(example_data, write_case):
    data = example_data()
    data["debtors"] = data["debtors"] * 3
    with pytest.raises(CaseFileError, match="one or two defendants"):
        read_case(write_case(data))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"reference: [unclosed", "is not valid YAML at line 1"),
        (b"\xff\xfe\x00bad", "is not a text file"),
        (b"- just\n- a list\n", "must be a set of named fields"),
    ],
)
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "case.yaml"
    path.write_bytes(content)
    with pytest.raises(CaseFileError, match=message):
        read_case(path)


def test_missing_and_oversized_files(tmp_path):
    with pytest.raises(CaseFileError, match="no such file"):
        read_case(tmp_path / "nope.yaml")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 2_100_000)
    with pytest.raises(CaseFileError, match="is over 2 MB"):
        read_case(big)


def test_events_and_breathing_space(example_data, write_case):
    data = example_data()
    data["events"].append({"date": "2025-04-01", "kind": "letter_before_claim_sent"})
    data["debtors"][0]["breathing_spaces"] = [{"start": "2025-05-01"}]
    case = read_case(write_case(data))
    assert case.latest_event(EventKind.LETTER_BEFORE_CLAIM_SENT).date == dt.date(2025, 4, 1)
    assert case.debtor.breathing_spaces[0].start == dt.date(2025, 5, 1)
    assert case.ledger[0].kind is EntryKind.CHARGE


def test_save_is_atomic_on_failure(tmp_path, monkeypatch):
    case = read_case(EXAMPLES / "FTA-2025-0142.yaml")
    target = tmp_path / "case.yaml"
    target.write_text("original", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OutputError, match=r"case\.yaml: cannot write it \(disk full\)"):
        save_case(case, target)
    assert target.read_text(encoding="utf-8") == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["case.yaml"]
