"""The ledger connection as the layers above the store name it.

Modules above ``tracker.store`` annotate with :data:`Ledger` instead of importing
``sqlite_utils`` or ``sqlite3`` themselves (``tests/test_layering.py`` holds them to
it), so the connection type can change in one place.  Likewise they catch
:data:`LedgerError`, not ``sqlite3.Error``.
"""

from __future__ import annotations

import sqlite3
from typing import TypeAlias

import sqlite_utils

Ledger: TypeAlias = sqlite_utils.Database
"""SQLite store through sqlite-utils: connection policy, migrations, row mapping."""

LedgerError: TypeAlias = sqlite3.Error
"""What the connection raises when SQLite refuses or fails (every SQLite error class)."""


def data_version(db: Ledger) -> int | None:
    """A number that changes whenever another connection commits to the ledger file
    (SQLite's ``data_version``); None when the connection cannot say (e.g. closed)."""
    try:
        return int(db.execute("PRAGMA data_version").fetchone()[0])
    except sqlite3.Error:
        return None
