"""Keep a table's visible columns inside its width, so no column is ever half visible.

Each column gets its content width.  When they do not all fit, columns give way one step
at a time, in the order given: a step ``(column, minimum)`` narrows the column down to
``minimum`` pixels (its text is elided), a step ``(column, None)`` leaves it out.  Width
left over goes to the first shown *growing* column.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

PADDING = 12  # pixels beyond the content, so the text does not touch the grid
# How long a table's changed content settles before its columns are measured again (a
# 200-row list measures every row: tens of milliseconds, not to be spent in the turn of
# the event loop that handles an edit)
SETTLE_MS = 120

# (column, minimum width), or (column, None) to leave the column out
GiveWay = tuple[int, int | None]


class ColumnFitter(QObject):
    def __init__(
        self,
        view: QTableView | QTreeView,
        give_way: Sequence[GiveWay],
        growing: Sequence[int] = (),
    ) -> None:
        super().__init__(view)
        self.view = view
        self.give_way = list(give_way)
        self.growing = list(growing)
        self.dropped: set[int] = set()  # hidden for want of room (not hidden by others)
        self._rows_fitted = -1  # how many rows the last fit measured (-1: none yet)
        self._header().setStretchLastSection(False)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)  # shown: fit what changed while it was hidden
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self._content_changed)
        model.dataChanged.connect(self._content_changed)

    def _content_changed(self) -> None:
        """Other rows (as many as there were not): fit at once.  The same rows with new
        values (an edit, pages arriving): fit once they settle (``SETTLE_MS``), not in the
        same turn of the event loop — the edited rows are drawn first, and a burst of
        pages arriving is measured once."""
        if not shiboken6.isValid(self.view):
            return  # a view being deleted: its model empties itself on the way out
        same_rows = self.view.model().rowCount() == self._rows_fitted
        self._fit_within(SETTLE_MS if same_rows else 0)

    def _fit_within(self, delay_ms: int) -> None:
        if self._pending.isActive() and self._pending.remainingTime() <= delay_ms:
            return  # due sooner already
        self._pending.start(delay_ms)

    def _header(self) -> QHeaderView:
        view = self.view
        return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit_within(0)
        return False

    def layout(self, available: int) -> tuple[dict[int, int], set[int]]:
        """Column -> width of the columns shown, and the columns left out, for a viewport
        ``available`` pixels wide."""
        header = self._header()
        widths = {
            c: max(self.view.sizeHintForColumn(c), header.sectionSizeHint(c)) + PADDING
            for c in range(header.count())
            if not self.view.isColumnHidden(c) or c in self.dropped
        }
        dropped: set[int] = set()
        for column, minimum in self.give_way:
            excess = sum(widths.values()) - available
            if excess <= 0:
                break
            if column not in widths:
                continue
            if minimum is None:
                del widths[column]
                dropped.add(column)
            else:
                widths[column] -= min(excess, max(widths[column] - minimum, 0))
        slack = available - sum(widths.values())
        growing = [c for c in self.growing if c in widths]
        if slack > 0 and growing:
            widths[growing[0]] += slack
        return widths, dropped

    def fit(self) -> None:
        """Fit the columns now; a hidden view (another tab) is fitted when it is shown:
        a hidden table measures every row, not just a screenful."""
        if not self.view.isVisible():
            return
        widths, dropped = self.layout(self.view.viewport().width())
        self._rows_fitted = self.view.model().rowCount()
        for column in self.dropped | dropped:
            self.view.setColumnHidden(column, column in dropped)
        self.dropped = dropped
        header = self._header()
        for column, width in widths.items():
            header.resizeSection(column, width)
