"""The audit feature in the main window: Flags and History tabs, badges, counts, chart
markers, Tools → Audit settings…, Records → Verification records… and record history."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from tracker.ui.audit.flags_keys import enter_goes_to_the_record
from tracker.ui.audit.flags_panel import FlagsPanel
from tracker.ui.audit.history_panel import HistoryPanel
from tracker.ui.audit.settings_dialog import AuditSettingsDialog
from tracker.ui.audit.verifications_dialog import VerificationsDialog
from tracker.ui.audit.watcher import FlagWatcher
from tracker.ui.errors import guarded
from tracker.ui.tables import RecordTablePanel

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow

AuditDialog = TypeVar("AuditDialog", AuditSettingsDialog, VerificationsDialog)


class WindowAudit(QObject):
    """Puts the audit panels in the window and feeds every view from one FlagWatcher."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        store = window.store
        self.watcher = FlagWatcher(store, self)
        self.flags = FlagsPanel(store, window, watcher=self.watcher)
        self.history = HistoryPanel(store, window)
        window.replace_tab("flags", self.flags)
        window.replace_tab("history", self.history)
        self.flags.navigate.connect(window.navigate_to)
        self.flag_columns = self.flags.columns
        enter_goes_to_the_record(self.flags)
        self.dialog: AuditSettingsDialog | VerificationsDialog | None = None  # open now

        self.settings_action = QAction(self.tr("&Audit settings…"), window)
        self.settings_action.triggered.connect(
            guarded(window, lambda _checked=False: self.open_settings())
        )
        self.verifications_action = QAction(self.tr("&Verification records…"), window)
        self.verifications_action.triggered.connect(
            guarded(window, lambda _checked=False: self.open_verifications())
        )
        self.history_action = QAction(self.tr("&History of this record"), window)
        self.history_action.triggered.connect(
            guarded(window, lambda _checked=False: self.show_record_history())
        )
        for action in (self.settings_action, self.verifications_action, self.history_action):
            window.addAction(action)

        for panel in self._table_panels().values():
            panel.add_action_button(self.history_action)
            panel.view.selectionModel().selectionChanged.connect(self.update_enabled)
            panel.proxy.modelReset.connect(self.update_enabled)
            panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            panel.view.customContextMenuRequested.connect(
                lambda pos, p=panel: self._context_menu(p, pos)
            )
        window.deliveries.add_action_button(self.verifications_action)
        window.tabs.currentChanged.connect(lambda _index: self.update_enabled())
        window.overview.show_flags_requested.connect(lambda: window.show_tab("flags"))
        window.contract_changed.connect(lambda _contract_id: self.publish())
        self.watcher.updated.connect(lambda _reviewed: self.publish())
        # a small sign that the flags are being checked again (off the GUI thread)
        self.busy = QLabel(self.tr("Checking flags…"))
        self.busy.setObjectName("flagsBusy")
        self.busy.setVisible(self.watcher.pending)
        window.statusBar().addPermanentWidget(self.busy)
        self.watcher.busy_changed.connect(self.busy.setVisible)
        self.publish()
        self.update_enabled()

    # --- menus -------------------------------------------------------------------------

    def fill_records_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addActions([self.verifications_action, self.history_action])

    def fill_tools_menu(self, menu: QMenu) -> None:
        menu.addAction(self.settings_action)

    def update_enabled(self, *_: object) -> None:
        self.verifications_action.setEnabled(self.window.deliveries.selected_id() is not None)
        self.history_action.setEnabled(self._selected_record() is not None)

    # --- what the actions do -----------------------------------------------------------

    def open_settings(self) -> AuditSettingsDialog:
        dialog = AuditSettingsDialog(self.window.store, self.window)
        return self._open(dialog)

    def open_verifications(self) -> VerificationsDialog | None:
        delivery_id = self.window.deliveries.selected_id()
        if delivery_id is None:
            return None
        return self._open(VerificationsDialog(self.window.store, delivery_id, self.window))

    def show_record_history(self) -> bool:
        """Open the History tab on the selected row of the table in view."""
        selected = self._selected_record()
        if selected is None:
            return False
        self.history.set_record(*selected)
        self.window.show_tab("history")
        return True

    # --- feeding the views -------------------------------------------------------------

    def publish(self) -> None:
        """Badges, overview counts and chart markers from the latest evaluation."""
        counted = self.watcher.digest  # counted on the worker, with the flags
        contract_id = self.window.contract_id
        self.window.contracts_model.set_open_critical(counted.open_critical_by_contract())
        self.window.overview.show_flag_counts(
            counted.counts(contract_id), sum(counted.counts(contract_id, open_only=False).values())
        )
        chart = self.window.chart
        if chart is not None:
            chart.flag_deliveries(counted.flagged_deliveries)

    # --- helpers -----------------------------------------------------------------------

    def _table_panels(self) -> dict[str, RecordTablePanel]:
        w = self.window
        return {
            "tranches": w.schedule,
            "deliveries": w.deliveries,
            "retirements": w.retirements,
            "invalidations": w.invalidations,
        }

    def _selected_record(self) -> tuple[str, int] | None:
        """The table and id of the row selected in the Schedule, Deliveries or Retirements
        tab in view; None on any other tab or without a selection."""
        current = self.window.tabs.currentWidget()
        for table, panel in self._table_panels().items():
            if panel is current:
                record_id = panel.selected_id()
                return (table, record_id) if record_id is not None else None
        return None

    def _context_menu(self, panel: RecordTablePanel, pos: QPoint) -> None:
        menu = QMenu(panel)
        menu.addAction(self.history_action)
        if panel is self.window.deliveries:
            menu.addAction(self.verifications_action)
        menu.popup(panel.view.viewport().mapToGlobal(pos))

    def _open(self, dialog: AuditDialog) -> AuditDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog
