"""A ledger written by the previous release opens: optional serials, invalidations, and a
change log that still replays to the tables."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tracker.services.demo import load_demo
from tracker.store import queries
from tracker.store.database import configure, open_database
from tracker.store.log_verify import verify_log
from tracker.store.migrations import migrations


def _previous_release_ledger(path: Path) -> dict[str, list[tuple]]:
    db = sqlite_utils.Database(path)
    configure(db, on_disk=True)
    migrations.apply(db, stop_before="m003_credit_lifecycle")
    with db.atomic():
        db.execute(
            "insert into contracts (reference, buyer, supplier, method, credit_type, registry, "
            "tonnes_kg, price, currency, start_on, end_on, status) values ('OLD-1', 'B', 'S', "
            "'dac', 'removal', 'acr', 1000000, 5000000, 'USD', '2025-01-01', '2027-12-31', "
            "'active')"
        )
        db.execute(
            "insert into deliveries (contract_id, delivered_on, tonnes_kg, vintage, registry, "
            "serial_block, serial_prefix, serial_start, serial_end, serial_template, "
            "verification_status) values (1, '2025-06-30', 100000, 2025, 'acr', "
            "'ACR-1-1 to 100', 'ACR-1', 1, 100, 'ACR-1-{start} to {end}', 'verified')"
        )
        db.execute(
            "insert into retirements (contract_id, delivery_id, retired_on, tonnes_kg, "
            "serial_block, serial_prefix, serial_start, serial_end, purpose) values "
            "(1, 1, '2025-09-30', 10000, 'ACR-1-1 to 10', 'ACR-1', 1, 10, 'other')"
        )
        db.execute(
            "insert into verifications (delivery_id, verifier, verified_on, outcome) "
            "values (1, 'V', '2025-07-01', 'verified')"
        )
        from tracker.store import change_log

        for table in ("contracts", "deliveries", "retirements", "verifications"):
            change_log.log_baseline(db, table)
    kept = {
        t: db.execute(f"select * from {t} order by id").fetchall()
        for t in ("deliveries", "retirements", "verifications")
    }
    db.close()
    return kept


def test_the_previous_release_ledger_keeps_every_row_and_a_valid_log(db_path: Path) -> None:
    before = _previous_release_ledger(db_path)
    db = open_database(db_path)
    # each row also gains its uid (m007), the last column
    retirements = db.execute("select * from retirements order by id").fetchall()
    assert [r[:-1] for r in retirements] == before["retirements"]
    verifications = db.execute("select * from verifications").fetchall()
    assert [r[:-1] for r in verifications] == before["verifications"]
    (delivery,) = db.execute("select * from deliveries").fetchall()
    assert delivery[:-2] == before["deliveries"][0]  # plus tranche_due_on, empty
    assert delivery[-2] is None
    assert verify_log(db).ok
    db.close()


def test_after_the_migration_foreign_keys_still_hold(db_path: Path) -> None:
    _previous_release_ledger(db_path)
    db = open_database(db_path)
    assert db.execute("pragma foreign_key_check").fetchall() == []
    targets = {row[2] for row in db.execute("pragma foreign_key_list(retirements)")}
    assert targets == {"contracts", "deliveries"}
    db.close()


def test_a_migrated_ledger_records_deliveries_awaiting_serials(db_path: Path) -> None:
    _previous_release_ledger(db_path)
    db = open_database(db_path)
    load_demo(db)
    assert any(d.block is None for d in queries.deliveries(db))
    assert verify_log(db).ok
    db.close()
