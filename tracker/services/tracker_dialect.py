"""Tracker CSV files as spreadsheets save them, read with the registry import's reader.

``registry.text.read_table`` decodes the file (BOM, UTF-16, Windows-1252) and finds its
separator (``,``, ``;`` or tab); this module checks the header against a tracker kind
and rewrites each cell into the canonical form the domain parsers read: decimal commas
and grouped thousands (when the separator allows them) become plain numbers, and
``DD.MM.YYYY`` or ``DD/MM/YYYY`` dates become ISO dates.  Slash dates are read day-first
or month-first for the whole file, decided by a day above 12; a file whose slash dates
never show which is refused rather than guessed.  What was assumed is returned as
notes for the preview.  Exports stay canonical.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain.errors import ImportRefused, RowError, ValidationError
from tracker.domain.messages import Message, msg, render
from tracker.services.csv_safe import restore
from tracker.services.registry.text import Table
from tracker.services.registry.values import parse_quantity, parse_registry_date
from tracker.services.tracker_csv_columns import (
    COLUMNS,
    DATE_COLUMNS,
    DERIVED_COLUMNS,
    NUMBER_COLUMNS,
    OPTIONAL_COLUMNS,
)

SEPARATOR_NAMES = {",": "','", ";": "';'", "\t": "tab"}
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_CANONICAL_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Row = tuple[int, dict[str, str]]


@dataclass(frozen=True, slots=True)
class TrackerRows:
    """A tracker file's rows with canonical cells, and what reading them assumed."""

    rows: tuple[Row, ...]
    notes: tuple[str, ...]


def separator_name(delimiter: str) -> str:
    return SEPARATOR_NAMES.get(delimiter, repr(delimiter))


def _separator(delimiter: str) -> str | Message:
    """The separator as the header refusals name it ('tab' is a word: worded)."""
    return msg("error.tab") if delimiter == "\t" else separator_name(delimiter)


def _header_error(column: str, reason: Message) -> RowError:
    return RowError(1, column, render(reason), reason)


def check_header(table: Table, kind: str) -> None:
    """Every missing and every unknown column, each naming the file's separator."""
    expected = COLUMNS[kind]
    optional = OPTIONAL_COLUMNS.get(kind, ())
    ignored = DERIVED_COLUMNS.get(kind, ())
    uses = msg("error.separator_used", separator=_separator(table.delimiter))
    listed = ",".join(expected)
    problems = [
        _header_error(c, msg("error.lacks_column", uses=uses, column=c, expected=listed))
        for c in expected
        if c not in table.keys and c not in optional
    ]
    problems += [
        _header_error(table.column(k), msg("error.not_a_kind_column", kind=kind, uses=uses))
        for k in table.keys
        if k not in expected and k not in ignored
    ]
    if problems:
        raise ImportRefused(table.source, problems)


def tracker_rows(table: Table, kind: str) -> TrackerRows:
    """Check the header, then read every row into canonical cells."""
    check_header(table, kind)
    raw = [
        (line, {k: restore(v) if v.startswith("'") else v for k, v in cells.items()})
        for line, cells in table.rows()
    ]
    day_first = _slash_order(table, raw)
    if table.decimal_comma:
        comma = _comma_decimals(raw)
    elif table.delimiter == "\t":
        comma = _tab_comma_decimals(raw)
    else:
        comma = False
    rows = tuple((line, _canonical(cells, comma is not False, day_first)) for line, cells in raw)
    return TrackerRows(rows, _notes(table, raw, day_first, comma))


def _comma_decimals(rows: list[Row]) -> bool | None:
    """In a ';' file: True when its numbers use the decimal comma (a ',' in any of them),
    False when they use the decimal point ('2.5'), None when they never show which
    (only '1.000'-like numbers: one tonne, or a thousand?)."""
    values = [c[k].strip() for _, c in rows for k in NUMBER_COLUMNS & c.keys()]
    if any("," in v for v in values):
        return True
    if any(re.fullmatch(r"\d+\.(\d{1,2}|\d{4,})", v) for v in values):
        return False
    return None


_GROUPED_BY_COMMA = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def _tab_comma_decimals(rows: list[Row]) -> bool:
    """In a tab file either style may appear: the decimal comma when a number shows it
    ('2,5', '1.234,5'), not when commas only group thousands ('1,234.5')."""
    values = [c[k].strip() for _, c in rows for k in NUMBER_COLUMNS & c.keys()]
    return any("," in v and not _GROUPED_BY_COMMA.fullmatch(v) for v in values)


def _slash_order(table: Table, rows: list[Row]) -> bool | None:
    """True when the file's slash dates are day-first, False month-first, None unknown."""
    day_first = month_first = False
    for _, cells in rows:
        for key in DATE_COLUMNS & cells.keys():
            if m := _SLASH.match(cells[key].strip()):
                day_first |= int(m[1]) > 12
                month_first |= int(m[2]) > 12
    if day_first and month_first:
        raise ImportRefused(
            table.source,
            [_header_error("(file)", msg("error.mixed_date_order"))],
        )
    return True if day_first else False if month_first else None


def _canonical(cells: Mapping[str, str], comma: bool, day_first: bool | None) -> dict[str, str]:
    out = dict(cells)
    for key, value in cells.items():
        text = value.strip()
        if key in NUMBER_COLUMNS and text:
            out[key] = _number(text, key, comma)
        elif key in DATE_COLUMNS and text and not _ISO.match(text):
            out[key] = _date(text, key, day_first)
    return out


def _number(text: str, key: str, decimal_comma: bool) -> str:
    if not decimal_comma and _CANONICAL_NUMBER.match(text):
        return text
    try:
        return str(parse_quantity(text, key, decimal_comma))
    except ValidationError:
        return text  # the domain parser reports it with its own reason


def _date(text: str, key: str, day_first: bool | None) -> str:
    if m := _SLASH.match(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        if day_first is None and first != second:
            return text  # ambiguous: the domain parser refuses it
        day, month = (first, second) if day_first in (True, None) else (second, first)
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return text
    try:
        found = parse_registry_date(text, key, required=False)
    except ValidationError:
        return text
    return found.isoformat() if found else text


_DOTTED_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")


def _notes(
    table: Table, rows: list[Row], day_first: bool | None, comma: bool | None
) -> tuple[str, ...]:
    notes = []
    if table.delimiter != ",":
        notes.append(f"separator {separator_name(table.delimiter)}")
    if table.encoding not in ("utf-8",):
        notes.append(f"encoding {table.encoding}")
    numbers = [c[k].strip() for _, c in rows for k in NUMBER_COLUMNS & c.keys()]
    dates = [c[k].strip() for _, c in rows for k in DATE_COLUMNS & c.keys()]
    dotted = any("." in v for v in numbers)
    if comma is True:
        notes.append("decimal comma (1.234,5 read as 1234.5)")
    elif table.decimal_comma and comma is None and dotted:
        notes.append("numbers such as 1.000 read as thousands (';' files use the decimal comma)")
    elif table.decimal_comma and dotted:
        notes.append("decimal point (numbers such as 2.5 show it)")
    elif any("," in v for v in numbers):
        notes.append("thousands grouped with ',' (1,234.5 read as 1234.5)")
    if any(_DOTTED_DATE.match(v) for v in dates):
        notes.append("dates DD.MM.YYYY read day-first")
    if day_first is True:
        notes.append("dates DD/MM/YYYY read day-first (a day above 12 shows it)")
    elif day_first is False:
        notes.append("dates MM/DD/YYYY read month-first (a day above 12 shows it)")
    return tuple(notes)
