"""Payments imports and mapping files that are wrong: exit 2, one sentence naming the file, row, column and fix,
no traceback, no register change. Amounts are read only with the mapping's declared marks. Twenty officers
importing one file at once all end cleanly, and the file's payments are recorded once."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from docassemble.courtpack.cli import main
from docassemble.courtpack.register import importer as importer_module
from docassemble.courtpack.register import readers
from docassemble.courtpack.register.cases import add_case
from docassemble.courtpack.register.db import Register
from docassemble.courtpack.register.importer import ImportResult, import_file
from docassemble.courtpack.register.models import AuditEntry, Payment

from .conftest import EXAMPLES

IMPORTS = EXAMPLES / "imports"
HEADER = "Case Reference,Payment Date,Amount,Method,Receipt No\n"
GOOD_ROW = "RR-2025-0077,11/10/2025,25.00,direct debit,R1\n"
MAPPING = (IMPORTS / "payments.yaml").read_text(encoding="utf-8")


@pytest.fixture
def register(tmp_path):
    db = tmp_path / "r.db"
    add_case(str(db), EXAMPLES / "RR-2025-0077.yaml", who="setup")
    return db


def state(db) -> tuple[int, int]:
    with Register(db) as reg, reg.transaction() as session:
        return (
            session.scalar(select(func.count()).select_from(AuditEntry)),
            session.scalar(select(func.count()).select_from(Payment)),
        )


def run(*argv) -> int:
    return main([str(a) for a in argv])


# (what is wrong, the second data row, the words the message must contain)
BAD_ROWS = [
    (
        "thousands in the wrong places",
        'RR-2025-0077,11/10/2025,"1,2,3",card,R2\n',
        "row 3, column 'Amount': '1,2,3' is not an amount of money",
    ),
    (
        "a payment in the future",
        "RR-2025-0077,11/10/2099,25.00,card,R2\n",
        "row 3, column 'Payment Date': 2099-10-11 is in the future",
    ),
    (
        "an impossible date",
        "RR-2025-0077,30/02/2025,25.00,card,R2\n",
        "row 3, column 'Payment Date': '30/02/2025' is not a date in the form dd/mm/yyyy",
    ),
    ("an exponent", "RR-2025-0077,11/10/2025,1e400,card,R2\n", "row 3, column 'Amount': '1e400' is not an amount"),
    (
        "10**23 pounds",
        "RR-2025-0077,11/10/2025,100000000000000000000000,card,R2\n",
        "row 3, column 'Amount': '100000000000000000000000' is more than the most courtpack accepts",
    ),
    (
        "fractions of a penny",
        "RR-2025-0077,11/10/2025,12.345,card,R2\n",
        "row 3, column 'Amount': '12.345' has fractions of a penny",
    ),
    (
        "NUL in the method",
        "RR-2025-0077,11/10/2025,25.00,ca\x00rd,R2\n",
        "row 3, column 'Method': the text contains a control character",
    ),
    (
        "dots in the reference",
        "../../etc,11/10/2025,25.00,card,R2\n",
        "row 3, column 'Case Reference': '../../etc' cannot be a case reference",
    ),
    ("a missing date", "RR-2025-0077,,25.00,card,R2\n", "row 3, column 'Payment Date': the date is missing"),
    (
        "a case not in the register",
        "XX-2025-0001,11/10/2025,25.00,card,R2\n",
        "row 3, column 'Case Reference': no case 'XX-2025-0001' in the register",
    ),
]


@pytest.mark.parametrize(("label", "row", "message"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_bad_rows_exit_2_and_change_nothing(register, tmp_path, capsys, label, row, message):
    before = state(register)
    data = tmp_path / "p.csv"
    data.write_text(HEADER + GOOD_ROW + row, encoding="utf-8")
    code = run("payments", "import", data, "--mapping", IMPORTS / "payments.yaml", "--db", register, "--as", "tom")
    out, err = capsys.readouterr()
    assert code == 2
    assert f"{data}: 1 bad row(s):" in err and f"{data}: {message}" in err
    assert "nothing was imported" in err and "Traceback" not in out + err
    assert state(register) == before


# (what is wrong, the file's bytes, the words the message must contain)
BAD_FILES = [
    ("empty", b"", "is empty; export the file again"),
    ("header only with other columns", b"Ref,When,How much\n", "row 1 has no column(s) 'Case Reference'"),
    ("not UTF-8", HEADER.encode() + b"RR-2025-0077,11/10/2025,\xa325.00,card,R2\n", "is not utf-8-sig text"),
]


@pytest.mark.parametrize(("label", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_exit_2(register, tmp_path, capsys, label, content, message):
    before = state(register)
    data = tmp_path / "p.csv"
    data.write_bytes(content)
    code = run("payments", "import", data, "--mapping", IMPORTS / "payments.yaml", "--db", register, "--as", "tom")
    err = capsys.readouterr().err
    assert code == 2 and f"{data}: {message}" in err and "Traceback" not in err
    assert state(register) == before


def test_corrupt_workbook_and_unknown_kind(register, tmp_path, capsys):
    book = tmp_path / "p.xlsx"
    book.write_bytes(b"PK\x03\x04 not really a workbook")
    assert run("payments", "import", book, "--mapping", IMPORTS / "payments.yaml", "--db", register, "--as", "t") == 2
    assert f"{book}: is not a readable XLSX workbook" in capsys.readouterr().err
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    assert run("payments", "import", pdf, "--mapping", IMPORTS / "payments.yaml", "--db", register, "--as", "t") == 2
    assert f"{pdf}: cannot import a .pdf file; save it as CSV or XLSX" in capsys.readouterr().err


def test_size_and_row_limits_refuse_the_file(register, tmp_path, capsys, monkeypatch):
    data = tmp_path / "p.csv"
    data.write_text(HEADER + "".join(f"RR-2025-0077,11/10/2025,1.00,card,R{i}\n" for i in range(8)), encoding="utf-8")
    monkeypatch.setattr(importer_module, "MAX_ROWS", 5)
    assert run("payments", "import", data, "--mapping", IMPORTS / "payments.yaml", "--db", register, "--as", "t") == 2
    assert f"{data}: has over 5 rows; split it into smaller files" in capsys.readouterr().err
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    assert run("payments", "import", data, "--mapping", IMPORTS / "payments.yaml", "--db", register, "--as", "t") == 2
    assert "over the 100 an import may be" in capsys.readouterr().err
    assert state(register)[1] == 0


def mapping_edit(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return change


BAD_MAPPINGS = [
    ("misspelt section", mapping_edit("columns:", "colums:"), "colums: is not a known field — did you mean columns?"),
    (
        "misspelt field",
        mapping_edit("Amount: amount", "Amount: amout"),
        "columns.Amount: field 'amout' is not known for payments — did you mean amount?",
    ),
    ("unknown setting", lambda t: t + "sheeet: Ledger\n", "sheeet: is not a known field"),
    ("duplicate key", lambda t: t + "system: other\n", "the key 'system' appears twice"),
    ("nested repeat", lambda t: t + '  pattern: "((a+)+)"\n', "case_reference.pattern: is refused: it repeats"),
    ("back-reference", lambda t: t + '  pattern: "(a)\\\\1"\n', "case_reference.pattern: is refused: it refers back"),
    ("broken pattern", lambda t: t + '  pattern: "(unclosed"\n', "case_reference.pattern: is not a valid regular"),
    ("decimal mark", lambda t: t + 'amounts: {decimal: "x"}\n', "amounts.decimal: 'x' is not known"),
    (
        "same marks",
        lambda t: t + 'amounts: {decimal: ",", thousands: ","}\n',
        "amounts.thousands: ',' cannot separate thousands",
    ),
    (
        "bad date format",
        mapping_edit('date_format: "%d/%m/%Y"', 'date_format: "%Q"'),
        "date_format: ['%Q'] is not a date format",
    ),
    ("bad encoding", lambda t: t + "encoding: klingon\n", "encoding: 'klingon' is not a text encoding"),
    ("header row zero", lambda t: t + "header_row: 0\n", "header_row: 0 is not between 1 and 1000"),
    ("empty mapping", lambda t: "", "is empty"),
]


@pytest.mark.parametrize(("label", "change", "message"), BAD_MAPPINGS, ids=[b[0] for b in BAD_MAPPINGS])
def test_bad_mappings_exit_2(register, tmp_path, capsys, label, change, message):
    before = state(register)
    mapping = tmp_path / "m.yaml"
    mapping.write_text(change(MAPPING), encoding="utf-8")
    code = run("payments", "import", IMPORTS / "payments.csv", "--mapping", mapping, "--db", register, "--as", "t")
    out, err = capsys.readouterr()
    assert code == 2
    assert f"{mapping}: {message}" in err, err
    assert "Traceback" not in out + err
    assert state(register) == before


def test_semicolon_csv_with_decimal_comma(register, tmp_path):
    data = tmp_path / "p.csv"
    data.write_text(
        "Case Reference;Payment Date;Amount;Method;Receipt No\n"
        "RR-2025-0077;11/10/2025;10,00;card;R1\n"
        "RR-2025-0077;12/10/2025;1.234,56;card;R2\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "m.yaml"
    mapping.write_text(MAPPING + 'delimiter: ";"\namounts: {decimal: ","}\n', encoding="utf-8")
    assert import_file(str(register), data, mapping, who="tom").added == 2
    with Register(register) as reg, reg.transaction() as s:
        # "10,00" is ten pounds; "1.234,56" is one thousand two hundred and thirty-four pounds 56
        assert s.scalars(select(Payment.amount).order_by(Payment.paid_on)).all() == [
            Decimal("10.00"),
            Decimal("1234.56"),
        ]


def test_twenty_concurrent_imports_of_one_file(db_url):
    """Twenty officers import the same 13-payment file at once: each ends with a result, none with an error."""
    add_case(db_url, EXAMPLES / "RR-2025-0077.yaml", who="setup")
    Register(db_url).dispose()  # migrated before the race
    start = threading.Barrier(20)
    outcomes: list[object] = [None] * 20

    def officer(i: int) -> None:
        start.wait()
        try:
            outcomes[i] = import_file(db_url, IMPORTS / "payments.csv", IMPORTS / "payments.yaml", who=f"officer {i}")
        except Exception as err:  # noqa: BLE001 - the assertion below names it
            outcomes[i] = err

    threads = [threading.Thread(target=officer, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(isinstance(o, ImportResult) for o in outcomes), [o for o in outcomes if not isinstance(o, ImportResult)]
    assert sorted(o.added for o in outcomes) == [0] * 19 + [13]
    assert sum("already imported" in o.summary() for o in outcomes) == 19
    with Register(db_url) as reg, reg.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Payment)) == 13
        imports = s.scalars(select(AuditEntry.who).where(AuditEntry.action == "import")).all()
        assert sorted(imports) == sorted(f"officer {i}" for i in range(20))
