"""What one registry row means for the ledger, independent of the file's layout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from tracker.domain.vocab import Purpose, Registry


class RowKind(StrEnum):
    DELIVERY = "delivery"  # an issuance or transfer of a serial block to the account
    RETIREMENT = "retirement"
    CANCELLATION = "cancellation"  # never a delivery; reconciliation compares it
    ISSUANCE_SUMMARY = "issuance-summary"  # a project-level issuance without serials
    TRACKER = "tracker"  # a row of the tracker's own CSV format


class RegistryStatus(StrEnum):
    """Where the registry says the credits are."""

    ACTIVE = "active"
    RETIRED = "retired"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class RegistryRow:
    """One row of a registry export, parsed.  ``columns`` maps our field names
    (``serial_block``, ``tonnes``, ``date`` …) to the file's own column names so an
    error can name the column the user sees."""

    line: int
    kind: RowKind
    registry: Registry
    tonnes_kg: int
    columns: Mapping[str, str]
    serial_block: str = ""
    date: dt.date | None = None
    issued_on: dt.date | None = None
    vintage: int | None = None
    beneficiary: str = ""
    purpose: Purpose = Purpose.OTHER
    claim_start: dt.date | None = None
    claim_end: dt.date | None = None
    reference: str = ""  # the registry's own transaction / retirement id
    project: str = ""
    account: str = ""  # the owner / account holder the registry names, when it does
    tracker_kind: str = ""  # for RowKind.TRACKER: contracts, schedule, deliveries, retirements
    tracker_cells: Mapping[str, str] = field(default_factory=dict)

    @property
    def status(self) -> RegistryStatus:
        if self.kind is RowKind.RETIREMENT:
            return RegistryStatus.RETIRED
        if self.kind is RowKind.CANCELLATION:
            return RegistryStatus.CANCELLED
        return RegistryStatus.ACTIVE

    @property
    def names(self) -> tuple[str, ...]:
        """Who the row names as beneficiary, owner or account holder."""
        return tuple(n for n in (self.beneficiary, self.account) if n)

    def column(self, name: str) -> str:
        return self.columns.get(name, name)


# A layout turns (line, cells keyed by normalised header, decimal_comma) into a row.
RowParser = Callable[[int, Mapping[str, str], bool], RegistryRow]


@dataclass(frozen=True, slots=True)
class Layout:
    """One export layout of one registry (e.g. ACR retirements)."""

    name: str  # e.g. "acr-retirements"
    registry: Registry | None  # None for the tracker's own files
    required: frozenset[str]  # normalised header names that identify the layout
    parse: RowParser
    label: str = ""

    def matches(self, keys: frozenset[str]) -> bool:
        return self.required <= keys
