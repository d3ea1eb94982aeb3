"""Read-only connections for work off the GUI thread.

A worker opens its own connection to the ledger file: WAL lets it read a consistent
snapshot beside the window's writer.  In-memory ledgers have no file another
connection could open; callers then read on the writer's connection instead.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from tracker.store.database import MEMORY


def can_read_beside(path: Path | str | None) -> bool:
    """Whether a second connection can read this ledger (a file that exists)."""
    return path is not None and str(path) != MEMORY and Path(path).is_file()


def open_reader(path: Path | str) -> sqlite_utils.Database:
    """A read-only connection to the ledger at ``path`` (usable from any one thread)."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA query_only = ON")
    return sqlite_utils.Database(conn)


def is_open(db: sqlite_utils.Database) -> bool:
    """Whether ``db`` can still be used (a window may close its ledger while a worker
    reads beside it)."""
    try:
        db.conn.total_changes  # noqa: B018 - raises on a closed connection
    except sqlite3.ProgrammingError:
        return False
    return True
