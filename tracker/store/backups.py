"""Backups with SQLite's backup API, kept thinned, and restoring one.

Backups live in a ``backups`` folder beside the ledger, named
``<ledger stem>-YYYYMMDD-HHMMSS-<reason>.db``.  One is made on the first open of
each day, before every schema upgrade and before every import or bulk delete.
:func:`thin` (a pure function) decides which to keep: the newest of each of the
last 7 days, then of 4 weeks, then of 12 months that have backups.
Restoring never deletes the current file: it is renamed aside first.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from tracker.domain.errors import TrackerError
from tracker.domain.messages import Message, msg

DAILY, WEEKLY, MONTHLY = 7, 4, 12
FOLDER = "backups"
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(TrackerError):
    """A backup or restore could not be made; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str


def backup_folder(ledger: Path) -> Path:
    return ledger.parent / FOLDER


def _pattern(ledger: Path) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(ledger.stem)}-(\d{{8}}-\d{{6}})(?:-([a-z0-9-]+))?\.db$")


def list_backups(ledger: Path) -> list[Backup]:
    """The ledger's backups, newest first."""
    folder = backup_folder(ledger)
    if not folder.is_dir():
        return []
    pattern = _pattern(ledger)
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if match and entry.is_file():
            taken = dt.datetime.strptime(match.group(1), _STAMP)
            found.append(Backup(entry, taken, match.group(2) or ""))
    # Within one second the one made for a reason (an import, an upgrade) counts as newer.
    return sorted(found, key=lambda b: (b.taken_at, b.reason != "daily", b.path.name), reverse=True)


def thin(times: Iterable[dt.datetime]) -> set[dt.datetime]:
    """Which backup times to keep: newest per day (7), then per week (4), then per month (12).

    Walks from newest to oldest; a backup is kept when its day, week or month
    is not yet represented and that category still has room.
    """
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    counts = {"daily": 0, "weekly": 0, "monthly": 0}
    kept: set[dt.datetime] = set()
    for when in sorted(set(times), reverse=True):
        day, week, month = when.date(), when.isocalendar()[:2], (when.year, when.month)
        if day not in days and counts["daily"] < DAILY:
            counts["daily"] += 1
        elif week not in weeks and counts["weekly"] < WEEKLY:
            counts["weekly"] += 1
        elif month not in months and counts["monthly"] < MONTHLY:
            counts["monthly"] += 1
        else:
            continue
        kept.add(when)
        days.add(day)
        weeks.add((week[0], week[1]))
        months.add(month)
    return kept


def prune(ledger: Path) -> list[Path]:
    """Delete the backups :func:`thin` does not keep; returns what was deleted."""
    backups = list_backups(ledger)
    keep = thin(b.taken_at for b in backups)
    newest_per_time: dict[dt.datetime, Backup] = {}
    for b in backups:
        newest_per_time.setdefault(b.taken_at, b)
    removed = []
    for b in backups:
        if b.taken_at in keep and newest_per_time[b.taken_at] is b:
            continue
        b.path.unlink(missing_ok=True)
        removed.append(b.path)
    return removed


def copy_database(
    source: sqlite3.Connection, target: Path, *, max_page_count: int | None = None
) -> None:
    """A consistent copy of ``source`` at ``target`` (0600), written aside and renamed in.

    ``max_page_count`` limits the copy's size (used to prove a full disk is handled).
    """
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        destination = sqlite3.connect(partial)
        try:
            os.chmod(partial, 0o600)
            if max_page_count is not None:
                destination.execute(f"PRAGMA max_page_count = {int(max_page_count)}")
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(_copy_failure(target, exc)) from None


def _copy_failure(target: Path, exc: BaseException) -> Message:
    text = str(exc)
    why: Message | str = text
    if "full" in text.lower() or getattr(exc, "errno", None) == 28:
        why = msg("error.copy_disk_full")
    elif isinstance(exc, PermissionError) or "readonly" in text or "read-only" in text:
        why = msg("error.copy_permission_denied")
    return msg("error.copy_not_written", file=str(target), reason=why)


def copy_ledger(db: sqlite_utils.Database, target: Path) -> None:
    """A consistent copy of the open ledger at ``target`` (see ``copy_database``)."""
    copy_database(db.conn, target)


def make_backup(
    db: sqlite_utils.Database,
    ledger: Path,
    reason: str = "manual",
    *,
    now: dt.datetime | None = None,
    max_page_count: int | None = None,
) -> Path:
    """Back the open ledger up into its backups folder, then thin the folder."""
    when = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backup_folder(ledger)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            msg("error.backups_folder_not_created", folder=str(folder), reason=str(exc))
        ) from None
    target = folder / f"{ledger.stem}-{when.strftime(_STAMP)}-{reason}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{ledger.stem}-{when.strftime(_STAMP)}-{reason}-{counter}.db"
    copy_database(db.conn, target, max_page_count=max_page_count)
    prune(ledger)
    return target


def backup_if_due(
    db: sqlite_utils.Database, ledger: Path, today: dt.date | None = None
) -> Path | None:
    """The once-a-day backup on open: made when no backup was taken today."""
    if not backup_due(ledger, today):
        return None
    return make_backup(db, ledger, "daily")


def backup_due(ledger: Path, today: dt.date | None = None) -> bool:
    """Whether no backup of ``ledger`` was taken today (one look at its folder)."""
    newest = list_backups(ledger)
    return not newest or newest[0].taken_at.date() < (today or dt.date.today())


def newest_backup(ledger: Path) -> Backup | None:
    found = list_backups(ledger)
    return found[0] if found else None


def restore(ledger: Path, backup: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Put ``backup`` in place of ``ledger``; the current file is renamed aside, not deleted.

    Works whatever state the current file is in (it is never opened).  Returns
    where the current file was kept, or None when there was none.
    """
    from tracker.store.database import DatabaseError, inspect

    try:
        inspect(backup)
    except DatabaseError as exc:
        reason = exc.reason_message or str(exc)
        raise BackupError(msg("error.cannot_restore", reason=reason)) from None
    when = (now or dt.datetime.now()).strftime(_STAMP)
    partial = ledger.with_name(f".{ledger.name}.restoring")
    try:
        shutil.copyfile(backup, partial)
        os.chmod(partial, 0o600)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(_copy_failure(ledger, exc)) from None
    aside: Path | None = None
    if ledger.exists():
        _checkpoint(ledger)
        aside = ledger.with_name(f"{ledger.name}.before-restore-{when}")
        try:
            os.link(ledger, aside)  # the current file stays in place until the swap
        except OSError:
            shutil.copy2(ledger, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        side = ledger.with_name(ledger.name + suffix)
        if side.exists():
            kept = (aside or ledger).with_name((aside or ledger).name + suffix)
            if aside is None:
                kept = side.with_name(f"{side.name}.orphan-{when}")
            os.replace(side, kept)
    os.replace(partial, ledger)  # atomic: the ledger is the old file or the backup, never none
    return aside


def _checkpoint(ledger: Path) -> None:
    """Fold the current file's WAL into it, when it can be opened at all (best effort)."""
    try:
        conn = sqlite3.connect(ledger, timeout=1)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass
