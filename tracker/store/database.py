"""Opening the ledger file with the durability policy every connection needs."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs
import sqlite_utils

from tracker.domain.errors import TrackerError
from tracker.store.migrations import migrations, unknown_applied

APP_NAME = "carbon-tracker"
DB_ENV_VAR = "TRACKER_DB"
MEMORY = ":memory:"


class DatabaseError(TrackerError):
    """The ledger file cannot be opened or is not one of ours."""


def default_db_path() -> Path:
    """``$TRACKER_DB`` if set, else ``ledger.db`` in the platform's user data folder."""
    env = os.environ.get(DB_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "ledger.db"


def configure(db: sqlite_utils.Database, on_disk: bool) -> None:
    """Foreign keys on, WAL journal, full fsync on commit, wait for other writers."""
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.conn.execute("PRAGMA busy_timeout = 5000")
    if on_disk:
        db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = FULL")


def _connect(path: str | Path) -> tuple[sqlite_utils.Database, bool]:
    if str(path) == MEMORY:
        return sqlite_utils.Database(memory=True), False
    file = Path(path)
    if file.is_dir():
        raise DatabaseError(f"{file}: is a folder, not a ledger file")
    new_file = not file.exists()
    if not file.parent.exists():
        file.parent.mkdir(parents=True, mode=0o700)
    db = sqlite_utils.Database(file)
    if new_file:
        db.conn.execute("PRAGMA user_version = 0")  # materialise the file
        os.chmod(file, 0o600)
    return db, True


def open_database(path: str | Path | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) the ledger at ``path`` and bring its schema up to date.

    Refuses files that are not SQLite databases and files written by a newer
    version of the tracker, rather than risk damaging them.
    """
    path = default_db_path() if path is None else path
    db, on_disk = _connect(path)
    try:
        db.conn.execute("PRAGMA schema_version").fetchone()
        configure(db, on_disk)
        newer = unknown_applied(db)
        if newer:
            raise DatabaseError(
                f"{path}: written by a newer version of the tracker (unknown schema "
                f"migration {newer[0]!r}); upgrade the tracker to open it"
            )
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseError(f"{path}: not a tracker ledger file ({exc})") from None
    except DatabaseError:
        db.close()
        raise
    return db
