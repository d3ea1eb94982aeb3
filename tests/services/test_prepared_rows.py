"""Rows prepared in SQL are written by csv's own writer, counted and cancellable."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tracker.services import csv_safe
from tracker.services.progress import Cancelled, Progress

HEADER = ["contract", "tonnes"]
ROWS = [("'=C-1", "1.5"), ("C-2", "100"), ("C-3", "")]


def _chunks(rows: list[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def test_prepared_rows_are_written_as_they_are() -> None:
    prepared, plain = io.StringIO(), io.StringIO()

    count = csv_safe.write_rows(prepared, HEADER, csv_safe.PreparedRows(_chunks(ROWS, 2)))
    csv_safe.write_rows(plain, HEADER, [list(r) for r in ROWS])

    assert count == 3
    assert prepared.getvalue() == plain.getvalue()  # "'=C-1" is not neutralised twice


@pytest.mark.parametrize(
    "row",
    [
        ("C-1", "1.5", "", "2024"),
        ("a,b", "1"),  # a comma inside a cell
        ('say "hi"', "1"),
        ("two\nlines", "x"),
        ("carriage\rreturn", "x"),
        ("", ""),
        ("",),  # a lone empty cell is written quoted
        ("only",),
        ("nul\0inside", "x"),
        (" spaced ", "été", "中文"),
        ("C-1", 2024, None),  # cells that are not text
        ("'=C-1", ",", '"'),
    ],
)
def test_prepared_text_is_what_csv_writes(row: tuple[object, ...]) -> None:
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerows([row, ("next", "row")])

    assert csv_safe.prepared_text([row, ("next", "row")]) == expected.getvalue()


def test_tracked_prepared_rows_count_every_row() -> None:
    progress = Progress()
    rows = csv_safe.tracked(csv_safe.PreparedRows(_chunks(ROWS * 10, 7)), progress)

    assert csv_safe.write_rows(io.StringIO(), HEADER, rows) == 30
    assert progress.done == 30


def test_a_cancel_between_chunks_stops_the_file_and_leaves_none(tmp_path: Path) -> None:
    progress = Progress()

    def chunks() -> Iterator[list[tuple[str, str]]]:
        yield list(ROWS)
        progress.cancel()  # the user pressed Cancel while the next chunk was read
        yield list(ROWS)

    rows = csv_safe.tracked(csv_safe.PreparedRows(chunks()), progress)
    with pytest.raises(Cancelled):
        csv_safe.write_file(tmp_path / "out.csv", HEADER, rows)

    assert list(tmp_path.iterdir()) == []


def _joined(rows: list[tuple[str, ...]]) -> list[tuple[str | None, int]]:
    """Rows as SQLite joins them: the cells and commas, each with its key (its index)."""
    return [(",".join(row), key) for key, row in enumerate(rows)]


class _Reader:
    """``rows_of`` for ``joined_lines``: the final cells of ``rows`` by key, each call's
    keys kept in ``asked``."""

    def __init__(self, rows: Sequence[tuple[str, ...]]) -> None:
        self.rows = rows
        self.asked: list[list[int]] = []

    def __call__(self, keys: list[int]) -> dict[int, tuple[str, ...]]:
        self.asked.append(keys)
        return {key: self.rows[key] for key in keys}


def test_a_chunk_of_plain_joined_rows_is_their_csv_text() -> None:
    rows = [("C-1", "1.5", ""), ("C-2", "'=x", "2024")]
    reader = _Reader(rows)

    lines = csv_safe.joined_lines(_joined(rows), 3, reader)

    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerows(rows)
    assert (lines.text, len(lines)) == (expected.getvalue(), 2)
    assert reader.asked == []  # no row was read again


@pytest.mark.parametrize(
    "odd",
    [("a,b", "1"), ('say "hi"', "1"), ("two\nlines", "x"), ("carriage\rreturn", "x")],
)
def test_a_row_whose_cell_needs_quoting_is_written_from_its_cells(odd: tuple[str, str]) -> None:
    rows = [("C-1", "1"), odd, ("C-3", "3")]
    reader = _Reader(rows)

    lines = csv_safe.joined_lines(_joined(rows), 2, reader)

    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerows(rows)
    assert lines.text == expected.getvalue()
    assert reader.asked == [[1]]  # only that row
    assert list(lines) == [list(r) for r in rows]  # read back, the same cells


def test_a_row_sqlite_could_not_join_is_written_from_its_cells() -> None:
    joined: list[tuple[str | None, int]] = [("C-1,1", 0), (None, 1)]

    lines = csv_safe.joined_lines(joined, 2, lambda keys: {1: ("C-2", None)})

    assert lines.text == "C-1,1\r\nC-2,\r\n"


def test_joined_lonely_empty_cells_are_written_quoted() -> None:
    lines = csv_safe.joined_lines([("x", 0), ("", 1)], 1, lambda keys: {1: ("",)})

    assert lines.text == 'x\r\n""\r\n'


def test_joined_lines_are_counted_and_written_as_they_are() -> None:
    chunks = [csv_safe.joined_lines(_joined([("C-1", "1")] * 3), 2, lambda keys: {})] * 2
    progress = Progress()
    out = io.StringIO()

    count = csv_safe.write_rows(
        out, HEADER, csv_safe.tracked(csv_safe.PreparedRows(chunks), progress)
    )

    assert (count, progress.done) == (6, 6)
    assert out.getvalue() == "contract,tonnes\r\n" + "C-1,1\r\n" * 6


@pytest.mark.parametrize("lead", csv_safe.DANGEROUS_LEADS)
@pytest.mark.parametrize("cell", [0, 1, 2])
def test_a_joined_row_with_a_cell_starting_as_a_formula_is_written_from_its_cells(
    lead: str, cell: int
) -> None:
    """The joined text holds the cells as stored: a row with a formula lead in any cell
    (first, middle or last) takes its final cells, neutralised by whoever reads them."""
    stored = ["C-2", "x", "y"]
    stored[cell] = lead + "1"
    rows = [("C-1", "a", "b"), tuple(stored), ("C-3", "c", "d")]
    final = [tuple(csv_safe.neutralise(c) for c in row) for row in rows]
    reader = _Reader(final)

    lines = csv_safe.joined_lines(_joined(rows), 3, reader)

    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerows(final)
    assert lines.text == expected.getvalue()
    assert reader.asked == [[1]]


def test_a_hyphen_inside_a_cell_is_no_formula() -> None:
    rows = [("C-1", "2025-01-31", "GS1-1-KE-5-9")]

    lines = csv_safe.joined_lines(_joined(rows), 3, lambda keys: {})

    assert lines.text == "C-1,2025-01-31,GS1-1-KE-5-9\r\n"
