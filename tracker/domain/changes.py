"""What a use case changed, so views can decide whether to refresh (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ChangeSet:
    inserted: tuple[tuple[str, int], ...] = ()
    updated: tuple[tuple[str, int], ...] = ()
    deleted: tuple[tuple[str, int], ...] = ()
    contracts: frozenset[int] = field(default_factory=frozenset)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(t for t, _ in (*self.inserted, *self.updated, *self.deleted))

    def touches(self, *tables: str) -> bool:
        return bool(self.tables.intersection(tables))

    def __bool__(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.inserted + other.inserted,
            self.updated + other.updated,
            self.deleted + other.deleted,
            self.contracts | other.contracts,
        )
