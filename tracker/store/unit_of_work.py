"""One transaction per use case, and the one path every write takes.

``with UnitOfWork(db) as uow:`` opens ``db.atomic()``; ``uow.insert/update/
delete`` write by primary key, remember what changed (so the service can
return a ChangeSet) and append a chained change-log entry with the row
before and after, the user and the time.  An exception anywhere rolls
everything back, log entries included.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager, suppress
from contextvars import ContextVar
from types import TracebackType
from typing import Any

import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import (
    TrackerError,
    ValidationError,
    field_list,
    not_found,
    record_name,
)
from tracker.domain.identity import new_uid
from tracker.domain.messages import msg
from tracker.store import change_log, positions
from tracker.store.bulk import BulkWriter

TABLES = frozenset(change_log.LOGGED_TABLES)
INT_MIN, INT_MAX = -(2**63), 2**63 - 1  # what an SQLite INTEGER holds

# The outermost unit of work open on this thread: one nested in it on the same connection
# takes its user and what it knows of the schema from it, instead of reading them again
# for every record (a registry import nests one for each of its rows).
_OUTERMOST: ContextVar[UnitOfWork | None] = ContextVar("outermost_unit_of_work", default=None)

# (table, id) -> the row as the editor read it; see :func:`expecting`.
_EXPECTED: ContextVar[Mapping[tuple[str, int], Mapping[str, Any]] | None] = ContextVar(
    "expected_rows", default=None
)


class StaleEditError(TrackerError):
    """The record changed (or went) since the editor read it: reload and edit again."""


class BusyError(TrackerError):
    """Another program kept the ledger busy past the wait."""


_BUSY_NOTICE: list[Callable[[], None]] = []

BUSY_MESSAGE = "Another program is writing to the ledger; waiting for it to finish…"


def set_busy_notice(notice: Callable[[], None] | None) -> None:
    """What to do (once) when a write has to wait for another writer: show a message."""
    _BUSY_NOTICE.clear()
    if notice is not None:
        _BUSY_NOTICE.append(notice)


def _begin_immediate(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE; when the file is busy, say so, then wait up to busy_timeout."""
    timeout = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        return
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
    for notice in _BUSY_NOTICE:
        with suppress(Exception):  # a notice (e.g. a closed window's) never stops a write
            notice()
    conn.execute("BEGIN IMMEDIATE")


@contextmanager
def expecting(rows: Mapping[tuple[str, int], Mapping[str, Any]]) -> Iterator[None]:
    """Within this block, updates and deletes of these records are refused when the
    stored row no longer equals the row the editor read (changed elsewhere)."""
    token = _EXPECTED.set(rows)
    try:
        yield
    finally:
        _EXPECTED.reset(token)


# Columns the store derives from a serial block: a refusal names the block instead.
_SERIAL_PARTS = frozenset({"serial_prefix", "serial_start", "serial_end", "serial_template"})


def _check_version(table: str, row_id: int, stored: dict[str, Any]) -> None:
    expected = (_EXPECTED.get() or {}).get((table, row_id))
    if expected is None:
        return
    differs = [k for k, v in expected.items() if k in stored and stored[k] != v]
    if differs:
        named = [k for k in differs if k not in _SERIAL_PARTS] or differs
        raise StaleEditError(
            msg(
                "error.changed_elsewhere",
                record=record_name(table, row_id),
                fields=field_list(sorted(named)[:3]),
            )
        )


def _check_range(table: str, row: Mapping[str, Any]) -> None:
    for column, value in row.items():
        if isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            raise ValidationError(f"{table}.{column}", value, msg("error.number_too_large"))


def _plain(exc: sqlite3.OperationalError) -> TrackerError | None:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return BusyError(msg("error.ledger_busy"))
    if "readonly" in text or "read-only" in text:
        return TrackerError(msg("error.ledger_read_only"))
    if "full" in text:
        return TrackerError(msg("error.disk_full"))
    return None


def _check(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")


def fetch_row(db: sqlite_utils.Database, table: str, row_id: int) -> dict[str, Any]:
    _check(table)
    cursor = db.execute(f"select * from [{table}] where id = ?", [row_id])
    names = [c[0] for c in cursor.description]
    found = cursor.fetchone()
    if found is None:
        raise not_found(table, row_id)
    return dict(zip(names, found, strict=True))


def _contract_of(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int | None:
    if table == "contracts":
        return int(row["id"])
    if table == "verifications":
        found = db.execute(
            "select contract_id from deliveries where id = ?", [row["delivery_id"]]
        ).fetchone()
        return int(found[0]) if found else None
    contract_id: int | None = row.get("contract_id")
    return contract_id


class UnitOfWork:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._stack = ExitStack()
        self._inserted: list[tuple[str, int]] = []
        self._updated: list[tuple[str, int]] = []
        self._deleted: list[tuple[str, int]] = []
        self._contracts: set[int] = set()
        self._user: str | None = None
        self._failed = False
        self._outermost = True
        self._bulk: BulkWriter | None = None
        self._uid_tables: dict[str, bool] = {}
        self._outer: UnitOfWork | None = None  # the transaction's outermost, when nested
        self.last_uid: str | None = None  # the uid of the row inserted last

    @property
    def user(self) -> str:
        """Who the change log names for this unit of work (read once a transaction)."""
        if self._user is None:
            outer = self._outer
            self._user = outer.user if outer is not None else change_log.current_user(self.db)
        return self._user

    def _log(
        self,
        action: str,
        table: str,
        row_id: int | None,
        contract_id: int | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        change_log.append(
            self.db,
            user=self.user,
            action=action,
            table_name=table,
            record_id=row_id,
            contract_id=contract_id,
            before=before,
            after=after,
        )

    def log_event(
        self, action: str, subject: str, details: dict[str, Any], contract_id: int | None = None
    ) -> None:
        """Record an operation that is not a single row write (a file import, say)."""
        self._log(action, subject, None, contract_id, None, details)

    def __enter__(self) -> UnitOfWork:
        conn = self.db.conn
        if conn.in_transaction:
            self._outermost = False
            outer = _OUTERMOST.get()
            if outer is not None and outer is not self and outer.db.conn is conn:
                self._outer = outer
                self._uid_tables = outer._uid_tables  # one schema: read once
            self._stack.enter_context(self.db.atomic())  # nested: a savepoint
            return self
        self._outermost = True
        try:
            _begin_immediate(conn)  # take the write lock now, waiting (with a notice) if busy
        except sqlite3.OperationalError as exc:
            raise (_plain(exc) or exc) from None
        self._stack.callback(_OUTERMOST.reset, _OUTERMOST.set(self))  # after the end
        self._stack.callback(self._finish)
        return self

    def _finish(self) -> None:
        """End the outermost transaction: commit, or roll back on an exception."""
        if self._failed:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            return
        if not self.db.conn.in_transaction:  # the database rolled it back (disk full, I/O)
            raise TrackerError(msg("error.rolled_back"))
        try:
            positions.refresh(self.db)  # the kept sums of the contracts this work touched
            self.db.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.db.conn.in_transaction:
                self.db.conn.execute("ROLLBACK")
            raise (_plain(exc) or exc) from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        self._failed = exc is not None
        result = self._stack.__exit__(exc_type, exc, tb)
        if not self._outermost:
            return result  # a database failure ends the whole transaction: let it through
        if isinstance(exc, sqlite3.OperationalError):
            plain = _plain(exc)
            if plain is not None:
                raise plain from None
        if isinstance(exc, OverflowError):
            raise TrackerError(msg("error.number_beyond_ledger")) from None
        return result

    def bulk(self) -> BulkWriter:
        """A writer for many rows at once in this unit of work (see :mod:`bulk`); its
        rows appear in :attr:`changes` by table and contract only."""
        if self._bulk is None:
            self._bulk = BulkWriter(self.db, self.user)
        return self._bulk

    @property
    def changes(self) -> ChangeSet:
        bulk = self._bulk
        return ChangeSet(
            tuple(self._inserted),
            tuple(self._updated),
            tuple(self._deleted),
            frozenset(self._contracts | (bulk.contracts if bulk else set())),
            frozenset(bulk.tables) if bulk else frozenset(),
        )

    def _has_uid(self, table: str) -> bool:
        if table not in self._uid_tables:  # a ledger at an older schema has none
            self._uid_tables[table] = any(
                r[1] == "uid" for r in self.db.execute(f"pragma table_info([{table}])")
            )
        return self._uid_tables[table]

    def insert(self, table: str, row: dict[str, Any], action: str = "insert") -> int:
        """Insert ``row`` (which may carry an ``id`` and ``uid`` to restore a deleted
        record); a row without a ``uid`` (or with None) is given a new one."""
        _check(table)
        _check_range(table, row)
        if self._has_uid(table) and row.get("uid") is None:
            row = {**row, "uid": new_uid()}
        elif row.get("uid") is None:
            row = {k: v for k, v in row.items() if k != "uid"}
        columns = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(
            f"insert into [{table}] ({columns}) values ({marks})", list(row.values())
        )
        row_id = row.get("id") or cursor.lastrowid
        assert row_id is not None
        self._inserted.append((table, row_id))
        after = fetch_row(self.db, table, row_id)
        self.last_uid = after.get("uid")
        contract_id = _contract_of(self.db, table, after)
        self._remember(contract_id)
        self._log(action, table, row_id, contract_id, None, after)
        return row_id

    def _remember(self, contract_id: int | None) -> None:
        if contract_id is not None:
            self._contracts.add(contract_id)

    def update(self, table: str, row_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """Apply ``changes`` and return the row as it was before."""
        before = fetch_row(self.db, table, row_id)
        _check_version(table, row_id, before)
        _check_range(table, changes)
        changed = {k: v for k, v in changes.items() if before.get(k) != v}
        if "uid" in changed:
            raise ValueError(f"{table} record {row_id}: a record's uid never changes")
        if changed:
            assignments = ", ".join(f"[{c}] = ?" for c in changed)
            self.db.execute(
                f"update [{table}] set {assignments} where id = ?", [*changed.values(), row_id]
            )
            self._updated.append((table, row_id))
            contract_id = _contract_of(self.db, table, before)
            self._remember(contract_id)
            after = fetch_row(self.db, table, row_id)
            self._remember(_contract_of(self.db, table, after))  # a record moved: both
            self._log("update", table, row_id, contract_id, before, after)
        return before

    def delete(self, table: str, row_id: int) -> dict[str, Any]:
        """Delete one row and return it as it was."""
        before = fetch_row(self.db, table, row_id)
        _check_version(table, row_id, before)
        contract_id = _contract_of(self.db, table, before)
        self.db.execute(f"delete from [{table}] where id = ?", [row_id])
        self._deleted.append((table, row_id))
        self._remember(contract_id)
        self._log("delete", table, row_id, contract_id, before, None)
        return before
