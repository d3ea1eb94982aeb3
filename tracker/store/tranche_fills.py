"""A per-connection (TEMP) table of how full each tranche is, for views that sort and page
tranches in SQL.  Rebuilt from the shared allocation whenever a view reads the schedule;
never part of the ledger file and never logged."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

FillRow = tuple[int, int, int, int, str]  # tranche id, delivered kg, shortfall kg, days, status

_CREATE = (
    "create temp table if not exists tranche_fills (tranche_id integer primary key, "
    "delivered_kg integer not null, shortfall_kg integer not null, late_days integer not null, "
    "status text not null)"
)


def write_tranche_fills(db: sqlite_utils.Database, rows: Iterable[FillRow]) -> None:
    """Replace the connection's tranche fills (one short transaction on the TEMP schema)."""
    with db.atomic():
        db.execute(_CREATE)
        db.execute("delete from temp.tranche_fills")
        db.conn.executemany("insert into temp.tranche_fills values (?, ?, ?, ?, ?)", list(rows))


def ensure_tranche_fills(db: sqlite_utils.Database) -> None:
    """Make sure this connection has the (possibly still empty) fills table to join."""
    db.execute(_CREATE)
