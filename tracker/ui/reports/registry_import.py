"""The registry import wizard: choose a file, preview every row, then import all or none.

Step 1 picks the file, its registry (or recognise it) and the contract; step 2 shows
each row as *add*, *already present*, *skip* or *error* with the reason; step 3 imports
in one transaction, only when the preview has no errors.

Preview and import run on a worker with a connection of its own (``WriteOperation``: the
preview writes inside a transaction it rolls back), so the window keeps drawing through
a file of a hundred thousand rows.  Work that runs long shows a progress dialog whose
Cancel writes nothing.  The backup before an import is taken on the worker too, and so
are the imported records as stored, which the undo step keeps: the GUI thread only puts
the finished import on the undo stack and tells the views what changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import ImportRefused, TrackerError
from tracker.services.input_limits import check_header_bytes
from tracker.services.progress import Cancelled
from tracker.services.registry import (
    Action,
    ImportCancelled,
    ImportOptions,
    ImportPreview,
)
from tracker.services.registry.importer import read_file
from tracker.services.registry.outcome import RowOutcome, named_counts
from tracker.ui import messages, numbers
from tracker.ui.commands import perform
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import WriteOperation
from tracker.ui.reports.import_job import ImportCommand, ImportJob, ImportRun
from tracker.ui.reports.inputs import (
    FileRow,
    PathChooser,
    ask_open_csv,
    contract_combo,
    registry_combo,
)
from tracker.ui.reports.row_table import RowTable

OUTCOME_COLUMN, COLUMN_COLUMN, REASON_COLUMN = 1, 6, 7  # of the preview table
ERROR_COLUMNS = frozenset({OUTCOME_COLUMN, COLUMN_COLUMN, REASON_COLUMN})  # red on an error


class RegistryImportDialog(QDialog):
    progress_started = Signal(object)  # the QProgressDialog of a large file
    imported = Signal(object)  # the applied ImportPreview

    def __init__(
        self,
        store: LedgerStore,
        parent: QWidget | None = None,
        chooser: PathChooser = ask_open_csv,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.preview: ImportPreview | None = None
        self.operation: WriteOperation | None = None  # the preview or import running
        self._close_when_done = False
        self.setWindowTitle(self.tr("Import a registry export"))
        self.resize(980, 560)

        self.file_row = FileRow(chooser, self)
        self.registry = registry_combo(self)
        self.contract = contract_combo(
            self, store.db, self.tr("Each row's contract, by registry project id and your names")
        )
        self.deliver_retired = QCheckBox(
            self.tr("Record retired blocks no delivery holds as delivered and retired"), self
        )
        self.deliver_retired.setAccessibleDescription(
            self.tr("Ticked: a block retired at the registry that no delivery holds is recorded")
        )
        form = QFormLayout()
        form.addRow(self.tr("1. File:"), self.file_row)
        form.addRow(self.tr("Registry:"), self.registry)
        form.addRow(self.tr("Contract:"), self.contract)
        form.addRow("", self.deliver_retired)

        self.preview_button = QPushButton(self.tr("2. Preview"), self)
        self.preview_button.clicked.connect(self.run_preview)
        self.summary = QLabel(self.tr("Choose a file and preview it: nothing is written yet."))
        self.summary.setWordWrap(True)
        self.table = RowTable(self)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        self.table.setAccessibleName(self.tr("Import preview"))
        self.table.setAccessibleDescription(
            self.tr("Each row of the file and what the import will do with it.")
        )
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # serials end in numbers

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(
            self.tr("3. Import all rows"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setAutoDefault(False)  # Enter previews; writing takes a click
        self.import_button.clicked.connect(self.run_apply)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.file_row.browse.setAutoDefault(False)
        self.preview_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.registry.currentIndexChanged.connect(self._invalidate)
        self.contract.currentIndexChanged.connect(self._invalidate)
        self.deliver_retired.toggled.connect(self._invalidate)
        self.file_row.path_edit.textChanged.connect(self._invalidate)

    def options(self) -> ImportOptions:
        return ImportOptions(
            self.registry.currentData(),
            self.contract.currentData(),
            self.deliver_retired.isChecked(),
        )

    def _invalidate(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)

    def _start(self, apply: bool) -> None:
        """Preview or import the chosen file on a worker; the outcome arrives in
        ``_previewed`` / ``_applied`` or ``_failed``."""
        path = self.file_row.path()
        if path is None:
            self.summary.setText(self.tr("Choose a file first."))
            return
        try:
            source, data = read_file(path)
            check_header_bytes(source, data)
        except TrackerError as exc:
            self._refused(exc)
            return
        if not apply:
            self.preview = None  # until this preview's outcome arrives
        backup_of = self.store.path if apply and not self.store.read_only else None
        job = ImportJob(source, data, self.options(), apply, backup_of)
        label = self.tr("Importing {file}…") if apply else self.tr("Reading {file}…")
        operation = WriteOperation(self.store, job, label.format(file=path.name), self)
        operation.progress_shown.connect(self.progress_started)
        operation.finished.connect(self._applied if apply else self._previewed)
        operation.failed.connect(self._failed)
        self.operation = operation
        self._set_running(True)
        operation.start()

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.file_row,
            self.registry,
            self.contract,
            self.deliver_retired,
            self.preview_button,
        ):
            widget.setEnabled(not running)
        self.import_button.setEnabled(not running and self._ready())

    def _ready(self) -> bool:
        preview = self.preview
        return (
            preview is not None
            and not preview.applied
            and not preview.errors
            and preview.count(Action.ADD) > 0
        )

    def _finish(self) -> None:
        """The worker is done: the dialog takes input again, or closes if asked to."""
        self.operation = None  # a child of the dialog: freed with it
        self._set_running(False)
        if self._close_when_done:
            super().reject()

    def reject(self) -> None:
        """Close, or while a preview or import runs, close once it has finished (an
        import is never left half-told: its undo step and change notice come first)."""
        if self.operation is not None:
            self._close_when_done = True
            return
        super().reject()

    def run_preview(self) -> None:
        self._start(apply=False)

    def run_apply(self) -> None:
        """Import every row in one transaction, as one step Edit → Undo can take back."""
        if self.preview is None:
            return
        self._start(apply=True)

    def wait(self, timeout: float = 120.0) -> bool:
        """Process events until the running preview or import has finished (tests)."""
        return self.operation is None or self.operation.wait(timeout)

    def _previewed(self, run: ImportRun) -> None:
        self.preview = run.preview
        self._show(run.preview)
        self._finish()

    def _applied(self, run: ImportRun) -> None:
        path = self.file_row.path()
        text = self.tr("Import {file}").format(file=path.name if path else "")
        perform(self.store, ImportCommand(self.store, text, run))
        self.preview = run.preview
        self._show(run.preview)
        self._finish()
        self.imported.emit(run.preview)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, (Cancelled, ImportCancelled)):
            self.summary.setText(self.tr("Cancelled: nothing was written."))
        elif isinstance(exc, TrackerError):
            self._refused(exc)
        else:  # unexpected: to the error dialog with its details, as any other
            raise exc

    def _refused(self, exc: TrackerError) -> None:
        if isinstance(exc, ImportRefused):
            self.summary.setText(self._in_window_words(messages.refusal(exc)))
        else:
            self.summary.setText(self._in_window_words(messages.error(exc)))
        self.table.clear_rows()

    def _in_window_words(self, reason: str) -> str:
        """The command line's options named as this dialog's inputs: the box to tick, the
        contract to choose (in ASCII or full-width brackets, as a translation has them)."""
        tick = self.tr("(tick \u201c{option}\u201d above)").format(
            option=self.deliver_retired.text()
        )
        field = self.tr("Contract:").rstrip(":\uff1a")
        choose = self.tr("(under \u201c{field}\u201d above)").format(field=field)
        chosen = self.tr("(chosen under \u201c{field}\u201d above)").format(field=field)
        for option, words in (
            ("--deliver-retired", tick),
            ("--contract REF", choose),
            ("--contract", chosen),
        ):
            for opening, closing in (("(", ")"), ("\uff08", "\uff09")):
                reason = reason.replace(opening + option + closing, words)
        return reason

    def _attribution(self, preview: ImportPreview) -> str:
        """Per contract what is added, and the rows that are not yours, by name."""
        verb = self.tr("imported") if preview.applied else self.tr("to add")
        lines = [
            self.tr("{verb} to {contract}: %Ln row(s), {tonnes} t", "", rows).format(
                verb=verb.capitalize(),
                contract=ref or self.tr("(no contract)"),
                tonnes=numbers.tonnes(kg),
            )
            for ref, rows, kg in preview.by_contract(Action.ADD)
        ]
        texts: dict[str, Callable[[int], str]] = {
            "other-buyer": lambda n: self.tr("%Ln row(s) belong to other buyers: {names}", "", n),
            "no-contract": lambda n: self.tr(
                "%Ln row(s) name a project no contract carries: {names}", "", n
            ),
            "other-contract": lambda n: self.tr(
                "%Ln row(s) belong to another contract than the one chosen: {names}", "", n
            ),
        }
        for skip, template in texts.items():
            found = preview.skipped_as(skip)
            if found:
                count = sum(n for _, n in found)
                lines.append(template(count).format(names=named_counts(found)))
        if preview.notes:
            lines.append(self.tr("Read as: {notes}.").format(notes=", ".join(preview.notes)))
        lines += [
            self.tr("Note: {warning}.").format(warning=self._in_window_words(messages.text(w)))
            for w in preview.warnings
        ]
        return "".join("\n" + line for line in lines)

    def _show(self, preview: ImportPreview) -> None:
        labels = {
            Action.ADD: self.tr("imported") if preview.applied else self.tr("to add"),
            Action.PRESENT: self.tr("already present"),
            Action.SKIP: self.tr("skipped"),
            Action.ERROR: self.tr("error"),
        }
        kinds = {
            "delivery": self.tr("delivery"),
            "retirement": self.tr("retirement"),
            "cancellation": self.tr("cancellation"),
            "issuance-summary": self.tr("project issuance (no serials)"),
        }
        # the record first (serial block and tonnes stay on screen), the reason last: it
        # takes the rest of the width and wraps
        headers = [
            self.tr("Row"),
            self.tr("Outcome"),
            self.tr("Kind"),
            self.tr("Contract"),
            self.tr("Serial block"),
            self.tr("Tonnes (t)"),
            self.tr("Column"),
            self.tr("Reason"),
        ]
        skips = {
            "other-buyer": self.tr("other buyer's"),
            "no-contract": self.tr("no contract"),
            "other-contract": self.tr("other contract"),
        }
        outcomes = preview.outcomes
        reasons: dict[int, str] = {}  # worked out once a row is shown

        def reason(row: int) -> str:
            if row not in reasons:
                error = outcomes[row].as_error()
                reasons[row] = self._in_window_words(messages.row_reason(error))
            return reasons[row]

        cells: tuple[Callable[[RowOutcome], str], ...] = (
            lambda o: str(o.line),
            lambda o: skips.get(o.skip, labels[o.action]),
            lambda o: kinds.get(o.kind, o.kind),
            lambda o: o.contract,
            lambda o: o.serial_block,
            lambda o: numbers.tonnes(o.tonnes_kg),
            lambda o: o.column,
        )

        def cell(row: int, column: int) -> str:
            return reason(row) if column == REASON_COLUMN else cells[column](outcomes[row])

        def alarming(row: int, column: int) -> bool:
            return column in ERROR_COLUMNS and outcomes[row].action is Action.ERROR

        self.table.show_rows(
            headers,
            len(outcomes),
            cell,
            right_aligned=frozenset({0, 5}),
            alarming=alarming,
            wide={4: 240, 6: 160},
        )
        text = self.tr(
            "{layout}, read as {encoding}: {add} row(s) {verb}, {present} already present, "
            "{skip} skipped, {errors} with errors ({tonnes} t read)."
        ).format(
            layout=preview.layout,
            encoding=preview.encoding,
            add=numbers.count(preview.count(Action.ADD)),
            verb=self.tr("imported") if preview.applied else self.tr("to add"),
            present=numbers.count(preview.count(Action.PRESENT)),
            skip=numbers.count(preview.count(Action.SKIP)),
            errors=numbers.count(preview.count(Action.ERROR)),
            tonnes=numbers.tonnes(preview.kg()),
        )
        if preview.errors:
            text += " " + self.tr("Fix the errors and preview again: nothing can be imported.")
        elif not preview.applied:
            text += " " + self.tr("Nothing has been written yet.")
        self.summary.setText(text + self._attribution(preview))
