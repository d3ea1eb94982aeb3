"""The proxy a table view shows: sorting and filtering handed down to the model's SQL.

A proxy that sorted or filtered by itself would only see the rows paged in so far (on a
large table, sorting by tonnes would put the largest *fetched* delivery on top and a
search would miss every record not yet scrolled to).  This proxy keeps the view's usual
behaviour (header clicks, the filter box) but passes both to the source model, which
orders and filters every record by its raw stored value; the proxy itself accepts all
rows and keeps the source order.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from tracker.ui.models.columns import RAW_ROLE
from tracker.ui.models.lazy_table import LazySqlTableModel

Index = QModelIndex | QPersistentModelIndex


class RecordFilterProxy(QSortFilterProxyModel):
    """Text search and exact matches on raw values, and sorting, all done in SQL.

    Rows without a record id (such as "All contracts") always stay, at the top.
    """

    def __init__(self, source: LazySqlTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(RAW_ROLE)

    @property
    def source(self) -> LazySqlTableModel:
        model = self.sourceModel()
        assert isinstance(model, LazySqlTableModel)
        return model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order every record by ``column``'s stored value (-1: as stored)."""
        self.source.set_sort(column, order == Qt.SortOrder.DescendingOrder)

    def set_text(self, text: str) -> None:
        self.source.set_filter_text(text)

    def set_exact(self, key: str, value: str | None) -> None:
        """Keep only rows whose raw ``key`` equals ``value`` (None clears the condition)."""
        self.source.set_exact(key, value)

    def record_id(self, proxy_row: int) -> int | None:
        """The record on ``proxy_row``, read now if its page is still on its way (a row
        selected from a flag far down is known at once, for Edit and Delete)."""
        index = self.index(proxy_row, 0)
        return self.source.record_id(self.mapToSource(index).row()) if index.isValid() else None

    def locate(self, record_id: int) -> QModelIndex:
        """The index of ``record_id``'s row, fetching up to it if needed (invalid if absent)."""
        source_row = self.source.locate(record_id)
        if source_row is None:
            return QModelIndex()
        return self.mapFromSource(self.source.index(source_row, 0))
