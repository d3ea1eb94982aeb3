"""A table model that follows the ledger: a paged model of a store view (paged_model.py)
sorted and filtered in the store over every record, read again when a ChangeSet touches
its tables, another ledger is opened or the as-of date moves; an edit of its own rows in
stored order is read in place; a hidden tab's model catches up when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from tracker.domain.changes import ChangeSet
from tracker.store import record_pages
from tracker.store.row_query import RowFilter, RowOrder
from tracker.ui import numbers
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.paged_model import Index, PagedTableModel

__all__ = ["Index", "LazySqlTableModel"]


class LazySqlTableModel(PagedTableModel):
    tables: frozenset[str] = frozenset()  # a change to any of these refreshes the model
    primary_table = ""  # the table whose records are the rows
    depends_on_as_of = False

    def __init__(self, store: LedgerStore, parent: QObject | None = None) -> None:
        self._active = True  # shown; a hidden tab's model reads changes in when shown
        self._stale = False
        super().__init__(store, parent)
        store.changed.connect(self._on_changed)
        store.reset.connect(self._on_reset)
        store.as_of_changed.connect(self._on_as_of_changed)

    # --- public ------------------------------------------------------------------------

    def set_contract(self, contract_id: int | None) -> None:
        if contract_id != self.contract_id:
            self.contract_id = contract_id
            self.reload()

    def reload(self) -> None:
        """Count again and forget the pages read: the view reads the rows it shows."""
        self._stale = False
        self._read_again()

    def set_active(self, active: bool) -> None:
        """An inactive model (a hidden tab) only notes that the ledger changed, and reads
        it again once active (shown): an edit re-queries the tab in view, not every tab."""
        self._active = active
        if active and self._stale:
            self.reload()

    @property
    def stale(self) -> bool:
        """Whether changes wait to be read in (until the model is active again)."""
        return self._stale

    def locate(self, record_id: int) -> int | None:
        """The row of ``record_id`` wherever it lies (two queries when its page is not
        read yet: its sort value, then how many rows come up to it); None when the filter
        leaves it out, it does not exist or a filtered count is on its way.  A hidden
        model catches up first: the record may be new."""
        if self._stale:
            self.reload()
        if self.counting:
            return None  # the filtered count is on its way
        found = self._rows.row_of(record_id)
        if found is not None:
            return found
        up_to = record_pages.locate(self.store.db, self.page_query(), record_id, None)
        if up_to is None or not 0 < up_to <= self._rows.count:
            return None
        return len(self._rows.leading) + up_to - 1

    # --- sorting and filtering (in the store, over every record) ---------------------

    @property
    def order(self) -> RowOrder:
        return self._order

    @property
    def row_filter(self) -> RowFilter:
        return self._filter

    def set_sort(self, column: int, descending: bool = False) -> None:
        """Order by ``column``'s stored value (-1: as stored) and read the first page."""
        chosen = self._columns[column] if 0 <= column < len(self._columns) else None
        order = RowOrder.of(chosen.search() if chosen else None, descending)
        if order != self._order:
            self._order = order
            self._read_again()

    def set_filter_text(self, text: str) -> None:
        """Keep the records with ``text`` in a text, date, vintage or choice column."""
        day = numbers.parse_day(text.strip())
        self._set_filter(self._filter.with_text(text, day.isoformat() if day else None))

    def set_exact(self, key: str, value: str | None) -> None:
        """Keep only records whose raw ``key`` equals ``value`` (None clears it)."""
        self._set_filter(self._filter.with_exact(key, value))

    def _set_filter(self, row_filter: RowFilter) -> None:
        if row_filter == self._filter:
            return
        self._filter = row_filter
        self._read_again()

    # --- following the ledger -----------------------------------------------------

    def _on_changed(self, changes: ChangeSet) -> None:
        if not changes.touches(*self.tables):
            return
        if not self._active:
            self._stale = True
            return
        if self._only_own_rows_edited(changes) and not self.page_reader.busy:
            self._refresh_rows({i for t, i in changes.updated if t == self.primary_table})
        else:
            self._stale = False
            self._read_again(keep_shown=True)

    def _only_own_rows_edited(self, changes: ChangeSet) -> bool:
        """An edit of records of this table only, shown in stored order and unfiltered:
        refresh their rows in place (keeping selection and scroll) instead of reading
        everything again.  When sorted or filtered an edit may move or hide a row.  (With
        pages on their way, which may have been read before the edit, the model reads
        again.)"""
        if changes.inserted or changes.deleted or changes.bulk:  # bulk: rows not listed
            return False
        if self._order.key is not None or self._filter.active:
            return False
        return all(table == self.primary_table for table, _id in changes.updated)

    def _refresh_rows(self, record_ids: set[int]) -> None:
        """Read the held rows of these records again, where they are."""
        held = self._rows.pages.where(record_ids)
        if not held:
            return
        last = self.columnCount() - 1
        for found in record_pages.rows_by_id(self.store.db, self.page_query(), held):
            number, at = held[found[0]]
            self._rows.pages.replace(number, at, tuple(found))
            row = self._rows.row_number(number, at)
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _on_as_of_changed(self, _day: object) -> None:
        if self.depends_on_as_of:
            self._on_reset()

    def _on_reset(self) -> None:
        if self._active:
            self.reload()
        else:
            self._stale = True
