"""Ledgers created before the audit migration open, and their rows become the log's baseline."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tracker.store import change_log
from tracker.store.database import configure, open_database
from tracker.store.log_verify import verify_log
from tracker.store.migrations import migrations


def _old_ledger(path: Path) -> None:
    db = sqlite_utils.Database(path)
    configure(db, on_disk=True)
    migrations.apply(db, stop_before="m002_audit")
    with db.atomic():
        db.execute(
            "insert into contracts (reference, buyer, supplier, method, credit_type, registry, "
            "tonnes_kg, price, currency, start_on, end_on, status) values ('OLD-1', 'B', 'S', "
            "'dac', 'removal', 'acr', 1000000, 5000000, 'USD', '2025-01-01', '2027-12-31', "
            "'active')"
        )
        db.execute(
            "insert into tranches (contract_id, due_on, tonnes_kg) values (1, '2025-12-31', 500000)"
        )
    db.close()


def test_an_old_ledger_opens_and_its_rows_are_logged_as_a_baseline(db_path: Path) -> None:
    _old_ledger(db_path)
    db = open_database(db_path)
    baseline = [e for e in change_log.entries(db) if e.table_name in ("contracts", "tranches")]
    assert [(e.action, e.table_name, e.record_id) for e in baseline] == [
        ("baseline", "contracts", 1),
        ("baseline", "tranches", 1),
        ("baseline", "contracts", 1),  # again when m003 adds registry_project_ids
        ("baseline", "contracts", 1),  # and when m007 adds uid
        ("baseline", "tranches", 1),
    ]
    assert verify_log(db).ok
    db.close()


def test_default_thresholds_are_in_a_new_ledger(db: sqlite_utils.Database) -> None:
    stored = dict(db.execute("select key, value from settings").fetchall())
    assert stored == {
        "unverified_stale_days": "90",
        "shortfall_pct": "25",
        "vintage_age_years": "5",
        "claim_lag_months": "12",
        "price_tolerance_pct": "5",
    }
