"""Anchoring the change log: the head written beside an export, read from a backup.

A receipt (``FILE.receipt.json`` next to a CSV export) records the ledger's
log head when the file was written; a backup holds the log itself.  Either
gives ``verify-log --against`` an :class:`Anchor` to check the live log against.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from tracker.domain.errors import TrackerError
from tracker.store.log_verify import Anchor, head, parse_anchor


def receipt_path(export: Path) -> Path:
    return export.with_name(export.name + ".receipt.json")


def write_receipt(db: sqlite_utils.Database, export: Path, ledger: Path | None) -> Path:
    """Record the log head beside ``export`` (0600)."""
    anchor = head(db)
    target = receipt_path(export)
    data = {"ledger": str(ledger) if ledger else "", "file": export.name, "head": str(anchor)}
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
    return target


def anchor_from(path: Path) -> Anchor:
    """The head recorded in a receipt, or the head of a backup's log."""
    from tracker.store.database import DatabaseError, _read_only_connection, inspect

    if path.name.endswith(".json"):
        try:
            return parse_anchor(json.loads(path.read_text(encoding="utf-8"))["head"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise TrackerError(f"{path}: not a readable receipt ({exc})") from None
    try:
        inspect(path)
        conn = _read_only_connection(path)
    except (DatabaseError, sqlite3.Error) as exc:
        raise TrackerError(f"{path}: cannot be used as a backup ({exc})") from None
    try:
        return head(sqlite_utils.Database(conn))
    finally:
        conn.close()
