"""A read-only table model that pages rows in from SQL as the view scrolls.

Only the rows the user has scrolled to are held in Python (``fetchMore`` /
``canFetchMore``), a page at a time, keyed by record id, so a ledger with a
million deliveries opens as fast as one with ten.  Subclasses give the
columns and one SELECT with an ``id`` column; the model reloads when a
ChangeSet touches its tables, another ledger is opened or the as-of date moves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from tracker.domain.changes import ChangeSet
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.columns import ID_ROLE, RAW_ROLE, Column, alignment, display_text

Index = QModelIndex | QPersistentModelIndex


class LazySqlTableModel(QAbstractTableModel):
    page_size = 200
    tables: frozenset[str] = frozenset()  # a change to any of these refreshes the model
    primary_table = ""  # the table whose records are the rows
    extra_keys: tuple[str, ...] = ()  # selected for display (e.g. currency) but not shown
    depends_on_as_of = False
    leading_rows_bold = False  # else italic

    def __init__(self, store: LedgerStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contract_id: int | None = None
        self._columns: list[Column] = self.build_columns()
        self._keys = ["id", *(c.key for c in self._columns), *self.extra_keys]
        self._rows: list[tuple[Any, ...]] = []
        self._exhausted = False
        store.changed.connect(self._on_changed)
        store.reset.connect(self.reload)
        store.as_of_changed.connect(self._on_as_of_changed)
        self._load_first_page()

    # --- what subclasses provide ------------------------------------------------------

    def build_columns(self) -> list[Column]:
        raise NotImplementedError

    def select_sql(self) -> str:
        """One SELECT returning ``id`` and every column key; may use :contract_id, :as_of."""
        raise NotImplementedError

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
        keep = max(len(self._rows), self.page_size)
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
        sql = f"select count(*) from ({self.select_sql()})"
        return self.store.db.execute(sql, self._params()).fetchone()[0]

    # --- Qt model interface --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        page = self._fetch_page()
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

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

    def _params(self) -> dict[str, Any]:
        return {"contract_id": self.contract_id, "as_of": self.store.as_of.isoformat()}

    def _fetch_page(self, limit: int | None = None) -> list[tuple[Any, ...]]:
        limit = limit or self.page_size
        after = self._rows[-1][0] if self._rows and self._rows[-1][0] is not None else 0
        columns = ", ".join(f"[{k}]" for k in self._keys)
        sql = (
            f"select {columns} from ({self.select_sql()}) where id > :after "
            "order by id limit :limit"
        )
        params = {**self._params(), "after": after, "limit": limit}
        page = [tuple(r) for r in self.store.db.execute(sql, params).fetchall()]
        if len(page) < limit:
            self._exhausted = True
        return page

    def _load_first_page(self, limit: int | None = None) -> None:
        self._exhausted = False
        self._rows = list(self.leading_rows())
        self._rows.extend(self._fetch_page(limit))

    def _on_changed(self, changes: ChangeSet) -> None:
        if not changes.touches(*self.tables):
            return
        if self._only_own_rows_edited(changes):
            self._refresh_rows({i for t, i in changes.updated if t == self.primary_table})
        else:
            self.reload()

    def _only_own_rows_edited(self, changes: ChangeSet) -> bool:
        """An edit of records of this table only: refresh their rows in place
        (keeping selection and scroll) instead of reading everything again."""
        if changes.inserted or changes.deleted:
            return False
        return all(table == self.primary_table for table, _id in changes.updated)

    def _refresh_rows(self, record_ids: set[int]) -> None:
        positions = {r[0]: n for n, r in enumerate(self._rows) if r[0] in record_ids}
        if not positions:
            return
        columns = ", ".join(f"[{k}]" for k in self._keys)
        wanted = {f"id{n}": record_id for n, record_id in enumerate(positions)}
        marks = ", ".join(f":{name}" for name in wanted)
        sql = f"select {columns} from ({self.select_sql()}) where id in ({marks})"
        params = {**self._params(), **wanted}
        for found in self.store.db.execute(sql, params).fetchall():
            row = positions[found[0]]
            self._rows[row] = tuple(found)
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _on_as_of_changed(self, _day: object) -> None:
        if self.depends_on_as_of:
            self.reload()
