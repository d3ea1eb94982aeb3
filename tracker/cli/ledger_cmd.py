"""Opening the ledger for a command, and `new`, `backup`, `restore`, `check-db`.

Read-only commands open the file read-only; commands that write take the
ledger's lock first, so a second writer is refused with the holder's name.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker.domain.errors import TrackerError
from tracker.store import backups
from tracker.store.database import new_database, open_database
from tracker.store.ledger import Ledger
from tracker.store.lock import LedgerLock

READ_ONLY_COMMANDS = frozenset(
    {"summary", "export", "check", "verify-log", "reconcile", "check-db"}
)


def add_parsers(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    new = sub.add_parser("new", parents=[common], help="create a new, empty ledger file")
    new.add_argument("path", type=Path, nargs="?", help="the new ledger (default: --db)")
    sub.add_parser(
        "backup", parents=[common], help="back the ledger up now (into its backups folder)"
    )
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup in place of the ledger (the current file is kept aside); "
        "without BACKUP, list the backups",
    )
    restore.add_argument("backup", type=Path, nargs="?", help="the backup file, or 'newest'")
    sub.add_parser(
        "check-db",
        parents=[common],
        help="check the file, its foreign keys, the change log and derived data",
    )


def _notice(text: str) -> None:
    print(f"carbon-tracker: {text}", file=sys.stderr)


@contextmanager
def opened(command: str, path: Path, explicit: bool) -> Iterator[Ledger]:
    """The ledger for ``command``: read-only, or locked for writing (and backed up daily)."""
    # the default ledger; `--db NEW demo` and `--db NEW generate` fill a new file
    create = not explicit or command in ("demo", "generate")
    if not create and not path.exists():
        open_database(path, create=False)  # refused, naming the path; nothing is created
    if command in READ_ONLY_COMMANDS:
        db = open_database(path, create=create, read_only=True, notify=_notice)
        try:
            yield db
        finally:
            db.close()
        return
    with LedgerLock(path, "carbon-tracker " + command) as lock:
        if lock.took_over is not None:
            _notice(f"took over a stale lock left by {lock.took_over.describe()}")
        db = open_database(path, create=create, notify=_notice)
        try:
            backups.backup_if_due(db, path)
            yield db
        finally:
            db.close()


def run_new(path: Path) -> int:
    with LedgerLock(path, "carbon-tracker new"):
        new_database(path, notify=_notice).close()
    print(f"Created a new, empty ledger: {path}")
    return 0


def run_backup(db: Ledger, path: Path) -> int:
    made = backups.make_backup(db, path, "manual")
    print(f"Backed up {path} to {made}")
    return 0


def run_restore(path: Path, backup: Path | None) -> int:
    if backup is None:
        found = backups.list_backups(path)
        if not found:
            print(f"No backups of {path} (they are kept in {backups.backup_folder(path)}).")
            return 1
        print(f"Backups of {path}, newest first (restore one with `restore FILE`):")
        for b in found:
            print(f"  {b.path}  {b.taken_at:%Y-%m-%d %H:%M:%S}  {b.reason}")
        return 0
    if str(backup) == "newest":
        newest = backups.newest_backup(path)
        if newest is None:
            raise TrackerError(f"{path}: there is no backup to restore")
        backup = newest.path
    with LedgerLock(path, "carbon-tracker restore"):
        aside = backups.restore(path, backup)
    print(f"Restored {path} from {backup}.")
    if aside is not None:
        print(f"The file it replaced is kept as {aside}.")
    return 0
