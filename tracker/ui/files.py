"""Files like a book: New, Open, Save a copy as… (SQLite backup API), recent files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from tracker.domain.errors import TrackerError
from tracker.store.database import open_database
from tracker.ui import settings
from tracker.ui.ledger_store import LedgerStore


class FileController(QObject):
    """Opens and copies ledger files for the window; remembers recent files."""

    recent_changed = Signal()

    def __init__(self, store: LedgerStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.window = parent

    def _filter(self) -> str:
        return self.tr("Carbon Tracker ledger (*.db *.sqlite);;All files (*)")

    def new_file(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New ledger"), self._start_folder("new-ledger.db"), self._filter()
        )
        if not name:
            return None
        path = Path(name)
        if path.exists():
            raise TrackerError(
                self.tr("{file} already exists; choose Open to use it.").format(file=path)
            )
        self.open_path(path)
        return path

    def open_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open ledger"), self._start_folder(""), self._filter()
        )
        if not name:
            return None
        self.open_path(Path(name))
        return Path(name)

    def open_path(self, path: Path) -> None:
        """Switch the window to the ledger at ``path`` (refused files leave it as it was)."""
        db = open_database(path)
        self.store.replace_database(db, path)
        settings.remember_file(path)
        self.recent_changed.emit()

    def save_copy(self) -> Path | None:
        current = self.store.path
        suggestion = f"{current.stem}-copy.db" if current else "ledger-copy.db"
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save a copy as"), self._start_folder(suggestion), self._filter()
        )
        if not name:
            return None
        target = Path(name)
        self.copy_to(target)
        return target

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the open ledger through SQLite's backup API."""
        if self.store.path is not None and target.resolve() == self.store.path.resolve():
            raise TrackerError(
                self.tr("A copy cannot replace the open ledger itself: choose another file name.")
            )
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        destination = sqlite3.connect(partial)
        try:
            self.store.db.conn.backup(destination)
        finally:
            destination.close()
        partial.replace(target)

    def _start_folder(self, name: str) -> str:
        folder = self.store.path.parent if self.store.path else Path.home()
        return str(folder / name) if name else str(folder)
