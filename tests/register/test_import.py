"""Importing accounts and payments: mapping files, bad rows, all-or-nothing, idempotence."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from docassemble.courtpack.register.errors import ImportRowsError, MappingError, RegisterError
from docassemble.courtpack.register.importer import import_file
from docassemble.courtpack.register.models import Account, AuditEntry, Payment

from .conftest import EXAMPLES
from .helpers import new_case

IMPORTS = EXAMPLES / "imports"


def payments(db):
    with db.transaction() as s:
        return s.execute(
            select(Payment.paid_on, Payment.amount, Payment.method, Payment.external_ref).order_by(
                Payment.paid_on, Payment.id
            )
        ).all()


@pytest.fixture
def cases(db):
    from docassemble.courtpack.register.cases import add_case

    for ref in ("FTA-2025-0142", "RR-2025-0077", "CR-2025-0310"):
        add_case(db, EXAMPLES / f"{ref}.yaml", who="test")
    return db


def test_plain_payments_csv_and_reimport_adds_nothing(cases):
    first = import_file(cases, IMPORTS / "payments.csv", IMPORTS / "payments.yaml", who="tom")
    assert (first.rows, first.added, first.already_present, first.problems) == (13, 13, 0, [])
    rows = payments(cases)
    assert rows[0] == (dt.date(2025, 10, 11), Decimal("25.00"), "direct debit", "DD-20251011-0077")
    assert sum(r.amount for r in rows) == Decimal("350.00")
    again = import_file(cases, IMPORTS / "payments.csv", IMPORTS / "payments.yaml", who="test")
    assert (again.added, again.already_present) == (0, 13)
    assert len(payments(cases)) == 13


def test_housing_rent_accounts_then_transactions(cases):
    accounts = import_file(
        cases, IMPORTS / "housing-rent-accounts.csv", IMPORTS / "housing-rent-accounts.yaml", who="test"
    )
    assert (accounts.added, accounts.problems) == (4, [])
    with cases.transaction() as s:
        linked = s.scalars(select(Account).where(Account.case_id.is_not(None))).all()
        assert sorted(a.number for a in linked) == ["0012-4471", "0044-1029"]
        assert s.scalar(select(Account.balance).where(Account.number == "0031-7750")) == Decimal("312.40")
    again = import_file(
        cases, IMPORTS / "housing-rent-accounts.csv", IMPORTS / "housing-rent-accounts.yaml", who="test"
    )
    assert (again.added, again.updated, again.already_present) == (0, 0, 4)
    result = import_file(
        cases, IMPORTS / "housing-rent-transactions.csv", IMPORTS / "housing-rent-transactions.yaml", who="test"
    )
    # two payments for the court case; two charges and two payments for tenancies not in court skipped
    assert (result.rows, result.added, result.skipped, result.problems) == (6, 2, 4, [])
    assert [(r.amount, r.method) for r in payments(cases)] == [
        (Decimal("100.00"), "cash"),
        (Decimal("100.00"), "debit card"),
    ]


def test_transactions_before_accounts_are_skipped_not_guessed(cases):
    result = import_file(
        cases, IMPORTS / "housing-rent-transactions.csv", IMPORTS / "housing-rent-transactions.yaml", who="test"
    )
    assert result.added == 0


def test_sundry_ledger_xlsx_with_credit_columns_and_pattern(cases):
    result = import_file(cases, IMPORTS / "sundry-debt-ledger.xlsx", IMPORTS / "sundry-debt-ledger.yaml", who="test")
    assert (result.rows, result.added, result.skipped) == (4, 1, 3)
    assert payments(cases) == [(dt.date(2025, 12, 5), Decimal("1000.00"), "BACS", "SR-901144")]


def write_csv(tmp_path, body: str, name: str = "in.csv"):
    path = tmp_path / name
    path.write_text("Case Reference,Payment Date,Amount,Method,Receipt No\n" + body)
    return path


def test_bad_rows_apply_nothing_and_name_file_row_column(cases, tmp_path):
    path = write_csv(
        tmp_path,
        "RR-2025-0077,01/12/2025,25.00,card,A1\n"
        "RR-2025-0077,31/02/2025,25.00,card,A2\n"
        "RR-2025-0077,02/12/2025,abc,card,A3\n"
        "XX-0000-0001,03/12/2025,5.00,card,A4\n",
    )
    with pytest.raises(ImportRowsError) as caught:
        import_file(cases, path, IMPORTS / "payments.yaml", who="test")
    message = str(caught.value)
    assert f"{path}: row 3, column 'Payment Date': '31/02/2025' is not a date in the form dd/mm/yyyy" in message
    assert f"{path}: row 4, column 'Amount': 'abc' is not an amount of money" in message
    assert f"{path}: row 5, column 'Case Reference': no case 'XX-0000-0001' in the register" in message
    assert "--good-rows-only" in message
    assert payments(cases) == []
    with cases.transaction() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "import")) == 0


def test_good_rows_only_imports_the_rest_and_reports(cases, tmp_path):
    path = write_csv(tmp_path, "RR-2025-0077,01/12/2025,25.00,card,A1\nRR-2025-0077,2025-13-01,25.00,card,A2\n")
    result = import_file(cases, path, IMPORTS / "payments.yaml", good_rows_only=True, who="test")
    assert result.added == 1 and [p.row for p in result.problems] == [3]
    assert "1 bad row(s) NOT imported" in result.summary()


def test_rows_without_reference_are_deduplicated_by_hash_and_occurrence(cases, tmp_path):
    path = write_csv(tmp_path, "RR-2025-0077,01/12/2025,50.00,cash,\nRR-2025-0077,01/12/2025,50.00,cash,\n")
    assert import_file(cases, path, IMPORTS / "payments.yaml", who="test").added == 2  # two real £50 payments
    assert import_file(cases, path, IMPORTS / "payments.yaml", who="test").added == 0
    bigger = write_csv(
        tmp_path,
        "RR-2025-0077,01/12/2025,50.00,cash,\nRR-2025-0077,01/12/2025,50.00,cash,\n"
        "RR-2025-0077,01/12/2025,50.00,cash,\n",
        "more.csv",
    )
    assert import_file(cases, bigger, IMPORTS / "payments.yaml", who="test").added == 1  # a later export with a third


def test_all_or_nothing_when_the_database_refuses(cases, tmp_path, monkeypatch):
    path = write_csv(tmp_path, "RR-2025-0077,01/12/2025,25.00,card,B1\nRR-2025-0077,02/12/2025,25.00,card,B2\n")
    from docassemble.courtpack.register import importer

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer.audit, "log", fail)
    with pytest.raises(RuntimeError):
        import_file(cases, path, IMPORTS / "payments.yaml", who="test")
    assert payments(cases) == []


def test_xlsx_amounts_and_dates_as_cells(cases, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Case Reference", "Payment Date", "Amount", "Method", "Receipt No"])
    sheet.append(["CR-2025-0310", dt.datetime(2025, 12, 1), 1234.5, "BACS", 99001])
    sheet.append(["CR-2025-0310", "02/12/2025", "(10.00)", "BACS", 99002])  # a refund: skipped
    sheet.append([None, None, None, None, None])
    path = tmp_path / "p.xlsx"
    book.save(path)
    result = import_file(cases, path, IMPORTS / "payments.yaml", who="test")
    assert (result.added, result.skipped) == (1, 1)
    assert payments(cases) == [(dt.date(2025, 12, 1), Decimal("1234.50"), "BACS", "99001")]


def test_missing_columns_and_bad_mappings(cases, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Ref,When,How much\nRR-2025-0077,01/12/2025,5\n")
    with pytest.raises(RegisterError, match=r"has no column\(s\) 'Case Reference'.*the columns are: 'Ref'"):
        import_file(cases, path, IMPORTS / "payments.yaml", who="test")
    mapping = tmp_path / "m.yaml"
    mapping.write_text("kind: payments\nsystem: x\ncolumns: {Ref: reference, When: when}\n")
    with pytest.raises(MappingError, match=r"m.yaml: columns.When: field 'when' is not known"):
        import_file(cases, path, mapping, who="test")
    mapping.write_text(
        "kind: payments\nsystem: x\ncolumns: {Ref: reference, When: date, How much: amount}\n"
        "case_reference: {field: reference, lookup: psychic}\n"
    )
    with pytest.raises(MappingError, match="lookup: 'psychic' is not known"):
        import_file(cases, path, mapping, who="test")
    with pytest.raises(RegisterError, match=r"cannot import a \.pdf file"):
        shutil.copy(path, tmp_path / "p.pdf")
        import_file(cases, tmp_path / "p.pdf", IMPORTS / "payments.yaml", who="test")


def test_otherwise_error_reports_charges(db, tmp_path):
    ref = new_case(db)
    mapping = tmp_path / "m.yaml"
    mapping.write_text(
        "kind: payments\nsystem: rent\ncolumns: {Ref: reference, Date: date, Amount: amount}\n"
        "amounts: {payments_are: negative, otherwise: error}\ndate_format: '%Y-%m-%d'\n"
    )
    path = tmp_path / "p.csv"
    path.write_text(f"Ref,Date,Amount\n{ref},2025-12-01,-20.00\n{ref},2025-12-02,95.00\n")
    with pytest.raises(ImportRowsError, match=r"row 3, column 'Amount': -95.00 is not a payment"):
        import_file(db, path, mapping, who="test")
