"""Opening the ledger file: ours or refused untouched, then the durability policy.

A file is inspected read-only before anything is written to it: it must be an
SQLite database carrying the tracker's ``application_id`` (or, for ledgers
written before the id existed, the tracker's migration records), pass
``quick_check`` when it is small enough, and not come from a newer tracker.
Only then is it opened for writing, backed up before a migration, migrated and
stamped.  A missing file is created only when the caller says so.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import platformdirs
import sqlite_utils

from tracker.domain.errors import TrackerError
from tracker.domain.messages import msg
from tracker.store.migrations import KNOWN_MIGRATIONS, migrations

APP_NAME = "carbon-tracker"
DB_ENV_VAR = "TRACKER_DB"
MEMORY = ":memory:"
APPLICATION_ID = 0x43544B52  # "CTKR": PRAGMA application_id of every Carbon Tracker ledger
SQLITE_MAGIC = b"SQLite format 3\x00"
QUICK_CHECK_LIMIT = 200 * 1024 * 1024  # files up to this size get quick_check on open
SIDE_FILES = ("-wal", "-shm", "-journal")

Notify = Callable[[str], None]


class DatabaseError(TrackerError):
    """The ledger file cannot be opened or is not one of ours."""


def default_db_path() -> Path:
    """``$TRACKER_DB`` if set, else ``ledger.db`` in the platform's user data folder."""
    env = os.environ.get(DB_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "ledger.db"


def configure(db: sqlite_utils.Database, on_disk: bool, read_only: bool = False) -> None:
    """Foreign keys on, WAL journal, full fsync on commit, wait for other writers."""
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.conn.execute("PRAGMA busy_timeout = 5000")
    if on_disk and not read_only:
        db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = FULL")


def schema_version() -> int:
    """The schema generation this build writes: how many migrations it knows."""
    return len(KNOWN_MIGRATIONS)


def _read_only_connection(file: Path) -> sqlite3.Connection:
    uri = "file:" + str(file.resolve()).replace("?", "%3f").replace("#", "%23") + "?mode=ro"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def is_ledger_file(file: Path) -> bool:
    """True when ``file`` is an SQLite file carrying the tracker's identity (cheap, no write)."""
    try:
        inspect(file, quick_check=False)
    except DatabaseError:
        return False
    return True


def _header(file: Path) -> bytes:
    try:
        with file.open("rb") as handle:
            return handle.read(100)
    except PermissionError:
        raise DatabaseError(msg("error.ledger_permission_denied", file=str(file))) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DatabaseError(msg("error.file_unreadable", file=str(file), reason=reason)) from None


def inspect(file: Path, *, quick_check: bool = True) -> int:
    """Refuse ``file`` unless it is a tracker ledger this build can open; never writes.

    Returns the number of tracker migrations already applied.
    """
    if file.is_dir():
        raise DatabaseError(msg("error.ledger_is_folder", file=str(file)))
    header = _header(file)
    if not header:
        raise DatabaseError(msg("error.ledger_empty_file", file=str(file)))
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseError(msg("error.ledger_not_sqlite", file=str(file)))
    sides = [file.with_name(file.name + s) for s in ("-wal", "-shm")]
    existed = [side.exists() for side in sides]
    try:
        conn = _read_only_connection(file)
    except sqlite3.Error as exc:
        raise _cannot_open(file, exc) from None
    try:
        return _inspect_connection(file, conn, quick_check)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            msg("error.ledger_damaged_or_foreign", file=str(file), reason=str(exc))
        ) from None
    finally:
        conn.close()
        _remove_created_sides(sides, existed)


def _cannot_open(file: Path, exc: sqlite3.Error) -> DatabaseError:
    return DatabaseError(msg("error.ledger_cannot_open", file=str(file), reason=str(exc)))


def _remove_created_sides(sides: list[Path], existed: list[bool]) -> None:
    """Remove an empty -wal (and its -shm) that inspecting created: leave no trace."""
    wal, shm = sides
    if existed[0] or not wal.exists():
        return
    with contextlib.suppress(OSError):
        if wal.stat().st_size == 0:
            wal.unlink()
            if not existed[1]:
                shm.unlink(missing_ok=True)


def _inspect_connection(file: Path, conn: sqlite3.Connection, quick_check: bool) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    has_migrations = conn.execute(
        "select count(*) from sqlite_master where type = 'table' and name = '_sqlite_migrations'"
    ).fetchone()[0]
    applied: list[str] = []
    if has_migrations:
        applied = [
            r[0]
            for r in conn.execute(
                "select name from _sqlite_migrations where migration_set = 'tracker' order by rowid"
            )
        ]
    if app_id != APPLICATION_ID and not (app_id == 0 and applied):
        if app_id:
            raise DatabaseError(
                msg("error.ledger_of_other_application_id", file=str(file), app_id=hex(app_id))
            )
        raise DatabaseError(msg("error.ledger_of_other_application", file=str(file)))
    newer = [name for name in applied if name not in KNOWN_MIGRATIONS]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if newer or user_version > schema_version():
        if newer:
            raise DatabaseError(
                msg("error.ledger_newer_migration", file=str(file), migration=newer[0])
            )
        raise DatabaseError(msg("error.ledger_newer_schema", file=str(file), version=user_version))
    if quick_check and file.stat().st_size <= QUICK_CHECK_LIMIT:
        result = [r[0] for r in conn.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            detail = "; ".join(result[:3])
            raise DatabaseError(msg("error.ledger_damaged", file=str(file), detail=detail))
    return len(applied)


def _create_file(file: Path) -> None:
    if not file.parent.exists():
        try:
            file.parent.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise DatabaseError(
                msg(
                    "error.ledger_folder_not_created",
                    folder=str(file.parent),
                    reason=exc.strerror or str(exc),
                )
            ) from None
    try:
        conn = sqlite3.connect(file)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # materialise the file
        conn.close()
        os.chmod(file, 0o600)
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            if file.exists() and file.stat().st_size == 0:
                file.unlink()
        raise DatabaseError(
            msg("error.ledger_not_created", file=str(file), reason=str(exc))
        ) from None


def new_database(path: str | Path, notify: Notify | None = None) -> sqlite_utils.Database:
    """Create a new, empty ledger at ``path``; an existing non-empty file is refused."""
    file = Path(path)
    if file.is_dir():
        raise DatabaseError(msg("error.ledger_is_folder", file=str(file)))
    if file.exists():
        if file.stat().st_size > 0:
            raise DatabaseError(msg("error.ledger_exists", file=str(file)))
        file.unlink()  # an empty file holds nothing: the user asked for a ledger there
    _create_file(file)
    return open_database(file, create=False, notify=notify)


def _tighten(file: Path, notify: Notify | None) -> None:
    mode = stat.S_IMODE(file.stat().st_mode)
    if mode & 0o077:
        try:
            os.chmod(file, mode & 0o700)
        except OSError:
            return
        if notify is not None:
            notify(
                f"{file}: its permissions were {mode:o}, readable by other users; tightened "
                f"to {mode & 0o700:o} (owner only)"
            )


def _connect(file: Path, read_only: bool) -> sqlite_utils.Database:
    try:
        if read_only:
            return sqlite_utils.Database(_read_only_connection(file))
        return sqlite_utils.Database(sqlite3.connect(file, check_same_thread=False))
    except sqlite3.Error as exc:
        raise _cannot_open(file, exc) from None


def open_beside(path: str | Path) -> sqlite_utils.Database:
    """A second connection that may write to a ledger a window holds open (an import on
    a worker beside the window's connection).  The file was inspected and upgraded when
    the window opened it; this one is configured as the window's is (foreign keys, the
    busy wait, WAL, full sync) without inspecting, upgrading or backing it up again."""
    file = Path(path)
    if not file.is_file():  # connecting would create an empty file
        raise DatabaseError(msg("error.ledger_missing", file=str(file)))
    db = _connect(file, read_only=False)
    try:
        configure(db, on_disk=True)
    except sqlite3.Error as exc:
        db.close()
        raise _cannot_open(file, exc) from None
    return db


def open_database(
    path: str | Path | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    backup: bool = True,
    notify: Notify | None = None,
) -> sqlite_utils.Database:
    """Open the ledger at ``path`` and bring its schema up to date.

    A missing file is created when ``create`` (the default ledger, tests, the
    library); otherwise refused.  Files that are not ours, damaged files and
    files written by a newer tracker are refused before anything is written.
    ``read_only`` opens the file without any write (after upgrading an older
    schema, which is backed up first).
    """
    if path is None or str(path) == MEMORY:
        if path is None:
            return open_database(default_db_path(), create=True, backup=backup, notify=notify)
        db = sqlite_utils.Database(memory=True)
        configure(db, on_disk=False)
        migrations.apply(db)
        return db
    file = Path(path)
    if not file.exists() and not file.is_symlink():
        if not create:
            raise DatabaseError(msg("error.ledger_missing", file=str(file)))
        _create_file(file)
    applied = inspect(file)
    _tighten(file, notify)
    if applied < len(KNOWN_MIGRATIONS) or not read_only:
        _upgrade(file, applied, backup, notify)
    db = _connect(file, read_only)
    try:
        configure(db, on_disk=True, read_only=read_only)
    except sqlite3.Error as exc:
        db.close()
        raise _cannot_open(file, exc) from None
    return db


def _upgrade(file: Path, applied: int, backup: bool, notify: Notify | None) -> None:
    """Migrate (after a backup when the ledger holds data) and stamp the identity."""
    if not os.access(file, os.W_OK):
        raise DatabaseError(msg("error.ledger_file_read_only", file=str(file)))
    if not os.access(file.parent, os.W_OK):
        raise DatabaseError(msg("error.ledger_folder_read_only", folder=str(file.parent)))
    db = _connect(file, read_only=False)
    try:
        configure(db, on_disk=True)
        if applied and applied < len(KNOWN_MIGRATIONS) and backup:
            from tracker.store import backups

            made = backups.make_backup(db, file, "before-upgrade")
            if notify is not None:
                notify(f"Backed up {file} to {made} before upgrading its schema")
        migrations.apply(db)
        stamp(db)
    except sqlite3.Error as exc:
        raise DatabaseError(
            msg("error.ledger_cannot_write", file=str(file), reason=str(exc))
        ) from None
    finally:
        db.close()


def stamp(db: sqlite_utils.Database) -> None:
    """Write the tracker's application id and schema version (only when they differ)."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if app_id == APPLICATION_ID and version == schema_version():
        return
    with db.atomic():
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {schema_version()}")
