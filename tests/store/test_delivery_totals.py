"""Each delivery's kept retired and invalidated tonnes follow every write to its records,
whoever writes; check-db finds a kept row that went wrong and recounts it."""

from __future__ import annotations

import random
from pathlib import Path

import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.services.invalidations import add_invalidation, delete_invalidation
from tracker.services.retirements import retire
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import delivery_totals
from tracker.store.check import check_database
from tracker.store.database import configure, open_database
from tracker.store.log_verify import verify_log
from tracker.store.migrations import migrations


def _kept(db: sqlite_utils.Database, delivery_id: int) -> tuple[int, int] | None:
    row = db.execute(
        "select retired_kg, invalidated_kg from delivery_totals where delivery_id = ?",
        [delivery_id],
    ).fetchone()
    return None if row is None else (row[0], row[1])


def test_a_new_delivery_is_kept_with_nothing_retired(db: sqlite_utils.Database) -> None:
    delivery = make_delivery(db, make_contract(db))

    assert _kept(db, delivery) == (0, 0)


def test_retiring_and_invalidating_through_the_services_are_kept(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract, tonnes="100")

    retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "12", "purpose": "other"})
    invalidation, _ = add_invalidation(
        db, delivery, {"invalidated_on": "2025-10-01", "tonnes": "3", "reason": "other"}
    )
    assert _kept(db, delivery) == (12_000, 3_000)

    delete_invalidation(db, invalidation.id)
    assert _kept(db, delivery) == (12_000, 0)


def test_raw_writes_are_kept_too(db: sqlite_utils.Database) -> None:
    """Moved, resized and removed records recount both deliveries they touch."""
    contract = make_contract(db)
    first = make_delivery(db, contract, tonnes="100")
    second = make_delivery(db, contract, tonnes="100", serial_block="")
    retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "10", "purpose": "other"})
    retirement = db.execute("select id from retirements").fetchone()[0]
    with db.conn:
        db.execute("update retirements set delivery_id = ?, tonnes_kg = 7000 where id = ?",
                   [second, retirement])  # fmt: skip
    assert (_kept(db, first), _kept(db, second)) == ((0, 0), (7_000, 0))

    with db.conn:
        db.execute("delete from retirements")
        db.execute("delete from deliveries where id = ?", [first])
    assert (_kept(db, first), _kept(db, second)) == (None, (0, 0))


def test_random_writes_never_leave_a_total_wrong(db: sqlite_utils.Database) -> None:
    write_ledger(db, Spec(contracts=3, deliveries=60, retirements=30, seed=11))
    rng = random.Random(5)
    deliveries = [r[0] for r in db.execute("select id from deliveries")]
    for _ in range(200):
        table = rng.choice(["retirements", "invalidations"])
        rows = [r[0] for r in db.execute(f"select id from {table}")]
        with db.conn:
            action = rng.random()
            if rows and action < 0.3:
                db.execute(f"delete from {table} where id = ?", [rng.choice(rows)])
            elif rows and action < 0.6:
                db.execute(
                    f"update {table} set tonnes_kg = ?, delivery_id = ? where id = ?",
                    [rng.randint(1, 9_999), rng.choice(deliveries), rng.choice(rows)],
                )
            elif rows:
                db.execute(
                    f"insert into {table} (contract_id, delivery_id, tonnes_kg, "
                    f"{'retired_on' if table == 'retirements' else 'invalidated_on'}, "
                    f"{'purpose' if table == 'retirements' else 'reason'}) "
                    "select contract_id, ?, ?, '2025-01-01', 'other' from deliveries where id = ?",
                    [delivery := rng.choice(deliveries), rng.randint(1, 9_999), delivery],
                )
        assert delivery_totals.disagreeing(db) == []


def test_check_db_finds_a_wrong_total_and_recounts_it(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract, tonnes="100")
    retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "10", "purpose": "other"})
    with db.conn:  # written outside the app, bypassing the triggers' work
        db.execute("update delivery_totals set retired_kg = 1 where delivery_id = ?", [delivery])
        db.execute("insert into delivery_totals (delivery_id) values (999)")

    report = check_database(db)

    assert report.stale_deliveries == [delivery, 999]
    assert [f.code for f in report.findings] == ["check.stale_delivery_totals"]
    assert "recomputed" in report.describe()
    assert delivery_totals.disagreeing(db) == []
    assert _kept(db, delivery) == (10_000, 0)
    assert _kept(db, 999) is None


def test_a_check_that_cannot_write_leaves_the_recount_to_a_writer(
    db: sqlite_utils.Database,
) -> None:
    delivery = make_delivery(db, make_contract(db))
    with db.conn:
        db.execute("update delivery_totals set invalidated_kg = 5 where delivery_id = ?",
                   [delivery])  # fmt: skip

    report = check_database(db, repair=False)

    assert _kept(db, delivery) == (0, 5)
    assert "open the ledger for writing" in report.describe()


def test_a_ledger_of_the_previous_release_gets_every_delivery_counted(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m008_delivery_totals")
    write_ledger(old, Spec(contracts=2, deliveries=40, retirements=12, seed=3))
    expected = dict(
        old.execute(
            "select d.id, (select coalesce(sum(tonnes_kg), 0) from retirements "
            "where delivery_id = d.id) from deliveries d"
        ).fetchall()
    )
    old.close()

    db = open_database(path)

    kept = dict(db.execute("select delivery_id, retired_kg from delivery_totals").fetchall())
    assert kept == expected
    assert any(kg > 0 for kg in kept.values())
    assert delivery_totals.disagreeing(db) == []
    assert verify_log(db).ok  # derived data: no logged row changed
