"""The cross-contract rules evaluated for a few serial partitions and keys read those
through the serial indexes, not every block of the ledger."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from tests.audit_factories import raw_delivery, raw_retirement
from tests.factories import make_contract
from tracker.store import rule_inputs_serials as serials
from tracker.store.serial_scope import serial_scope

AS_OF = dt.date(2027, 1, 1)


def _plans(db: sqlite_utils.Database, call: object) -> str:
    """The query plans of the statements ``call`` runs, one text."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        list(call())  # type: ignore[operator]
    finally:
        db.conn.set_trace_callback(None)
    found = []
    for sql in statements:
        found += [r[3] for r in db.conn.execute(f"explain query plan {sql}")]
    return " / ".join(found)


def _ledger(db: sqlite_utils.Database) -> tuple[int, int]:
    first, second = make_contract(db, reference="C-1"), make_contract(db, reference="C-2")
    earlier = raw_delivery(db, first, 1, 100, reference="REF-1")
    later = raw_delivery(db, second, 50, 150, reference="REF-1")
    raw_retirement(db, earlier, 60, 70)
    raw_retirement(db, later, 65, 68)
    for n in range(2, 40):  # other partitions
        raw_delivery(db, second, 1, 10, prefix=f"ACR-US-{n}-2025-1", reference=f"R-{n}")
    return first, second


def test_a_scope_names_the_partitions_and_keys_of_its_contracts(
    db: sqlite_utils.Database,
) -> None:
    first, _second = _ledger(db)
    scope = serial_scope(db, {first}, (), (), ())
    assert scope.delivery_parts == '[["acr", "ACR-US-1-2025-1"]]'
    assert scope.retirement_parts == '[["acr", "ACR-US-1-2025-1"]]'
    assert scope.blocks == '[["acr", "ACR-US-1-2025-1", 1, 100]]'
    assert scope.references == '[["acr", "REF-1"]]'


def test_the_scoped_rules_find_what_the_whole_finds_there(db: sqlite_utils.Database) -> None:
    first, _second = _ledger(db)
    scope = serial_scope(db, {first}, (), (), ())
    for read in (serials.delivery_overlaps, serials.retirement_overlaps,
                 serials.duplicate_deliveries):  # fmt: skip
        whole = list(read(db, AS_OF))
        assert whole
        assert list(read(db, AS_OF, scope)) == whole


def test_the_scoped_rules_read_through_the_serial_indexes(db: sqlite_utils.Database) -> None:
    first, _second = _ledger(db)
    scope = serial_scope(db, {first}, (), (), ())
    plan = _plans(db, lambda: serials.delivery_overlaps(db, AS_OF, scope))
    assert "SEARCH d USING INDEX deliveries_serials (registry=? AND serial_prefix=?)" in plan
    plan = _plans(db, lambda: serials.retirement_overlaps(db, AS_OF, scope))
    assert "SEARCH r USING INDEX retirements_serials (serial_prefix=?" in plan
    plan = _plans(db, lambda: serials.duplicate_deliveries(db, AS_OF, scope))
    assert "SCAN d" not in plan.replace("SCAN d USING INTEGER PRIMARY KEY", "")
