"""Files like a book: New, Open, Save a copy as… (SQLite backup API), recent files,
Back up now, Restore from backup… and Check database.

Opening takes the ledger's lock; when another window or program holds it the
user may open the file read-only instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.domain.errors import TrackerError
from tracker.services.progress import Cancelled, Progress
from tracker.store import backups
from tracker.store.check import CheckReport, check_database, repair_stale
from tracker.store.database import inspect, new_database, open_database
from tracker.store.ledger import Ledger
from tracker.store.lock import LedgerLock, LockHeld
from tracker.store.targets import refuse_ledger_target
from tracker.ui import messages, numbers, settings
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.operations import ReadOperation

# Asked when the ledger is locked by someone else: True to open it read-only.  Tests pass
# their own.
ReadOnlyChooser = Callable[[QWidget, LockHeld], bool]


def ask_read_only(parent: QWidget, held: LockHeld) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Files", "Ledger in use"),
        QCoreApplication.translate("Files", "{reason}\n\nOpen it read-only?").format(
            reason=messages.error(held)
        ),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Open


# Asked when the ledger cannot be opened and a backup exists: True to restore it.
RestoreChooser = Callable[[QWidget | None, str, backups.Backup], bool]


def ask_restore(parent: QWidget | None, reason: str, newest: backups.Backup) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Files", "Ledger cannot be opened"))
    box.setText(reason)
    box.setInformativeText(
        QCoreApplication.translate(
            "Files",
            "Restore the newest backup, from {when}? The current file is kept aside, not deleted.",
        ).format(when=f"{numbers.day(newest.taken_at)} {newest.taken_at:%H:%M}")
    )
    restore = box.addButton(
        QCoreApplication.translate("Files", "Restore newest backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    return box.clickedButton() is restore


def restore_if_unopenable(
    path: Path, parent: QWidget | None, chooser: RestoreChooser | None
) -> Path | None:
    """When ``path`` is damaged and has a backup, offer to restore it; returns the aside file.

    Raises the refusal when the file cannot be opened and nothing is restored.
    """
    try:
        inspect(path)
        return None
    except TrackerError as exc:
        newest = backups.newest_backup(path)
        if newest is None or chooser is None or not chooser(parent, messages.error(exc), newest):
            raise
    with LedgerLock(path, "Carbon Tracker restore"):
        return backups.restore(path, newest.path)


def open_locked(
    path: Path,
    parent: QWidget | None,
    chooser: ReadOnlyChooser | None,
    *,
    create: bool = False,
    new: bool = False,
) -> tuple[Ledger, LedgerLock | None]:
    """Open ``path`` holding its lock, or read-only when it is held and the user agrees."""
    if create or new:  # the default ledger's folder may not exist yet on a first run
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = LedgerLock(path)
    try:
        lock.acquire()
    except LockHeld as held:
        if new or chooser is None or parent is None or not chooser(parent, held):
            raise
        return open_database(path, create=False, read_only=True), None
    try:
        db = new_database(path) if new else open_database(path, create=create)
    except BaseException:
        lock.release()
        raise
    return db, lock


class FileController(QObject):
    """Opens and copies ledger files for the window; remembers recent files."""

    recent_changed = Signal()

    def __init__(self, store: LedgerStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.window = parent
        self.read_only_chooser: ReadOnlyChooser = ask_read_only
        self.check_operation: ReadOperation | None = None  # the latest Check database
        self.backup_operation: ReadOperation | None = None  # the latest Back up now
        self.last_check = ""  # its report, as shown

    def _filter(self) -> str:
        return self.tr("Carbon Tracker ledger (*.db *.sqlite);;All files (*)")

    def new_file(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New ledger"), self._start_folder("new-ledger.db"), self._filter()
        )
        if not name:
            return None
        path = Path(name)
        if path.exists() and path.stat().st_size > 0:
            raise TrackerError(
                self.tr("{file} already exists; choose Open to use it.").format(file=path)
            )
        self.open_path(path, new=True)
        return path

    def open_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open ledger"), self._start_folder(""), self._filter()
        )
        if not name:
            return None
        self.open_path(Path(name))
        return Path(name)

    def open_path(self, path: Path, new: bool = False) -> None:
        """Switch the window to the ledger at ``path`` (refused files leave it as it was)."""
        if self.store.path is not None and path.resolve() == self.store.path.resolve():
            return  # already open here
        db, lock = open_locked(path, self.window, self.read_only_chooser, new=new)
        self.store.replace_database(db, path, lock, read_only=lock is None)
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
        """A consistent copy (0600) of the open ledger through SQLite's backup API."""
        if self.store.path is not None and target.resolve() == self.store.path.resolve():
            raise TrackerError(
                self.tr("A copy cannot replace the open ledger itself: choose another file name.")
            )
        refuse_ledger_target(target, self.store.path)
        backups.copy_ledger(self.store.db, target)

    def backup_now(self) -> ReadOperation | None:
        """Back the ledger up on a worker (a copy of a ledger of a gigabyte takes seconds),
        from a read-only connection of its own; the file made is then named."""
        ledger = self.store.path
        if ledger is None:
            return None

        def back_up(db: Ledger, _progress: Progress) -> Path:
            return backups.make_backup(db, ledger, "manual")

        operation = ReadOperation(
            self.store, back_up, self.tr("Backing up {file}…").format(file=ledger.name), self.window
        )
        operation.finished.connect(self._backed_up)
        operation.failed.connect(self._backup_failed)
        self.backup_operation = operation
        operation.start()
        return operation

    def _backed_up(self, made: Path) -> None:
        QMessageBox.information(
            self.window,
            self.tr("Back up now"),
            self.tr("Backed up to {file}.").format(file=made),
        )

    def _backup_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return  # nothing was made
        if not isinstance(error, TrackerError):
            raise error
        QMessageBox.warning(self.window, self.tr("Back up now"), messages.error(error))

    def restore_from(self, backup: Path) -> Path | None:
        """Put ``backup`` in place of the open ledger (kept aside) and reopen it."""
        path = self.store.path
        if path is None:
            raise TrackerError(self.tr("An in-memory ledger has no backups."))
        if self.store.read_only:
            raise TrackerError(
                self.tr("The ledger is open read-only here; restore it where it is open.")
            )
        try:
            inspect(backup)
        except TrackerError as exc:
            reason = messages.error(exc)
            raise TrackerError(self.tr("Cannot restore: {reason}").format(reason=reason)) from None
        lock = self.store.lock
        self.store.poll_timer.stop()
        self.store.db.close()
        aside = backups.restore(path, backup)
        db = open_database(path, create=False)
        self.store.replace_database(db, path, lock)
        self.store.poll_timer.start()
        return aside

    def restore_dialog(self) -> Path | None:
        if self.store.path is None:
            return None
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(backups.backup_folder(self.store.path)),
            self._filter(),
        )
        if not name:
            return None
        aside = self.restore_from(Path(name))
        QMessageBox.information(
            self.window,
            self.tr("Restore from backup"),
            self.tr("Restored from {backup}. The file it replaced is kept as {aside}.").format(
                backup=name, aside=aside
            ),
        )
        return aside

    def check_report(self) -> str:
        """The ledger's health, in the window's language."""
        return messages.check_report(check_database(self.store.db))

    def check_dialog(self) -> ReadOperation:
        """Check the ledger on a worker with its own read connection (progress and Cancel
        when it runs long), then recompute any kept totals found wrong on the window's
        connection and show the report."""
        operation = ReadOperation(
            self.store,
            lambda db, progress: check_database(db, repair=False, step=progress.advance),
            self.tr("Checking the database…"),
            self.window,
        )
        operation.finished.connect(self._show_check)
        operation.failed.connect(self._check_failed)
        self.check_operation = operation
        operation.start()
        return operation

    def _show_check(self, report: object) -> None:
        assert isinstance(report, CheckReport)
        if not self.store.read_only:
            repair_stale(self.store.db, report)
        self.last_check = messages.check_report(report)
        QMessageBox.information(self.window, self.tr("Check database"), self.last_check)

    def _check_failed(self, error: object) -> None:
        if isinstance(error, Cancelled):
            return  # the user stopped it: nothing to report
        assert isinstance(error, BaseException)
        QMessageBox.warning(self.window, self.tr("Check database"), messages.error(error))

    def _start_folder(self, name: str) -> str:
        folder = self.store.path.parent if self.store.path else Path.home()
        return str(folder / name) if name else str(folder)
