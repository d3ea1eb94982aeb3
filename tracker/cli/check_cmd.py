"""`check-db`: the plain-words health report of the ledger file."""

from __future__ import annotations

from pathlib import Path

from tracker.store.check import check_database
from tracker.store.ledger import Ledger


def run_check_db(db: Ledger, path: Path) -> int:
    report = check_database(db)
    print(f"Checking {path}")
    print(report.describe())
    return 0 if report.ok else 1
