"""`register import-cases`: each shipped export creates its cases; again adds nothing; a bad row changes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
from sqlalchemy import select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register.case_records import export_case, load_case_facts
from docassemble.courtpack.register.errors import ImportRowsError, MappingError, RegisterError
from docassemble.courtpack.register.import_cases import import_cases
from docassemble.courtpack.register.models import Account, Case
from docassemble.courtpack.register.settings import read_settings_file, save_settings

from .conftest import EXAMPLES

IMPORTS = EXAMPLES / "imports"


@pytest.fixture
def council(db):
    save_settings(db, read_settings_file(EXAMPLES / "settings" / "lewisham.yaml"), who="manager")
    return db


def references(db):
    with db.transaction() as s:
        return s.scalars(select(Case.reference).order_by(Case.reference)).all()


def test_housing_rent_tenancies_with_their_transactions(council):
    result = import_cases(
        council, IMPORTS / "housing-rent-tenancies.csv", IMPORTS / "housing-rent-tenancies.yaml", who="tom"
    )
    assert (result.rows, result.added, result.updated, result.unchanged) == (
        2,
        ["HRA-0031-7750", "HRA-0019-2286"],
        [],
        [],
    )
    facts, _ = load_case_facts(council, "HRA-0031-7750")
    assert facts.debtor.name == "Mrs Patience Adeyemi"
    assert facts.debtor.address.one_line() == "112 Sangley Road, London, SE6 2JT"
    assert facts.debt.description == "rent and charges due under a secure tenancy of 9 Ladywell Road, London SE13 7UW"
    assert (facts.debt.agreement.kind.value, facts.debt.agreement.date) == ("written", dt.date(2016, 4, 14))
    assert [(e.date, e.kind.value, e.amount) for e in facts.ledger] == [
        (dt.date(2025, 1, 6), "charge", Decimal("512.30")),
        (dt.date(2025, 1, 20), "payment", Decimal("150.00")),
        (dt.date(2025, 2, 3), "charge", Decimal("512.30")),
        (dt.date(2025, 3, 3), "charge", Decimal("119.54")),
    ]
    # 512.30 - 150.00 + 512.30 + 119.54 = 994.14
    assert facts.balance() == Decimal("994.14")
    assert (facts.claimant.name, facts.claimant.officer_name, facts.claimant.officer_position) == (
        "London Borough of Lewisham",
        "Priya Shah",
        "Income Officer",
    )
    novak, _ = load_case_facts(council, "HRA-0019-2286")
    assert novak.debtor.vulnerability == "Hearing impaired: write rather than phone"
    # 498.75 + 498.75 - 200.00 = 797.50
    assert novak.balance() == Decimal("797.50")
    with council.transaction() as s:
        assert s.execute(select(Account.system, Account.number, Account.balance).order_by(Account.number)).all() == [
            ("housing-rent", "0019-2286", Decimal("797.50")),
            ("housing-rent", "0031-7750", Decimal("994.14")),
        ]
    again = import_cases(council, IMPORTS / "housing-rent-tenancies.csv", IMPORTS / "housing-rent-tenancies.yaml")
    assert (again.added, again.updated, again.unchanged) == ([], [], ["HRA-0031-7750", "HRA-0019-2286"])


def test_sundry_debtors_one_row_per_invoice(council):
    result = import_cases(council, IMPORTS / "sundry-debtors-invoices.csv", IMPORTS / "sundry-debtors-invoices.yaml")
    assert result.added == ["SD-C40118", "SD-C40562", "SD-C40771"]
    company, _ = load_case_facts(council, "SD-C40118")
    assert (company.debtor.name, company.debtor.company_number, company.debt.type.value) == (
        "Brightwell Catering Ltd",
        "09876543",
        "commercial_rent",
    )
    # two quarters' rent of 1,875.00 = 3,750.00, each on its own due date
    assert [(e.date, e.amount) for e in company.ledger] == [
        (dt.date(2025, 3, 25), Decimal("1875.00")),
        (dt.date(2025, 6, 24), Decimal("1875.00")),
    ]
    assert company.balance() == Decimal("3750.00")
    trader, _ = load_case_facts(council, "SD-C40562")
    assert trader.debtor.name == "Mr Tomasz Wiśniewski trading as TW Scaffolding"
    firm, _ = load_case_facts(council, "SD-C40771")
    assert (firm.debtor.name, firm.debt.type.value, firm.balance()) == (
        "Okonkwo & Reid (a firm)",
        "rechargeable_repairs",
        Decimal("2310.50"),
    )


def test_finance_aged_debt_report(council):
    result = import_cases(council, IMPORTS / "finance-aged-debt.xlsx", IMPORTS / "finance-aged-debt.yaml")
    assert result.added == ["AR-FIN-77120", "AR-FIN-80305"]
    nurseries, _ = load_case_facts(council, "AR-FIN-77120")
    # 1,240.80 + 1,240.80 = 2,481.60, charged on the due dates 1 May and 31 July 2025
    assert [(e.date, e.amount) for e in nurseries.ledger] == [
        (dt.date(2025, 5, 1), Decimal("1240.80")),
        (dt.date(2025, 7, 31), Decimal("1240.80")),
    ]
    assert nurseries.balance() == Decimal("2481.60")
    assert nurseries.interest.basis.value == "late_payment"
    assert references(council) == ["AR-FIN-77120", "AR-FIN-80305"]


def test_a_bad_row_changes_nothing_and_names_file_row_and_column(council, tmp_path):
    bad = tmp_path / "sundry.csv"
    lines = (IMPORTS / "sundry-debtors-invoices.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("SE6 2UA", "SE6 ZZZ").replace("01/06/2025", "31/06/2025")
    lines[4] = lines[4].replace("2310.50", "2310.505")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportRowsError) as err:
        import_cases(council, bad, IMPORTS / "sundry-debtors-invoices.yaml")
    assert [(p.row, p.column) for p in err.value.problems] == [(4, "Due Date"), (5, "Outstanding")]
    assert f"{bad}: row 4, column 'Due Date': '31/06/2025' is not a date in the form dd/mm/yyyy" in str(err.value)
    assert references(council) == []
    lines = (IMPORTS / "sundry-debtors-invoices.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("SE6 2UA", "SE6 ZZZ")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ImportRowsError) as err:
        import_cases(council, bad, IMPORTS / "sundry-debtors-invoices.yaml")
    assert [(p.row, p.column) for p in err.value.problems] == [(4, "Postcode")]
    assert "'SE6 ZZZ' is not a UK postcode" in str(err.value)
    assert references(council) == []


def test_cases_need_council_settings_and_a_cases_mapping(db, tmp_path):
    with pytest.raises(RegisterError, match="no council settings in the register"):
        import_cases(db, IMPORTS / "sundry-debtors-invoices.csv", IMPORTS / "sundry-debtors-invoices.yaml")
    with pytest.raises(MappingError, match="kind: must be 'cases' for import-cases"):
        import_cases(db, IMPORTS / "payments.csv", IMPORTS / "payments.yaml")
    mapping = tmp_path / "m.yaml"
    text = (IMPORTS / "sundry-debtors-invoices.yaml").read_text(encoding="utf-8")
    mapping.write_text(text.replace("  REPAIRS: rechargeable_repairs", "  REPAIRS: repairs"), encoding="utf-8")
    with pytest.raises(MappingError, match="debt_type: 'repairs' is not known"):
        import_cases(db, IMPORTS / "sundry-debtors-invoices.csv", mapping)


def test_cli_import_then_export_gives_a_case_file_that_validates(council, tmp_path, capsys):
    from docassemble.courtpack.case import read_case

    data = tmp_path / "finance-aged-debt.xlsx"
    shutil.copy(IMPORTS / "finance-aged-debt.xlsx", data)
    assert (
        main(
            [
                "register",
                "import-cases",
                str(data),
                "--mapping",
                str(IMPORTS / "finance-aged-debt.yaml"),
                "--db",
                council.url,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == (
        f"{data}: 3 row(s) read; 2 case(s) added (AR-FIN-77120, AR-FIN-80305), "
        "0 updated, 0 already in the register unchanged\n"
    )
    out = tmp_path / "AR-FIN-80305.yaml"
    assert main(["register", "export", "AR-FIN-80305", "--out", str(out), "--db", council.url]) == 0
    case = read_case(out)
    assert (case.reference, case.debtor.name, case.balance()) == (
        "AR-FIN-80305",
        "Adebayo Events Ltd",
        Decimal("3600.00"),
    )
    assert export_case(council, "AR-FIN-80305", tmp_path / "again.yaml").read_text(encoding="utf-8") == out.read_text(
        encoding="utf-8"
    )


def test_a_statement_read_through_the_columns_named(tmp_path):
    from docassemble.courtpack.register.import_cases import statement_rows

    path = tmp_path / "s.csv"
    path.write_text("Date,What,Amount\n05/01/2025,Rent,(12.50)\n06/01/2025,Payment,4.00\n", encoding="utf-8")
    # charges shown negative: (12.50) is -12.50, a charge; 4.00 (positive) is a payment
    assert statement_rows(
        path, "s.csv", date_column="Date", description_column="What", amount_column="Amount", charges_are="negative"
    ) == [
        {"date": "2025-01-05", "description": "Rent", "amount": "12.50", "kind": "charge"},
        {"date": "2025-01-06", "description": "Payment", "amount": "4.00", "kind": "payment"},
    ]
    path.write_text("Date,What,Amount\n2025-01-05,Rent,12.50\n", encoding="utf-8")
    with pytest.raises(ImportRowsError) as err:
        statement_rows(path, "s.csv", date_column="Date", description_column="What", amount_column="Amount")
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "Date")]
    with pytest.raises(RegisterError, match="has no column"):
        statement_rows(path, "s.csv", date_column="Posted", description_column="What", amount_column="Amount")
