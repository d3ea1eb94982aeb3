"""Reading an export file: encoding, separator, header and rows with their line numbers.

Accepted: UTF-8 with or without BOM, UTF-16 (with BOM, or without when the NUL bytes
show it), and Windows-1252 when the bytes are not UTF-8.  The separator is ``,``, ``;``
or tab, taken from the header line.  The standard 128 KiB ``csv.field_size_limit`` is
kept on purpose: an unclosed quote then stops at a clear error instead of swallowing
the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.domain.errors import ImportRefused, RowError
from tracker.domain.messages import Message, msg, render

if TYPE_CHECKING:
    import _csv

FIELD_LIMIT_BYTES = 128 * 1024
_SIGNATURES = {  # what a file of another kind is (error.file_is_…)
    b"PK\x03\x04": "error.file_is_xlsx",
    b"\xd0\xcf\x11\xe0": "error.file_is_xls",
    b"%PDF": "error.file_is_pdf",
    b"\x89PNG": "error.file_is_png",
}


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(source: str, data: bytes, nul_in_cells: bool = False) -> DecodedText:
    """The file's text, or ImportRefused naming the line with the undecodable byte.

    A stray NUL in an otherwise UTF-8 file is refused here unless ``nul_in_cells``
    (the tracker's own files: each text field then refuses it by column)."""
    for magic, what in _SIGNATURES.items():
        if data.startswith(magic):
            raise _refused(source, 1, "(file)", msg("error.not_a_csv_file", what=msg(what)))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(source, data, "utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(source, data, "utf-8-sig")
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\0") * 3 >= len(head):
        odd_nuls = head[1::2].count(b"\0")
        return _decode(source, data, "utf-16-le" if odd_nuls > len(head) // 4 else "utf-16-be")
    if b"\0" in data and not nul_in_cells:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise _refused(source, line, "(file)", msg("error.nul_bytes"))
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return _decode(source, data, "cp1252")


def _decode(source: str, data: bytes, encoding: str) -> DecodedText:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        width = 2 if encoding.startswith("utf-16") else 1
        line = data[: exc.start].count(b"\n" + b"\0" * (width - 1)) + 1
        why = msg("error.undecodable_byte", offset=exc.start, encoding=encoding)
        raise _refused(source, line, "(file)", why) from None
    if encoding.startswith("utf-16"):
        text = text.removeprefix("\ufeff")
        if "\0" in text:
            raise _refused(source, 1, "(file)", msg("error.not_utf16"))
    return DecodedText(text, encoding)


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: whichever separates the most cells in the header line."""
    first = text.split("\n", 1)[0]
    outside = _outside_quotes(first)
    counts = {sep: outside.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _outside_quotes(line: str) -> str:
    kept, quoted = [], False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            kept.append(ch)
    return "".join(kept)


def normalise_header(name: str) -> str:
    """Header names compare case- and spacing-insensitively: 'Status Effective  (GMT)'."""
    return " ".join(name.replace("\ufeff", "").split()).casefold()


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file's header and its rows keyed by normalised header name."""

    source: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]  # as written in the file
    keys: tuple[str, ...]  # normalised
    text: str

    @property
    def decimal_comma(self) -> bool:
        return self.delimiter == ";"

    def column(self, key: str) -> str:
        """The file's own spelling of a normalised column name (for messages)."""
        for name, k in zip(self.header, self.keys, strict=True):
            if k == key:
                return name.strip()
        return key

    def approximate_rows(self) -> int:
        return max(self.text.count("\n") - 1, 1)

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(first line number of the row, cells by normalised header) for each data row."""
        reader = _reader(self.text, self.delimiter)
        next(reader)  # header, already checked
        width = len(self.header)
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportRefused(self.source, [_csv_error(line, exc)]) from None
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > width and not any(c.strip() for c in cells[width:]):
                cells = cells[:width]  # trailing empty columns
            if len(cells) < width and all(
                not k or k.startswith("unnamed:") for k in self.keys[len(cells) :]
            ):
                cells = cells + [""] * (width - len(cells))
            if len(cells) != width:
                why = msg("error.cell_count", cells=len(cells), width=width)
                raise _refused(self.source, line, "(row)", why)
            yield line, dict(zip(self.keys, cells, strict=True))


def _reader(text: str, delimiter: str) -> _csv.Reader:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _row_error(line: int, column: str, reason: Message) -> RowError:
    """A refused row: its reason in English, its message for the window to word."""
    return RowError(line, column, render(reason), reason)


def _refused(source: str, line: int, column: str, reason: Message) -> ImportRefused:
    return ImportRefused(source, [_row_error(line, column, reason)])


def _csv_error(line: int, exc: csv.Error) -> RowError:
    message = str(exc)
    if "field larger than field limit" in message:
        return _row_error(line, "(row)", msg("error.cell_too_long", kib=FIELD_LIMIT_BYTES // 1024))
    if "unexpected end of data" in message:
        return _row_error(line, "(row)", msg("error.unclosed_quote"))
    return _row_error(line, "(row)", msg("error.unreadable_csv", detail=message))


def read_table(source: str, data: bytes, nul_in_cells: bool = False) -> Table:
    """Decode ``data`` and check its header: present, no blank or duplicated names."""
    decoded = decode_bytes(source, data, nul_in_cells)
    text = decoded.text
    if not text.strip():
        raise _refused(source, 1, "header", msg("error.file_empty"))
    delimiter = sniff_delimiter(text)
    reader = _reader(text, delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ImportRefused(source, [_csv_error(1, exc)]) from None
    while header and not header[-1].strip():
        header = header[:-1]  # trailing separators
    keys = tuple(normalise_header(h) for h in header)
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if not key:
            raise _refused(source, 1, f"(column {index + 1})", msg("error.header_name_missing"))
        if key in seen:
            why = msg("error.header_name_repeated")
            raise _refused(source, 1, header[index].strip(), why)
        seen.add(key)
    return Table(source, decoded.encoding, delimiter, tuple(header), keys, text)
