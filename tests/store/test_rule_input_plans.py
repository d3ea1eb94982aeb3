"""Rules that look for a few deliveries read them through an index, not every delivery;
and they find the same deliveries the rule's own condition names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery, raw_retirement
from tests.factories import make_contract
from tests.store.plan_support import query_plans
from tracker.store import holdings, positions
from tracker.store import rule_inputs as inputs
from tracker.store import rule_inputs_serials as serials
from tracker.store.database import configure, open_database
from tracker.store.migrations import migrations

AS_OF = dt.date(2027, 1, 1)


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    contract = make_contract(db)  # term 2025-01-01 to 2027-12-31
    for n in range(1, 40):
        raw_delivery(db, contract, n * 1000, n * 1000 + 99)
    with db.conn:
        db.execute(  # a block of 100 serials recorded as 90 t
            "update deliveries set tonnes_kg = 90000 where serial_start = 5000"
        )
        db.execute("update deliveries set verified_on = '2024-01-01' where serial_start = 6000")
        db.execute(
            "update deliveries set serial_block = null, serial_prefix = null, "
            "serial_start = null, serial_end = null where serial_start = 7000"
        )
        db.execute("update deliveries set delivered_on = '2024-06-30' where serial_start = 8000")
    return db


CASES = {
    "serial count differs from tonnes": (
        lambda db: serials.serial_count_mismatches(db, AS_OF),
        "deliveries_count_mismatch",
        5000,
    ),
    "verified before delivered": (
        lambda db: inputs.verified_before_delivered(db, AS_OF),
        "deliveries_verified_early",
        6000,
    ),
    "awaiting serials": (
        lambda db: inputs.awaiting_serials(db, AS_OF),
        "deliveries_awaiting",
        None,
    ),
    "delivered outside the term": (
        lambda db: inputs.delivered_outside_term(db, AS_OF),
        "deliveries_contract",
        8000,
    ),
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_rule_reads_its_deliveries_through_an_index(
    ledger: sqlite_utils.Database, case: str
) -> None:
    call, index, _start = CASES[case]

    plans = query_plans(ledger, lambda: call(ledger))

    assert any(index in line for line in plans)
    assert "SCAN d" not in plans  # no delivery read that the index leaves out


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_rule_finds_exactly_the_delivery_at_fault(
    ledger: sqlite_utils.Database, case: str
) -> None:
    call, _index, start = CASES[case]

    found = [row["id"] for row in call(ledger)]

    expected = ledger.execute(
        "select id from deliveries where serial_start is ?", [start]
    ).fetchall()
    assert found == [r[0] for r in expected]


def test_the_invalidated_deliveries_are_read_from_their_invalidations(
    ledger: sqlite_utils.Database,
) -> None:
    """A few invalidations, then their deliveries: not every delivery probed for one."""
    delivery = ledger.execute("select id from deliveries where serial_start = 9000").fetchone()[0]
    with ledger.conn:
        ledger.execute(
            "insert into invalidations (contract_id, delivery_id, invalidated_on, tonnes_kg, "
            "reason) select contract_id, id, '2026-01-01', 1000, 'reversal' from deliveries "
            "where id = ?",
            [delivery],
        )

    plans = query_plans(ledger, lambda: holdings.invalidated_deliveries(ledger, AS_OF))
    found = holdings.invalidated_deliveries(ledger, AS_OF)

    assert [row["id"] for row in found] == [delivery]
    assert not any(line.startswith("SCAN d") for line in plans), plans


def test_deliveries_outside_the_term_are_read_as_two_ranges_of_each_contract(
    ledger: sqlite_utils.Database,
) -> None:
    """Before the start and after the end, each a range of the contract index: not
    every delivery made by the date read to compare its date with the term."""
    with ledger.conn:
        ledger.execute(
            "update deliveries set delivered_on = '2028-03-01' where serial_start = 9000"
        )
    as_of = dt.date(2029, 1, 1)

    plans = query_plans(ledger, lambda: inputs.delivered_outside_term(ledger, as_of))
    found = [row["serial_block"] for row in inputs.delivered_outside_term(ledger, as_of)]

    assert [block.split("-")[-1] for block in found] == ["8000 to 8099", "9000 to 9099"]
    assert any("(contract_id=? AND delivered_on<?)" in line for line in plans)
    assert any("(contract_id=? AND delivered_on>?)" in line for line in plans)


def test_stale_deliveries_of_settled_contracts_are_read_through_the_pending_index(
    ledger: sqlite_utils.Database,
) -> None:
    """Every contract settled by the date: the pending deliveries through their index,
    not every delivery read to work out its status."""
    with ledger.conn:
        ledger.execute("update deliveries set verification_status = 'pending', verified_on = null "
                       "where serial_start = 3000")  # fmt: skip
        positions.refresh(ledger)

    plans = query_plans(ledger, lambda: inputs.stale_unverified(ledger, AS_OF, 90))
    found = [row["serial_block"] for row in inputs.stale_unverified(ledger, AS_OF, 90)]

    assert [block.split("-")[-1] for block in found] == ["3000 to 3099"]
    assert any("deliveries_pending" in line for line in plans)
    assert not any(line.startswith("SCAN d") for line in plans), plans


def _over_retire(db: sqlite_utils.Database) -> int:
    """Two retirements from the delivery of serials 4000 to 4099 (100 t), 120 t in all,
    and one within another delivery's: the first delivery's id."""
    delivery = db.execute("select id from deliveries where serial_start = 4000").fetchone()[0]
    other = db.execute("select id from deliveries where serial_start = 2000").fetchone()[0]
    raw_retirement(db, delivery, 4000, 4069)
    raw_retirement(db, delivery, 4030, 4079)
    raw_retirement(db, other, 2000, 2009)
    return int(delivery)


def test_over_retired_deliveries_sum_their_retirements_from_the_index_alone(
    ledger: sqlite_utils.Database,
) -> None:
    """What was retired from each delivery by the date, summed from the index of
    retirements by delivery (which holds their dates and tonnes): no retirement's row read."""
    delivery = _over_retire(ledger)

    plans = query_plans(ledger, lambda: serials.over_retired_deliveries(ledger, AS_OF))
    [found] = serials.over_retired_deliveries(ledger, AS_OF)

    assert (found["id"], found["retired_kg"], found["n"]) == (delivery, 120_000, 2)
    assert any("USING COVERING INDEX retirements_delivery" in line for line in plans), plans


def test_over_retired_deliveries_count_only_what_was_retired_by_the_date(
    ledger: sqlite_utils.Database,
) -> None:
    _over_retire(ledger)

    assert list(serials.over_retired_deliveries(ledger, dt.date(2025, 9, 29))) == []


def test_a_previous_release_ledger_gains_the_covering_index_of_retirements(
    tmp_path: Path,
) -> None:
    path = tmp_path / "previous.db"
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m016_retirements_delivery_covering")
    contract = make_contract(old)
    delivery = raw_delivery(old, contract, 4000, 4099)
    raw_retirement(old, delivery, 4000, 4069)
    raw_retirement(old, delivery, 4030, 4079)
    [index] = [i for i in old["retirements"].indexes if i.name == "retirements_delivery"]
    assert index.columns == ["delivery_id", "serial_start"]
    old.close()

    db = open_database(path, create=False)

    [index] = [i for i in db["retirements"].indexes if i.name == "retirements_delivery"]
    assert index.columns == ["delivery_id", "serial_start", "retired_on", "tonnes_kg"]
    [found] = serials.over_retired_deliveries(db, AS_OF)
    assert (found["id"], found["retired_kg"]) == (delivery, 120_000)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
