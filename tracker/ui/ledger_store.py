"""The window's handle on the ledger: the database, the undo stack and change notices.

Data flows one way: an edit calls a service (usually through an undo
command), the service commits and returns a ChangeSet, and ``changed`` is
emitted *after* the commit; every view decides for itself whether the
change concerns it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from tracker.domain.changes import ChangeSet
from tracker.store.ledger import Ledger, data_version
from tracker.store.lock import LedgerLock
from tracker.ui import settings

UNDO_LIMIT = 500  # steps kept on the undo stack (settable with set_undo_limit)
POLL_MS = 2000  # how often the window looks for changes made by other processes


class LedgerStore(QObject):
    changed = Signal(object)  # ChangeSet, after commit
    reset = Signal()  # another ledger file was opened: reload everything
    external_change = Signal()  # another process changed the ledger (before ``reset``)
    as_of_changed = Signal(object)  # datetime.date

    def __init__(
        self,
        db: Ledger,
        path: Path | None,
        as_of: dt.date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.path = path
        self._as_of = as_of
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(settings.undo_limit(UNDO_LIMIT))
        self.lock: LedgerLock | None = None
        self.read_only = False
        self._data_version = self._read_data_version()
        self._own_writers = 0  # workers of this window writing beside it (an import)
        self._poll_after_own_writes = False
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll_external_changes)
        if path is not None:
            self.poll_timer.start()

    def set_undo_limit(self, steps: int) -> None:
        """Bound the undo history (0 = unlimited); clears it, as Qt requires."""
        self.undo_stack.clear()
        self.undo_stack.setUndoLimit(max(0, steps))

    def _read_data_version(self) -> int | None:
        return data_version(self.db)

    def poll_external_changes(self) -> bool:
        """Reload every view when another process committed to the ledger; True if so."""
        if self._own_writers:
            return False  # a commit now is this window's own worker's
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        self.external_change.emit()
        self.reset.emit()
        return True

    def own_write_started(self) -> None:
        """A worker of this window is about to write beside its connection (an import).

        Its commit changes ``data_version`` as another program's would: until
        :meth:`own_write_finished`, no poll takes it for one (which would reload every
        view and say another program changed the ledger)."""
        if self._own_writers == 0:
            self._poll_after_own_writes = self.poll_timer.isActive()
            self.poll_timer.stop()
        self._own_writers += 1

    def own_write_finished(self) -> None:
        """The worker's write is over (committed or not): its commit is the window's own,
        and polling goes on from here."""
        self._own_writers -= 1
        if self._own_writers == 0:
            self._data_version = self._read_data_version()
            if self._poll_after_own_writes:
                self.poll_timer.start()

    @property
    def as_of(self) -> dt.date:
        """The date figures are computed for: fixed by --as-of, else today."""
        return self._as_of or dt.date.today()

    @property
    def as_of_is_fixed(self) -> bool:
        return self._as_of is not None

    def set_as_of(self, day: dt.date | None) -> None:
        self._as_of = day
        self.as_of_changed.emit(self.as_of)

    def notify(self, changes: ChangeSet) -> None:
        if changes:
            self.changed.emit(changes)

    def replace_database(
        self,
        db: Ledger,
        path: Path | None,
        lock: LedgerLock | None = None,
        read_only: bool = False,
    ) -> None:
        """Switch to another ledger file; the undo history belongs to the old one."""
        old, old_lock = self.db, self.lock
        self.db = db
        self.path = path
        self.lock = lock
        self.read_only = read_only
        self._data_version = self._read_data_version()
        self.undo_stack.clear()
        self.reset.emit()
        if old is not db:
            old.close()
        if old_lock is not None and old_lock is not lock:
            old_lock.release()

    def close(self) -> None:
        """Close the ledger and give its lock back."""
        self.poll_timer.stop()
        self.db.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
