"""What undo needs from the ledger: take back an add, put back an edit.

Each function is one transaction through ``UnitOfWork``, like every other use
case.  Deletes are undone with ``contracts.restore``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tracker.domain.changes import ChangeSet
from tracker.services.contracts import Removed
from tracker.services.progress import Progress, unreported
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork, fetch_row

# Children before parents, so foreign keys hold at every step of a removal.
_REMOVAL_ORDER = {
    "retirements": 0,
    "invalidations": 0,
    "verifications": 0,
    "deliveries": 1,
    "tranches": 2,
    "contracts": 3,
}


def record_as_stored(db: Ledger, table: str, record_id: int) -> dict[str, Any]:
    """The stored row of one record, exactly as it is (to put it back after an edit)."""
    return fetch_row(db, table, record_id)


def take_back(
    db: Ledger, inserted: Iterable[tuple[str, int]], progress: Progress | None = None
) -> tuple[Removed, ChangeSet]:
    """Delete records an add created (undo of that add); ``restore`` puts them back.  A
    ``progress`` counts them, and its cancel takes none back."""
    ordered = sorted(set(inserted), key=lambda key: (_REMOVAL_ORDER[key[0]], -key[1]))
    progress = progress or unreported()
    progress.total = len(ordered)
    removed: list[tuple[str, dict[str, Any]]] = []
    with UnitOfWork(db) as uow:
        for table, record_id in progress.track(ordered):
            removed.append((table, uow.delete(table, record_id)))
    return Removed(tuple(reversed(removed))), uow.changes


def put_back(db: Ledger, table: str, row: dict[str, Any]) -> ChangeSet:
    """Write a record back exactly as ``row`` holds it (undo of an edit)."""
    return put_back_all(db, [(table, row)])


def put_back_all(db: Ledger, rows: Iterable[tuple[str, dict[str, Any]]]) -> ChangeSet:
    """Write several records back as they were, in one transaction (undo of an edit that
    also changed dependent records, such as retirements receiving serials)."""
    with UnitOfWork(db) as uow:
        for table, row in rows:
            uow.update(table, row["id"], {k: v for k, v in row.items() if k != "id"})
    return uow.changes
