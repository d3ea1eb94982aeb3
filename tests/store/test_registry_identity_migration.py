"""A ledger written before contracts had registry project ids opens, upgraded in place."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from tests.factories import make_contract
from tracker.store import queries
from tracker.store.database import configure, open_database
from tracker.store.log_verify import verify_log
from tracker.store.migrations import migrations


def _ledger_before(path: Path, migration: str) -> None:
    db = sqlite_utils.Database(path)
    configure(db, on_disk=True)
    migrations.apply(db, stop_before=migration)
    db.close()


def test_an_older_ledger_opens_with_contracts_without_project_ids(db_path: Path) -> None:
    _ledger_before(db_path, "m003_registry_identity")
    db = open_database(db_path)
    make_contract(db, reference="NEW-1", registry_project_ids="ACR1129; 1130")
    found = queries.contract_by_reference(db, "NEW-1")
    assert found is not None
    assert found.registry_project_ids == ("ACR1129", "1130")
    db.close()


def test_existing_contracts_get_no_project_ids_and_the_change_log_still_verifies(
    db_path: Path,
) -> None:
    _ledger_before(db_path, "m002_audit")
    old = sqlite_utils.Database(db_path)
    with old.conn:
        old.execute(
            "insert into contracts (reference, buyer, supplier, method, credit_type, registry, "
            "tonnes_kg, price, currency, start_on, end_on, status) values ('OLD-1', 'B', 'S', "
            "'dac', 'removal', 'acr', 1000000, 5000000, 'USD', '2025-01-01', '2027-12-31', "
            "'active')"
        )
    old.close()

    db = open_database(db_path)

    contract = queries.contract_by_reference(db, "OLD-1")
    assert contract is not None
    assert contract.registry_project_ids == ()
    assert verify_log(db).ok
    db.close()
