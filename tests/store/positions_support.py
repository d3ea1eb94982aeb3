"""Helpers of the kept-totals tests: the summary with nothing kept read, and how much
work SQLite does for a call."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import sqlite_utils

from tracker.services.summary import ContractSummary, portfolio_summary
from tracker.store import positions


@contextmanager
def nothing_kept(db: sqlite_utils.Database) -> Iterator[None]:
    """Every contract noted while inside (no kept row or allocation read), then kept again."""
    with db.conn:
        positions.note_all(db)
    try:
        yield
    finally:
        with db.conn:
            positions.refresh(db)


def summed_summary(db: sqlite_utils.Database, as_of: dt.date) -> list[ContractSummary]:
    """The summary with every contract summed from its records (no kept row read)."""
    with nothing_kept(db):
        return portfolio_summary(db, as_of)


def sqlite_work(db: sqlite_utils.Database, call: Callable[[], object]) -> int:
    """SQLite virtual-machine steps (in thousands) that ``call`` takes on ``db``."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    db.conn.set_progress_handler(count, 1_000)
    try:
        call()
    finally:
        db.conn.set_progress_handler(None, 0)
    return steps[0]


def _day(rng: random.Random) -> str:
    return f"{rng.randint(2022, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def add_random_records(
    db: sqlite_utils.Database,
    seed: int,
    *,
    verifications: int = 150,
    invalidations: int = 60,
    retirements: int = 60,
    reason: str = "other",
    priced_tranches: int = 3,
) -> None:
    """Verification records, invalidations, retirements and priced tranches at random
    dates on random deliveries, written raw (as another program might): some deliveries
    get several, most none."""
    rng = random.Random(seed)
    deliveries = [(r[0], r[1]) for r in db.execute("select id, contract_id from deliveries")]
    with db.conn:
        for _ in range(verifications):
            delivery_id, _contract = rng.choice(deliveries)
            db.execute(
                "insert into verifications (delivery_id, verified_on, outcome) values (?, ?, ?)",
                (delivery_id, _day(rng), rng.choice(["verified", "failed", "pending"])),
            )
        for table, column, extra, value, count in (
            ("invalidations", "invalidated_on", "reason", reason, invalidations),
            ("retirements", "retired_on", "purpose", "other", retirements),
        ):
            for _ in range(count):
                delivery_id, contract_id = rng.choice(deliveries)
                db.execute(
                    f"insert into {table} (contract_id, delivery_id, {column}, tonnes_kg, {extra})"
                    " values (?, ?, ?, ?, ?)",
                    (contract_id, delivery_id, _day(rng), rng.randint(1, 5_000), value),
                )
        contracts = db.execute("select id, price from contracts").fetchall()[:priced_tranches]
        for contract_id, price in contracts:
            db.execute(
                "insert into tranches (contract_id, due_on, tonnes_kg, price) values (?, ?, ?, ?)",
                (contract_id, "2025-12-31", 40_000, price + 12_345),
            )
