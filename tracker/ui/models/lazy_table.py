"""A read-only table model that pages rows in from the store as the view scrolls.

Only the rows the user has scrolled to are held in Python (``fetchMore`` /
``canFetchMore``), a page at a time, so a ledger with a million deliveries opens
as fast as one with ten.  Sorting and the row filter are part of the store's read
(``tracker.store.record_pages``), so they apply to every record, not only the rows
fetched so far.  Subclasses give the columns and name the store's view of their
records; the model reloads when a ChangeSet touches its tables, another ledger is
opened or the as-of date moves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from tracker.domain.changes import ChangeSet
from tracker.store import record_pages
from tracker.store.record_pages import PageQuery
from tracker.store.row_query import RowFilter, RowOrder
from tracker.ui import numbers
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.columns import ID_ROLE, RAW_ROLE, Column, alignment, display_text

Index = QModelIndex | QPersistentModelIndex


class LazySqlTableModel(QAbstractTableModel):
    page_size = 200
    tables: frozenset[str] = frozenset()  # a change to any of these refreshes the model
    primary_table = ""  # the table whose records are the rows
    view = ""  # the store's view of those records (tracker.store.record_views)
    extra_keys: tuple[str, ...] = ()  # selected for display (e.g. currency) but not shown
    depends_on_as_of = False
    leading_rows_bold = False  # else italic
    locate_limit = 20_000  # most rows read in one go to bring a record into view

    def __init__(self, store: LedgerStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contract_id: int | None = None
        self._columns: list[Column] = self.build_columns()
        self._keys = ["id", *(c.key for c in self._columns), *self.extra_keys]
        self._rows: list[tuple[Any, ...]] = []
        self._exhausted = False
        self._inserting = False  # a fetch asked for while rows go in waits for the next
        self._order = RowOrder()
        self._filter = RowFilter()
        self._active = True  # shown; a hidden tab's model reads changes in when shown
        self._stale = False
        store.changed.connect(self._on_changed)
        store.reset.connect(self._on_reset)
        store.as_of_changed.connect(self._on_as_of_changed)
        self._load_first_page()

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
        """Read again, keeping as many rows as the view had scrolled to."""
        self._stale = False
        self._read_again(max(len(self._rows), self.page_size))

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
            self._read_again(self.page_size)

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
            self._read_again(self.page_size)

    def locate(self, record_id: int) -> int | None:
        """The row of ``record_id``, reading the rows up to it when it is not fetched yet;
        None when the filter leaves it out, it does not exist or it lies further than
        ``locate_limit`` rows on (three queries at most).  A hidden model catches up
        first: the record may be new."""
        if self._stale:
            self.reload()
        found = self.row_of(record_id)
        if found is not None or self._exhausted:
            return found
        query = self.page_query()
        missing = record_pages.locate(self.store.db, query, record_id, self._last_record())
        if missing is None or not 0 < missing <= self.locate_limit:
            return None
        self._append(self._fetch_page(missing))
        self._exhausted = False  # rows may follow the record
        return self.row_of(record_id)

    def _read_again(self, keep: int) -> None:
        self.beginResetModel()
        try:
            self._rows = []
            self._load_first_page(keep)
        finally:
            self.endResetModel()

    def row_of(self, record_id: int) -> int | None:
        """The row holding ``record_id`` among the rows fetched so far."""
        return next((i for i, r in enumerate(self._rows) if r[0] == record_id), None)

    def record_id(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def raw(self, row: int, key: str) -> Any:
        return self._rows[row][self._keys.index(key)]

    def note(self) -> str:
        """A word on rows that are not stored records (shown beside the record count)."""
        return ""

    def total_count(self) -> int:
        """How many records the current filter selects (one COUNT query)."""
        return record_pages.count(self.store.db, self.page_query())

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

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._inserting

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._inserting:
            return
        self._append(self._fetch_page())

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
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
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

    def _last_record(self) -> tuple[Any, int] | None:
        """The sort value and id of the last stored record fetched (None: none yet)."""
        if not self._rows or self._rows[-1][0] is None:
            return None
        last = dict(zip(self._keys, self._rows[-1], strict=True))
        return self._order.sort_value(last), last["id"]

    def _fetch_page(self, limit: int | None = None) -> list[tuple[Any, ...]]:
        """The next ``limit`` records in the current order and filter (one query)."""
        limit = limit or self.page_size
        query = self.page_query()
        page = record_pages.page(self.store.db, query, self._last_record(), limit)
        if len(page) < limit:
            self._exhausted = True
        return page

    def _append(self, page: list[tuple[Any, ...]]) -> None:
        if not page:
            return
        first = len(self._rows)
        self._inserting = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._inserting = False

    def _load_first_page(self, limit: int | None = None) -> None:
        self._exhausted = False
        self._rows = self._sorted_leading_rows()
        self._rows.extend(self._fetch_page(limit))

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
        if self._only_own_rows_edited(changes):
            self._refresh_rows({i for t, i in changes.updated if t == self.primary_table})
        else:
            self.reload()

    def _only_own_rows_edited(self, changes: ChangeSet) -> bool:
        """An edit of records of this table only, shown in stored order and unfiltered:
        refresh their rows in place (keeping selection and scroll) instead of reading
        everything again.  When sorted or filtered an edit may move or hide a row."""
        if changes.inserted or changes.deleted or changes.bulk:  # bulk: rows not listed
            return False
        if self._order.key is not None or self._filter.active:
            return False
        return all(table == self.primary_table for table, _id in changes.updated)

    def _refresh_rows(self, record_ids: set[int]) -> None:
        positions = {r[0]: n for n, r in enumerate(self._rows) if r[0] in record_ids}
        if not positions:
            return
        for found in record_pages.rows_by_id(self.store.db, self.page_query(), positions):
            row = positions[found[0]]
            self._rows[row] = tuple(found)
            last = self.columnCount() - 1
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
