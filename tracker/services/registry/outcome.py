"""What an import did (or would do) with each row: the preview the user checks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import RowError, TrackerError
from tracker.domain.messages import Message, render
from tracker.domain.quantities import format_tonnes_grouped


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
    skip: str = ""  # why a SKIP: other-buyer, no-contract, other-contract ('' otherwise)
    party: str = ""  # the other buyer's name, or the project no contract carries
    # a refusal's message, and the refused value leading ``reason`` ("'abc' "): the
    # window words the reason in its language; ``reason`` stays English
    reason_message: Message | None = None
    refused: str = ""

    def as_error(self) -> RowError:
        return RowError(
            self.line, self.column or "(row)", self.reason, self.reason_message, self.refused
        )


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
    notes: tuple[str, ...] = ()  # what reading the file assumed (tracker files)
    # what the user should know about the attribution, worded by whoever shows it
    warnings: tuple[Message, ...] = ()

    def count(self, action: Action) -> int:
        return sum(1 for o in self.outcomes if o.action is action)

    def kg(self, action: Action | None = None) -> int:
        return sum(o.tonnes_kg for o in self.outcomes if action is None or o.action is action)

    @property
    def errors(self) -> list[RowError]:
        return [o.as_error() for o in self.outcomes if o.action is Action.ERROR]

    def skipped_as(self, skip: str) -> list[tuple[str, int]]:
        """(name, rows) of the rows skipped as ``skip``, most rows first."""
        found = Counter(o.party for o in self.outcomes if o.skip == skip)
        return sorted(found.items(), key=lambda item: (-item[1], item[0].casefold()))

    def by_contract(self, action: Action = Action.ADD) -> list[tuple[str, int, int]]:
        """(contract, rows, kg) of the rows with ``action``, by contract reference."""
        rows: Counter[str] = Counter()
        kg: Counter[str] = Counter()
        for o in self.outcomes:
            if o.action is action:
                rows[o.contract] += 1
                kg[o.contract] += o.tonnes_kg
        return [(ref, rows[ref], kg[ref]) for ref in sorted(rows)]

    def describe(self) -> str:
        verb = "added" if self.applied else "to add"
        lines = [
            f"{self.source} ({self.layout}, {self.encoding}): "
            f"{group(self.count(Action.ADD))} row(s) {verb}, "
            f"{group(self.count(Action.PRESENT))} already present, "
            f"{group(self.count(Action.SKIP))} skipped, "
            f"{group(self.count(Action.ERROR))} with errors; "
            f"{format_tonnes_grouped(self.kg())} t read."
        ]
        lines += [
            f"  {verb} to {ref or '(no contract)'}: {group(n)} row(s), "
            f"{format_tonnes_grouped(kg)} t"
            for ref, n, kg in self.by_contract(Action.ADD)
        ]
        for skip, what in SKIP_SUMMARIES.items():
            found = self.skipped_as(skip)
            if found:
                total = sum(n for _, n in found)
                lines.append(f"  {group(total)} {what}: {named_counts(found)}")
        if self.notes:
            lines.append(f"  Read as: {', '.join(self.notes)}.")
        lines += [f"  Note: {render(w)}." for w in self.warnings]
        return "\n".join(lines)


SKIP_SUMMARIES = {
    "other-buyer": "row(s) belong to other buyers",
    "no-contract": "row(s) name a project no contract carries",
    "other-contract": "row(s) belong to another contract than the one chosen",
}
NAMED_LIMIT = 8


def group(n: int) -> str:
    return f"{n:,}"


def named_counts(found: Sequence[tuple[str, int]]) -> str:
    shown = ", ".join(f"{name} {group(n)}" for name, n in found[:NAMED_LIMIT])
    return shown + (", …" if len(found) > NAMED_LIMIT else "")


class ImportCancelled(TrackerError):
    """The user cancelled a running import; nothing was written."""


# Called with (rows done, rows expected); returning False cancels the import.
Progress = Callable[[int, int], bool]
