"""Kept contract totals stay equal to summing the records through a long random run of
writes: through the unit of work (recomputed before each commit) and raw (noted, so
readers sum those contracts until the next unit of work)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import sqlite_utils

from tests.store.positions_support import summed_summary
from tracker.services.summary import portfolio_summary
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import positions
from tracker.store.database import open_database
from tracker.store.unit_of_work import UnitOfWork

DATES = [dt.date(2024, 6, 30), dt.date(2026, 3, 31), dt.date(2031, 1, 1)]
STEPS = 160


def _day(rng: random.Random) -> str:
    return f"{rng.randint(2023, 2029)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _ids(db: sqlite_utils.Database, sql: str) -> list[int]:
    return [r[0] for r in db.execute(sql).fetchall()]


def _edges(db: sqlite_utils.Database) -> list[dt.date]:
    """The dates where a contract turns settled, and the days before them: where a kept
    total read one day too early would show."""
    edges: set[dt.date] = set()
    for (day,) in db.execute(
        "select max(day) from (select contract_id, delivered_on as day from deliveries "
        "union all select d.contract_id, v.verified_on from verifications v "
        "join deliveries d on d.id = v.delivery_id "
        "union all select contract_id, invalidated_on from invalidations "
        "union all select contract_id, retired_on from retirements) group by contract_id"
    ).fetchall():
        if day:
            edges.update({dt.date.fromisoformat(day), dt.date.fromisoformat(day) - dt.timedelta(1)})
    return sorted(edges)


def _pick_delivery(db: sqlite_utils.Database, rng: random.Random) -> tuple[int, int, int]:
    rows = db.execute("select id, contract_id, tonnes_kg from deliveries").fetchall()
    delivery_id, contract_id, kg = rng.choice(rows)
    return delivery_id, contract_id, kg


def _operations(
    db: sqlite_utils.Database, rng: random.Random
) -> list[Callable[[UnitOfWork], None]]:
    contracts = _ids(db, "select id from contracts")

    def resize(uow: UnitOfWork) -> None:
        delivery_id, _c, kg = _pick_delivery(db, rng)
        serial = db.execute(
            "select serial_start from deliveries where id = ?", [delivery_id]
        ).fetchone()[0]
        if serial is None:  # serial counts must keep matching tonnes: only pending serials
            uow.update("deliveries", delivery_id, {"tonnes_kg": kg + rng.randint(1, 9_000)})

    def redate(uow: UnitOfWork) -> None:
        delivery_id, _c, _kg = _pick_delivery(db, rng)
        uow.update("deliveries", delivery_id, {"delivered_on": _day(rng), "verified_on": None})

    def restatus(uow: UnitOfWork) -> None:
        delivery_id, _c, _kg = _pick_delivery(db, rng)
        status = rng.choice(["pending", "verified", "failed"])
        uow.update(
            "deliveries",
            delivery_id,
            {
                "verification_status": status,
                "verified_on": _day(rng) if status != "pending" else None,
            },
        )

    def move(uow: UnitOfWork) -> None:
        delivery_id, contract_id, _kg = _pick_delivery(db, rng)
        other = rng.choice([c for c in contracts if c != contract_id])
        for table in ("retirements", "invalidations"):
            for (row_id,) in db.execute(
                f"select id from {table} where delivery_id = ?", [delivery_id]
            ).fetchall():
                uow.update(table, row_id, {"contract_id": other})
        uow.update("deliveries", delivery_id, {"contract_id": other})

    def record(uow: UnitOfWork) -> None:
        delivery_id, _c, _kg = _pick_delivery(db, rng)
        outcome = rng.choice(["pending", "verified", "failed"])
        uow.insert(
            "verifications",
            {"delivery_id": delivery_id, "verified_on": _day(rng), "outcome": outcome},
        )

    def unrecord(uow: UnitOfWork) -> None:
        found = _ids(db, "select id from verifications")
        if found:
            uow.delete("verifications", rng.choice(found))

    def invalidate(uow: UnitOfWork) -> None:
        delivery_id, contract_id, kg = _pick_delivery(db, rng)
        uow.insert(
            "invalidations",
            {
                "contract_id": contract_id,
                "delivery_id": delivery_id,
                "invalidated_on": _day(rng),
                "tonnes_kg": rng.randint(1, max(1, kg // 4)),
                "reason": "reversal",
            },
        )

    def retire(uow: UnitOfWork) -> None:
        delivery_id, contract_id, kg = _pick_delivery(db, rng)
        uow.insert(
            "retirements",
            {
                "contract_id": contract_id,
                "delivery_id": delivery_id,
                "retired_on": _day(rng),
                "tonnes_kg": rng.randint(1, kg),
                "purpose": "other",
            },
        )

    def unretire(uow: UnitOfWork) -> None:
        found = _ids(db, "select id from retirements")
        if found:
            uow.delete("retirements", rng.choice(found))

    def redate_retirement(uow: UnitOfWork) -> None:
        found = _ids(db, "select id from retirements")
        if found:
            uow.update("retirements", rng.choice(found), {"retired_on": _day(rng)})

    def price_tranche(uow: UnitOfWork) -> None:
        contract_id = rng.choice(contracts)
        uow.insert(
            "tranches",
            {
                "contract_id": contract_id,
                "due_on": _day(rng),
                "tonnes_kg": rng.randint(1, 50) * 1_000,
                "price": rng.randint(100_000, 5_000_000),
            },
        )

    def reprice(uow: UnitOfWork) -> None:
        contract_id = rng.choice(contracts)
        uow.update("contracts", contract_id, {"price": rng.randint(100_000, 5_000_000)})

    return [
        resize, redate, restatus, move, record, unrecord, invalidate, retire, unretire,
        redate_retirement, price_tranche, reprice,
    ]  # fmt: skip


def test_kept_totals_follow_a_random_run_of_writes() -> None:
    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=5, deliveries=300, retirements=60, seed=21))
    rng = random.Random(5)
    operations = _operations(db, rng)
    done: dict[str, int] = {}
    for step in range(STEPS):
        operation = rng.choice(operations)
        with UnitOfWork(db) as uow:
            operation(uow)
        done[operation.__name__] = done.get(operation.__name__, 0) + 1
        assert db.execute("select count(*) from positions_dirty").fetchone()[0] == 0
        if step % 20 == 19:
            assert positions.disagreeing(db) == [], (step, operation.__name__)
            for as_of in [*DATES, *_edges(db)]:
                assert portfolio_summary(db, as_of) == summed_summary(db, as_of), (step, as_of)
    assert set(done) == {op.__name__ for op in operations}  # every kind of write ran


def test_raw_writes_are_summed_until_the_next_unit_of_work() -> None:
    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=4, deliveries=200, retirements=40, seed=8))
    rng = random.Random(9)
    for _ in range(40):
        delivery_id, contract_id, kg = _pick_delivery(db, rng)
        with db.conn:  # another program, outside the unit of work
            if rng.random() < 0.5:
                db.execute(
                    "update deliveries set delivered_on = ? where id = ?", [_day(rng), delivery_id]
                )
            else:
                db.execute(
                    "insert into retirements (contract_id, delivery_id, retired_on, tonnes_kg, "
                    "purpose) values (?, ?, ?, ?, 'other')",
                    [contract_id, delivery_id, _day(rng), rng.randint(1, kg)],
                )
        for as_of in [*DATES, *_edges(db)]:
            assert portfolio_summary(db, as_of) == summed_summary(db, as_of)
    with UnitOfWork(db):
        pass
    assert db.execute("select count(*) from positions_dirty").fetchone()[0] == 0
    assert positions.disagreeing(db) == []
