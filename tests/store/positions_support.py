"""Helpers of the kept-totals tests: the summary with nothing kept read, and how much
work SQLite does for a call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlite_utils

from tracker.services.summary import ContractSummary, portfolio_summary
from tracker.store import positions


def summed_summary(db: sqlite_utils.Database, as_of: dt.date) -> list[ContractSummary]:
    """The summary with every contract summed from its records (no kept row read)."""
    with db.conn:
        positions.note_all(db)
    try:
        return portfolio_summary(db, as_of)
    finally:
        with db.conn:
            positions.refresh(db)


def sqlite_work(db: sqlite_utils.Database, call: Callable[[], object]) -> int:
    """SQLite virtual-machine steps (in thousands) that ``call`` takes on ``db``."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    db.conn.set_progress_handler(count, 1_000)
    try:
        call()
    finally:
        db.conn.set_progress_handler(None, 0)
    return steps[0]
