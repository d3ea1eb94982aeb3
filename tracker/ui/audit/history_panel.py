"""The History tab: the change log for a contract, a record or the whole ledger."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import NotFoundError
from tracker.services.progress import Cancelled
from tracker.store import change_log, queries
from tracker.store.change_log import LogEntry
from tracker.store.log_verify import LogReport, verify_log
from tracker.ui import messages, numbers, theming
from tracker.ui.audit.flags_panel import readable_time
from tracker.ui.audit.history_text import Describer, action_label
from tracker.ui.fit_columns import ColumnFitter
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ReadOperation

SHOWN_ENTRIES = 1000
WHEN_COLUMN, USER_COLUMN, ACTION_COLUMN, RECORD_COLUMN, CHANGES_COLUMN = 1, 2, 3, 4, 5
ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")  # a stored date, or a time of one
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what a cell sorts by, when not its text
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # the entry's ISO dates, found by the filter too


class _WhenCell(QTableWidgetItem):
    """The When cell sorts by the time the entry was logged (``SORT_ROLE``, as stored)
    rather than by its text in the window's date format."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return str(self.data(SORT_ROLE) or "") < str(other.data(SORT_ROLE) or "")


def _iso_dates(entry: LogEntry) -> str:
    """The entry's time and the dates it records, as stored (ISO): a filter typed as
    ISO finds the entry the window shows in its own date format."""
    found = [entry.logged_at]
    for row in (entry.before or {}, entry.after or {}):
        found += [v for v in row.values() if isinstance(v, str) and ISO_START.match(v)]
    return " ".join(found)


class HistoryPanel(QWidget):
    """Newest entries first; ``set_contract`` or ``set_record`` narrows the view."""

    def __init__(self, store: LedgerStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.contract_id: int | None = None
        self.record: tuple[str, int] | None = None
        self.scope = QLabel()
        self.verify_button = QPushButton(self.tr("Verify change log"))
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_operation: ReadOperation | None = None  # the latest verification
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter entries"))
        self.filter.setAccessibleName(self.tr("Filter the change history"))
        self.filter.setAccessibleDescription(
            self.tr("Shows the change log entries that contain this text in any column")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(240)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Change history"))
        self.table.setAccessibleDescription(
            self.tr("Newest entries first; click a header to sort by that column.")
        )
        self.table.setSortingEnabled(True)
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("When"), self.tr("User"), self.tr("Action"),
             self.tr("Record"), self.tr("Changes")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)  # as tall as the other tables' rows
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setWordWrap(False)  # one line a row; the tooltip has the whole text
        # columns as wide as their text while they fit; else the changes (always long, and
        # whole in the tooltip) give way first, then a rare long action ("Recorded before
        # the log"), then the record, the user and the time, each down to a floor
        self.columns = ColumnFitter(
            self.table,
            give_way=[(CHANGES_COLUMN, 280), (ACTION_COLUMN, 110), (CHANGES_COLUMN, 220),
                      (RECORD_COLUMN, 260), (USER_COLUMN, 90), (CHANGES_COLUMN, 180),
                      (RECORD_COLUMN, 200), (ACTION_COLUMN, 80), (CHANGES_COLUMN, 150),
                      (RECORD_COLUMN, 140), (CHANGES_COLUMN, 120), (RECORD_COLUMN, 120),
                      (WHEN_COLUMN, 120)],
            growing=[CHANGES_COLUMN],
        )  # fmt: skip
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QHBoxLayout()
        top.addWidget(self.scope, 1)
        top.addWidget(self.filter)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verify_result)
        self.verify_button.clicked.connect(self.verify)
        self.filter.textChanged.connect(self._apply_filter)
        self.stale = False
        store.changed.connect(lambda _changes: self._on_store_change())
        store.reset.connect(self._on_store_change)
        store.as_of_changed.connect(lambda _day: self._on_store_change())
        self._on_store_change()

    def _on_store_change(self) -> None:
        """Hidden, the panel only notes that it is out of date; it reads when shown
        (a whole ledger's latest entries are worded one by one)."""
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def set_contract(self, contract_id: int | None) -> None:
        self.contract_id = contract_id
        self.record = None
        self._on_store_change()

    def set_record(self, table: str, record_id: int) -> None:
        """Show one record's history (a delivery, a tranche, …)."""
        self.record = (table, record_id)
        self._on_store_change()

    def refresh(self) -> None:
        self.stale = False
        db = self.store.db
        if self.record is not None:
            table, record_id = self.record
            entries = change_log.entries(
                db, table_name=table, record_id=record_id, newest_first=True, limit=SHOWN_ENTRIES
            )
            row = (entries[0].after or entries[0].before) if entries else None
            name = self._describer().record(table, row) if row else f"{table} {record_id}"
            self.scope.setText(self.tr("History: {record}").format(record=name))
        elif self.contract_id is not None:
            entries = change_log.entries(
                db, contract_id=self.contract_id, newest_first=True, limit=SHOWN_ENTRIES
            )
            reference = queries.contract_reference(db, self.contract_id)
            name = reference if reference is not None else self.tr("(deleted contract)")
            self.scope.setText(self.tr("History of contract {ref}").format(ref=name))
        else:
            entries = change_log.entries(db, newest_first=True, limit=SHOWN_ENTRIES)
            self.scope.setText(self.tr("History of the whole ledger (newest first)"))
        self._fill(entries)

    def _describer(self) -> Describer:
        db = self.store.db

        def delivery_name(delivery_id: int) -> str | None:
            try:
                d = queries.delivery(db, delivery_id)
            except NotFoundError:
                return None
            row = {"delivered_on": d.delivered_on, "tonnes_kg": d.tonnes_kg}
            return describer.record("deliveries", row | {"reference": d.reference})

        describer = Describer(queries.contract_references(db), delivery_name)
        return describer

    def _fill(self, entries: list[LogEntry]) -> None:
        self.table.setSortingEnabled(False)  # rows go in as logged, newest first
        self.table.setRowCount(len(entries))
        describer = self._describer()
        for row, e in enumerate(entries):
            record = describer.record(e.table_name, e.after or e.before)
            changes = describer.change(e)
            action = action_label(e.action)
            cells = [e.seq, readable_time(e.logged_at), e.user, action, record, changes]
            for column, value in enumerate(cells):
                item = _WhenCell() if column == WHEN_COLUMN else QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)  # '#' sorts as a number
                if column == 0:
                    item.setData(SEARCH_ROLE, _iso_dates(e))
                if column == WHEN_COLUMN:
                    item.setData(SORT_ROLE, e.logged_at)
                if column in (4, 5):
                    item.setToolTip(str(value))
                if column == 3:
                    item.setToolTip(e.action)  # the code, as the CSV export writes it
                if column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self._apply_filter()

    def _apply_filter(self) -> None:
        """Show the entries whose text (any column) contains the filter, any case."""
        wanted = self.filter.text().strip().casefold()
        typed_day = numbers.parse_day(wanted)
        if typed_day is not None:
            wanted = typed_day.isoformat()  # a whole date, as the window shows it: found as ISO
        for row in range(self.table.rowCount()):
            items = [self.table.item(row, c) for c in range(self.table.columnCount())]
            texts = [i.text().casefold() for i in items if i is not None]
            first = items[0]
            if first is not None:
                texts.append(str(first.data(SEARCH_ROLE) or "").casefold())
            shown = not wanted or any(wanted in t for t in texts)
            self.table.setRowHidden(row, not shown)

    def verify(self) -> ReadOperation:
        """Check the hash chain and replay the log against the tables — on a worker with
        its own read connection (progress and Cancel when it runs long); the verdict shows
        below when it is done."""
        entries, _head = change_log.last_link(self.store.db)
        operation = ReadOperation(
            self.store,
            lambda db, progress: verify_log(db, step=progress.advance),
            self.tr("Verifying the change log…"),
            self,
            total=entries or None,
        )
        operation.finished.connect(self._show_verdict)
        operation.failed.connect(self._verify_failed)
        self.verify_button.setEnabled(False)
        self.verify_operation = operation
        operation.start()
        return operation

    def _show_verdict(self, report: object) -> None:
        assert isinstance(report, LogReport)
        self.verify_button.setEnabled(True)
        if report.ok:
            self.verify_result.setText(
                self.tr("Change log intact: {n} entries, the tables match the log.").format(
                    n=QLocale().toString(report.entries)
                )
            )
        else:
            self.verify_result.setText(
                self.tr("Tampering detected:\n{details}").format(
                    details=messages.log_report(report)
                )
            )
        self.verify_result.setStyleSheet(theming.style("ok" if report.ok else "error"))

    def _verify_failed(self, error: object) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self.verify_result.setText(self.tr("Cancelled: the change log was not checked."))
            self.verify_result.setStyleSheet("")
            return
        assert isinstance(error, BaseException)
        self.verify_result.setText(messages.error(error))
        self.verify_result.setStyleSheet(theming.style("error"))
