"""The History tab: the change log for a contract, a record or the whole ledger."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.quantities import format_price, format_tonnes_grouped
from tracker.store import change_log, queries
from tracker.store.change_log import LogEntry
from tracker.store.log_verify import verify_log
from tracker.ui import theming
from tracker.ui.audit.flags_panel import readable_time
from tracker.ui.ledger_store import LedgerStore

SHOWN_ENTRIES = 1000


# Stored columns that repeat what another column already says (the serial block text).
_DERIVED = frozenset({"id", "serial_prefix", "serial_start", "serial_end", "serial_template"})
# Stored column -> the name people know from the CSV files.
_FIELD_NAMES = {
    "tonnes_kg": "tonnes",
    "verified_kg": "verified_tonnes",
    "price": "price_per_tonne",
    "contract_id": "contract",
    "delivery_id": "delivery",
}


def _value(key: str, value: Any, references: Mapping[int, str]) -> str:
    """A stored value for people: kilograms as tonnes, prices in currency units,
    contracts by reference."""
    if value is None or value == "":
        return "∅"
    if isinstance(value, int) and key.endswith("_kg"):
        return f"{format_tonnes_grouped(value)} t"
    if isinstance(value, int) and key == "price":
        return format_price(value)
    if key == "contract_id" and isinstance(value, int):
        return references.get(value, f"#{value}")
    if key == "delivery_id":
        return f"#{value}"
    return str(value)


def describe_change(entry: LogEntry, references: Mapping[int, str] | None = None) -> str:
    """The fields an entry changed, for people: 'tonnes: 100.000 t → 50.000 t; …'."""
    refs = references or {}
    before, after = entry.before or {}, entry.after or {}

    def name(key: str) -> str:
        return _FIELD_NAMES.get(key, key)

    if entry.action == "update":
        keys = [
            k
            for k in sorted(set(before) | set(after), key=name)
            if before.get(k) != after.get(k) and k not in _DERIVED
        ]
        return "; ".join(
            f"{name(k)}: {_value(k, before.get(k), refs)} → {_value(k, after.get(k), refs)}"
            for k in keys
        )
    row = after or before
    shown = [
        f"{name(k)}: {_value(k, v, refs)}"
        for k, v in sorted(row.items(), key=lambda kv: name(kv[0]))
        if k not in _DERIVED
    ]
    return "; ".join(shown)


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
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Change history"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("When"), self.tr("User"), self.tr("Action"),
             self.tr("Record"), self.tr("Changes")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((50, 150, 110, 95, 150)):
            self.table.setColumnWidth(column, width)
        top = QHBoxLayout()
        top.addWidget(self.scope, 1)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verify_result)
        self.verify_button.clicked.connect(self.verify)
        store.changed.connect(lambda _changes: self.refresh())
        store.reset.connect(self.refresh)
        store.as_of_changed.connect(lambda _day: self.refresh())
        self.refresh()

    def set_contract(self, contract_id: int | None) -> None:
        self.contract_id = contract_id
        self.record = None
        self.refresh()

    def set_record(self, table: str, record_id: int) -> None:
        """Show one record's history (a delivery, a tranche, …)."""
        self.record = (table, record_id)
        self.refresh()

    def refresh(self) -> None:
        db = self.store.db
        if self.record is not None:
            table, record_id = self.record
            entries = change_log.entries(
                db, table_name=table, record_id=record_id, newest_first=True, limit=SHOWN_ENTRIES
            )
            self.scope.setText(
                self.tr("History of {table} record {id}").format(table=table, id=record_id)
            )
        elif self.contract_id is not None:
            entries = change_log.entries(
                db, contract_id=self.contract_id, newest_first=True, limit=SHOWN_ENTRIES
            )
            reference = db.execute(
                "select reference from contracts where id = ?", [self.contract_id]
            ).fetchone()
            name = reference[0] if reference else self.tr("(deleted contract)")
            self.scope.setText(self.tr("History of contract {ref}").format(ref=name))
        else:
            entries = change_log.entries(db, newest_first=True, limit=SHOWN_ENTRIES)
            self.scope.setText(self.tr("History of the whole ledger (newest first)"))
        self._fill(entries)

    def _fill(self, entries: list[LogEntry]) -> None:
        self.table.setRowCount(len(entries))
        references = queries.contract_references(self.store.db)
        for row, e in enumerate(entries):
            record = self._record_label(e.table_name, e.record_id)
            changes = describe_change(e, references)
            cells = [str(e.seq), readable_time(e.logged_at), e.user, e.action, record, changes]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setToolTip(changes)
                if column == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)

    def _record_label(self, table: str, record_id: int | None) -> str:
        names = {
            "contracts": self.tr("Contract"),
            "tranches": self.tr("Tranche"),
            "deliveries": self.tr("Delivery"),
            "retirements": self.tr("Retirement"),
            "verifications": self.tr("Verification"),
            "flag_acknowledgements": self.tr("Acknowledgement"),
            "settings": self.tr("Setting"),
        }
        label = names.get(table, table)
        return label if record_id is None else f"{label} #{record_id}"

    def verify(self) -> None:
        """Check the hash chain and replay the log against the tables."""
        report = verify_log(self.store.db)
        if report.ok:
            self.verify_result.setText(
                self.tr("Change log intact: {n} entries, the tables match the log.").format(
                    n=report.entries
                )
            )
        else:
            self.verify_result.setText(
                self.tr("Tampering detected:\n{details}").format(details=report.describe())
            )
        self.verify_result.setStyleSheet(theming.style("ok" if report.ok else "error"))
