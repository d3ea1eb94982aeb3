"""One transaction per use case, and the one path every write takes.

``with UnitOfWork(db) as uow:`` opens ``db.atomic()``; ``uow.insert/update/
delete`` write by primary key and remember what changed, so the service can
return a ChangeSet and a later change log has a single place to record
before and after values.  An exception anywhere rolls everything back.
"""

from __future__ import annotations

from contextlib import ExitStack
from types import TracebackType
from typing import Any

import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import NotFoundError

TABLES = frozenset({"contracts", "tranches", "deliveries", "retirements"})


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


def _contract_of(table: str, row: dict[str, Any]) -> int:
    return row["id"] if table == "contracts" else row["contract_id"]


class UnitOfWork:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._stack = ExitStack()
        self._inserted: list[tuple[str, int]] = []
        self._updated: list[tuple[str, int]] = []
        self._deleted: list[tuple[str, int]] = []
        self._contracts: set[int] = set()

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

    @property
    def changes(self) -> ChangeSet:
        return ChangeSet(
            tuple(self._inserted),
            tuple(self._updated),
            tuple(self._deleted),
            frozenset(self._contracts),
        )

    def insert(self, table: str, row: dict[str, Any]) -> int:
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
        self._contracts.add(_contract_of(table, {**row, "id": row_id}))
        return row_id

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
            self._contracts.add(_contract_of(table, before))
        return before

    def delete(self, table: str, row_id: int) -> dict[str, Any]:
        """Delete one row and return it as it was."""
        before = fetch_row(self.db, table, row_id)
        self.db.execute(f"delete from [{table}] where id = ?", [row_id])
        self._deleted.append((table, row_id))
        self._contracts.add(_contract_of(table, before))
        return before
