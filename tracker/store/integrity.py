"""SQLite's ``integrity_check`` of a ledger file, run beside other reading work.

The check reads every page of the file: at a million deliveries it takes seconds.
On its own read-only connection (WAL lets it read beside the window's writer) it runs
on a thread of its own while the caller goes on, for example walking the change log;
SQLite releases Python's lock while it works, so both use a core each.  A ledger that
no second connection can open (in memory) is checked on the caller's connection.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import sqlite_utils

from tracker.domain.messages import Message, msg
from tracker.store.interrupts import was_interrupted
from tracker.store.readers import can_read_beside, file_of, open_reader

REPORTED_ERRORS = 20  # integrity_check stops after this many problems


def integrity_problem(db: sqlite_utils.Database) -> Message | None:
    """What ``integrity_check`` finds wrong with the file (None when it is sound), with
    SQLite's own words."""
    result = [r[0] for r in db.execute(f"PRAGMA integrity_check({REPORTED_ERRORS})")]
    if result == ["ok"]:
        return None
    return msg("log.integrity_failed", problems="; ".join(result[:5]))


def _unreadable(exc: sqlite3.DatabaseError) -> Message:
    return msg("log.integrity_unreadable", reason=str(exc))


class IntegrityCheck:
    """An ``integrity_check`` started now and collected with :meth:`result`, or
    abandoned with :meth:`stop`."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._problem: Message | None = None
        self._checked = False  # False: not checked beside the caller
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._reader: sqlite_utils.Database | None = None  # while it checks beside
        self._stopped = False

    @classmethod
    def start(cls, db: sqlite_utils.Database) -> IntegrityCheck:
        check = cls(db)
        path = file_of(db)
        if path is not None and can_read_beside(path):
            check._thread = threading.Thread(
                target=check._run_beside, args=(path,), name="integrity-check", daemon=True
            )
            check._thread.start()
        return check

    def _run_beside(self, path: Path) -> None:
        try:
            reader = open_reader(path, mapped=True)
        except sqlite3.Error:
            return  # checked on the caller's connection instead
        with self._lock:
            if self._stopped:
                reader.close()
                return
            self._reader = reader
        try:
            self._problem = integrity_problem(reader)
        except sqlite3.DatabaseError as exc:
            self._problem = _unreadable(exc)
        finally:
            with self._lock:
                self._reader = None
            reader.close()
        self._checked = True

    def stop(self) -> None:
        """Abandon the check (the caller was cancelled): SQLite interrupts it where it
        is, instead of it reading on for seconds on a core of its own."""
        with self._lock:
            self._stopped = True
            if self._reader is not None:
                self._reader.conn.interrupt()
        if self._thread is not None:
            self._thread.join()

    def result(self) -> Message | None:
        """The problem found (None when sound); waits for the check to finish."""
        if self._thread is not None:
            self._thread.join()
            if self._checked:
                return self._problem
        try:
            return integrity_problem(self._db)
        except sqlite3.DatabaseError as exc:
            if was_interrupted(exc):
                raise  # the caller was cancelled, not the file damaged
            return _unreadable(exc)
