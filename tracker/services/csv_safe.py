"""CSV writing that is safe to open in a spreadsheet, and atomic on disk.

Text cells that a spreadsheet would run as a formula (OWASP CSV injection:
leading ``=``, ``+``, ``-``, ``@``, tab, carriage return or NUL) get a leading
apostrophe.  Numbers are passed as ``int``/``Decimal``-like text through
``Number`` so a real negative number stays a number.  Reading the tracker's
own files reverses the apostrophe, so an export re-imports to the same data.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tracker.store.targets import refuse_ledger_target

if TYPE_CHECKING:
    from tracker.services.progress import Progress

DANGEROUS_LEADS = ("=", "+", "-", "@", "\t", "\r", "\0")


class Number(str):
    """A cell that is a number: written verbatim, never neutralised."""

    __slots__ = ()


def neutralise(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Number | int):
        return str(cell)
    text = str(cell)
    if text.startswith(DANGEROUS_LEADS):
        return "'" + text
    return text


def restore(cell: str) -> str:
    """Undo :func:`neutralise` for a text cell read back from our own file."""
    if cell.startswith("'") and cell[1:].startswith(DANGEROUS_LEADS):
        return cell[1:]
    return cell


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """Rows whose cells are final already (neutralised where they were read, in SQL:
    ``tracker.store.csv_rows``), in chunks: written by csv's own writer, no per-cell work.
    Iterating gives the rows one by one, like any other rows."""

    chunks: Iterable[Sequence[Sequence[object]] | CsvLines]

    def __iter__(self) -> Iterator[Sequence[object]]:
        for chunk in self.chunks:
            yield from chunk


def tracked(rows: Iterable[Sequence[object]], progress: Progress) -> Iterable[Sequence[object]]:
    """``rows`` counted by ``progress`` (and stopped by its Cancel), prepared rows staying
    prepared: they are counted a chunk at a time."""
    if isinstance(rows, PreparedRows):
        return PreparedRows(progress.track_chunks(rows.chunks))
    return progress.track(rows)


_LINE_END = "\r\n"
# What makes csv's writer quote a cell: its quote character or a line break (a comma is
# counted instead: a row of n plain cells joins with n - 1).
_QUOTED_CHARACTERS = ('"', "\r", "\n")


def prepared_text(chunk: Sequence[Sequence[object]]) -> str:
    """The CSV lines of ``chunk``, exactly as ``write_rows``'s writer writes them but
    several times faster: a row of plain text cells (no comma, quote or line break in
    any) is joined by commas; any other row is written by csv's own writer."""
    lines: list[str] = []
    join, quoted = ",".join, _QUOTED_CHARACTERS
    for row in chunk:
        try:
            line: str | None = join(row)  # type: ignore[arg-type]
        except TypeError:  # a cell that is not text
            line = None
        if (
            line is None
            or len(row) < 2  # a lone empty cell is written quoted
            or line.count(",") != len(row) - 1
            or any(c in line for c in quoted)
        ):
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator=_LINE_END).writerow(row)
            lines.append(buffer.getvalue())
        else:
            lines.append(line + _LINE_END)
    return "".join(lines)


class CsvLines:
    """A chunk of rows written as CSV text already (final cells, the writer's quoting and
    line ends): written as it is.  Its length and its rows are those of the chunk."""

    __slots__ = ("count", "text")

    def __init__(self, text: str, count: int) -> None:
        self.text = text
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[list[str]]:
        return iter(csv.reader(io.StringIO(self.text, newline="")))


# A cell that starts as a formula would, in a row of cells joined by commas (none holding
# one): after a comma.  One pass of a pattern over a chunk's text (0.27 s for a million
# rows; seven substring searches took 1.2 s).
_CELL_LEAD = re.compile(",[" + re.escape("".join(DANGEROUS_LEADS)) + "]")


def _plain(line: str | None, cells: int) -> bool:
    """Whether ``line`` (``cells`` cells as stored, joined by commas) is their safe CSV
    line: no cell holds a comma, the quote character or a line break, none starts as a
    formula would (:func:`neutralise` would change it), and no lone cell is empty."""
    return (
        line is not None
        and line.count(",") == cells - 1
        and not any(c in line for c in _QUOTED_CHARACTERS)
        and not line.startswith(DANGEROUS_LEADS)
        and _CELL_LEAD.search(line) is None
        and (cells > 1 or line != "")
    )


def joined_lines(
    lines: Sequence[tuple[str | None, int]],
    cells: int,
    rows_of: Callable[[list[int]], Mapping[int, Sequence[object]]],
) -> CsvLines:
    """The CSV text of rows whose ``cells`` cells, as stored, were joined by commas where
    they were read, as (joined text, key).  A whole chunk is checked at once; a row whose
    text is no safe CSV line (a cell holds a comma, a quote or a line break, or starts as
    a formula would) is written from its final cells — ``rows_of`` its key: neutralised
    where text, numbers as they are — by csv's own writer."""
    texts = [line for line, _key in lines if line is not None]
    # The whole chunk as one row of all its cells (a lone empty cell aside: quoted alone)
    if cells > 1 and len(texts) == len(lines) and _plain(",".join(texts), cells * len(texts)):
        return CsvLines(_LINE_END.join(texts) + _LINE_END, len(texts))
    plain = [_plain(line, cells) for line, _key in lines]
    rows = rows_of([key for (_line, key), ok in zip(lines, plain, strict=True) if not ok])
    parts = [
        f"{line}{_LINE_END}" if ok else prepared_text([rows[key]])
        for (line, key), ok in zip(lines, plain, strict=True)
    ]
    return CsvLines("".join(parts), len(parts))


def write_rows(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    writer = csv.writer(out, lineterminator=_LINE_END)
    writer.writerow(header)
    count = 0
    if isinstance(rows, PreparedRows):
        for chunk in rows.chunks:
            out.write(chunk.text if isinstance(chunk, CsvLines) else prepared_text(chunk))
            count += len(chunk)
        return count
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
        count += 1
    return count


def write_file(
    path: Path | str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = False,
) -> int:
    """Write to a temporary file beside ``path`` and rename it into place.

    A failure part-way leaves any existing file untouched and no partial file.
    """
    target = Path(path)
    refuse_ledger_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(temp_name, 0o600)  # reports hold contract terms: private like the ledger
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            count = write_rows(out, header, rows)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count


def to_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    write_rows(buffer, header, rows)
    return buffer.getvalue()
