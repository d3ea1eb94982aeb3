"""Every delivery or retirement that shares serials or a registry reference with another
record is noted in ``serial_clashes``, whoever writes; check-db notes one a write missed."""

from __future__ import annotations

import random
from pathlib import Path

import sqlite_utils

from tests.factories import make_contract
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import serial_clashes
from tracker.store.check import check_database
from tracker.store.database import configure, open_database
from tracker.store.log_verify import verify_log
from tracker.store.migrations import migrations


def _deliver(
    db: sqlite_utils.Database,
    start: int,
    end: int,
    *,
    registry: str = "acr",
    prefix: str = "ACR-US-1-2025-",
    reference: str = "",
) -> int:
    """A delivery written as an import or an older release could have written it."""
    contract = db.execute("select min(id) from contracts").fetchone()[0]
    with db.conn:
        cursor = db.execute(
            "insert into deliveries (contract_id, delivered_on, tonnes_kg, registry, "
            "serial_block, serial_prefix, serial_start, serial_end, verification_status, "
            "reference) values (?, '2025-06-30', ?, ?, ?, ?, ?, ?, 'verified', ?)",
            [contract, (end - start + 1) * 1000, registry, f"{prefix}{start} to {end}",
             prefix, start, end, reference],
        )  # fmt: skip
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _retire(db: sqlite_utils.Database, delivery: int, start: int, end: int) -> int:
    with db.conn:
        cursor = db.execute(
            "insert into retirements (contract_id, delivery_id, retired_on, tonnes_kg, "
            "serial_block, serial_prefix, serial_start, serial_end, purpose) "
            "select contract_id, id, '2025-09-30', ?, ?, serial_prefix, ?, ?, 'other' "
            "from deliveries where id = ?",
            [(end - start + 1) * 1000, f"R {start} to {end}", start, end, delivery],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _noted(db: sqlite_utils.Database, kind: str) -> set[int]:
    rows = db.execute("select record_id from serial_clashes where kind = ?", [kind])
    return {r[0] for r in rows}


def test_blocks_apart_are_not_noted(db: sqlite_utils.Database) -> None:
    make_contract(db)
    _deliver(db, 1, 100)
    _deliver(db, 101, 200)
    _deliver(db, 50, 60, prefix="ACR-US-2-2025-")  # another prefix
    _deliver(db, 50, 60, registry="verra")  # another registry

    assert _noted(db, "delivery_block") == set()


def test_an_overlapping_block_is_noted_with_the_one_it_overlaps(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db)
    first = _deliver(db, 1, 100)
    _deliver(db, 101, 200)
    overlapping = _deliver(db, 90, 95)

    assert _noted(db, "delivery_block") == {first, overlapping}


def test_a_block_spanning_several_notes_each_of_them(db: sqlite_utils.Database) -> None:
    make_contract(db)
    blocks = [_deliver(db, 1, 10), _deliver(db, 11, 20), _deliver(db, 21, 30)]
    _deliver(db, 31, 40)
    spanning = _deliver(db, 5, 25)

    assert _noted(db, "delivery_block") == {*blocks, spanning}


def test_a_block_inside_a_long_noted_block_is_noted(db: sqlite_utils.Database) -> None:
    """The long block starts before the last block starting before the new one: only the
    note it already carries finds it."""
    make_contract(db)
    long = _deliver(db, 1, 100)
    short = _deliver(db, 5, 10)
    inside = _deliver(db, 50, 60)

    assert _noted(db, "delivery_block") == {long, short, inside}


def test_moving_a_block_onto_another_notes_both(db: sqlite_utils.Database) -> None:
    make_contract(db)
    first = _deliver(db, 1, 100)
    moved = _deliver(db, 201, 300)
    with db.conn:
        db.execute(
            "update deliveries set serial_start = 100, serial_end = 199 where id = ?", [moved]
        )

    assert _noted(db, "delivery_block") == {first, moved}


def test_a_shared_reference_notes_every_delivery_carrying_it(
    db: sqlite_utils.Database,
) -> None:
    make_contract(db)
    first = _deliver(db, 1, 100, reference="TX-9")
    _deliver(db, 101, 200, reference="TX-10")
    second = _deliver(db, 201, 300, reference="TX-9")
    _deliver(db, 301, 400, reference="TX-9", registry="verra")  # another registry's

    assert _noted(db, "delivery_reference") == {first, second}


def test_overlapping_retirements_are_noted(db: sqlite_utils.Database) -> None:
    make_contract(db)
    delivery = _deliver(db, 1, 100)
    first = _retire(db, delivery, 1, 10)
    _retire(db, delivery, 11, 20)
    again = _retire(db, delivery, 10, 10)

    assert _noted(db, "retirement_block") == {first, again}


def test_a_removed_record_leaves_no_note(db: sqlite_utils.Database) -> None:
    make_contract(db)
    first = _deliver(db, 1, 100)
    second = _deliver(db, 50, 60)
    with db.conn:
        db.execute("delete from deliveries where id = ?", [second])

    assert _noted(db, "delivery_block") == {first}  # noted still: more, never fewer
    assert serial_clashes.missing_deliveries(db) == []


def test_random_writes_never_leave_a_clash_unnoted(db: sqlite_utils.Database) -> None:
    make_contract(db)
    rng = random.Random(7)

    def block() -> tuple[int, int]:
        start = rng.randint(1, 400)
        return start, start + rng.choice([0, 1, 5, 20, 80])

    for _ in range(150):
        deliveries = [r[0] for r in db.execute("select id from deliveries")]
        action = rng.random()
        if not deliveries or action < 0.4:
            _deliver(db, *block(), prefix=rng.choice(["A-", "B-"]),
                     reference=rng.choice(["", "", "R1", "R2", "R3"]))  # fmt: skip
        elif action < 0.6:
            start, end = block()
            with db.conn:
                db.execute(
                    "update deliveries set serial_start = ?, serial_end = ?, "
                    "serial_prefix = ?, reference = ? where id = ?",
                    [start, end, rng.choice(["A-", "B-"]), rng.choice(["", "R1", "R4"]),
                     rng.choice(deliveries)],
                )  # fmt: skip
        elif action < 0.8:
            delivery = rng.choice(deliveries)
            held = db.execute(
                "select serial_start, serial_end from deliveries where id = ?", [delivery]
            ).fetchone()
            start = rng.randint(held[0], held[1])
            _retire(db, delivery, start, min(held[1], start + rng.randint(0, 10)))
        else:
            with db.conn:
                db.execute("delete from retirements where delivery_id = ?", [deliveries[0]])
                db.execute("delete from deliveries where id = ?", [deliveries[0]])
        assert serial_clashes.missing_deliveries(db) == []
        assert serial_clashes.missing_retirements(db) == []
    assert _noted(db, "delivery_block")  # the writes made clashes of both kinds
    assert _noted(db, "retirement_block")


def test_check_db_finds_an_unnoted_clash_and_notes_it(db: sqlite_utils.Database) -> None:
    make_contract(db)
    first, second = _deliver(db, 1, 100), _deliver(db, 100, 150)
    stray = _deliver(db, 500, 600)
    with db.conn:  # written outside the app, bypassing the triggers' work
        db.execute("delete from serial_clashes where record_id = ?", [second])
        db.execute("insert into serial_clashes values ('delivery_block', ?)", [stray])

    report = check_database(db)

    assert report.unnoted_deliveries == [second]
    assert report.unnoted_retirements == []
    codes = [f.code for f in report.findings]  # (the raw writes are unlogged, too)
    assert "check.unnoted_delivery_clashes" in codes
    assert "check.unnoted_retirement_clashes" not in codes
    assert "recomputed" in report.describe()
    assert _noted(db, "delivery_block") == {first, second}  # rebuilt: exactly the clashing


def test_a_ledger_of_the_previous_release_gets_its_clashes_noted(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    configure(old, on_disk=True)
    migrations.apply(old, stop_before="m009_serial_clashes")
    write_ledger(old, Spec(contracts=3, deliveries=300, retirements=60, seed=5))
    with old.conn:  # the same block twice and a reference twice, as an import may write
        old.execute(
            "insert into deliveries (contract_id, delivered_on, tonnes_kg, vintage, registry, "
            "serial_block, serial_prefix, serial_start, serial_end, verification_status, "
            "reference, uid) select contract_id, delivered_on, tonnes_kg, vintage, registry, "
            "serial_block, serial_prefix, serial_start, serial_end, verification_status, "
            "reference, uid || '-again' from deliveries where serial_start is not null "
            "and reference != '' order by id limit 2"
        )
    log_before = verify_log(old)  # the two raw rows are not in the log
    old.close()

    db = open_database(path)

    blocks, references = _noted(db, "delivery_block"), _noted(db, "delivery_reference")
    assert len(blocks) >= 4  # the two copied rows and their originals
    assert len(references) >= 4
    assert blocks == {r[0] for r in db.execute(serial_clashes.CLASHING["delivery_block"])}
    assert serial_clashes.missing_deliveries(db) == []
    assert serial_clashes.missing_retirements(db) == []
    log_after = verify_log(db)  # derived data: nothing more logged, nothing else amiss
    assert (log_after.entries, log_after.mismatch_count) == (
        log_before.entries,
        log_before.mismatch_count,
    )
