"""Bounds on input files checked before parsing, so a pathological file is refused fast."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tracker.domain.errors import ImportRefused, RowError

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
        raise ImportRefused(
            source, [RowError(1, "(header)", "the header row is longer than 1 MiB; not a CSV file")]
        )
    text = line.decode("utf-8-sig", errors="replace")
    columns = max(_count(text, d) for d in ",;\t")
    if columns > MAX_COLUMNS:
        raise ImportRefused(
            source,
            [
                RowError(
                    1,
                    "(header)",
                    f"has at least {columns:,} columns; a tracker or registry file has at most "
                    f"{MAX_COLUMNS}. Check that this is the right file",
                )
            ],
        )


def _count(text: str, delimiter: str) -> int:
    if text.count(delimiter) < MAX_COLUMNS:
        return text.count(delimiter) + 1
    try:
        return len(next(csv.reader(io.StringIO(text), delimiter=delimiter), []))
    except csv.Error:  # a cell past the field limit: count the separators instead
        return text.count(delimiter) + 1
