"""Read-only connections for work off the GUI thread.

A worker opens its own connection to the ledger file: WAL lets it read a consistent
snapshot beside the window's writer.  In-memory ledgers have no file another
connection could open; callers then read on the writer's connection instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from tracker.store.database import MEMORY


def can_read_beside(path: Path | str | None) -> bool:
    """Whether a second connection can read this ledger (a file that exists)."""
    return path is not None and str(path) != MEMORY and Path(path).is_file()


# How much of the file a reader that reads it all maps into memory (SQLite caps it at its
# own limit, 2 GiB as built by most distributions; the rest is read as usual).
MAPPED_BYTES = 1 << 40


def open_reader(path: Path | str, *, mapped: bool = False) -> sqlite_utils.Database:
    """A read-only connection to the ledger at ``path`` (usable from any one thread).

    ``mapped``: for a reader that reads every page (``integrity_check``), the file is
    memory-mapped, so SQLite reads pages in place instead of copying each one through a
    system call into its cache: at a million deliveries the check takes about a third
    less time.  The price is SQLite's own: a disk that fails mid-read stops the process
    instead of failing the statement, so only a reader that writes nothing maps."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA query_only = ON")
    if mapped:
        conn.execute(f"PRAGMA mmap_size = {MAPPED_BYTES}")
    return sqlite_utils.Database(conn)


def is_open(db: sqlite_utils.Database) -> bool:
    """Whether ``db`` can still be used (a window may close its ledger while a worker
    reads beside it)."""
    try:
        db.conn.total_changes  # noqa: B018 - raises on a closed connection
    except sqlite3.ProgrammingError:
        return False
    return True


@contextmanager
def snapshot(db: sqlite_utils.Database) -> Iterator[None]:
    """Read the ledger as it stood at one moment: every statement inside sees the same
    commit, whatever a writer commits meanwhile (WAL keeps it for the reader).

    Outside a transaction each statement reads the latest commit: a rule evaluation of
    twenty queries, or a chart read of three, could mix the states before and after an
    edit made beside it (retirements of one state against deliveries of another).  Inside
    one already (a unit of work's own reads), the caller's transaction is that moment."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN DEFERRED")
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the moment: now
        yield
    finally:
        if conn.in_transaction:
            conn.rollback()  # nothing written: read-only work ends its snapshot


def file_of(db: sqlite_utils.Database) -> Path | None:
    """The file of ``db``'s main database (None in memory)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


@contextmanager
def snapshot_beside(
    db: sqlite_utils.Database, tries: int = 3
) -> Iterator[sqlite_utils.Database | None]:
    """``snapshot(db)``, and a second read-only connection reading the very same commit
    (for work split over two threads), or None where there can be none: an in-memory
    ledger, ``db`` inside a transaction already, or commits landing each time it tries."""
    path = file_of(db)
    if db.conn.in_transaction or not can_read_beside(path):
        with snapshot(db):
            yield None
        return
    assert path is not None
    beside = open_reader(path)
    try:
        if not _begin_together(db, beside, tries):
            with snapshot(db):
                yield None
            return
        try:
            yield beside
        finally:
            _end(db, beside)
    finally:
        beside.close()


def _begin_together(db: sqlite_utils.Database, beside: sqlite_utils.Database, tries: int) -> bool:
    """Start a read transaction on both, on the same commit; False (neither in one) when
    another connection commits between the two starts each of ``tries`` times.

    Both start between two readings of ``db``'s ``data_version``, which changes whenever
    another connection has committed: the same value before and after means no commit
    fell between them, so both read one state."""
    for _ in range(tries):
        same = False
        try:
            before = db.execute("PRAGMA data_version").fetchone()[0]
            for conn in (beside.conn, db.conn):
                conn.execute("BEGIN DEFERRED")
                conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the moment
            same = db.execute("PRAGMA data_version").fetchone()[0] == before
        finally:
            if not same:  # a commit between them, or a failure on the way
                _end(db, beside)
        if same:
            return True
    return False


def _end(db: sqlite_utils.Database, beside: sqlite_utils.Database) -> None:
    for conn in (beside.conn, db.conn):
        if conn.in_transaction:
            conn.rollback()  # nothing written: read-only work ends its snapshot
