"""1,000,000 deliveries of 0.001 t sum to exactly 1000 t through the store's figures."""

import datetime as dt

import sqlite_utils

from tests.factories import make_contract
from tracker.services.summary import portfolio_summary


def test_a_million_kilogram_deliveries_sum_to_exactly_1000_tonnes(
    db: sqlite_utils.Database,
) -> None:
    contract_id = make_contract(db, tonnes="1000", registry="isometric")
    rows = (
        (
            contract_id,
            "2025-06-30",
            1,
            "isometric",
            f"ISO-X-{n}-{n}",
            "ISO-X",
            n,
            n,
            "ISO-X-{start}-{end}",
            "verified",
        )
        for n in range(1, 1_000_001)
    )
    with db.atomic():
        db.conn.executemany(
            "insert into deliveries (contract_id, delivered_on, tonnes_kg, registry, serial_block, "
            "serial_prefix, serial_start, serial_end, serial_template, verification_status) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    (summary,) = portfolio_summary(db, dt.date(2026, 1, 1))
    assert summary.delivered_kg == 1_000_000
    assert summary.undelivered_kg == 0
    assert summary.delivered_pct == "100.0"
