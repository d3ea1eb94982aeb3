"""Kept contract totals (``contract_positions``): what a summary reads instead of every
delivery, always equal to summing the deliveries, whoever wrote them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import delivery_data, make_contract, make_delivery
from tests.store.positions_support import add_random_records, sqlite_work, summed_summary
from tracker.domain.messages import msg, render
from tracker.services.deliveries import update_delivery
from tracker.services.schedule import add_tranche
from tracker.services.summary import portfolio_summary
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import positions, record_views
from tracker.store.check import check_database
from tracker.store.database import configure, open_database
from tracker.store.migrations import migrations
from tracker.store.unit_of_work import UnitOfWork

DATES = [dt.date(2021, 6, 30), dt.date(2024, 3, 15), dt.date(2026, 6, 30), dt.date(2031, 1, 1)]


@pytest.fixture(scope="module")
def ledger() -> sqlite_utils.Database:
    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=6, deliveries=600, retirements=150, seed=5))
    add_random_records(db, 17)
    with UnitOfWork(db):  # any unit of work brings the kept totals up to date
        pass
    return db


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_the_summary_from_kept_totals_equals_summing_the_deliveries(
    ledger: sqlite_utils.Database, as_of: dt.date
) -> None:
    assert portfolio_summary(ledger, as_of) == summed_summary(ledger, as_of)


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_one_contract_s_summary_is_its_row_of_the_portfolio(
    ledger: sqlite_utils.Database, as_of: dt.date
) -> None:
    whole = {s.contract_id: s for s in summed_summary(ledger, as_of)}
    for contract_id, expected in whole.items():
        assert portfolio_summary(ledger, as_of, contract_id) == [expected]


def test_kept_totals_are_read_once_a_contract_is_settled(ledger: sqlite_utils.Database) -> None:
    settled = ledger.execute(
        "select count(*) from contract_positions where settled_through <= '2031-01-01'"
    ).fetchone()[0]
    assert settled == ledger.execute("select count(*) from contracts").fetchone()[0]
    assert positions.disagreeing(ledger) == []


def test_a_settled_summary_does_not_grow_with_the_deliveries() -> None:
    small, large = open_database(":memory:"), open_database(":memory:")
    write_ledger(small, Spec(contracts=4, deliveries=200, retirements=20, seed=2))
    write_ledger(large, Spec(contracts=4, deliveries=4_000, retirements=400, seed=2))
    as_of = dt.date(2031, 1, 1)

    def work(db: sqlite_utils.Database) -> int:
        return sqlite_work(db, lambda: portfolio_summary(db, as_of))

    assert work(large) <= work(small) + 2


# Raw writes (not through the unit of work), given the contract and its delivery.
RAW_WRITES: dict[str, tuple[str, Callable[[int, int], tuple[int, ...]]]] = {
    "delivery added": (
        "insert into deliveries (contract_id, delivered_on, tonnes_kg, registry, "
        "verification_status) values (?, '2026-01-05', 5000, 'puro', 'verified')",
        lambda contract, delivery: (contract,),
    ),
    "delivery resized": (
        "update deliveries set tonnes_kg = tonnes_kg + 7 where id = ?",
        lambda contract, delivery: (delivery,),
    ),
    "delivery removed": (
        "delete from deliveries where id = ?",
        lambda contract, delivery: (delivery,),
    ),
    "verification recorded": (
        "insert into verifications (delivery_id, verified_on, outcome) "
        "values (?, '2026-02-01', 'failed')",
        lambda contract, delivery: (delivery,),
    ),
    "invalidation recorded": (
        "insert into invalidations (contract_id, delivery_id, invalidated_on, tonnes_kg, "
        "reason) values (?, ?, '2026-02-01', 10, 'reversal')",
        lambda contract, delivery: (contract, delivery),
    ),
    "retirement recorded": (
        "insert into retirements (contract_id, delivery_id, retired_on, tonnes_kg, purpose) "
        "values (?, ?, '2026-02-01', 10, 'other')",
        lambda contract, delivery: (contract, delivery),
    ),
    "tranche priced": (
        "insert into tranches (contract_id, due_on, tonnes_kg, price) "
        "values (?, '2026-06-30', 1000, 999)",
        lambda contract, delivery: (contract,),
    ),
    "delivery assigned to a tranche": (
        "update deliveries set tranche_due_on = '2026-06-30' where id = ?",
        lambda contract, delivery: (delivery,),
    ),
    "contract repriced": (
        "update contracts set price = price + 1 where id = ?",
        lambda contract, delivery: (contract,),
    ),
}


@pytest.mark.parametrize("write", RAW_WRITES, ids=str)
def test_a_write_outside_the_unit_of_work_is_noted_and_never_read_stale(
    db: sqlite_utils.Database, write: str
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    assert db.execute("select count(*) from positions_dirty").fetchone()[0] == 0
    sql, arguments = RAW_WRITES[write]
    with db.conn:
        db.execute(sql, arguments(contract, delivery))
    noted = [r[0] for r in db.execute("select contract_id from positions_dirty")]
    assert noted == [contract]
    as_of = dt.date(2027, 1, 1)
    assert portfolio_summary(db, as_of) == summed_summary(db, as_of)


def test_moving_a_delivery_notes_both_contracts(db: sqlite_utils.Database) -> None:
    first, second = make_contract(db), make_contract(db, reference="C-2")
    delivery = make_delivery(db, first)
    with db.conn:
        db.execute("update deliveries set contract_id = ? where id = ?", (second, delivery))
    noted = sorted(r[0] for r in db.execute("select contract_id from positions_dirty"))
    assert noted == sorted([first, second])


def test_a_retirement_recorded_under_another_contract_notes_both(
    db: sqlite_utils.Database,
) -> None:
    first, second = make_contract(db), make_contract(db, reference="C-2")
    delivery = make_delivery(db, first)
    with db.conn:
        db.execute(
            "insert into retirements (contract_id, delivery_id, retired_on, tonnes_kg, "
            "purpose) values (?, ?, '2026-02-01', 10, 'other')",
            (second, delivery),
        )
    noted = sorted(r[0] for r in db.execute("select contract_id from positions_dirty"))
    assert noted == sorted([first, second])
    as_of = dt.date(2027, 1, 1)
    assert portfolio_summary(db, as_of) == summed_summary(db, as_of)


def test_an_edit_through_a_service_leaves_its_contract_kept_and_current(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    update_delivery(
        db, delivery, delivery_data(tonnes="250", serial_block="ACR-US-1-2025-1-1 to 250")
    )
    assert db.execute("select count(*) from positions_dirty").fetchone()[0] == 0
    kept = db.execute(
        "select delivered_kg from contract_positions where contract_id = ?", [contract]
    ).fetchone()[0]
    assert kept == 250_000
    assert positions.disagreeing(db) == []


def test_a_unit_of_work_that_fails_keeps_the_totals_it_found(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    make_delivery(db, contract)
    before = db.execute("select * from contract_positions").fetchall()

    def interrupted() -> None:
        with UnitOfWork(db) as uow:
            uow.update("contracts", contract, {"price": 1})
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted()
    assert db.execute("select * from contract_positions").fetchall() == before
    assert db.execute("select count(*) from positions_dirty").fetchone()[0] == 0


def test_check_db_finds_and_recomputes_tampered_totals(db_path: Path) -> None:
    db = open_database(db_path)
    contract = make_contract(db)
    make_delivery(db, contract)
    db.close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("update contract_positions set delivered_kg = delivered_kg + 1000")
    conn.close()
    db = open_database(db_path)
    try:
        report = check_database(db)
        assert not report.ok
        [stale] = [f for f in report.findings if f.code == "check.stale_totals"]
        assert stale.get("done") == msg("check.recomputed")
        assert "kept totals differed" in render(stale)
        assert "recomputed from the records now" in report.describe()
        assert check_database(db).ok
    finally:
        db.close()


def test_a_ledger_of_the_previous_schema_gets_its_totals_on_upgrade(db_path: Path) -> None:
    old = sqlite_utils.Database(db_path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m006_contract_positions")
    write_ledger(old, Spec(contracts=3, deliveries=150, retirements=30, seed=9))
    add_random_records(old, 4)
    old.close()
    db = open_database(db_path)
    try:
        assert db.execute("select count(*) from contract_positions").fetchone()[0] == 3
        assert positions.disagreeing(db) == []
        for as_of in DATES:
            assert portfolio_summary(db, as_of) == summed_summary(db, as_of)
    finally:
        db.close()


@pytest.mark.parametrize("as_of", DATES, ids=str)
def test_the_contracts_view_shows_the_summary_s_delivered_tonnes(
    ledger: sqlite_utils.Database, as_of: dt.date
) -> None:
    shown = dict(
        (row[0], row[7])
        for row in ledger.execute(record_views.CONTRACTS, {"as_of": as_of.isoformat()})
    )
    assert shown == {s.contract_id: s.delivered_kg for s in summed_summary(ledger, as_of)}


def test_the_contracts_view_reads_kept_totals_when_settled() -> None:
    small, large = open_database(":memory:"), open_database(":memory:")
    write_ledger(small, Spec(contracts=4, deliveries=200, retirements=20, seed=2))
    write_ledger(large, Spec(contracts=4, deliveries=4_000, retirements=400, seed=2))
    steps = [
        sqlite_work(db, db.execute(record_views.CONTRACTS, {"as_of": "2031-01-01"}).fetchall)
        for db in (small, large)
    ]
    assert steps[1] <= steps[0] + 1


def _name_the_second_priced_tranche(db: sqlite_utils.Database) -> None:
    """A delivery of 100 t moved from a tranche at 600.00 to one at 700.00, by an edit
    that changes only the tranche it names (so writes that one column)."""
    contract = make_contract(db, price_per_tonne="500.00")
    for due, price in (("2025-12-31", "600.00"), ("2026-12-31", "700.00")):
        add_tranche(db, contract, {"due_on": due, "tonnes": "500", "price_per_tonne": price})
    delivery = make_delivery(db, contract, tranche_due_on="2025-12-31")
    update_delivery(db, delivery, delivery_data(tranche_due_on="2026-12-31"))


def test_naming_another_priced_tranche_keeps_the_delivered_value_current(
    db: sqlite_utils.Database,
) -> None:
    _name_the_second_priced_tranche(db)

    [kept] = portfolio_summary(db, dt.date(2027, 1, 1))

    assert kept.delivered_value_cents == 100 * 700_00
    assert positions.disagreeing(db) == []


def test_a_value_the_previous_release_kept_stale_is_recomputed_on_upgrade(
    db_path: Path,
) -> None:
    old = sqlite_utils.Database(db_path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m010_positions_follow_allocation")
    with old.conn:  # m006 creates today's trigger; that release's did not watch the tranche
        current = positions.trigger_named("deliveries_positions_update")
        old.execute("drop trigger deliveries_positions_update")
        old.execute(current.replace(", tranche_due_on, vintage, id", ""))
    _name_the_second_priced_tranche(old)
    stale = old.execute("select tranche_value_cents from contract_positions").fetchone()[0]
    assert stale == 100 * 600_00  # what that release showed
    old.close()

    db = open_database(db_path)

    [summary] = portfolio_summary(db, dt.date(2027, 1, 1))
    assert summary.delivered_value_cents == 100 * 700_00
    assert positions.disagreeing(db) == []
    db.close()
