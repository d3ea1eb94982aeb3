"""One transaction per use case, and the one path every write takes.

``with UnitOfWork(db) as uow:`` opens ``db.atomic()``; ``uow.insert/update/
delete`` write by primary key, remember what changed (so the service can
return a ChangeSet) and append a chained change-log entry with the row
before and after, the user and the time.  An exception anywhere rolls
everything back, log entries included.
"""

from __future__ import annotations

from contextlib import ExitStack
from types import TracebackType
from typing import Any

import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import NotFoundError
from tracker.store import change_log
from tracker.store.bulk import BulkWriter

TABLES = frozenset(change_log.LOGGED_TABLES)


def _check(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}")


def fetch_row(db: sqlite_utils.Database, table: str, row_id: int) -> dict[str, Any]:
    _check(table)
    cursor = db.execute(f"select * from [{table}] where id = ?", [row_id])
    names = [c[0] for c in cursor.description]
    found = cursor.fetchone()
    if found is None:
        raise NotFoundError(f"{table} record {row_id} does not exist")
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
        self._bulk: BulkWriter | None = None

    @property
    def user(self) -> str:
        """Who the change log names for this unit of work."""
        if self._user is None:
            self._user = change_log.current_user(self.db)
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
        self._stack.enter_context(self.db.atomic())
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None:
        return self._stack.__exit__(exc_type, exc, tb)

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

    def insert(self, table: str, row: dict[str, Any], action: str = "insert") -> int:
        """Insert ``row`` (which may carry an ``id`` to restore a deleted record)."""
        _check(table)
        columns = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(
            f"insert into [{table}] ({columns}) values ({marks})", list(row.values())
        )
        row_id = row.get("id") or cursor.lastrowid
        assert row_id is not None
        self._inserted.append((table, row_id))
        after = fetch_row(self.db, table, row_id)
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
        changed = {k: v for k, v in changes.items() if before.get(k) != v}
        if changed:
            assignments = ", ".join(f"[{c}] = ?" for c in changed)
            self.db.execute(
                f"update [{table}] set {assignments} where id = ?", [*changed.values(), row_id]
            )
            self._updated.append((table, row_id))
            contract_id = _contract_of(self.db, table, before)
            self._remember(contract_id)
            after = fetch_row(self.db, table, row_id)
            self._log("update", table, row_id, contract_id, before, after)
        return before

    def delete(self, table: str, row_id: int) -> dict[str, Any]:
        """Delete one row and return it as it was."""
        before = fetch_row(self.db, table, row_id)
        contract_id = _contract_of(self.db, table, before)
        self.db.execute(f"delete from [{table}] where id = ?", [row_id])
        self._deleted.append((table, row_id))
        self._remember(contract_id)
        self._log("delete", table, row_id, contract_id, before, None)
        return before
