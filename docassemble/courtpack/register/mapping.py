"""Column-mapping files: how to read one council income system's CSV or Excel export.

Why a mapping file: every system (housing rent, sundry debtors, the council's finance system)
exports different column names, date formats and sign conventions. The officer describes the
export once, in YAML, and imports it every week::

    kind: payments                 # payments | accounts
    system: housing-rent           # recorded as each payment's source; part of its identity
    sheet: Transactions            # XLSX only (default: the first sheet)
    header_row: 1                  # the row holding the column names
    date_format: "%d/%m/%Y"        # or a list of formats; Excel date cells are read as dates
    columns:                       # source column -> field
      Tenancy Ref: account
      Trans Date: date
      Amount: amount
      Receipt No: external_ref
      Pay Method: method
    amounts:
      payments_are: negative       # positive (default) | negative: how a payment appears in `amount`
      otherwise: skip              # skip (charges, refunds...) | error
      owed_is: positive            # accounts: how a balance owed appears (positive | negative)
      decimal: "."                 # the decimal mark: "." (default) or "," (e.g. 10,00)
      thousands: ","               # the thousands mark: "," (default with "."), "." (default with ","),
                                   # "'", " " or none; amounts are read with these marks only
    only_when: {type: [RCP, DD]}   # optional: import only rows whose field has one of these values
    case_reference:
      field: account               # the field holding it
      lookup: accounts             # direct (default): the register reference itself
                                   # accounts: an account number linked by an accounts import
      pattern: "(FTA-\\d{4}-\\d{4})"  # optional: take the reference out of longer text
      template: "FTA-{value}"      # optional: build the reference from the value
      unmatched: skip              # error (default) | skip: rows for accounts that are not court cases

Payments fields: date, amount (or credit and debit columns), external_ref, method, type,
description, account. Accounts fields: account, name, balance, balance_on, type.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
from dataclasses import dataclass, field

# The parser behind ``re`` (Python 3.11), used only to inspect a pattern's shape before it runs.
from re import _constants as re_constants
from re import _parser as re_parser

from ..case.fields import Fields, load_yaml
from .errors import MappingError

KINDS = ("payments", "accounts")
PAYMENT_FIELDS = {
    "date",
    "amount",
    "credit",
    "debit",
    "external_ref",
    "method",
    "type",
    "description",
    "account",
    "reference",
}
ACCOUNT_FIELDS = {"account", "name", "balance", "balance_on", "type", "reference"}
LOOKUPS = ("direct", "accounts")
MAX_MAPPING_BYTES = 100_000
DATE_FORMAT = r"(?:%[dmYyb]|[/\-. ]){1,12}"
_REPEATS = (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, getattr(re_constants, "POSSESSIVE_REPEAT", None))


@dataclass
class CaseReference:
    field: str
    lookup: str = "direct"
    pattern: re.Pattern[str] | None = None
    template: str = "{value}"


@dataclass
class Mapping:
    source: str
    kind: str
    system: str
    columns: dict[str, str]  # source column -> field
    case_reference: CaseReference
    date_formats: list[str] = field(default_factory=lambda: ["%d/%m/%Y", "%Y-%m-%d"])
    sheet: str | None = None
    header_row: int = 1
    delimiter: str = ","
    encoding: str = "utf-8-sig"
    payments_are: str = "positive"
    otherwise: str = "skip"
    owed_is: str = "positive"
    unmatched: str = "error"
    only_when: dict[str, set[str]] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)
    decimal: str = "."  # how the export writes amounts: "10,00" with decimal "," is £10.00
    thousands: str = ","

    def column_of(self, name: str) -> str:
        """The source column that feeds a field (for error messages)."""
        return next((column for column, f in self.columns.items() if f == name), name)

    @property
    def fields(self) -> set[str]:
        return set(self.columns.values())


def read_mapping(path: str | os.PathLike[str]) -> Mapping:
    """Read and check a mapping file; every problem names the file, the setting and the fix."""
    source = str(path)
    data = load_yaml(path, "mapping file", error=MappingError, max_bytes=MAX_MAPPING_BYTES)
    top = Fields(data, source, error=MappingError)
    kind = top.one_of("kind", KINDS, "payments")
    system = top.text("system")
    if not re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", system):
        raise top.fail("system", "is not a short name", "name the income system, e.g. housing-rent")
    columns = top.raw("columns")
    if not isinstance(columns, dict):
        raise top.fail("columns", "is missing", "map each source column to a field, e.g. 'Trans Date: date'")
    allowed = PAYMENT_FIELDS if kind == "payments" else ACCOUNT_FIELDS
    columns = {str(k).strip(): str(v).strip() for k, v in columns.items()}
    for column, name in columns.items():
        if name not in allowed:
            close = difflib.get_close_matches(name, sorted(allowed), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise top.fail(
                f"columns.{column}",
                f"field {name!r} is not known for {kind}",
                f"{hint}use one of: {', '.join(sorted(allowed))}",
            )
    fields = set(columns.values())
    if len(fields) != len(columns):
        raise top.fail("columns", "maps two columns to the same field", "map each field from one column")
    needed = {"date"} if kind == "payments" else {"account"}
    if kind == "payments" and not ({"amount"} & fields or {"credit"} & fields):
        raise top.fail("columns", "has no amount", "map the amount column to 'amount' (or a credit column to 'credit')")
    for name in needed - fields:
        raise top.fail("columns", f"has no column for {name!r}", f"map the export's {name} column to '{name}'")

    ref = top.section("case_reference", None) or Fields({}, source, "case_reference", error=MappingError)
    ref_field = ref.text("field", "reference")
    if ref_field not in fields:
        raise ref.fail(
            "field",
            f"{ref_field!r} is not a mapped field",
            "map the column holding the case reference (or account number) and name its field here",
        )
    lookup = ref.one_of("lookup", LOOKUPS, "direct")
    if kind == "accounts" and lookup != "direct":
        raise ref.fail(
            "lookup",
            "an accounts import links accounts to cases by the case reference",
            "map the column holding the register's case reference and use lookup: direct",
        )
    pattern = _pattern(ref, ref.text("pattern", None))
    template = ref.text("template", "{value}", limit=60)
    if "{value}" not in template or template.count("{") != 1 or template.count("}") != 1:
        raise ref.fail("template", "must contain {value} once and no other braces", "e.g. 'FTA-{value}'")
    unmatched = ref.one_of("unmatched", ("error", "skip"), "error")

    amounts = top.section("amounts", None) or Fields({}, source, "amounts", error=MappingError)
    payments_are = amounts.one_of("payments_are", ("positive", "negative"), "positive")
    otherwise = amounts.one_of("otherwise", ("skip", "error"), "skip")
    owed_is = amounts.one_of("owed_is", ("positive", "negative"), "positive")
    decimal = amounts.one_of("decimal", (".", ","), ".")
    thousands = amounts.raw("thousands", "," if decimal == "." else ".")
    if thousands not in (",", ".", " ", "'", "none") or thousands == decimal:
        raise amounts.fail(
            "thousands",
            f"{thousands!r} cannot separate thousands when the decimal mark is {decimal!r}",
            "use one of , . ' (a space) or none, different from the decimal mark",
        )

    formats = top.raw("date_format", ["%d/%m/%Y", "%Y-%m-%d"])
    formats = formats if isinstance(formats, list) else [formats]
    if not formats or len(formats) > 5 or not all(isinstance(f, str) and re.fullmatch(DATE_FORMAT, f) for f in formats):
        raise top.fail(
            "date_format",
            f"{formats!r} is not a date format (or a list of up to 5)",
            'use strptime codes %d %m %Y %y %b with / - . or spaces, e.g. "%d/%m/%Y"',
        )
    only_when = top.raw("only_when", {})
    if not isinstance(only_when, dict) or any(k not in fields for k in only_when):
        raise top.fail(
            "only_when", "must name mapped fields and the values to import", "e.g. only_when: {type: [RCP, DD]}"
        )
    header_row = top.number("header_row", 1, low=1, high=1000)
    methods = top.raw("methods", {})
    if not isinstance(methods, dict):
        raise top.fail("methods", "must map the export's codes to names", "e.g. methods: {DD: direct debit}")
    delimiter = top.text("delimiter", ",")
    if len(delimiter) != 1 or delimiter in ('"', "\n"):
        raise top.fail("delimiter", f"{delimiter!r} is not one character", "use , or ; or a tab")
    encoding = top.text("encoding", "utf-8-sig")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise top.fail("encoding", f"{encoding!r} is not a text encoding", "use utf-8-sig or cp1252") from None
    sheet = top.text("sheet", None)
    top.refuse_unknown()
    return Mapping(
        source=source,
        kind=kind,
        system=system,
        columns=columns,
        case_reference=CaseReference(ref_field, lookup, pattern, template),
        date_formats=formats,
        sheet=sheet,
        header_row=header_row,
        delimiter=delimiter,
        encoding=encoding,
        payments_are=payments_are,
        otherwise=otherwise,
        owed_is=owed_is,
        unmatched=unmatched,
        only_when={
            str(k): {str(v).strip() for v in (vs if isinstance(vs, list) else [vs])} for k, vs in only_when.items()
        },
        methods={str(k): str(v) for k, v in methods.items()},
        decimal=decimal,
        thousands="" if thousands == "none" else thousands,
    )


def _pattern(ref: Fields, text: str | None) -> re.Pattern[str] | None:
    """Compile ``case_reference.pattern``, refusing shapes that can backtrack for minutes.

    A regular expression with a repeat inside a repeat (``(a+)+``), an alternation under a repeat,
    a back-reference or more than two open-ended repeats can take exponential or high-polynomial
    time on a crafted cell; a case reference never needs one. Cells searched are also capped in
    length (``readers.MAX_PATTERN_INPUT``), so what is allowed runs in well under a second.
    """
    if text is None:
        return None
    if len(text) > 200:
        raise ref.fail("pattern", "is longer than 200 characters", "a case reference needs a short pattern")
    try:
        parsed = re_parser.parse(text)
        pattern = re.compile(text)
    except (re.error, RecursionError, OverflowError) as err:
        raise ref.fail("pattern", f"is not a valid regular expression ({err})") from None
    problem = _risky(parsed.data if hasattr(parsed, "data") else list(parsed), False, [0])
    if problem:
        raise ref.fail(
            "pattern",
            f"is refused: {problem}",
            r"write the reference's shape plainly, e.g. \b((?:FTA|RR)-\d{4}-\d{4})\b",
        )
    return pattern


def _risky(items: list, under_repeat: bool, open_ended: list[int]) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            _low, high, sub = av
            repeats = high > 1
            if under_repeat and repeats:
                return "it repeats something that itself repeats, which can run for minutes"
            if high == re_constants.MAXREPEAT:
                open_ended[0] += 1
                if open_ended[0] > 2:
                    return "it has more than two open-ended repeats (+, *)"
            found = _risky(list(sub), under_repeat or repeats, open_ended)
        elif op is re_constants.SUBPATTERN:
            found = _risky(list(av[-1]), under_repeat, open_ended)
        elif op is re_constants.BRANCH:
            if under_repeat:
                return "it repeats an alternative (a|b), which can run for minutes"
            found = next((p for b in av[1] if (p := _risky(list(b), under_repeat, open_ended))), None)
        elif op in (re_constants.GROUPREF, re_constants.GROUPREF_EXISTS):
            return "it refers back to a group"
        elif op in (re_constants.ASSERT, re_constants.ASSERT_NOT):
            found = _risky(list(av[1]), under_repeat, open_ended)
        else:
            found = None
        if found:
            return found
    return None
