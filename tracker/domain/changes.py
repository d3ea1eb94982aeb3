"""What a use case changed, so views can decide whether to refresh (Anki's OpChanges).

Single edits list the records they touched.  A bulk write (an import, a generated
portfolio) names only the *aspects* it changed — its tables in ``bulk`` and its
contracts — so its notice has a bounded size however many rows it wrote, and views
holding rows of those tables read them again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ChangeSet:
    inserted: tuple[tuple[str, int], ...] = ()
    updated: tuple[tuple[str, int], ...] = ()
    deleted: tuple[tuple[str, int], ...] = ()
    contracts: frozenset[int] = field(default_factory=frozenset)
    bulk: frozenset[str] = field(default_factory=frozenset)  # tables changed row-unlisted

    @property
    def tables(self) -> frozenset[str]:
        listed = (t for t, _ in (*self.inserted, *self.updated, *self.deleted))
        return frozenset(listed) | self.bulk

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def __bool__(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted or self.bulk)

    @property
    def size(self) -> int:
        """How many items the notice carries (record ids, tables and contracts)."""
        listed = len(self.inserted) + len(self.updated) + len(self.deleted)
        return listed + len(self.bulk) + len(self.contracts)

    @staticmethod
    def merge(parts: Iterable[ChangeSet]) -> ChangeSet:
        """All of ``parts`` in one ChangeSet, in linear time (``|`` in a loop is quadratic)."""
        inserted: list[tuple[str, int]] = []
        updated: list[tuple[str, int]] = []
        deleted: list[tuple[str, int]] = []
        contracts: set[int] = set()
        bulk: set[str] = set()
        for part in parts:
            inserted.extend(part.inserted)
            updated.extend(part.updated)
            deleted.extend(part.deleted)
            contracts.update(part.contracts)
            bulk.update(part.bulk)
        return ChangeSet(
            tuple(inserted), tuple(updated), tuple(deleted), frozenset(contracts), frozenset(bulk)
        )

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.deleted + other.deleted,
            self.contracts | other.contracts,
            self.bulk | other.bulk,
        )


class ChangeNotice:
    """Collects many changes in linear time and gives one bounded ChangeSet.

    Merging ChangeSets with ``|`` in a loop copies the tuples every time
    (quadratic); an import adds each row's change here instead.
    """

    __slots__ = ("contracts", "tables")

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.contracts: set[int] = set()

    def add(self, changes: ChangeSet) -> None:
        self.tables.update(changes.tables)
        self.contracts.update(changes.contracts)

    def add_aspects(self, tables: set[str] | frozenset[str], contracts: set[int]) -> None:
        self.tables.update(tables)
        self.contracts.update(contracts)

    def result(self) -> ChangeSet:
        return ChangeSet(contracts=frozenset(self.contracts), bulk=frozenset(self.tables))
