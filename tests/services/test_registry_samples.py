"""Every real registry sample imports in dry run with no unexplained errors, and the
tonnes read equal the file's own quantity column (summed here independently)."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract, make_delivery
from tracker.services.registry import Action, ImportOptions, preview_registry_file

# Real registry export slices (CarbonPlan offsets-db-data test data, MIT licence: see
# tests/data/registries/LICENSE-offsets-db-data), kept in the repository so the suite
# runs on any machine.
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "registries"

# file -> (quantity column, unit: "t" credits or "kg", layout label)
FILES = {
    "american-carbon-registry/retirements.csv": ("Quantity of Credits", "t", "ACR retirements"),
    "american-carbon-registry/cancellations.csv": ("Quantity of Credits", "t", "ACR cancellations"),
    "american-carbon-registry/issuances.csv": (
        "Total Credits Issued",
        "t",
        "ACR project issuances",
    ),
    "climate-action-reserve/retirements.csv": (
        "Quantity of Offset Credits",
        "t",
        "CAR retirements",
    ),
    "climate-action-reserve/cancellations.csv": (
        "Quantity of Offset Credits",
        "t",
        "CAR cancellations",
    ),
    "climate-action-reserve/issuances.csv": (
        "Total Offset Credits Issued",
        "t",
        "CAR project issuances",
    ),
    "art-trees/retirements.csv": ("Quantity of Credits", "t", "ART TREES retirements"),
    "art-trees/cancellations.csv": ("Quantity of Credits", "t", "ART TREES cancellations"),
    "art-trees/issuances.csv": ("Credits Verified", "t", "ART TREES program issuances"),
    "gold-standard/issuances.csv": ("Quantity", "t", "Gold Standard credits"),
    "gold-standard/retirements.csv": ("Quantity", "t", "Gold Standard credits"),
    "isometric/issuances.csv": ("credit_batch_size_total.credit_kgs", "kg", "Isometric issuances"),
    "isometric/retirements.csv": (
        "credit_batch_size_total.credit_kgs",
        "kg",
        "Isometric retirements",
    ),
    "verra/transactions.csv": ("Quantity Issued", "t", "Verra transactions"),
}

# Rows a file holds that are deliberately not recorded, and why (the explained skips).
EXPLAINED_SKIPS = ("a cancellation", "a project-level issuance without serial numbers")


def file_total_kg(path: Path, column: str, unit: str) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        total = sum(Decimal(row[column].replace(",", "")) for row in csv.DictReader(handle))
    return int(total * (1000 if unit == "t" else 1))


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    make_contract(db, reference="BUYER", registry="acr", tonnes="100000000")
    iso = make_contract(db, reference="ISO-BUYER", registry="isometric", tonnes="1000000")
    make_delivery(
        db,
        iso,
        registry="isometric",
        serial_block="ISO-1-BUYER-2020-1-50000000",
        tonnes="50000",
        vintage="2020",
        delivered_on="2020-06-30",
        verified_on="2020-07-01",
    )
    return db


@pytest.mark.parametrize("name", sorted(FILES))
def test_sample_previews_without_unexplained_errors(
    ledger: sqlite_utils.Database, name: str
) -> None:
    column, unit, label = FILES[name]
    contract = "ISO-BUYER" if name.startswith("isometric") else "BUYER"
    before = counts(ledger)

    preview = preview_registry_file(
        ledger, SAMPLES / name, ImportOptions(contract=contract, deliver_retired=True)
    )

    assert preview.layout == label
    assert [e for e in preview.errors] == []
    skipped = [o for o in preview.outcomes if o.action is Action.SKIP]
    assert all(o.reason.startswith(EXPLAINED_SKIPS) for o in skipped)
    assert preview.kg() == file_total_kg(SAMPLES / name, column, unit)
    assert counts(ledger) == before
