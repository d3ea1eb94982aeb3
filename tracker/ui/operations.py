"""Long work (a CSV report of a million rows, a registry import) off the GUI thread, with
progress and Cancel.

``ReadOperation(store, work, label, parent).start()`` runs ``work(reader, progress)`` on
the thread pool with a read-only connection of its own, so the window keeps drawing.
When the work runs longer than ``SHOW_AFTER_MS`` a progress dialog appears, showing
``progress.done`` of ``progress.total`` (or a busy bar while the total is unknown), and
its Cancel asks the work to stop (``Progress.cancel``): the work then raises
``Cancelled`` and discards what it was writing.  A cancel also interrupts the statement
the work's connection is running (one ``integrity_check`` reads for seconds at a million
deliveries), which then ends as ``Cancelled`` too.  The outcome arrives on the GUI thread as
``finished(result)`` or ``failed(exception)``.  An in-memory ledger cannot be read from a
second connection: its work runs at once on the window's connection.  ``WriteOperation``
does the same for work that writes, on a worker connection that may write.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from tracker.services.progress import Progress
from tracker.store.interrupts import interruptible
from tracker.store.ledger import Ledger
from tracker.store.readers import can_read_beside
from tracker.ui.background import start_reading, wait_until_idle
from tracker.ui.ledger_store import LedgerStore

SHOW_AFTER_MS = 200  # quicker work finishes without a dialog flashing up
POLL_MS = 100

ProgressWork = Callable[[Ledger, Progress], Any]


class ReadOperation(QObject):
    finished = Signal(object)  # the work's result
    failed = Signal(object)  # the exception it raised (Cancelled when the user cancelled)
    progress_shown = Signal(object)  # the QProgressDialog, when the work runs long

    def __init__(
        self,
        store: LedgerStore,
        work: ProgressWork,
        label: str,
        parent: QWidget,
        total: int | None = None,
        show_after_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        # when the progress dialog shows; 0: at once, modal before anything can be clicked
        self.show_after_ms = SHOW_AFTER_MS if show_after_ms is None else show_after_ms
        self.store = store
        self.work = work
        self.label = label
        self.parent_widget = parent
        self.progress = Progress(total)
        self.dialog: QProgressDialog | None = None
        self.running = False
        self.thread_name = ""  # where the work ran (tests check it is not the GUI thread)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_progress)
        self._started_at = 0.0

    def start(self) -> None:
        self.running = True
        if not can_read_beside(self.store.path):
            self._deliver(0, self._measured(self.store.db))
            return
        assert self.store.path is not None
        self._started_at = time.monotonic()
        self._poll.start()
        self._start_on_worker(Path(self.store.path))
        if self.show_after_ms == 0:
            self._show_progress()  # modal before anything else can be clicked

    def _start_on_worker(self, path: Path) -> None:
        start_reading(path, self._measured, 0, self._deliver)

    def cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Operations", "Cancelling…"))

    def wait(self, timeout: float = 120.0) -> bool:
        """Process events until the work has finished (tests, a screenshot)."""
        return wait_until_idle(lambda: self.running, timeout)

    def _measured(self, db: Ledger) -> object:
        self.thread_name = threading.current_thread().name
        try:
            with interruptible(db, self.progress):
                return self.work(db, self.progress)
        except Exception as exc:  # delivered to the GUI thread as a failure
            return exc

    def _show_progress(self) -> None:
        if self.dialog is None:
            if (time.monotonic() - self._started_at) * 1000 < self.show_after_ms:
                return
            self.dialog = QProgressDialog(
                self.label,
                QCoreApplication.translate("Operations", "Cancel"),
                0,
                0,
                self.parent_widget,
            )
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
            self.dialog.show()
            self.progress_shown.emit(self.dialog)
        if self.dialog.wasCanceled() and not self.progress.cancel_requested:
            self.cancel()  # cancelled by Escape or the dialog's cancel() slot
        total = self.progress.total
        if total:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(self.progress.done, total))

    @Slot(int, object)
    def _deliver(self, _generation: int, result: object) -> None:
        self.running = False
        self._poll.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)  # closing it is not a cancel
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if isinstance(result, BaseException):
            self.failed.emit(result)
        else:
            self.finished.emit(result)


class WriteOperation(ReadOperation):
    """Long work that writes (a registry import) off the GUI thread, with the same
    progress and Cancel: ``work(writer, progress)`` gets a connection of its own that
    may write and takes its own transaction, so a cancel or a failure rolls it back.
    The store does not take the worker's commit for another program's (no reload, no
    "changed by another program"); the caller tells the views what changed when
    ``finished`` arrives.  A read-only or in-memory ledger's work runs at once on the
    window's connection (which refuses writes to a read-only ledger as before)."""

    _writing = False  # the worker holds the store's polling (own_write_started)

    def start(self) -> None:
        if self.store.read_only:
            self.running = True
            self._deliver(0, self._measured(self.store.db))
            return
        super().start()

    def _start_on_worker(self, path: Path) -> None:
        self.store.own_write_started()
        self._writing = True
        start_reading(path, self._measured, 0, self._deliver, writes=True)

    @Slot(int, object)
    def _deliver(self, generation: int, result: object) -> None:
        if self._writing:
            self._writing = False
            self.store.own_write_finished()
        super()._deliver(generation, result)
