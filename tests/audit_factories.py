"""Rows written with raw SQL, as data that got in outside the services would be.

The audit rules must catch conditions the services refuse at entry (overlapping
blocks, over-retirement, oversized schedules), so these helpers bypass them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from tracker.domain.flags import Flag
from tracker.services.audit.engine import evaluate
from tracker.services.audit.settings import Thresholds

PREFIX = "ACR-US-1-2025-1"


def raw_delivery(
    db: sqlite_utils.Database,
    contract_id: int,
    start: int = 1,
    end: int = 100,
    *,
    tonnes_kg: int | None = None,
    prefix: str = PREFIX,
    registry: str = "acr",
    delivered_on: str = "2025-06-30",
    vintage: int | None = 2025,
    status: str = "verified",
    verified_on: str | None = "2025-07-15",
    verifier: str = "SCS Global",
    reference: str = "",
) -> int:
    per_kg = registry == "isometric"
    template = f"{prefix}-{{start}}-{{end}}" if per_kg else f"{prefix}-{{start}} to {{end}}"
    row: dict[str, Any] = {
        "contract_id": contract_id,
        "delivered_on": delivered_on,
        "tonnes_kg": tonnes_kg
        if tonnes_kg is not None
        else (end - start + 1) * (1 if per_kg else 1000),
        "vintage": vintage,
        "registry": registry,
        "serial_block": template.format(start=start, end=end),
        "serial_prefix": prefix,
        "serial_start": start,
        "serial_end": end,
        "serial_template": template,
        "verification_status": status,
        "verifier": verifier,
        "verified_on": verified_on if status != "pending" else None,
        "reference": reference,
    }
    return _insert(db, "deliveries", row)


def raw_retirement(
    db: sqlite_utils.Database,
    delivery_id: int,
    start: int,
    end: int,
    *,
    tonnes_kg: int | None = None,
    retired_on: str = "2025-09-30",
    beneficiary: str = "Buyer Co",
    claim_start: str | None = "2025-01-01",
    claim_end: str | None = "2025-12-31",
    prefix: str | None = None,
) -> int:
    d = db.execute(
        "select contract_id, serial_prefix, serial_template, registry from deliveries where id = ?",
        [delivery_id],
    ).fetchone()
    per_kg = d[3] == "isometric"
    row = {
        "contract_id": d[0],
        "delivery_id": delivery_id,
        "retired_on": retired_on,
        "tonnes_kg": tonnes_kg
        if tonnes_kg is not None
        else (end - start + 1) * (1 if per_kg else 1000),
        "serial_block": d[2].format(start=start, end=end),
        "serial_prefix": prefix or d[1],
        "serial_start": start,
        "serial_end": end,
        "beneficiary": beneficiary,
        "purpose": "corporate-target",
        "claim_start": claim_start,
        "claim_end": claim_end,
        "registry_reference": "",
    }
    return _insert(db, "retirements", row)


def raw_tranche(
    db: sqlite_utils.Database,
    contract_id: int,
    due_on: str,
    tonnes_kg: int,
    vintage: int | None = None,
    price: int | None = None,
) -> int:
    row = {
        "contract_id": contract_id,
        "due_on": due_on,
        "tonnes_kg": tonnes_kg,
        "vintage": vintage,
        "price": price,
    }
    return _insert(db, "tranches", row)


def _insert(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    with db.atomic():
        cursor = db.execute(f"insert into {table} ({columns}) values ({marks})", list(row.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def flags_of(
    db: sqlite_utils.Database,
    rule: str,
    as_of: dt.date = dt.date(2027, 1, 1),
    thresholds: Thresholds | None = None,
) -> list[Flag]:
    return evaluate(db, as_of, thresholds, rules=(rule,))
