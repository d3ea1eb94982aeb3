"""The Reports menu of the main window: save a CSV report, import a registry export,
reconcile with a registry export and save the printable PDF report.

Every dialog starts on the contract in view (or all contracts).  The import wizard
announces what it wrote through ``store.notify``, so every tab refreshes after an import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QMenu, QMessageBox

from tracker.store import queries
from tracker.ui.errors import guarded
from tracker.ui.reports.pdf_action import PdfSave, ask_save_pdf
from tracker.ui.reports.reconcile_dialog import ReconcileDialog
from tracker.ui.reports.registry_import import RegistryImportDialog
from tracker.ui.reports.save_report import SaveReportDialog

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow

ReportDialog = TypeVar("ReportDialog", bound=QDialog)


class WindowReports(QObject):
    """Creates the Reports menu's actions and opens their dialogs over the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None  # the dialog open now, if any
        self.last_pdf: Path | None = None
        self.pdf_save: PdfSave | None = None  # the latest "Print report as PDF…"
        self.save_report_action = self._action(self.tr("&Save report…"), self.open_save_report)
        self.import_action = self._action(
            self.tr("&Import registry file…"), self.open_registry_import
        )
        self.reconcile_action = self._action(
            self.tr("&Reconcile with registry file…"), self.open_reconcile
        )
        self.pdf_action = self._action(self.tr("&Print report as PDF…"), self.save_pdf)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.save_report_action)
        menu.addAction(self.pdf_action)
        menu.addSeparator()
        menu.addActions([self.import_action, self.reconcile_action])

    # --- what the actions do -----------------------------------------------------------

    def open_save_report(self) -> SaveReportDialog:
        store = self.window.store
        dialog = SaveReportDialog(store, self.window, contract_reference=self._reference_in_view())
        return self._open(dialog)

    def open_registry_import(self) -> RegistryImportDialog:
        dialog = RegistryImportDialog(self.window.store, self.window)
        self._preselect_contract(dialog.contract)
        return self._open(dialog)

    def open_reconcile(self) -> ReconcileDialog:
        dialog = ReconcileDialog(self.window.store, self.window)
        self._preselect_contract(dialog.contract)
        return self._open(dialog)

    def save_pdf(self) -> PdfSave | None:
        """Ask where to save; the figures are then read off the GUI thread and the file
        written when they arrive (``pdf_save.wait()`` in tests)."""
        store = self.window.store
        path = ask_save_pdf(self.window, f"portfolio-{store.as_of.isoformat()}.pdf")
        if path is None:
            return None
        self.pdf_save = PdfSave(store, self.window, path)
        self.pdf_save.saved.connect(self._pdf_saved)
        self.pdf_save.failed.connect(self._pdf_failed)
        self.pdf_save.start()
        return self.pdf_save

    # --- helpers -----------------------------------------------------------------------

    def _pdf_saved(self, path: Path) -> None:
        self.last_pdf = path
        self.window.statusBar().showMessage(
            self.tr("Saved the printable report to {file}.").format(file=path), 8000
        )

    def _pdf_failed(self, message: str) -> None:
        if self.pdf_save is not None and self.pdf_save.cancelled:
            self.window.statusBar().showMessage(message, 8000)
            return
        QMessageBox.warning(self.window, self.tr("Save printable report"), message)

    def _reference_in_view(self) -> str | None:
        contract_id = self.window.contract_id
        if contract_id is None:
            return None
        return queries.contract_references(self.window.store.db).get(contract_id)

    def _preselect_contract(self, combo: QComboBox) -> None:
        reference = self._reference_in_view()
        if reference is not None:
            combo.setCurrentIndex(max(combo.findData(reference), 0))

    def _action(self, text: str, run: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(guarded(self.window, lambda _checked=False: run()))
        self.window.addAction(action)
        return action

    def _open(self, dialog: ReportDialog) -> ReportDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog
