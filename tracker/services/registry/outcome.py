"""What an import did (or would do) with each row: the preview the user checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import RowError, TrackerError


class Action(StrEnum):
    ADD = "add"
    PRESENT = "present"  # already in the ledger: importing again adds nothing
    SKIP = "skip"  # read, and deliberately not recorded (the reason says why)
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class RowOutcome:
    line: int
    action: Action
    kind: str
    tonnes_kg: int = 0
    contract: str = ""
    serial_block: str = ""
    column: str = ""
    reason: str = ""

    def as_error(self) -> RowError:
        return RowError(self.line, self.column or "(row)", self.reason)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    registry: str = "auto"
    contract: str | None = None
    # A retirement whose block no delivery holds is refused unless this is set; then the
    # block is recorded as delivered (on its issue date) and retired, in one step.
    deliver_retired: bool = False


@dataclass(frozen=True, slots=True)
class ImportPreview:
    source: str
    layout: str
    encoding: str
    delimiter: str
    outcomes: tuple[RowOutcome, ...]
    applied: bool = False
    changes: ChangeSet = field(default_factory=ChangeSet)

    def count(self, action: Action) -> int:
        return sum(1 for o in self.outcomes if o.action is action)

    def kg(self, action: Action | None = None) -> int:
        return sum(o.tonnes_kg for o in self.outcomes if action is None or o.action is action)

    @property
    def errors(self) -> list[RowError]:
        return [o.as_error() for o in self.outcomes if o.action is Action.ERROR]

    def describe(self) -> str:
        from tracker.domain.quantities import format_tonnes_grouped

        verb = "added" if self.applied else "to add"
        return (
            f"{self.source} ({self.layout}, {self.encoding}): "
            f"{self.count(Action.ADD)} row(s) {verb}, {self.count(Action.PRESENT)} already "
            f"present, {self.count(Action.SKIP)} skipped, {self.count(Action.ERROR)} with "
            f"errors; {format_tonnes_grouped(self.kg())} t read."
        )


class ImportCancelled(TrackerError):
    """The user cancelled a running import; nothing was written."""


# Called with (rows done, rows expected); returning False cancels the import.
Progress = Callable[[int, int], bool]
