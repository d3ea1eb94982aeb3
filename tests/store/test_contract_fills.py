"""Kept tranche allocations (``contract_fills``): what the rules and the schedule read for
a settled contract instead of its deliveries, always the allocation of its deliveries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tests.store.positions_support import add_random_records, nothing_kept, sqlite_work
from tracker.services.fulfilment import folded_fulfilments
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import contract_fills
from tracker.store.check import check_database
from tracker.store.database import configure, open_database
from tracker.store.migrations import migrations
from tracker.store.unit_of_work import UnitOfWork

DATES = [dt.date(2021, 6, 30), dt.date(2024, 3, 15), dt.date(2026, 6, 30), dt.date(2031, 1, 1)]


def _allocated(db: sqlite_utils.Database, as_of: dt.date) -> list[object]:
    return [(c.id, filled, mismatched) for c, filled, mismatched in folded_fulfilments(db, as_of)]


def _allocated_afresh(db: sqlite_utils.Database, as_of: dt.date) -> list[object]:
    """The allocation with no kept one read (every contract noted), then kept again."""
    with nothing_kept(db):
        return _allocated(db, as_of)


def _ledger(seed: int) -> sqlite_utils.Database:
    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=5, deliveries=500, retirements=100, seed=seed))
    add_random_records(db, seed)  # raw: named and priced tranches, verifications, …
    with db.conn:
        db.execute(
            "update deliveries set tranche_due_on = '2025-12-31' where id in "
            "(select d.id from deliveries d join tranches t on t.contract_id = d.contract_id "
            "and t.due_on = '2025-12-31' order by d.id limit 40)"
        )
    with UnitOfWork(db):  # any unit of work brings the kept allocations up to date
        pass
    return db


@pytest.fixture(scope="module")
def ledger() -> sqlite_utils.Database:
    return _ledger(seed=17)


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_the_kept_allocation_is_the_allocation_of_the_deliveries(
    ledger: sqlite_utils.Database, as_of: dt.date
) -> None:
    assert _allocated(ledger, as_of) == _allocated_afresh(ledger, as_of)


def test_every_contract_is_kept_and_settled_ones_are_read(ledger: sqlite_utils.Database) -> None:
    contracts = ledger.execute("select count(*) from contracts").fetchone()[0]
    assert ledger.execute("select count(*) from contract_fills").fetchone()[0] == contracts
    assert len(contract_fills.usable(ledger, dt.date(2031, 1, 1))) == contracts
    assert contract_fills.disagreeing(ledger) == []


def test_a_settled_allocation_does_not_grow_with_the_deliveries() -> None:
    small, large = open_database(":memory:"), open_database(":memory:")
    write_ledger(small, Spec(contracts=4, deliveries=200, retirements=20, seed=2))
    write_ledger(large, Spec(contracts=4, deliveries=4_000, retirements=400, seed=2))
    as_of = dt.date(2031, 1, 1)

    def work(db: sqlite_utils.Database) -> int:
        return sqlite_work(db, lambda: list(folded_fulfilments(db, as_of)))

    assert work(large) <= work(small) + 2


@pytest.mark.parametrize(
    "write",
    [
        "update deliveries set tonnes_kg = tonnes_kg + 7 where id = :delivery",
        "update deliveries set tranche_due_on = '2026-06-30' where id = :delivery",
        "update deliveries set delivered_on = '2025-01-02' where id = :delivery",
        "update deliveries set vintage = 2019 where id = :delivery",
        "update deliveries set id = 777 where id = :delivery",
        "insert into verifications (delivery_id, verified_on, outcome) "
        "values (:delivery, '2025-08-01', 'failed')",
        "insert into tranches (contract_id, due_on, tonnes_kg, vintage) "
        "values (:contract, '2026-06-30', 50000, 2019)",
        "update contracts set end_on = '2026-12-31' where id = :contract",
    ],
)
def test_a_write_outside_the_unit_of_work_is_never_read_stale(
    db: sqlite_utils.Database, write: str
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract, vintage="2024")
    make_delivery(db, contract, serial_block="ACR-US-1-2025-2-1 to 100", reference="TX-2")
    as_of = dt.date(2031, 1, 1)
    before = _allocated(db, as_of)
    with db.conn:
        db.execute(write, {"contract": contract, "delivery": delivery})

    after = _allocated(db, as_of)

    assert after == _allocated_afresh(db, as_of)
    assert after != before


def test_a_kept_allocation_for_another_schedule_is_not_read(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    as_of = dt.date(2031, 1, 1)
    with db.conn:  # kept for a schedule the contract no longer has
        db.execute(
            "update contract_fills set schedule_json = '[]', "
            'fills_json = \'{"fills":[],"beyond":[]}\''
        )

    assert _allocated(db, as_of) == _allocated_afresh(db, as_of)


def test_check_db_finds_a_wrong_kept_allocation_and_recomputes_it(
    db: sqlite_utils.Database,
) -> None:
    first, second = make_contract(db), make_contract(db, reference="C-2")
    make_delivery(db, first)
    make_delivery(db, second, serial_block="ACR-US-1-2025-2-1 to 100", reference="TX-2")
    kept = db.execute(
        "select fills_json from contract_fills where contract_id = ?", [first]
    ).fetchone()[0]
    with db.conn:  # written outside the app
        db.execute(
            "update contract_fills set fills_json = ? where contract_id = ?",
            [kept.replace("100000", "99000"), first],
        )
        db.execute("insert into contract_fills values (999, '[]', '{}', '[]')")

    report = check_database(db)

    assert report.stale_fills == [first, 999]
    assert "check.stale_contract_fills" in [f.code for f in report.findings]
    assert "recomputed" in report.describe()
    assert contract_fills.disagreeing(db) == []
    assert (
        db.execute(
            "select fills_json from contract_fills where contract_id = ?", [first]
        ).fetchone()[0]
        == kept
    )


def test_a_ledger_of_the_previous_release_gets_every_allocation_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m011_contract_fills")
    write_ledger(old, Spec(contracts=3, deliveries=200, retirements=40, seed=4))
    add_random_records(old, 4)
    old.close()

    db = open_database(path)

    assert db.execute("select count(*) from contract_fills").fetchone()[0] == 3
    assert contract_fills.disagreeing(db) == []
    for as_of in DATES:
        assert _allocated(db, as_of) == _allocated_afresh(db, as_of)
    db.close()
