"""The deliveries holding a NUL character in a text the export writes, kept.

No input accepts a NUL (``tracker.domain.text``), but a ledger written by hand may hold
one, and SQLite's ``printf``, which writes each exported row in one piece
(``tracker.store.csv_rows``), stops a text at it.  Triggers note a delivery whenever a
write leaves a NUL in one of its texts, and the export writes those few cell by cell.
(A partial index would find them as well, but every ``integrity_check`` would then test
eight texts of each delivery again: a second or more at a million deliveries.)

The list may hold a delivery whose NUL has gone since (written cell by cell all the
same), never miss one that holds one: ``check-db`` finds one a write left out (a write
with the triggers dropped) and notes it.  Derived data: never logged.
"""

from __future__ import annotations

import sqlite_utils

# The texts of a delivery that its export row writes (but its verification status,
# which the schema holds to three words).
TEXT_COLUMNS = (
    "delivered_on", "registry", "serial_block", "verifier", "verified_on", "reference",
    "tranche_due_on", "uid",
)  # fmt: skip

SCHEMA = "CREATE TABLE deliveries_holding_nul (delivery_id INTEGER PRIMARY KEY) STRICT"


def holds_nul(row: str) -> str:
    """SQL: whether delivery ``row`` (an alias, or ``new`` in a trigger) holds a NUL."""
    return "(" + " or ".join(f"instr({row}.{column}, char(0))" for column in TEXT_COLUMNS) + ")"


_NOTE = "INSERT OR IGNORE INTO deliveries_holding_nul (delivery_id) VALUES (new.id)"

TRIGGERS = (
    f"CREATE TRIGGER deliveries_nul_insert AFTER INSERT ON deliveries "
    f"WHEN {holds_nul('new')} BEGIN {_NOTE}; END",
    f"CREATE TRIGGER deliveries_nul_update AFTER UPDATE OF {', '.join(TEXT_COLUMNS)}, id "
    f"ON deliveries WHEN {holds_nul('new')} BEGIN {_NOTE}; END",
)

# What the export reads: the noted deliveries (a few, if any).
NOTED = "(select delivery_id from deliveries_holding_nul)"

_HOLDING = f"select d.id from deliveries d where {holds_nul('d')}"


def create(db: sqlite_utils.Database) -> None:
    """The table and its triggers, with every delivery holding a NUL noted (a
    migration)."""
    db.execute(SCHEMA)
    for trigger in TRIGGERS:
        db.execute(trigger)
    db.execute(f"INSERT INTO deliveries_holding_nul (delivery_id) {_HOLDING}")


def missing(db: sqlite_utils.Database) -> list[int]:
    """Deliveries holding a NUL that are not noted (none, unless a write bypassed the
    triggers)."""
    sql = f"{_HOLDING} and d.id not in {NOTED} order by d.id"
    return [row[0] for row in db.execute(sql)]


def note(db: sqlite_utils.Database, ids: list[int]) -> None:
    """Note these deliveries (inside the caller's transaction)."""
    db.conn.executemany(
        "INSERT OR IGNORE INTO deliveries_holding_nul (delivery_id) VALUES (?)",
        [(i,) for i in ids],
    )
