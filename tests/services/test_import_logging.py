"""A tracker CSV import is logged as its row writes followed by one summary entry."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.factories import make_contract
from tracker.domain.errors import ImportRefused
from tracker.services import tracker_csv
from tracker.store import change_log
from tracker.store.log_verify import verify_log

SCHEDULE = "contract,due_on,tonnes,vintage,price_per_tonne\nC-1,2025-12-31,100,2025,\n"


def test_an_import_ends_with_a_summary_entry(db: sqlite_utils.Database) -> None:
    make_contract(db)
    tracker_csv.import_text(db, "schedule", SCHEDULE, "/data/schedule.csv")
    last, before = change_log.entries(db, newest_first=True, limit=2)
    assert (last.action, last.table_name, last.after) == (
        "import",
        "schedule",
        {"file": "schedule.csv", "added": 1, "unchanged": 0},
    )
    assert (before.action, before.table_name) == ("insert", "tranches")
    assert verify_log(db).ok


def test_a_refused_import_logs_nothing(db: sqlite_utils.Database) -> None:
    make_contract(db)
    entries = len(change_log.entries(db))
    bad = SCHEDULE + "C-9,2025-12-31,100,2025,\n"
    with pytest.raises(ImportRefused):
        tracker_csv.import_text(db, "schedule", bad, "schedule.csv")
    assert len(change_log.entries(db)) == entries
