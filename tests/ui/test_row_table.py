"""The report dialogs' table of many rows: cells worked out only when shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tracker.ui import theming
from tracker.ui.reports.row_table import WRAPPED_ROWS_MAX, RowTable

pytestmark = pytest.mark.gui

HEADERS = ["Row", "Outcome", "Reason"]
LONG = "a reason long enough to need more than one line in a narrow column " * 3


def shown(qtbot: QtBot) -> RowTable:
    table = RowTable()
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    return table


def test_a_hundred_thousand_rows_ask_only_for_the_cells_measured_and_shown(
    qtbot: QtBot,
) -> None:
    table = shown(qtbot)
    asked: list[tuple[int, int]] = []

    def cell(row: int, column: int) -> str:
        asked.append((row, column))
        return f"{row}:{column}"

    table.show_rows(HEADERS, 100_000, cell)
    qtbot.wait(10)  # painted

    assert table.rowCount() == 100_000
    assert len(asked) < 20 * 1_000  # not 300,000 cells
    assert len({row for row, _ in asked}) < 2_000
    assert table.text(99_999, 2) == "99999:2"


def test_each_cell_shows_its_whole_text_in_its_tooltip(qtbot: QtBot) -> None:
    table = shown(qtbot)
    table.show_rows(HEADERS, 1, lambda _row, column: LONG if column == 2 else "x", wide={2: 50})
    index = table.model().index(0, 2)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == LONG


def test_alarming_cells_are_drawn_in_the_error_colour(qtbot: QtBot) -> None:
    table = shown(qtbot)
    table.show_rows(
        HEADERS, 2, lambda row, column: "x", alarming=lambda row, column: row == 1 and column > 0
    )
    assert table.foreground(0, 1) is None
    assert table.foreground(1, 0) is None
    colour = table.foreground(1, 2)
    assert colour is not None
    assert colour.name() == theming.colour("error").lower()


def test_a_short_table_wraps_its_last_column(qtbot: QtBot) -> None:
    table = shown(qtbot)
    table.show_rows(HEADERS, 3, lambda _row, column: LONG if column == 2 else "x")
    assert table.wordWrap()
    assert table.rowHeight(0) > 2 * table.fontMetrics().height()


def test_a_long_table_keeps_one_line_per_row(qtbot: QtBot) -> None:
    table = shown(qtbot)
    table.show_rows(HEADERS, 3, lambda _row, column: LONG if column else "x")  # wrapped first
    table.show_rows(HEADERS, WRAPPED_ROWS_MAX + 1, lambda _row, column: LONG if column else "x")
    assert not table.wordWrap()
    assert table.rowHeight(0) == table.verticalHeader().defaultSectionSize()


def test_clearing_leaves_no_rows(qtbot: QtBot) -> None:
    table = shown(qtbot)
    table.show_rows(HEADERS, 5, lambda _row, _column: "x")
    table.clear_rows()
    assert table.rowCount() == 0
    table.show_rows(HEADERS, 2, lambda row, _column: str(row))
    assert table.text(1, 0) == "1"
