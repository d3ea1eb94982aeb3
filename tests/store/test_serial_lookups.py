"""An import's "who holds these serials (or this registry reference) already?" seeks an
index: one row of a registry or verification file must not read every delivery or
retirement of the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery, raw_retirement
from tests.factories import make_contract
from tests.store.plan_support import query_plans
from tracker.domain.serials import CreditBatch, SerialBlock
from tracker.store import lookups, queries, reconcile_reads
from tracker.store.database import configure, open_database
from tracker.store.migrations import migrations

PREFIX = "ACR-US-1-2025-1"


def _block(start: int, end: int) -> SerialBlock:
    return SerialBlock(PREFIX, start, end, f"{PREFIX}-{{start}} to {{end}}")


def _batch_delivery(db: sqlite_utils.Database, contract: int, ident: str, registry: str) -> int:
    with db.atomic():
        cursor = db.execute(
            "insert into deliveries (contract_id, delivered_on, tonnes_kg, vintage, registry, "
            "serial_block, verification_status, verifier, verified_on, reference) "
            "values (?, '2025-06-30', 5000, 2025, ?, ?, 'verified', 'V', '2025-07-01', '')",
            [contract, registry, ident],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _batch_retirement(db: sqlite_utils.Database, delivery: int, ident: str) -> int:
    contract = db.execute("select contract_id from deliveries where id = ?", [delivery]).fetchone()
    with db.atomic():
        cursor = db.execute(
            "insert into retirements (contract_id, delivery_id, retired_on, tonnes_kg, "
            "serial_block, beneficiary, purpose, registry_reference) "
            "values (?, ?, '2025-09-30', 5000, ?, 'Buyer Co', 'corporate-target', '')",
            [contract[0], delivery, ident],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    first = make_contract(db, reference="C-1")
    second = make_contract(db, reference="C-2")
    for n in range(1, 30):
        delivery = raw_delivery(db, first if n % 2 else second, n * 1000, n * 1000 + 99)
        raw_retirement(db, delivery, n * 1000, n * 1000 + 9)
    batch = _batch_delivery(db, second, "PURO-BATCH-0001", "puro")
    _batch_retirement(db, batch, "PURO-BATCH-0001")
    return db


def test_a_delivery_is_found_by_its_serials_through_the_serial_index(
    ledger: sqlite_utils.Database,
) -> None:
    found = lookups.holders_of(ledger, "deliveries", _block(7000, 7099))
    assert [(h.reference) for h in found] == ["C-1"]
    plan = query_plans(ledger, lambda: lookups.holders_of(ledger, "deliveries", _block(7000, 7099)))
    assert any("USING INDEX deliveries_serials (registry=? AND serial_prefix=?" in p for p in plan)
    assert "SCAN t" not in plan


def test_a_delivered_batch_is_found_through_the_batch_index(
    ledger: sqlite_utils.Database,
) -> None:
    batch = CreditBatch("PURO-BATCH-0001")
    assert [h.reference for h in lookups.holders_of(ledger, "deliveries", batch)] == ["C-2"]
    plan = query_plans(ledger, lambda: lookups.holders_of(ledger, "deliveries", batch))
    assert any("USING INDEX deliveries_batch (registry=? AND serial_block=?)" in p for p in plan)


def test_retirements_are_found_by_range_and_by_batch_through_their_indexes(
    ledger: sqlite_utils.Database,
) -> None:
    assert [h.reference for h in lookups.holders_of(ledger, "retirements", _block(8000, 8009))] == [
        "C-2"
    ]
    batch = CreditBatch("PURO-BATCH-0001")
    assert [h.reference for h in lookups.holders_of(ledger, "retirements", batch)] == ["C-2"]
    plan = query_plans(
        ledger, lambda: lookups.holders_of(ledger, "retirements", _block(8000, 8009))
    )
    assert any("USING INDEX retirements_serials" in p for p in plan)
    plan = query_plans(ledger, lambda: lookups.holders_of(ledger, "retirements", batch))
    assert any("USING INDEX retirements_batch (serial_block=?)" in p for p in plan)
    assert "SCAN t" not in plan


def test_a_retirement_is_found_by_its_registry_reference_through_an_index(
    ledger: sqlite_utils.Database,
) -> None:
    with ledger.atomic():
        ledger.execute("update retirements set registry_reference = 'VCS-RET-77' where id = 5")
    found = lookups.retirement_with_registry_reference(ledger, "VCS-RET-77")
    assert found is not None
    assert found.id == 5
    assert lookups.retirement_with_registry_reference(ledger, "VCS-RET-78") is None
    plan = query_plans(ledger, lambda: [lookups.retirement_with_registry_reference(ledger, "X")])
    assert any("USING INDEX retirements_registry_reference" in p for p in plan)
    assert "SCAN r" not in plan


def test_a_delivery_is_found_by_its_registry_reference_through_an_index(
    ledger: sqlite_utils.Database,
) -> None:
    with ledger.atomic():
        ledger.execute("update deliveries set reference = 'TX-77' where serial_start = 3000")
        ledger.execute(
            "update deliveries set reference = 'TX-78', registry = 'zz-local' "
            "where serial_start in (4000, 5000)"
        )
    assert queries.delivery_ids_with_reference(ledger, "TX-77") == [3]
    assert queries.delivery_ids_with_reference(ledger, "TX-78") == [4, 5]
    assert queries.delivery_ids_with_reference(ledger, "TX-79") == []
    plan = query_plans(ledger, lambda: queries.delivery_ids_with_reference(ledger, "TX-77"))
    assert any("USING COVERING INDEX deliveries_reference (registry=? AND reference=?)" in p
               for p in plan)  # fmt: skip
    assert "SCAN deliveries" not in plan


def test_a_reconciled_block_is_sought_through_the_serial_indexes(
    ledger: sqlite_utils.Database,
) -> None:
    refs = queries.contract_references(ledger)
    block = _block(12_005, 12_008)
    for table in ("deliveries", "retirements"):

        def overlapping(table: str = table) -> list[reconcile_reads.Local]:
            return reconcile_reads.overlapping(ledger, refs, None, table, block)

        assert [(r.table, r.block.start) for r in overlapping()] == [(table, 12_000)]
        assert "SCAN t" not in query_plans(ledger, overlapping)


def test_serials_that_nobody_holds_are_not_found(ledger: sqlite_utils.Database) -> None:
    assert lookups.holders_of(ledger, "deliveries", _block(7000, 7098)) == []
    assert lookups.holders_of(ledger, "retirements", CreditBatch("PURO-BATCH-0002")) == []
    assert queries.deliveries_containing(ledger, _block(90_000, 90_001)) == []


def test_a_registry_written_by_another_program_is_still_sought(
    ledger: sqlite_utils.Database,
) -> None:
    with ledger.atomic():
        ledger.execute("update deliveries set registry = 'zz-local' where serial_start = 7000")
    [held] = lookups.holders_of(ledger, "deliveries", _block(7000, 7099))
    assert held.reference == "C-1"
    [containing] = queries.deliveries_containing(ledger, _block(7010, 7020))
    assert containing["reference"] == "C-1"


def test_a_block_inside_a_delivery_is_found_through_the_serial_index(
    ledger: sqlite_utils.Database,
) -> None:
    [containing] = queries.deliveries_containing(ledger, _block(9010, 9020))
    assert containing["serial_start"] == 9000
    plan = query_plans(ledger, lambda: queries.deliveries_containing(ledger, _block(9010, 9020)))
    assert any("USING INDEX deliveries_serials (registry=? AND serial_prefix=?" in p for p in plan)
    assert "SCAN d" not in plan


def test_a_previous_release_ledger_gains_the_retirement_lookup_indexes(tmp_path: Path) -> None:
    path = tmp_path / "previous.db"
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m015_retirement_lookup_indexes")
    contract = make_contract(old)
    batch = _batch_delivery(old, contract, "PURO-BATCH-0009", "puro")
    _batch_retirement(old, batch, "PURO-BATCH-0009")
    assert "retirements_batch" not in {index.name for index in old["retirements"].indexes}
    old.close()

    db = open_database(path, create=False)

    names = {index.name for index in db["retirements"].indexes}
    assert {"retirements_batch", "retirements_registry_reference"} <= names
    [held] = lookups.holders_of(db, "retirements", CreditBatch("PURO-BATCH-0009"))
    assert held.id == 1
