"""Small builders for valid input rows; tests override only what they are about."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from tracker.services.contracts import add_contract
from tracker.services.deliveries import add_delivery


def contract_data(**overrides: Any) -> dict[str, str]:
    data = {
        "reference": "C-1",
        "buyer": "Buyer Co",
        "supplier": "Supplier Co",
        "project": "Project One",
        "method": "dac",
        "credit_type": "removal",
        "registry": "acr",
        "tonnes": "1000",
        "price_per_tonne": "500.00",
        "currency": "USD",
        "signed_on": "2024-12-01",
        "start_on": "2025-01-01",
        "end_on": "2027-12-31",
        "durability_years": "1000",
        "status": "active",
        "notes": "",
        "registry_project_ids": "",
        "uid": "",
    }
    data.update({k: str(v) for k, v in overrides.items()})
    return data


def delivery_data(**overrides: Any) -> dict[str, str]:
    data = {
        "delivered_on": "2025-06-30",
        "tonnes": "100",
        "vintage": "2025",
        "registry": "",
        "serial_block": "ACR-US-1-2025-1-1 to 100",
        "verification_status": "verified",
        "verifier": "SCS Global",
        "verified_on": "2025-07-15",
        "reference": "TX-1",
        "uid": "",
    }
    data.update({k: str(v) for k, v in overrides.items()})
    return data


def retirement_data(**overrides: Any) -> dict[str, str]:
    data = {
        "retired_on": "2025-09-30",
        "tonnes": "10",
        "serial_block": "",
        "beneficiary": "Buyer Co",
        "purpose": "corporate-target",
        "claim_start": "2025-01-01",
        "claim_end": "2025-12-31",
        "registry_reference": "RET-1",
        "uid": "",
    }
    data.update({k: str(v) for k, v in overrides.items()})
    return data


def make_contract(db: sqlite_utils.Database, **overrides: Any) -> int:
    contract, _ = add_contract(db, contract_data(**overrides))
    assert contract.id is not None
    return contract.id


def make_delivery(db: sqlite_utils.Database, contract_id: int, **overrides: Any) -> int:
    delivery, _ = add_delivery(db, contract_id, delivery_data(**overrides))
    assert delivery.id is not None
    return delivery.id


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of every ledger table: compare before/after to prove nothing was written."""
    return {
        t: db.execute(f"select count(*) from {t}").fetchone()[0]
        for t in ("contracts", "tranches", "deliveries", "retirements", "invalidations")
    }
