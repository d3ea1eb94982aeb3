"""A read-only table model over every record of a view, reading pages where the view looks.

The model knows how many records the current sort and filter select (one COUNT), so the
scroll bar spans the whole table, and reads rows a page at a time when the view asks for
them: the next or previous page by keyset from one already read (the same cost wherever
it is), any other page by skipping from the nearer end (the last row of a million is one
short read).  At most ``cached_pages`` pages are held; the ones least recently shown are
dropped first.  Sorting and the row filter are part of the store's read
(``tracker.store.record_pages``), so they apply to every record, not only the rows read
so far.  Subclasses give the columns and name the store's view of their records; the
model reads again when a ChangeSet touches its tables, another ledger is opened or the
as-of date moves.
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

from tracker.domain.changes import ChangeSet
from tracker.store import record_pages
from tracker.store.record_pages import PageQuery
from tracker.store.row_query import RowFilter, RowOrder
from tracker.ui import numbers
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.columns import ID_ROLE, RAW_ROLE, Column, alignment, display_text
from tracker.ui.models.page_cache import PagedRows
from tracker.ui.models.page_reader import PagePlan, PageReader

Index = QModelIndex | QPersistentModelIndex


class LazySqlTableModel(QAbstractTableModel):
    pages_arrived = Signal()  # rows read on the worker are in (the view may fit columns)

    page_size = 200
    cached_pages = 50  # most pages held at once (the least recently shown go first)
    tables: frozenset[str] = frozenset()  # a change to any of these refreshes the model
    primary_table = ""  # the table whose records are the rows
    view = ""  # the store's view of those records (tracker.store.record_views)
    extra_keys: tuple[str, ...] = ()  # selected for display (e.g. currency) but not shown
    depends_on_as_of = False
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
        self.page_reader = PageReader(store, self._pages_read, self)
        self._order = RowOrder()
        self._filter = RowFilter()
        self._active = True  # shown; a hidden tab's model reads changes in when shown
        self._stale = False
        store.changed.connect(self._on_changed)
        store.reset.connect(self._on_reset)
        store.as_of_changed.connect(self._on_as_of_changed)
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

    # --- public ------------------------------------------------------------------------

    @property
    def columns(self) -> list[Column]:
        return self._columns

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.key == key)

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
        if row_filter != self._filter:
            self._filter = row_filter
            self._read_again()

    def locate(self, record_id: int) -> int | None:
        """The row of ``record_id`` wherever it lies (two queries when its page is not
        read yet: its sort value, then how many rows come up to it); None when the filter
        leaves it out or it does not exist.  A hidden model catches up first: the record
        may be new."""
        if self._stale:
            self.reload()
        found = self._rows.row_of(record_id)
        if found is not None:
            return found
        up_to = record_pages.locate(self.store.db, self.page_query(), record_id, None)
        if up_to is None or not 0 < up_to <= self._rows.count:
            return None
        return len(self._rows.leading) + up_to - 1

    def _read_again(self, keep_shown: bool = False) -> None:
        """Count again and forget the pages; ``keep_shown``: the same order and filter
        after a change, so the rows shown stay drawn until their fresh pages come."""
        self.beginResetModel()
        try:
            self._count_rows(keep_shown)
        finally:
            self.endResetModel()

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

    def background_jobs(self) -> list[Any]:
        """The reads this model has running off the GUI thread (a screenshot waits)."""
        return [self.page_reader]

    def held_rows(self) -> int:
        """How many stored rows the model holds now (at most ``cached_pages`` pages)."""
        return self._rows.pages.held()

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

    # --- internals -----------------------------------------------------------------

    def _count_rows(self, keep_shown: bool = False) -> None:
        count = record_pages.count(self.store.db, self.page_query())
        leading, kept = self._sorted_leading_rows(), keep_shown and self._beside
        self._rows.restart(leading, count, kept, self.page_size, self.cached_pages)
        large = count >= self.beside_from
        self._beside = self.pages_beside and large and self.page_reader.available

    def _row(self, row: int) -> tuple[Any, ...] | None:
        """Row ``row`` (leading rows first), reading its page now if it is not held."""
        found, place = self._rows.lookup(row)
        if place is None:
            return found
        number, at = place
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
        rows = list(self.leading_rows())
        if self._order.key is None or len(rows) < 2:
            return rows
        at = self._keys.index(self._order.key)
        return sorted(rows, key=lambda r: _python_key(r[at]), reverse=self._order.descending)

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


def _python_key(value: Any) -> tuple[int, Any]:
    """Leading rows ordered as SQLite orders stored ones: missing, numbers, then text."""
    if value is None:
        return (0, 0)
    if isinstance(value, int | float):
        return (1, value)
    return (2, str(value).casefold())
