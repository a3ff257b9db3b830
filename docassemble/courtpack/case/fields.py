"""Reading YAML files and their fields, with the error naming the file, the field and the fix.

Why one module: case files, orders files and import mappings are all hand-edited YAML, and each
value must be checked the same way wherever it enters — money only through ``law.money``, dates
only through ``law.dates`` and a plausible range, text without control characters and within a
length, references from a safe alphabet, choices from a closed list, and no key the reader does
not know (``claimant.offcer_name: is not a known field — did you mean officer_name?``).
``load_yaml`` refuses duplicate keys and keeps timestamps as text, so an unquoted ``2026-02-30``
reaches ``law.dates`` and is reported like any other bad date, never as a crash.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from ..errors import CaseFileError, CourtpackError
from ..law.dates import check_range, parse_date
from ..law.money import to_money

E = TypeVar("E", bound=Enum)

# The UK postcode shape (outward code, space optional, inward code), GIR 0AA included.
POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$")
# Letters, digits, hyphen, underscore and single dots: safe in file names, URLs and folder paths.
SAFE_REFERENCE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.)){0,39}")
# C0 controls except tab and newline, DEL and the C1 controls: they break XLSX, PDFs and terminals.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 4000
MAX_YAML_BYTES = 2_000_000
MISSING = object()

ErrorFactory = Callable[[str, str, str, str], CourtpackError]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: a 2 MB file in a second, not a minute


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader that refuses duplicate keys and leaves dates as text for ``law.dates``."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(None, None, f"the key {key!r} appears twice", key_node.start_mark)
        seen[key] = loader.construct_object(value_node, deep=deep)
    return seen


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(
    path: str | os.PathLike[str],
    what: str = "case file",
    error: ErrorFactory = CaseFileError,
    max_bytes: int = MAX_YAML_BYTES,
) -> Any:
    """Read a hand-edited YAML file, or raise ``error`` naming the file, the line and the fix."""
    source = str(path)
    file = Path(path)
    if not file.is_file():
        raise error(source, "", "no such file", f"check the path to the {what}")
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise error(
                source,
                "",
                f"is over {_size(max_bytes)} ({size:,} bytes), more than a {what} may be",
                "it holds facts, not documents; attach documents separately",
            )
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise error(source, "", "is not a text file", "save it as UTF-8 YAML") from None
    except OSError as err:
        raise error(source, "", f"cannot be read ({err.strerror})", "check the file's permissions") from None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        # libyaml marks an unclosed bracket at the end of the stream, past the last line: name the last line
        line = f" at line {min(mark.line + 1, text.rstrip(chr(10)).count(chr(10)) + 1)}" if mark else ""
        problem = getattr(err, "problem", None) or "is not valid YAML"
        if "appears twice" in problem or "plain text" in problem:
            raise error(source, "", f"{problem}{line}", "keep one of them") from None
        raise error(source, "", f"is not valid YAML{line}", "check the indentation and quotes there") from None
    except RecursionError:
        raise error(source, "", "is nested too deeply to be a " + what, "check the indentation") from None
    if data is None:
        raise error(source, "", "is empty", "start from one of the files in examples/")
    return data


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1_000} KB"


def normalise_postcode(text: str) -> str | None:
    """``'se135xd'`` -> ``'SE13 5XD'``; None when it is not a UK postcode."""
    squashed = re.sub(r"\s+", "", text.upper())
    if not POSTCODE.match(squashed):
        return None
    return f"{squashed[:-3]} {squashed[-3:]}"


def clean_text(value: str, limit: int = TEXT_LIMIT, multiline: bool = False) -> str | None:
    """Why ``value`` cannot be stored as text (or None when it can): control characters, length, lines."""
    if CONTROL.search(value):
        return "contains a control character (such as NUL)"
    if not multiline and "\n" in value:
        return "must be on one line"
    if len(value) > limit:
        return f"is {len(value):,} characters long, over the {limit:,} allowed"
    return None


def safe_reference(value: str) -> bool:
    """True when ``value`` can name a file, a folder and a URL as it is."""
    return bool(SAFE_REFERENCE.fullmatch(value))


class Fields:
    """A mapping from a YAML file, with its place in the file for error messages.

    Every key a loader reads is remembered; ``refuse_unknown`` then reports any key no loader
    asked for, with the closest known key, so a misspelt optional field is never silently ignored.
    """

    def __init__(
        self,
        data: Any,
        source: str,
        path: str = "",
        today: dt.date | None = None,
        error: ErrorFactory = CaseFileError,
        _all: list[Fields] | None = None,
    ) -> None:
        self.error = error
        self.source = source
        self.path = path
        if not isinstance(data, dict):
            raise self.error(
                source, path or "(top level)", "must be a set of named fields", "check the indentation of this section"
            )
        self.data = data
        self.today = today or dt.date.today()
        self.read: set[str] = set()
        self._all = _all if _all is not None else []
        self._all.append(self)

    def where(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, problem: str, fix: str = "") -> CourtpackError:
        return self.error(self.source, self.where(key), problem, fix)

    def _child(self, data: Any, path: str) -> Fields:
        return Fields(data, self.source, path, self.today, self.error, self._all)

    def refuse_unknown(self) -> None:
        """Refuse keys nobody read, in this section and every section read from it."""
        for section in self._all:
            for key in section.data:
                if str(key) in section.read:
                    continue
                close = difflib.get_close_matches(str(key), sorted(section.read), n=1, cutoff=0.6)
                fix = f"did you mean {close[0]}?" if close else "remove it, or check the spelling against examples/"
                raise section.fail(str(key), "is not a known field", fix)

    def _misspelt(self, key: str) -> None:
        """A required key is absent: if a key nobody asked for looks like it, name that key instead."""
        strangers = [str(k) for k in self.data if str(k) not in self.read]
        close = difflib.get_close_matches(key, strangers, n=1, cutoff=0.85)  # one slip in a word
        if close:
            raise self.fail(close[0], "is not a known field", f"did you mean {key}?")

    def raw(self, key: str, default: Any = MISSING) -> Any:
        self.read.add(key)
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None or value == "":
            if default is MISSING:
                if value is MISSING:
                    self._misspelt(key)
                raise self.fail(key, "is missing", "add it to the file")
            return default
        return value

    def text(self, key: str, default: Any = MISSING, limit: int = TEXT_LIMIT, multiline: bool = False) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail(key, f"{value!r} must be text")
        text = str(value).strip()
        problem = clean_text(text, limit, multiline)
        if problem:
            raise self.fail(key, problem, "correct it in the file")
        return text

    def long_text(self, key: str, default: Any = MISSING) -> Any:
        return self.text(key, default, limit=LONG_TEXT_LIMIT, multiline=True)

    def reference(self, key: str, default: Any = MISSING) -> Any:
        value = self.text(key, default, limit=40)
        if value is not default and not safe_reference(value):
            raise self.fail(
                key,
                f"{value!r} cannot name files",
                "use letters, digits, hyphens and single dots (at most 40), e.g. FTA-2025-0142",
            )
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"{value!r} must be true or false")
        return value

    def date(self, key: str, default: Any = MISSING, *, past: bool = False) -> Any:
        """A date in a plausible range; ``past`` when the fact has happened (never after ``today``)."""
        value = self.raw(key, default)
        if value is default:
            return value
        try:
            day = parse_date(value)
        except ValueError as err:
            raise self.fail(key, str(err), "write it as YYYY-MM-DD") from None
        problem = check_range(day, today=self.today, past=past)
        if problem:
            raise self.fail(key, problem)
        return day

    def money(self, key: str, default: Any = MISSING, positive: bool = True) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        try:
            amount = to_money(value)
        except ValueError as err:
            raise self.fail(key, str(err)) from None
        if positive and amount <= 0:
            raise self.fail(
                key,
                f"{amount} must be more than zero",
                "record charges and payments as positive amounts; the kind says which way",
            )
        if amount < 0:
            raise self.fail(key, f"{amount} must not be negative")
        return amount

    def rate(self, key: str, default: Any = MISSING) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        try:
            rate = Decimal(str(value).strip()[:20])
        except ArithmeticError:
            raise self.fail(key, f"{value!r} is not a percentage, e.g. 8") from None
        if isinstance(value, bool) or not rate.is_finite() or rate < 0 or rate > 100:
            raise self.fail(key, f"{value!r} is not a percentage between 0 and 100")
        return rate

    def number(self, key: str, default: Any = MISSING, low: int = 1, high: int = 10_000) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
            raise self.fail(key, f"{value!r} is not a whole number")
        number = int(str(value).strip())
        if not low <= number <= high:
            raise self.fail(key, f"{number} is not between {low} and {high}")
        return number

    def choice(self, key: str, enum: type[E], default: Any = MISSING) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        try:
            return enum(str(value))
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            raise self.fail(key, f"{str(value)[:40]!r} is not known", f"use one of: {allowed}") from None

    def one_of(self, key: str, allowed: tuple[str, ...], default: Any = MISSING) -> Any:
        value = self.text(key, default)
        if value is not default and value not in allowed:
            raise self.fail(key, f"{value[:40]!r} is not known", f"use one of: {', '.join(allowed)}")
        return value

    def postcode(self, key: str) -> str:
        value = self.text(key)
        postcode = normalise_postcode(value)
        if postcode is None:
            raise self.fail(key, f"{value[:20]!r} is not a UK postcode", "check it against Royal Mail's finder")
        return postcode

    def section(self, key: str, default: Any = MISSING) -> Any:
        value = self.raw(key, default)
        if value is default:
            return value
        return self._child(value, self.where(key))

    def items(self, key: str, required: bool = False, limit: int = 10_000) -> Iterator[Fields]:
        self.read.add(key)
        value = self.data.get(key)
        if value in (None, []):
            if required:
                raise self.fail(key, "has no entries", "add at least one")
            return
        if not isinstance(value, list):
            raise self.fail(key, "must be a list (each entry starting with '- ')")
        if len(value) > limit:
            raise self.fail(key, f"has {len(value):,} entries, over the {limit:,} allowed", "split the file")
        for index, item in enumerate(value):
            yield self._child(item, f"{self.where(key)}[{index}]")

    def strings(self, key: str, limit: int = TEXT_LIMIT) -> tuple[str, ...]:
        self.read.add(key)
        value = self.data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or len(value) > 50:
            raise self.fail(key, "must be a list of text lines")
        for line in value:
            problem = clean_text(line.strip(), limit)
            if problem:
                raise self.fail(key, f"a line {problem}", "correct it in the file")
        return tuple(v.strip() for v in value if v.strip())
