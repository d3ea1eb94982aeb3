"""Column names of the tracker's own CSV format, kind by kind (documented in the README)."""

from __future__ import annotations

from collections.abc import Sequence

COLUMNS: dict[str, tuple[str, ...]] = {
    "contracts": (
        "reference",
        "buyer",
        "supplier",
        "project",
        "method",
        "credit_type",
        "registry",
        "tonnes",
        "price_per_tonne",
        "currency",
        "signed_on",
        "start_on",
        "end_on",
        "durability_years",
        "status",
        "notes",
        "registry_project_ids",
        "uid",
    ),
    "schedule": ("contract", "due_on", "tonnes", "vintage", "price_per_tonne", "uid"),
    "deliveries": (
        "contract",
        "delivered_on",
        "tonnes",
        "vintage",
        "registry",
        "serial_block",
        "verification_status",
        "verifier",
        "verified_on",
        "reference",
        "tranche_due_on",
        "uid",
    ),
    "retirements": (
        "contract",
        "retired_on",
        "tonnes",
        "serial_block",
        "beneficiary",
        "purpose",
        "claim_start",
        "claim_end",
        "registry_reference",
        "uid",
    ),
    "invalidations": (
        "contract",
        "delivery",
        "invalidated_on",
        "tonnes",
        "serial_block",
        "reason",
        "registry_reference",
        "note",
        "uid",
    ),
    "summary": (
        "contract",
        "supplier",
        "project",
        "method",
        "contracted_tonnes",
        "scheduled_to_date_tonnes",
        "delivered_tonnes",
        "verified_tonnes",
        "rejected_tonnes",
        "invalidated_tonnes",
        "retired_tonnes",
        "available_tonnes",
        "undelivered_tonnes",
        "delivered_pct",
        "price_per_tonne",
        "currency",
        "delivered_value",
    ),
}
# Columns the schedule and retirements reports add after the tracker's own; import
# accepts and ignores them, so a report re-imports (derived schedule rows are skipped).
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {
    "schedule": (
        "derived",
        "delivered_tonnes",
        "shortfall_tonnes",
        "late_days",
        "status",
    ),
    "retirements": ("claim_year", "vintage", "registry", "method", "credit_type"),
}
# Columns an import may lack (files written before they existed still import).  ``uid``,
# each record's global id (a UUID), is the last column of every record kind: an import
# keeps it, and gives a row without one a new one.
OPTIONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "contracts": ("registry_project_ids", "uid"),
    "schedule": ("uid",),
    "deliveries": ("tranche_due_on", "uid"),
    "retirements": ("uid",),
    "invalidations": ("uid",),
}
IMPORT_KINDS = ("contracts", "schedule", "deliveries", "retirements", "invalidations")
EXPORT_KINDS = (*IMPORT_KINDS, "summary")


def header(kind: str) -> Sequence[str]:
    return COLUMNS[kind]


def required(kind: str) -> tuple[str, ...]:
    """The columns an import of ``kind`` must have."""
    optional = OPTIONAL_COLUMNS.get(kind, ())
    return tuple(c for c in COLUMNS[kind] if c not in optional)


# Columns whose cells are numbers or dates (read in any spreadsheet's spelling).
NUMBER_COLUMNS = frozenset({"tonnes", "price_per_tonne", "verified_tonnes"})
DATE_COLUMNS = frozenset(
    {
        "signed_on",
        "start_on",
        "end_on",
        "due_on",
        "delivered_on",
        "verified_on",
        "retired_on",
        "claim_start",
        "claim_end",
    }
)
