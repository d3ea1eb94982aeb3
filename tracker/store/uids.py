"""Every record's global id: a UUID in the ``uid`` column of each logged table.

A record keeps its uid for life — through edits, delete and undo, export and import —
so that ledgers can later be merged or synchronised.  The write paths give each new
row one in Python (:func:`tracker.domain.identity.new_uid`, about a microsecond); a
row inserted without one (raw SQL: an old script, a test fixture, ``INSERT … SELECT``)
gets one from a trigger right after its insert, and no row's uid can be set back to
NULL.  A unique index per table keeps uids distinct and finds a record by its uid.
"""

from __future__ import annotations

import sqlite_utils

COLUMN = "uid"
# Every table whose rows are records: every table the change log tracks except
# ``settings``, whose rows are named by their unique ``key`` already.
TABLES = (
    "contracts",
    "tranches",
    "deliveries",
    "retirements",
    "verifications",
    "invalidations",
    "flag_acknowledgements",
)

# A random version-4 UUID as canonical lowercase text, written by SQLite.
NEW_UID_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)


def schema(table: str) -> tuple[str, ...]:
    """The column, its unique index and the triggers that keep it filled, for ``table``."""
    return (
        f"ALTER TABLE [{table}] ADD COLUMN uid TEXT",
        f"UPDATE [{table}] SET uid = {NEW_UID_SQL} WHERE uid IS NULL",
        f"CREATE UNIQUE INDEX {table}_uid ON [{table}](uid)",
        f"CREATE TRIGGER {table}_uid_fill AFTER INSERT ON [{table}] WHEN new.uid IS NULL\n"
        f"BEGIN\n  UPDATE [{table}] SET uid = {NEW_UID_SQL} WHERE id = new.id;\nEND",
        f"CREATE TRIGGER {table}_uid_kept BEFORE UPDATE OF uid ON [{table}] "
        "WHEN new.uid IS NULL\n"
        f"BEGIN\n  SELECT RAISE(ABORT, '{table}.uid may not be NULL: a record keeps its uid');\n"
        "END",
    )


def has_uid(db: sqlite_utils.Database, table: str) -> bool:
    return any(r[1] == COLUMN for r in db.execute(f"pragma table_info([{table}])").fetchall())


def id_of(db: sqlite_utils.Database, table: str, uid: str) -> int | None:
    """The id of ``table``'s record with this uid, if the ledger holds one."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    found = db.execute(f"select id from [{table}] where uid = ?", [uid]).fetchone()
    return int(found[0]) if found else None


def record(db: sqlite_utils.Database, table: str, uid: str) -> dict[str, int | None] | None:
    """``id`` and ``contract_id`` of ``table``'s record with this uid, if the ledger holds
    one (``contract_id`` is the contract's own id for a contract)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")
    contract = "id" if table == "contracts" else "contract_id"
    found = db.execute(f"select id, {contract} from [{table}] where uid = ?", [uid]).fetchone()
    return {"id": found[0], "contract_id": found[1]} if found else None
