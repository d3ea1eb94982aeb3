"""Bounds on input files checked before parsing, so a pathological file is refused fast."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tracker.domain.errors import ImportRefused, RowError
from tracker.domain.messages import Count, Message, msg, render

MAX_COLUMNS = 300  # no tracker or registry layout comes near this
_HEADER_BYTES = 1 << 20  # the header must end within the first MiB


def check_header(path: Path) -> None:
    """Refuse a file whose header row has more than MAX_COLUMNS columns, or never ends."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(_HEADER_BYTES)
    except OSError:
        return  # the importer reports unreadable files in its own words
    check_header_bytes(str(path), head)


def check_header_bytes(source: str, data: bytes) -> None:
    head = data[:_HEADER_BYTES]
    end = head.find(b"\n")
    line = head if end < 0 else head[:end]
    if end < 0 and len(data) > _HEADER_BYTES:
        raise _refused(source, msg("error.header_row_too_long"))
    text = line.decode("utf-8-sig", errors="replace")
    columns = max(_count(text, d) for d in ",;\t")
    if columns > MAX_COLUMNS:
        raise _refused(
            source, msg("error.too_many_columns", columns=Count(columns), most=MAX_COLUMNS)
        )


def _refused(source: str, reason: Message) -> ImportRefused:
    """The file refused for its header: the reason in English, its message for the window."""
    return ImportRefused(source, [RowError(1, "(header)", render(reason), reason)])


def _count(text: str, delimiter: str) -> int:
    if text.count(delimiter) < MAX_COLUMNS:
        return text.count(delimiter) + 1
    try:
        return len(next(csv.reader(io.StringIO(text), delimiter=delimiter), []))
    except csv.Error:  # a cell past the field limit: count the separators instead
        return text.count(delimiter) + 1
