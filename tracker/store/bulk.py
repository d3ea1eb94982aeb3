"""Bulk writes: many rows per statement, with the change log kept whole.

``BulkWriter`` inserts rows with one prepared ``executemany`` per chunk and writes
their ``insert`` change-log entries the same way, computing the hash chain in
Python (the same :func:`change_log.entry_hash` as single writes), so ``verify-log``
replays the result exactly as if every row had been added one by one.  Rows must
name every column of their table, ``id`` included — except ``uid``: a row without
one (or with None) is given a new one here, in Python, before it is written and
logged.  The logged ``after`` row is the row as stored (the tables are STRICT, so
what is inserted is what is read back).

It writes inside the caller's transaction (a :class:`UnitOfWork`) and remembers
only which tables and contracts it touched — a change notice of bounded size,
however many rows were written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import sqlite_utils

from tracker.domain.identity import new_uid
from tracker.store import change_log

CHUNK = 5_000
# The tables a bulk write may fill (children after their parents).
BULK_TABLES = ("contracts", "tranches", "deliveries", "retirements", "invalidations")


def table_columns(db: sqlite_utils.Database, table: str) -> tuple[str, ...]:
    return tuple(r[1] for r in db.execute(f"pragma table_info([{table}])").fetchall())


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def _with_uid(row: dict[str, Any]) -> dict[str, Any]:
    if row.get("uid") is None:
        return {**row, "uid": new_uid()}
    return row


def _without_uid(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "uid"} if "uid" in row else row


class BulkWriter:
    """Append rows (with their ids) and their chained log entries in chunks."""

    def __init__(self, db: sqlite_utils.Database, user: str, logged_at: str | None = None) -> None:
        self.db = db
        self.user = user
        self.logged_at = logged_at or change_log.now_utc()
        self.tables: set[str] = set()
        self.contracts: set[int] = set()
        self.rows_written = 0
        self._columns: dict[str, tuple[str, ...]] = {}

    def next_id(self, table: str) -> int:
        self._check(table)
        return int(self.db.execute(f"select coalesce(max(id), 0) + 1 from [{table}]").fetchone()[0])

    def _check(self, table: str) -> tuple[str, ...]:
        if table not in BULK_TABLES:
            raise ValueError(f"unknown table {table!r}")
        if table not in self._columns:
            self._columns[table] = table_columns(self.db, table)
        return self._columns[table]

    def insert(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        """Insert every row of ``rows`` (streamed, chunk by chunk); returns how many."""
        columns = self._check(table)
        names = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" for _ in columns)
        sql = f"insert into [{table}] ({names}) values ({marks})"
        count = 0
        fill = _with_uid if "uid" in columns else _without_uid  # an older schema has none
        for given in _chunks(rows, CHUNK):
            chunk = [fill(row) for row in given]
            values = [self._values(table, columns, row) for row in chunk]
            self.db.conn.executemany(sql, values)
            self._log(table, chunk)
            count += len(chunk)
        self.rows_written += count
        if count:
            self.tables.add(table)
        return count

    def log_inserted(self, table: str, first_id: int) -> int:
        """Log rows already inserted (``id >= first_id``, e.g. by ``INSERT … SELECT``) as
        they are stored, streamed in chunks; returns how many."""
        columns = self._check(table)
        cursor = self.db.execute(
            f"select {', '.join(f'[{c}]' for c in columns)} from [{table}] where id >= ? "
            "order by id",
            [first_id],
        )
        count = 0
        while found := cursor.fetchmany(CHUNK):
            chunk = [dict(zip(columns, values, strict=True)) for values in found]
            self._log(table, chunk)
            count += len(chunk)
        self.rows_written += count
        if count:
            self.tables.add(table)
        return count

    def _values(self, table: str, columns: Sequence[str], row: dict[str, Any]) -> list[Any]:
        if len(row) != len(columns):
            missing = sorted(set(columns) - set(row))
            extra = sorted(set(row) - set(columns))
            raise ValueError(f"{table} row {row.get('id')}: missing {missing}, unknown {extra}")
        return [row[c] for c in columns]

    def _log(self, table: str, chunk: list[dict[str, Any]]) -> None:
        last_seq, prev_hash = change_log.last_link(self.db)
        entries = []
        for row in chunk:
            last_seq += 1
            contract = row["id"] if table == "contracts" else row["contract_id"]
            self.contracts.add(contract)
            after = change_log.canonical(row)
            digest = change_log.entry_hash(
                last_seq, self.logged_at, self.user, "insert", table, row["id"], contract,
                None, after, prev_hash,
            )  # fmt: skip
            entries.append(
                (last_seq, self.logged_at, self.user, "insert", table, row["id"], contract,
                 None, after, prev_hash, digest)
            )  # fmt: skip
            prev_hash = digest
        try:
            self.db.conn.executemany(
                "insert into change_log (seq, logged_at, user, action, table_name, record_id, "
                "contract_id, before_json, after_json, prev_hash, hash) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries,
            )
        except sqlite3.IntegrityError as exc:  # pragma: no cover - a concurrent writer
            raise RuntimeError(f"change log moved during a bulk write: {exc}") from exc
