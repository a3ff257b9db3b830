"""Reading income-system exports: CSV and XLSX rows, dates and amounts, with row-level faults.

Why separate from ``importer``: reading a file and deciding what to write are different jobs;
every fault found here carries the column and a reason that ``importer`` reports with the
file and row number.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..case.fields import TEXT_LIMIT, clean_text, safe_reference
from ..law import dates
from ..law.money import to_money
from .errors import RegisterError
from .mapping import Mapping

MAX_FILE_BYTES = 200_000_000  # an income-system export of a few years is tens of MB
MAX_PATTERN_INPUT = 500  # longest narrative searched with a mapping's pattern (bounds the regex's work)


class _Bad(Exception):
    def __init__(self, column: str, reason: str) -> None:
        self.column = column
        self.reason = reason


class _Unmatched(_Bad):
    """The row is for an account or reference that is not a case in the register."""


# --- reading rows -----------------------------------------------------------------------------------


def read_rows(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, {field: raw value}) for each non-blank data row; checks the mapped columns exist."""
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size == 0:
        raise RegisterError(f"{path}: is empty; export the file again from the income system")
    if size > MAX_FILE_BYTES:
        raise RegisterError(
            f"{path}: is {size:,} bytes, over the {MAX_FILE_BYTES:,} an import may be; export a shorter period"
        )
    if suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path, mapping)
    elif suffix in (".csv", ".txt"):
        raw = _csv_rows(path, mapping)
    else:
        raise RegisterError(f"{path}: cannot import a {suffix or 'nameless'} file; save it as CSV or XLSX")
    header = None
    for number, values in raw:
        if header is None:
            if number < mapping.header_row:
                continue
            header = [str(v).strip() if v is not None else "" for v in values]
            missing = [c for c in mapping.columns if c not in header]
            if missing:
                raise RegisterError(
                    f"{path}: row {number} has no column(s) {', '.join(repr(m) for m in missing)} named in "
                    f"{mapping.source}; the columns are: {', '.join(repr(h) for h in header if h)} — correct the "
                    "mapping file, or header_row if the names are on another row"
                )
            index = {c: header.index(c) for c in mapping.columns}
            continue
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        yield number, {f: (values[index[c]] if index[c] < len(values) else None) for c, f in mapping.columns.items()}
    if header is None:
        raise RegisterError(f"{path}: has no header row {mapping.header_row}; is the file empty?")


def _csv_rows(path: Path, mapping: Mapping) -> Iterator[tuple[int, list[Any]]]:
    try:
        with path.open(encoding=mapping.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=mapping.delimiter)
            start = 1
            for values in reader:
                yield start, values
                start = reader.line_num + 1
    except UnicodeDecodeError:
        raise RegisterError(
            f"{path}: is not {mapping.encoding} text; set 'encoding:' in the mapping "
            "(e.g. cp1252 for older Excel CSV files)"
        ) from None
    except csv.Error as err:
        raise RegisterError(f"{path}: is not a readable CSV file ({err})") from None


def _xlsx_rows(path: Path, mapping: Mapping) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise RegisterError(f"{path}: is not a readable XLSX workbook ({type(err).__name__})") from None
    try:
        if mapping.sheet:
            if mapping.sheet not in book.sheetnames:
                raise RegisterError(
                    f"{path}: has no sheet {mapping.sheet!r} (sheets: {', '.join(book.sheetnames)}); "
                    f"correct 'sheet:' in {mapping.source}"
                )
            sheet = book[mapping.sheet]
        else:
            sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()


# --- values ------------------------------------------------------------------------------------


def parse_date(value: Any, mapping: Mapping, column: str, today: dt.date | None = None) -> dt.date:
    """A payment or balance date: the mapping's formats (or an Excel date), never in the future."""
    try:
        day = dates.parse_date(value if value is not None else "", mapping.date_formats)
    except ValueError as err:
        raise _Bad(column, str(err)) from None
    problem = dates.check_range(day, today=today or dt.date.today(), past=True)
    if problem:
        raise _Bad(column, problem)
    return day


def parse_amount(value: Any, column: str, mapping: Mapping | None = None) -> Decimal | None:
    """An amount read with the mapping's declared decimal and thousands marks only (Excel numbers as they are)."""
    if value is None or str(value).strip() == "":
        return None
    decimal, thousands = (mapping.decimal, mapping.thousands) if mapping else (".", ",")
    if isinstance(value, float):  # an Excel number cell: its shortest repr is the figure shown
        if value != value or value in (float("inf"), float("-inf")):
            raise _Bad(column, f"{value!r} is not an amount")
        value = Decimal(repr(value))
        decimal, thousands = ".", ""
    if isinstance(value, str):
        text = value.strip()
        negative = text.startswith("(") and text.endswith(")")  # accountants' (12.50)
        text = text.strip("()").strip()
        if text.endswith(("CR", "cr")):
            negative, text = True, text[:-2].strip()
        if thousands != " ":
            text = text.replace(" ", "")
        value = ("-" if negative else "") + text
    try:
        return to_money(value, decimal=decimal, thousands=thousands)
    except ValueError as err:
        raise _Bad(column, str(err)) from None


def _text(value: Any, column: str = "", limit: int = TEXT_LIMIT) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    problem = clean_text(text, limit)
    if problem:
        raise _Bad(column, f"the text {problem}")
    return text


def _reference(values: dict[str, Any], mapping: Mapping) -> str:
    rule = mapping.case_reference
    column = mapping.column_of(rule.field)
    value = _text(values.get(rule.field), column, limit=MAX_PATTERN_INPUT if rule.pattern else 40)
    if not value:
        raise _Bad(column, "the case reference is missing")
    if rule.pattern:
        match = rule.pattern.search(value)
        if not match:
            raise _Unmatched(
                column, f"{value[:60]!r} does not contain a case reference (pattern {rule.pattern.pattern!r})"
            )
        value = match.group(1) if match.groups() else match.group(0)
    reference = rule.template.format(value=value)
    if not safe_reference(reference):
        raise _Bad(column, f"{reference[:60]!r} cannot be a case reference (letters, digits, hyphens, single dots)")
    return reference
