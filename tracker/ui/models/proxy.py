"""Sorting and filtering on raw stored values (RAW_ROLE), never on display text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from tracker.ui.models.columns import ID_ROLE, RAW_ROLE
from tracker.ui.models.lazy_table import LazySqlTableModel

Index = QModelIndex | QPersistentModelIndex


class RecordFilterProxy(QSortFilterProxyModel):
    """Text search over the raw values of every column, plus exact matches per column.

    Rows without a record id (such as "All contracts") always stay, at the top.
    """

    def __init__(self, source: LazySqlTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(RAW_ROLE)
        self._text = ""
        self._exact: dict[str, str] = {}

    @property
    def source(self) -> LazySqlTableModel:
        model = self.sourceModel()
        assert isinstance(model, LazySqlTableModel)
        return model

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def set_exact(self, key: str, value: str | None) -> None:
        """Keep only rows whose raw ``key`` equals ``value`` (None clears the condition)."""
        self.beginFilterChange()
        if value:
            self._exact[key] = value
        else:
            self._exact.pop(key, None)
        self.endFilterChange()

    def record_id(self, proxy_row: int) -> int | None:
        return self.index(proxy_row, 0).data(ID_ROLE)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.source
        if source.record_id(source_row) is None:
            return True
        for key, wanted in self._exact.items():
            if str(source.raw(source_row, key)) != wanted:
                return False
        if not self._text:
            return True
        for column in range(source.columnCount()):
            raw = source.index(source_row, column, source_parent).data(RAW_ROLE)
            shown = source.index(source_row, column, source_parent).data()
            if raw is not None and (
                self._text in str(raw).casefold() or self._text in str(shown).casefold()
            ):
                return True
        return False

    def lessThan(self, left: Index, right: Index) -> bool:
        pinned_left = left.data(ID_ROLE) is None
        pinned_right = right.data(ID_ROLE) is None
        if pinned_left or pinned_right:
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            # the pinned row sorts first whichever way the column is ordered
            return (pinned_left and not pinned_right) == ascending
        return _key(left.data(RAW_ROLE)) < _key(right.data(RAW_ROLE))


def _key(value: Any) -> tuple[int, Any]:
    """Missing values first, numbers by value, text case-insensitively."""
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value).casefold())
