"""Save a report as CSV: choose the report, period, contract and BOM, then a file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.services import csv_safe
from tracker.services.contracts import resolve_reference
from tracker.services.progress import Cancelled, Progress
from tracker.services.reports import REPORTS, ReportOptions
from tracker.store.ledger import Ledger
from tracker.store.receipts import write_receipt
from tracker.store.targets import refuse_ledger_target
from tracker.ui import messages, numbers, theming
from tracker.ui.dialogs.date_picker import DateEdit
from tracker.ui.dialogs.form import grow_to_fit
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ReadOperation
from tracker.ui.reports.inputs import contract_combo

# Returns where to save (suggested file name given), or None if the user cancelled.
SaveChooser = Callable[[QWidget, str], Path | None]


def ask_save_csv(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReportDialogs", "Save report"),
        suggested,
        QCoreApplication.translate("ReportDialogs", "CSV files (*.csv)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_name(path.name + ".csv")


class _OptionalDate(QWidget):
    """A date edit enabled by a check box: unchecked means 'no limit'."""

    def __init__(
        self, label: str, day: dt.date, parent: QWidget, name: str, description: str
    ) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(label, self)
        self.enabled.setAccessibleDescription(description)
        self.edit = DateEdit(day, self)
        self.edit.setAccessibleName(name)
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        if not self.enabled.isChecked():
            return None
        return self.edit.day()


class SaveReportDialog(QDialog):
    def __init__(
        self,
        store: LedgerStore,
        parent: QWidget | None = None,
        chooser: SaveChooser = ask_save_csv,
        report: str = "summary",
        contract_reference: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.chooser = chooser
        self.saved: Path | None = None
        self.operation: ReadOperation | None = None  # the report being written, if any
        self.setWindowTitle(self.tr("Save report"))
        self.report = QComboBox(self)
        titles = {
            "summary": self.tr("Portfolio summary (one row per contract, TOTAL per currency)"),
            "schedule": self.tr("Delivery schedule (due, delivered, shortfall, late days)"),
            "deliveries": self.tr("Deliveries"),
            "retirements": self.tr("Retirements (claim period, beneficiary)"),
            "invalidations": self.tr("Invalidations (credits the registry took back)"),
            "claims": self.tr("Claims (tonnes retired per claim year, purpose and method)"),
            "flags": self.tr("Audit flags (as of the as-of date, with their review status)"),
            "history": self.tr("Change log (entries logged within the period)"),
        }
        for name in REPORTS:
            self.report.addItem(titles.get(name, name), name)
        self.report.setCurrentIndex(max(self.report.findData(report), 0))
        self.report.setAccessibleName(self.tr("Report"))
        self.report.setAccessibleDescription(self.tr("Which report to save, and what it lists"))
        # offered when ticked: the as-of year up to the as-of date
        as_of = store.as_of
        self.date_from = _OptionalDate(
            self.tr("From"),
            as_of.replace(month=1, day=1),
            self,
            self.tr("Period from"),
            self.tr("Tick to keep only records from this date on; unticked: no start limit"),
        )
        self.date_to = _OptionalDate(
            self.tr("to"),
            as_of,
            self,
            self.tr("Period to"),
            self.tr("Tick to keep only records up to this date; unticked: no end limit"),
        )
        period = QWidget(self)
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.date_from, 1)
        period_row.addWidget(self.date_to, 1)
        self.contract = contract_combo(self, store.db, self.tr("All contracts"))
        self.contract.setCurrentIndex(max(self.contract.findData(contract_reference), 0))
        self.contract.setAccessibleDescription(
            self.tr("The contract the report covers, or all contracts")
        )
        self.bom = QCheckBox(self.tr("Start with a byte-order mark (for Excel)"), self)
        self.bom.setAccessibleDescription(
            self.tr("Tick when the file is to be opened in Excel, so it reads the text right")
        )
        form = QFormLayout()
        form.addRow(self.tr("Report:"), self.report)
        form.addRow(self.tr("Period:"), period)
        self.period_error = QLabel(self)
        self.period_error.setObjectName("error_period")
        self.period_error.setStyleSheet(theming.style("error"))
        self.period_error.setWordWrap(True)
        self.period_error.hide()
        form.addRow("", self.period_error)
        form.addRow(self.tr("Contract:"), self.contract)
        form.addRow("", self.bom)
        self.status = QLabel(
            self.tr("Records are selected by their own date; the summary is as of the period end.")
        )
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.clicked.connect(self.save)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        for end in (self.date_from, self.date_to):
            end.enabled.toggled.connect(self._check_period)
            end.edit.dateChanged.connect(self._check_period)

    def _check_period(self) -> None:
        """A period that ends before it starts is refused under the period, before saving."""
        start, end = self.date_from.value(), self.date_to.value()
        wrong = start is not None and end is not None and start > end
        self.period_error.setText(
            self.tr(
                "The period ends ({end}) before it starts ({start}): choose a From date on or "
                "before the to date."
            ).format(start=numbers.day(start), end=numbers.day(end))
            if wrong
            else ""
        )
        self.period_error.setVisible(wrong)
        self.save_button.setEnabled(not wrong)
        grow_to_fit(self)

    def options(self) -> ReportOptions:
        reference = self.contract.currentData()
        contract_id = resolve_reference(self.store.db, reference).id if reference else None
        return ReportOptions(
            self.store.as_of, contract_id, self.date_from.value(), self.date_to.value()
        )

    def save(self) -> None:
        """Ask where, then write the report off the GUI thread (progress and Cancel when it
        takes long); the receipt is written once the file is in place."""
        if self.operation is not None and self.operation.running:
            return
        name = self.report.currentData()
        path = self.chooser(self, f"{name}-{self.store.as_of.isoformat()}.csv")
        if path is None:
            return
        report, bom = REPORTS[name], self.bom.isChecked()
        try:
            refuse_ledger_target(path, self.store.path)
            options = self.options()
        except TrackerError as exc:
            self._not_saved(exc)
            return

        def write(db: Ledger, progress: Progress) -> int:
            rows = csv_safe.tracked(report.rows(db, options), progress)
            return csv_safe.write_file(path, report.header, rows, bom=bom)

        self.operation = ReadOperation(
            self.store, write, self.tr("Saving {file}…").format(file=path.name), self
        )
        self.operation.finished.connect(lambda count: self._saved(path, count))
        self.operation.failed.connect(lambda exc: self._failed(exc, path))
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving {file}…").format(file=path))
        self.operation.start()

    def wait(self, timeout: float = 120.0) -> bool:
        """Until the report being saved is written (tests)."""
        return self.operation is None or self.operation.wait(timeout)

    def _saved(self, path: Path, count: int) -> None:
        self.save_button.setEnabled(self.period_error.isHidden())
        try:
            write_receipt(self.store.db, path, self.store.path)
        except (OSError, TrackerError) as exc:
            self._not_saved(exc)
            return
        self.saved = path
        self.status.setText(self.tr("Saved %n row(s) to {file}.", "", count).format(file=path))

    def _failed(self, exc: BaseException, path: Path | None = None) -> None:
        self.save_button.setEnabled(self.period_error.isHidden())
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was saved."))
        elif isinstance(exc, (OSError, TrackerError)):
            self._not_saved(exc, path)
        else:
            raise exc

    def _not_saved(self, exc: BaseException, path: Path | None = None) -> None:
        """Why nothing was saved, in the window's language; a file the system could not
        write is named as chosen (``path``: the error may name a temporary file)."""
        reason = messages.error(exc, path)
        self.status.setText(self.tr("Not saved: {reason}").format(reason=reason))
