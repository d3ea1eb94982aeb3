"""Compare a registry export with the ledger and list the differences as flags.

The comparison only reads: it runs on a worker with a read-only connection of its own
(``ReadOperation``), with a progress dialog and Cancel once it runs long."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.flags import Flag
from tracker.services.progress import Cancelled, Progress
from tracker.services.registry.outcome import named_counts
from tracker.services.registry.reconcile import ReconcileResult, reconcile_file
from tracker.store.ledger import Ledger
from tracker.ui import messages
from tracker.ui.audit.rule_labels import rule_label
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ReadOperation
from tracker.ui.reports.inputs import (
    FileRow,
    PathChooser,
    ask_open_csv,
    contract_combo,
    registry_combo,
)
from tracker.ui.reports.row_table import RowTable


class ReconcileDialog(QDialog):
    compared = Signal(object)  # ReconcileResult
    progress_started = Signal(object)  # the QProgressDialog of a long comparison

    def __init__(
        self,
        store: LedgerStore,
        parent: QWidget | None = None,
        chooser: PathChooser = ask_open_csv,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.comparison: ReconcileResult | None = None  # the latest, once compared
        self.operation: ReadOperation | None = None
        self.setWindowTitle(self.tr("Reconcile with a registry export"))
        self.resize(980, 480)
        self.file_row = FileRow(chooser, self)
        self.registry = registry_combo(self)
        self.contract = contract_combo(self, store.db, self.tr("All contracts"))
        form = QFormLayout()
        form.addRow(self.tr("File:"), self.file_row)
        form.addRow(self.tr("Registry:"), self.registry)
        form.addRow(self.tr("Contract:"), self.contract)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.clicked.connect(self.compare)
        self.summary = QLabel(self.tr("Nothing is written: the comparison only reads."))
        self.summary.setWordWrap(True)
        self.table = RowTable(self)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        self.table.setAccessibleName(self.tr("Differences"))
        self.table.setAccessibleDescription(
            self.tr("Where the registry file and the ledger disagree.")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.file_row.browse.setAutoDefault(False)
        self.compare_button.setDefault(True)  # Enter in the file field compares
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def compare(self) -> None:
        """Compare on a worker (a file of many rows against a large ledger takes a while):
        the differences arrive in ``_show``; Cancel in the progress dialog stops it."""
        if self.operation is not None and self.operation.running:
            return
        path = self.file_row.path()
        if path is None:
            self.summary.setText(self.tr("Choose a file first."))
            return
        registry, contract = self.registry.currentData(), self.contract.currentData()

        def work(db: Ledger, progress: Progress) -> ReconcileResult:
            return reconcile_file(db, path, registry, contract, progress)

        label = self.tr("Comparing {file}…").format(file=path.name)
        self.operation = ReadOperation(self.store, work, label, self)
        self.operation.progress_shown.connect(self.progress_started)
        self.operation.finished.connect(self._show)
        self.operation.failed.connect(self._failed)
        self.compare_button.setEnabled(False)
        self.summary.setText(label)
        self.operation.start()

    def wait(self, timeout: float = 120.0) -> bool:
        """Until the comparison has finished (tests)."""
        return self.operation is None or self.operation.wait(timeout)

    def _failed(self, exc: BaseException) -> None:
        self.compare_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled: the comparison was not finished."))
        elif isinstance(exc, TrackerError):
            self.summary.setText(messages.error(exc))
            self.table.clear_rows()
        else:
            raise exc

    def _show(self, result: ReconcileResult) -> None:
        self.compare_button.setEnabled(True)
        self.comparison = result
        headers = [
            self.tr("Severity"),
            self.tr("Finding"),
            self.tr("Contract"),
            self.tr("Subject"),
            self.tr("Details"),
        ]
        severities = {
            "critical": self.tr("Critical"),
            "high": self.tr("High"),
            "warn": self.tr("Warning"),
            "info": self.tr("Info"),
        }
        flags = result.flags
        cells: tuple[Callable[[Flag], str], ...] = (
            lambda f: severities[f.severity.value],
            lambda f: rule_label(f.rule),
            lambda f: f.contract,
            messages.subject,
            messages.finding,
        )
        self.table.show_rows(
            headers,
            len(flags),
            lambda row, column: cells[column](flags[row]),
            wide={3: 260},
            minimum=280,
        )
        if result.flags:
            text = self.tr("{layout}: {rows} compared, %n difference(s).", "", len(result.flags))
        else:
            text = self.tr("{layout}: {rows} compared; the ledger matches the registry.")
        rows = self.tr("%Ln row(s)", "", result.rows)
        text = text.format(layout=result.layout, rows=rows)
        skipped = self._skipped(result)
        if skipped:
            text += "\n" + self.tr("Left out as not yours: {rows}").format(rows=skipped)
        self.summary.setText(text)
        self.compared.emit(result)

    def _skipped(self, result: ReconcileResult) -> str:
        """The rows left out as not the buyer's, counted by name, in the window's words."""
        parts = []
        for found, template in (
            (result.other_buyers, "other"),
            (result.no_contract, "project"),
        ):
            if not found:
                continue
            count = sum(n for _, n in found)
            text = (
                self.tr("%Ln row(s) belong to other buyers: {names}", "", count)
                if template == "other"
                else self.tr("%Ln row(s) name a project no contract carries: {names}", "", count)
            )
            parts.append(text.format(names=named_counts(list(found))))
        return self.tr("; ").join(parts)
