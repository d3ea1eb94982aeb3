"""A read-only model of a store view's records that reads pages where the view looks.

The model counts the records the current sort and filter select (the scroll bar spans
them all) and reads rows a page at a time when the view asks: the next or previous page
by keyset from one held, any other from the nearer end of the table (the last row of a
million is one short read).  On a ledger file pages, and a filtered count, are read on a
worker (``page_reader``); at most ``cached_pages`` pages are held (``page_cache``).
``LazySqlTableModel`` (lazy_table.py) adds sorting, filtering and following the ledger.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from tracker.store import record_pages
from tracker.store.record_pages import PageQuery
from tracker.store.row_query import RowFilter, RowOrder
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.columns import ID_ROLE, RAW_ROLE, Column, alignment, display_text
from tracker.ui.models.page_cache import PagedRows, in_sqlite_order
from tracker.ui.models.page_reader import PagePlan, PageReader

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    pages_arrived = Signal()  # rows read on the worker are in (the view may fit columns)

    page_size = 200
    cached_pages = 50  # most pages held at once (the least recently shown go first)
    view = ""  # the store's view of the records (tracker.store.record_views)
    extra_keys: tuple[str, ...] = ()  # selected for display (e.g. currency) but not shown
    pages_beside = True  # on a ledger file, pages are read on a worker (short lists: not)
    beside_from = 5_000  # records: a smaller table's page is read here in a millisecond
    leading_rows_bold = False  # else italic

    def __init__(self, store: LedgerStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contract_id: int | None = None
        self._columns: list[Column] = self.build_columns()
        self._keys = ["id", *(c.key for c in self._columns), *self.extra_keys]
        self._rows = PagedRows()
        self._beside = False  # pages read on a worker (decided at each count)
        self._large = False  # the unfiltered table has beside_from records or more
        self.counting = False  # a filtered count is on its way (see _count_beside)
        self.count_failed = False  # the last count on the worker raised (no rows shown)
        self.counted_beside = False  # the last read was counted on the worker
        self._follow: int | None = None  # the record a view keeps selected across reads
        self.found_row: int | None = None  # its row, found by the worker's count
        self.page_reader = PageReader(
            store, self._pages_read, self._counted, self, count_failed=self._count_failed
        )
        self._order = RowOrder()
        self._filter = RowFilter()
        self._count_rows()

    # --- what subclasses provide ------------------------------------------------------

    def build_columns(self) -> list[Column]:
        raise NotImplementedError

    def view_labels(self) -> dict[str, str]:
        """Text the view shows as values, in the window's language (none by default)."""
        return {}

    def leading_rows(self) -> list[tuple[Any, ...]]:
        """Rows shown before the stored ones, with id None (e.g. "All contracts")."""
        return []

    # --- rows ---------------------------------------------------------------------------

    @property
    def columns(self) -> list[Column]:
        return self._columns

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

    def row_of(self, record_id: int) -> int | None:
        """The row holding ``record_id`` among the pages held (no query)."""
        return self._rows.row_of(record_id)

    def record_id(self, row: int) -> int | None:
        found = self._row(row)
        return found[0] if found is not None else None

    def raw(self, row: int, key: str) -> Any:
        found = self._row(row)
        return found[self._keys.index(key)] if found is not None else None

    def shown_value(self, row: int, key: str) -> Any:
        """``key`` of row ``row`` as drawn: from its page if held, else the page is read
        (on a worker for a ledger file) and the row shown before a change stands in for
        it meanwhile (None if none).  For what a view draws."""
        found = self._shown_row(row)
        return found[self._keys.index(key)] if found is not None else None

    def held_rows(self) -> int:
        """How many stored rows the model holds now (at most ``cached_pages`` pages)."""
        return self._rows.pages.held()

    def background_jobs(self) -> list[Any]:
        """The reads this model has running off the GUI thread (a screenshot waits)."""
        return [self.page_reader]

    def note(self) -> str:
        """A word on rows that are not stored records (shown beside the record count)."""
        return ""

    def total_count(self) -> int:
        """How many records the current filter selects (counted when the model read)."""
        return self._rows.count

    def page_query(self) -> PageQuery:
        """What the model reads from the store: its view and keys, in the current order
        and filter, for the chosen contract as of the store's date."""
        return PageQuery(
            view=self.view,
            keys=tuple(self._keys),
            columns=tuple(c.search() for c in self._columns),
            order=self._order,
            row_filter=self._filter,
            contract_id=self.contract_id,
            as_of=self.store.as_of,
            labels=self.view_labels(),
        )

    def follow(self, record_id: int | None) -> None:
        """The record a view keeps selected across a read: a count on the worker finds
        its row too (``found_row``), rather than a scan on this thread afterwards."""
        self._follow = record_id

    # --- Qt model interface --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return alignment(column)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._shown_row(index.row()) if index.isValid() else None
        if row is None:
            return None  # a page on its way: drawn empty until it comes
        column = self._columns[index.column()]
        raw = row[index.column() + 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display_text(column, raw, dict(zip(self._keys, row, strict=True)))
        if role == RAW_ROLE:
            return raw
        if role == ID_ROLE:
            return row[0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return alignment(column)
        if role == Qt.ItemDataRole.FontRole and row[0] is None:
            font = QFont()  # a row that is not a stored record
            font.setBold(self.leading_rows_bold)
            font.setItalic(not self.leading_rows_bold)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # --- reading --------------------------------------------------------------------

    def _read_again(self, keep_shown: bool = False) -> None:
        """Count again and forget the pages; ``keep_shown``: the same order and filter
        after a change, so the rows shown stay drawn until their fresh pages come."""
        if self._beside and self._filter.active:
            self._count_beside(keep_shown)
            return
        self.beginResetModel()
        try:
            self._count_rows(keep_shown)
        finally:
            self.endResetModel()

    def _count_rows(self, keep_shown: bool = False) -> None:
        self.counting = self.counted_beside = self.count_failed = False
        self.found_row = None
        count = record_pages.count(self.store.db, self.page_query())
        leading, kept = self._sorted_leading_rows(), keep_shown and self._beside
        self._rows.restart(leading, count, kept, self.page_size, self.cached_pages)
        if not self._filter.active:  # a filter's count says little of the table's size
            self._large = count >= self.beside_from
        self._beside = self.pages_beside and self._large and self.page_reader.available

    def _count_beside(self, keep_shown: bool) -> None:
        """Count a filtered table on the worker (a text filter scans every record), with
        its first page and the followed record's row.  Meanwhile the table shows no rows,
        or after a change the rows shown before, and reads no page."""
        self.beginResetModel()
        try:
            count = self._rows.count if keep_shown else 0
            leading = self._sorted_leading_rows()
            self._rows.restart(leading, count, keep_shown, self.page_size, self.cached_pages)
            self.counting, self.counted_beside, self.found_row = True, False, None
            self.count_failed = False
        finally:
            self.endResetModel()
        generation, query = self._rows.generation, self.page_query()
        self.page_reader.count(query, generation, self.page_size, self._follow)

    def _counted(
        self, generation: int, count: int, first: list[tuple[Any, ...]], found: int | None
    ) -> None:
        if generation != self._rows.generation:
            return  # counted for a state the model has left
        self.beginResetModel()
        try:
            leading, stand_ins = self._rows.leading, self._rows.shown_before
            self._rows.restart(leading, count, False, self.page_size, self.cached_pages)
            self._rows.shown_before = stand_ins
            if first:
                self._rows.keep(0, first)
            self.found_row = None if found is None else len(leading) + found
            self.counting, self.counted_beside = False, True
        finally:
            self.endResetModel()

    def _count_failed(self, generation: int) -> None:
        """The count on the worker raised (the error itself goes to the error dialog): no
        rows, and the count says it could not be made, until the table reads again."""
        if generation != self._rows.generation:
            return
        self.beginResetModel()
        try:
            self._rows.restart(self._rows.leading, 0, False, self.page_size, self.cached_pages)
            self.counting, self.counted_beside, self.count_failed = False, False, True
            self.found_row = None
        finally:
            self.endResetModel()

    def _row(self, row: int) -> tuple[Any, ...] | None:
        """Row ``row`` (leading rows first), reading its page now if it is not held."""
        found, place = self._rows.lookup(row)
        if place is None:
            return found
        number, at = place
        if self.counting:  # where pages start is not known until the count comes
            return self._rows.stand_in(number, at)
        rows = self._plan(number).read(self.store.db)
        self._rows.keep(number, rows)
        return rows[at] if at < len(rows) else None

    def _shown_row(self, row: int) -> tuple[Any, ...] | None:
        """Row ``row`` if held; else, while the worker reads its page, the row shown there
        before the last change (None: drawn empty until it comes)."""
        if not self._beside:
            return self._row(row)
        found, place = self._rows.lookup(row)
        if place is None:
            return found
        number, at = place
        if self.counting:  # the count, and so where pages start, is on its way
            return self._rows.stand_in(number, at)
        self.page_reader.want(number, lambda: self._plan(number), self._rows.generation)
        return self._rows.stand_in(number, at)

    def _plan(self, number: int) -> PagePlan:
        """Page ``number``: read on from the page before or back from the page after when
        one is held, else found from the nearer end of the table."""
        first, size = self._rows.span(number)
        ends = self._rows.ends(number, self._sort_key)
        return PagePlan(self.page_query(), first, size, self._rows.count, ends)

    def _pages_read(self, generation: int, pages: dict[int, list[tuple[Any, ...]]]) -> None:
        if generation != self._rows.generation:
            return  # read for a state the model has left
        last = self.columnCount() - 1
        for number, rows in sorted(pages.items()):
            if not rows:
                continue
            self._rows.keep(number, rows)
            first = self._rows.row_number(number, 0)
            self.dataChanged.emit(self.index(first, 0), self.index(first + len(rows) - 1, last))
        self.pages_arrived.emit()

    def _sort_key(self, row: tuple[Any, ...]) -> tuple[Any, int]:
        """The sort value and id of a stored row (where the next page starts)."""
        values = dict(zip(self._keys, row, strict=True))
        return self._order.sort_value(values), values["id"]

    def _sorted_leading_rows(self) -> list[tuple[Any, ...]]:
        """The leading rows (always shown, on top), in the chosen order among themselves."""
        at = None if self._order.key is None else self._keys.index(self._order.key)
        return in_sqlite_order(self.leading_rows(), at, self._order.descending)
