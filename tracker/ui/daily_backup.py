"""The once-a-day backup of the ledger a window opens, made on a worker.

A ledger of a million deliveries is a file of more than a gigabyte: copying it, then
flushing the copy to disk, took seconds on the GUI thread before the window showed, on
the first opening of each day.  ``DailyBackup`` copies it beside the open window instead,
from a read-only connection of its own: the copy is the ledger as it stood when the
copy began (WAL keeps that state for it while the window writes).  A copy that cannot be
made does not stop the work: the window says why, and that *File → Back up now* tries
again.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker.store import backups
from tracker.store.ledger import Ledger
from tracker.store.readers import can_read_beside
from tracker.ui import messages
from tracker.ui.background import start_reading, wait_until_idle
from tracker.ui.ledger_store import LedgerStore


def _back_up(ledger: Path, db: Ledger) -> Path | None:
    return backups.backup_if_due(db, ledger)


class DailyBackup(QObject):
    made = Signal(object)  # the backup's path, or None when one was made today already
    failed = Signal(object)  # the exception
    warning_shown = Signal(object)  # the QMessageBox that says it failed

    def __init__(self, store: LedgerStore, window: QWidget) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self.running = False
        store.reset.connect(self.start)  # another ledger opened
        QTimer.singleShot(0, self.start)  # once the window is up

    def start(self) -> None:
        """Back the ledger up on a worker if no backup was taken today."""
        path = self.store.path
        if self.running or path is None or self.store.read_only or not can_read_beside(path):
            return
        if not backups.backup_due(Path(path)):
            return
        self.running = True
        start_reading(Path(path), functools.partial(_back_up, Path(path)), 0, self._done)

    def wait(self, timeout: float = 120.0) -> bool:
        """Until the backup running now has been made (tests)."""
        return wait_until_idle(lambda: self.running, timeout)

    def _done(self, _generation: int, result: object) -> None:
        self.running = False
        if not isinstance(result, BaseException):
            self.made.emit(result)
            return
        self.failed.emit(result)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Daily backup"),
            self.tr(
                "Today's backup of the ledger could not be made: {reason}\n\n"
                "The ledger is open as before. File → Back up now tries again."
            ).format(reason=messages.error(result)),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.open()  # says so without stopping the work
        self.warning_shown.emit(box)
