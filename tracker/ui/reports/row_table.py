"""A read-only table of many rows whose cells are worked out only when shown.

A registry file of a hundred thousand rows previews as a hundred thousand outcomes, and a
reconciliation can list as many differences.  A ``QTableWidget`` made an item for every
cell on the GUI thread first (about 10 s for 100,000 rows, wrapping the reasons
included).  ``RowTable`` shows a ``TextRowsModel`` instead: it asks ``cell(row,
column)`` for the text of the rows measured and on screen only (0.16 s for 100,000 or a
million rows).  Column widths are measured on the
rows Qt samples (``resizeContentsPrecision``), and the last column wraps its text only
while the table is short enough to measure every row's height (``WRAPPED_ROWS_MAX``);
longer tables keep one line per row, with the whole text in each cell's tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView, QWidget

from tracker.ui import theming

WRAPPED_ROWS_MAX = 500  # above this many rows, rows keep one line (a height per row: 0.4 ms)
SAMPLED_ROWS = 500  # rows measured for a column's width

Cell = Callable[[int, int], str]
Alarming = Callable[[int, int], bool]
Index = QModelIndex | QPersistentModelIndex

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _blank(_row: int, _column: int) -> str:
    return ""


class TextRowsModel(QAbstractTableModel):
    """``count`` rows of text under ``headers``; ``alarming`` cells are drawn in the
    theme's error colour."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._count = 0
        self._cell: Cell = _blank
        self._right_aligned: frozenset[int] = frozenset()
        self._alarming: Alarming | None = None

    def show_rows(
        self,
        headers: Sequence[str],
        count: int,
        cell: Cell,
        right_aligned: frozenset[int] = frozenset(),
        alarming: Alarming | None = None,
    ) -> None:
        """Show these rows instead (one model for the view's life: swapping models under
        a view crashed PySide when the old one was freed inside ``setModel``)."""
        self.beginResetModel()
        self._headers = list(headers)
        self._count = count
        self._cell = cell
        self._right_aligned = right_aligned
        self._alarming = alarming
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._right_aligned:
            return int(_RIGHT.value)
        alarming = self._alarming
        if role == Qt.ItemDataRole.ForegroundRole and alarming and alarming(row, column):
            return QColor(theming.colour("error"))
        return None


class RowTable(QTableView):
    """The view of a ``TextRowsModel``: read-only, no row numbers, what it shows readable
    by row and column (``text``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)  # as tall as the other tables' rows
        self.horizontalHeader().setResizeContentsPrecision(SAMPLED_ROWS)
        self.rows = TextRowsModel(self)
        self.setModel(self.rows)

    def show_rows(
        self,
        headers: Sequence[str],
        count: int,
        cell: Cell,
        *,
        right_aligned: frozenset[int] = frozenset(),
        alarming: Alarming | None = None,
        wide: dict[int, int] | None = None,
        minimum: int = 200,
    ) -> None:
        """Show ``count`` rows whose text ``cell(row, column)`` gives; ``wide`` caps those
        columns' widths (the whole text is in the tooltip); the last column takes the
        room left (at least ``minimum`` pixels)."""
        self.clear_rows()  # so that no row keeps the height the last rows were given
        self.rows.show_rows(headers, count, cell, right_aligned, alarming)
        self.resizeColumnsToContents()
        for column, limit in (wide or {}).items():
            self.setColumnWidth(column, min(self.columnWidth(column), limit))
        self.horizontalHeader().setStretchLastSection(True)
        self._wrap_last_column(minimum)

    def clear_rows(self) -> None:
        self.rows.show_rows([], 0, _blank)

    def _wrap_last_column(self, minimum: int) -> None:
        last = self.columnCount() - 1
        if last < 0:
            return
        wrapped = self.rowCount() <= WRAPPED_ROWS_MAX
        self.setWordWrap(wrapped)
        if not wrapped:
            return  # the last section stretches to the room left
        before = sum(self.columnWidth(c) for c in range(last))
        self.setColumnWidth(last, max(self.viewport().width() - before, minimum))
        self.resizeRowsToContents()

    def rowCount(self) -> int:
        return self.model().rowCount()

    def columnCount(self) -> int:
        return self.model().columnCount()

    def text(self, row: int, column: int) -> str:
        """The text the table shows in that cell."""
        return str(self.model().index(row, column).data() or "")

    def header_text(self, column: int) -> str:
        return str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")

    def foreground(self, row: int, column: int) -> QColor | None:
        """The colour the cell's text is drawn in, when it has one of its own."""
        colour = self.model().index(row, column).data(Qt.ItemDataRole.ForegroundRole)
        return colour if isinstance(colour, QColor) else None
