"""Rules that look for a few deliveries read them through an index, not every delivery;
and they find the same deliveries the rule's own condition names."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery
from tests.factories import make_contract
from tests.store.plan_support import query_plans
from tracker.store import holdings, positions
from tracker.store import rule_inputs as inputs
from tracker.store import rule_inputs_serials as serials

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
