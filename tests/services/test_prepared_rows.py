"""Rows prepared in SQL are written by csv's own writer, counted and cancellable."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
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
