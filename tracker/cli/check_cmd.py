"""`check-db`: the plain-words health report of the ledger file."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tracker.store.check import check_database


def run_check_db(db: sqlite_utils.Database, path: Path) -> int:
    report = check_database(db)
    print(f"Checking {path}")
    print(report.describe())
    return 0 if report.ok else 1
