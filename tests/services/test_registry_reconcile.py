"""Reconciliation of a registry export against the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from tests.factories import counts, make_contract, make_delivery
from tests.services.registry_files import (
    acr_file,
    acr_retirement,
    gs_file,
    gs_row,
    iso_file,
    iso_retirement,
)
from tracker.services.progress import Cancelled, Progress
from tracker.services.registry.reconcile import reconcile_file
from tracker.services.retirements import retire

BLOCK = "GS1-1-KE-GS11603-16-2025-30256-1-100"


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "registry.csv"
    path.write_bytes(data)
    return path


def gs_ledger(db: sqlite_utils.Database) -> int:
    contract = make_contract(db, reference="C-1", registry="gold-standard")
    make_delivery(
        db,
        contract,
        registry="gold-standard",
        serial_block=BLOCK,
        delivered_on="2026-03-31",
        verified_on="2026-03-31",
    )
    return contract


def rules(db: sqlite_utils.Database, path: Path, contract: str | None = None) -> list[str]:
    return [f.rule for f in reconcile_file(db, path, contract=contract).flags]


def test_matching_records_raise_no_flags(db: sqlite_utils.Database, tmp_path: Path) -> None:
    gs_ledger(db)
    assert rules(db, write(tmp_path, gs_file(gs_row(serial=BLOCK)))) == []


def test_quantity_difference_is_a_registry_mismatch(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    gs_ledger(db)
    path = write(
        tmp_path, gs_file(gs_row(serial="GS1-1-KE-GS11603-16-2025-30256-1-90", quantity="90"))
    )
    [flag] = reconcile_file(db, path).flags
    assert flag.rule == "REGISTRY_MISMATCH"
    assert "quantity differs" in flag.message
    assert flag.contract == "C-1"


def test_registry_retired_but_ledger_not_is_a_status_mismatch(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    gs_ledger(db)
    path = write(
        tmp_path,
        gs_file(gs_row(serial=BLOCK, status="Retired", retired="2026-04-10", entity="Buyer Co")),
    )
    [flag] = reconcile_file(db, path).flags
    assert flag.rule == "REGISTRY_MISMATCH"
    assert "not retired in the ledger" in flag.message


def test_beneficiary_difference_is_a_registry_mismatch(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = gs_ledger(db)
    retire(
        db,
        contract,
        {
            "retired_on": "2026-04-10",
            "tonnes": "100",
            "serial_block": BLOCK,
            "beneficiary": "Buyer Co",
            "purpose": "corporate-target",
        },
    )
    path = write(
        tmp_path,
        gs_file(
            gs_row(serial=BLOCK, status="Retired", retired="2026-04-10", entity="Someone Else")
        ),
    )
    [flag] = reconcile_file(db, path).flags
    assert "beneficiary differs" in flag.message


def test_cancelled_block_held_as_delivered_is_a_mismatch(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    gs_ledger(db)
    path = write(tmp_path, gs_file(gs_row(serial=BLOCK, status="Cancelled", retired="2026-04-10")))
    assert rules(db, path) == ["REGISTRY_MISMATCH"]


def test_block_only_in_the_registry_is_missing_locally(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    make_contract(db, reference="C-1", registry="acr")
    path = write(tmp_path, acr_file(acr_retirement()))
    [flag] = reconcile_file(db, path, contract="C-1").flags
    assert flag.rule == "MISSING_LOCALLY"
    assert flag.contract == "C-1"


def test_ledger_delivery_the_registry_does_not_list_is_missing_in_registry(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = gs_ledger(db)
    make_delivery(
        db,
        contract,
        registry="gold-standard",
        delivered_on="2026-03-31",
        verified_on="2026-03-31",
        serial_block="GS1-1-KE-GS11603-16-2025-30257-1-100",
    )
    flags = reconcile_file(db, write(tmp_path, gs_file(gs_row(serial=BLOCK)))).flags
    assert [(f.rule, f.subject) for f in flags] == [
        ("MISSING_IN_REGISTRY", "delivery GS1-1-KE-GS11603-16-2025-30257-1-100")
    ]


def test_isometric_retirements_are_matched_by_retirement_id(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    contract = make_contract(db, reference="C-1", registry="isometric")
    make_delivery(
        db, contract, registry="isometric", serial_block="ISO-1-A-2024-1-10000", tonnes="10"
    )
    retire(
        db,
        contract,
        {
            "retired_on": "2026-04-09",
            "tonnes": "4",
            "beneficiary": "Buyer Co",
            "registry_reference": "ret_1",
            "purpose": "corporate-target",
        },
    )
    path = write(tmp_path, iso_file(iso_retirement(kgs="5000"), iso_retirement("ret_2")))
    flags = reconcile_file(db, path).flags
    assert sorted(f.rule for f in flags) == ["MISSING_LOCALLY", "REGISTRY_MISMATCH"]


def test_reconcile_writes_nothing(db: sqlite_utils.Database, tmp_path: Path) -> None:
    gs_ledger(db)
    before = counts(db)
    reconcile_file(db, write(tmp_path, gs_file(gs_row(serial=BLOCK, quantity="100"))))
    assert counts(db) == before


def test_a_comparison_counts_each_row_twice_then_is_done(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    gs_ledger(db)
    other = gs_row(
        status="Retired",
        serial="GS1-1-KE-GS11603-16-2025-30256-200-210",
        quantity="11",
        retired="2026-04-01",
        entity="Another Buyer Ltd",
    )
    path = write(tmp_path, gs_file(gs_row(serial=BLOCK), other))
    progress = Progress()

    result = reconcile_file(db, path, progress=progress)

    assert result.other_buyers == (("Another Buyer Ltd", 1),)
    assert (progress.done, progress.total) == (4, 4)


def test_a_cancelled_comparison_stops(db: sqlite_utils.Database, tmp_path: Path) -> None:
    gs_ledger(db)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        reconcile_file(db, write(tmp_path, gs_file(gs_row(serial=BLOCK))), progress=progress)
