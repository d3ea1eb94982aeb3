"""The window's handle on the ledger: the database, the undo stack and change notices.

Data flows one way: an edit calls a service (usually through an undo
command), the service commits and returns a ChangeSet, and ``changed`` is
emitted *after* the commit; every view decides for itself whether the
change concerns it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tracker.domain.changes import ChangeSet


class LedgerStore(QObject):
    changed = Signal(object)  # ChangeSet, after commit
    reset = Signal()  # another ledger file was opened: reload everything
    as_of_changed = Signal(object)  # datetime.date

    def __init__(
        self,
        db: sqlite_utils.Database,
        path: Path | None,
        as_of: dt.date | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.path = path
        self._as_of = as_of
        self.undo_stack = QUndoStack(self)

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

    def replace_database(self, db: sqlite_utils.Database, path: Path | None) -> None:
        """Switch to another ledger file; the undo history belongs to the old one."""
        old = self.db
        self.db = db
        self.path = path
        self.undo_stack.clear()
        self.reset.emit()
        if old is not db:
            old.close()
