"""The tamper-evident change log: append chained entries, read them back.

Every entry stores the row before and after the change as canonical JSON and
``hash = sha256(prev_hash + the entry's fields)``, so editing or deleting an
entry breaks the chain from that point on, and replaying the log must give the
current table contents (see :mod:`tracker.store.log_verify`).
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

GENESIS_HASH = "0" * 64
USER_SETTING = "user_name"
# Tables whose rows the log tracks and replays.
LOGGED_TABLES = (
    "contracts",
    "tranches",
    "deliveries",
    "retirements",
    "verifications",
    "invalidations",
    "settings",
    "flag_acknowledgements",
)
ROW_ACTIONS = frozenset({"baseline", "insert", "update", "delete", "acknowledge"})


# Built once: ``json.dumps`` with options builds an encoder per call (a million rows logged
# in bulk call these twice each); the text is the same.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_COMPACT = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def canonical(value: dict[str, Any] | None) -> str | None:
    """JSON with sorted keys and no whitespace: the same row always gives the same text."""
    if value is None:
        return None
    return _CANONICAL.encode(value)


@dataclass(frozen=True, slots=True)
class LogEntry:
    seq: int
    logged_at: str
    user: str
    action: str
    table_name: str
    record_id: int | None
    contract_id: int | None
    before_json: str | None
    after_json: str | None
    prev_hash: str
    hash: str

    @property
    def before(self) -> dict[str, Any] | None:
        return json.loads(self.before_json) if self.before_json else None

    @property
    def after(self) -> dict[str, Any] | None:
        return json.loads(self.after_json) if self.after_json else None


def entry_hash(
    seq: int,
    logged_at: str,
    user: str,
    action: str,
    table_name: str,
    record_id: int | None,
    contract_id: int | None,
    before_json: str | None,
    after_json: str | None,
    prev_hash: str,
) -> str:
    payload = _COMPACT.encode(
        [
            seq,
            logged_at,
            user,
            action,
            table_name,
            record_id,
            contract_id,
            before_json,
            after_json,
            prev_hash,
        ]
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def os_login() -> str:
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):  # no login name (containers, services)
        return "unknown"


def current_user(db: sqlite_utils.Database) -> str:
    """The name recorded in the log: the ledger's ``user_name`` setting, else the OS login."""
    found = db.execute("select value from settings where key = ?", [USER_SETTING]).fetchone()
    name = (found[0] if found else "").strip()
    return name or os_login()


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def last_link(db: sqlite_utils.Database) -> tuple[int, str]:
    found = db.execute("select seq, hash from change_log order by seq desc limit 1").fetchone()
    return (found[0], found[1]) if found else (0, GENESIS_HASH)


def write_stamp(db: sqlite_utils.Database) -> tuple[int, int, str]:
    """Changes whenever anything is written on ``db`` or a logged write is rolled back:
    the connection's count of rows changed (which only grows) and the log's head (which
    a rollback of logged writes moves back).  Two equal stamps mean the ledger read
    through ``db`` is the same in between."""
    return (db.conn.total_changes, *last_link(db))


def append(
    db: sqlite_utils.Database,
    *,
    user: str,
    action: str,
    table_name: str,
    record_id: int | None = None,
    contract_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    logged_at: str | None = None,
) -> int:
    """Append one chained entry (inside the caller's transaction) and return its seq."""
    last_seq, prev_hash = last_link(db)
    seq = last_seq + 1
    when = logged_at or now_utc()
    before_json, after_json = canonical(before), canonical(after)
    digest = entry_hash(
        seq, when, user, action, table_name, record_id, contract_id, before_json, after_json,
        prev_hash,
    )  # fmt: skip
    db.execute(
        "insert into change_log (seq, logged_at, user, action, table_name, record_id, "
        "contract_id, before_json, after_json, prev_hash, hash) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [seq, when, user, action, table_name, record_id, contract_id, before_json, after_json,
         prev_hash, digest],
    )  # fmt: skip
    return seq


_COLUMNS = (
    "seq, logged_at, user, action, table_name, record_id, contract_id, before_json, "
    "after_json, prev_hash, hash"
)


def entries(
    db: sqlite_utils.Database,
    *,
    contract_id: int | None = None,
    table_name: str | None = None,
    record_id: int | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[LogEntry]:
    """Log entries, optionally for one contract or one record."""
    clauses: list[str] = []
    params: list[Any] = []
    if contract_id is not None:
        clauses.append("contract_id = ?")
        params.append(contract_id)
    if table_name is not None:
        clauses.append("table_name = ?")
        params.append(table_name)
    if record_id is not None:
        clauses.append("record_id = ?")
        params.append(record_id)
    where = f"where {' and '.join(clauses)}" if clauses else ""
    order = "desc" if newest_first else "asc"
    tail = f"limit {int(limit)}" if limit else ""
    sql = f"select {_COLUMNS} from change_log {where} order by seq {order} {tail}"
    return [LogEntry(*found) for found in db.execute(sql, params)]


def entry_at(db: sqlite_utils.Database, seq: int) -> LogEntry:
    """The entry numbered ``seq``."""
    found = db.execute(f"select {_COLUMNS} from change_log where seq = ?", [seq]).fetchone()
    if found is None:
        raise LookupError(f"the change log has no entry {seq}")
    return LogEntry(*found)


def iter_all(db: sqlite_utils.Database) -> Any:
    """Every entry in order, streamed."""
    for found in db.execute(f"select {_COLUMNS} from change_log order by seq"):
        yield LogEntry(*found)


def log_baseline(db: sqlite_utils.Database, table: str, user: str | None = None) -> int:
    """Log every row of ``table`` as a ``baseline`` entry; returns how many.

    Migrations call this for rows they create or reshape (a new column changes
    every row), so the log keeps replaying to the tables.  The entries are chained
    in Python and written in chunks (a migration of a million rows takes seconds).
    """
    who = user or os_login()
    when = now_utc()
    seq, prev_hash = last_link(db)
    cursor = db.execute(f"select * from [{table}] order by id")
    names = [c[0] for c in cursor.description]
    count = 0
    while found := cursor.fetchmany(5_000):
        entries = []
        for values in found:
            row = dict(zip(names, values, strict=True))
            contract = row["id"] if table == "contracts" else row.get("contract_id")
            seq += 1
            after = canonical(row)
            digest = entry_hash(
                seq, when, who, "baseline", table, row["id"], contract, None, after, prev_hash
            )
            entries.append(
                (seq, when, who, "baseline", table, row["id"], contract, None, after,
                 prev_hash, digest)
            )  # fmt: skip
            prev_hash = digest
        db.conn.executemany(
            f"insert into change_log ({_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            entries,
        )
        count += len(entries)
    return count
