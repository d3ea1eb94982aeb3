"""Plain words for failures that are not the tracker's own refusals (no tracebacks)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


def plain_failure(exc: BaseException, ledger: Path) -> str:
    """What went wrong, naming the file, and what to do."""
    if isinstance(exc, OSError):
        where = exc.filename or ledger
        if exc.errno == errno.ENOSPC:
            return f"{where}: the disk is full; free some space and try again (nothing was changed)"
        if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EROFS):
            return (
                f"{where}: permission denied (the file or its folder is read-only); choose "
                "a location you can write to"
            )
        if isinstance(exc, FileNotFoundError):
            return f"{where}: no such file or folder; check the path"
        return f"{where}: {exc.strerror or exc}"
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        lower = text.lower()
        if "locked" in lower or "busy" in lower:
            return (
                f"{ledger}: the ledger is busy (another program is writing to it); nothing "
                "was changed, try again when it is done"
            )
        if "full" in lower:
            return f"{ledger}: the disk is full; nothing was changed, free some space and retry"
        if "readonly" in lower:
            return f"{ledger}: the ledger is read-only here; nothing was changed"
        if "malformed" in lower or "not a database" in lower:
            return (
                f"{ledger}: the ledger file is damaged ({text}); run `carbon-tracker check-db`, "
                "then restore the newest good backup with `carbon-tracker restore`"
            )
        return f"{ledger}: the database refused the operation ({text}); nothing was changed"
    if isinstance(exc, OverflowError):
        return "a number is too large for the ledger to hold; nothing was changed"
    if isinstance(exc, MemoryError):
        return "out of memory; nothing was changed"
    return f"unexpected {type(exc).__name__}: {exc}; nothing was changed"
