"""Verification records per delivery; the delivery's status follows its latest record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.domain.dates import iso
from tracker.domain.errors import not_found
from tracker.domain.records import check_verified_after_delivery
from tracker.domain.verification import Verification, verification_from_input
from tracker.domain.vocab import VerificationStatus
from tracker.store import queries
from tracker.store.unit_of_work import UnitOfWork

_LATEST = (
    "select * from verifications where delivery_id = ? order by verified_on desc, id desc limit 1"
)


def verification_row(v: Verification) -> dict[str, Any]:
    return {
        "delivery_id": v.delivery_id,
        "verifier": v.verifier,
        "verified_on": iso(v.verified_on),
        "outcome": v.outcome.value,
        "verified_kg": v.verified_kg,
        "evidence": v.evidence,
        "note": v.note,
    }


def verification_from_row(r: Mapping[str, Any]) -> Verification:
    return Verification(
        id=r["id"],
        delivery_id=r["delivery_id"],
        verifier=r["verifier"],
        verified_on=dt.date.fromisoformat(r["verified_on"]),
        outcome=VerificationStatus(r["outcome"]),
        verified_kg=r["verified_kg"],
        evidence=r["evidence"],
        note=r["note"],
    )


def verifications(db: sqlite_utils.Database, delivery_id: int) -> list[Verification]:
    """The delivery's records, oldest first."""
    sql = "select * from verifications where delivery_id = ? order by verified_on, id"
    return [verification_from_row(r) for r in queries.rows(db, sql, [delivery_id])]


def verification(db: sqlite_utils.Database, verification_id: int) -> Verification:
    for r in queries.rows(db, "select * from verifications where id = ?", [verification_id]):
        return verification_from_row(r)
    raise not_found("verifications", verification_id)


def sync_delivery_status(uow: UnitOfWork, delivery_id: int) -> None:
    """Copy the latest record's outcome, verifier and date onto the delivery."""
    latest = next(queries.rows(uow.db, _LATEST, [delivery_id]), None)
    if latest is None:
        changes: dict[str, Any] = {
            "verification_status": "pending",
            "verifier": "",
            "verified_on": None,
        }
    else:
        pending = latest["outcome"] == VerificationStatus.PENDING.value
        changes = {
            "verification_status": latest["outcome"],
            "verifier": latest["verifier"],
            "verified_on": None if pending else latest["verified_on"],
        }
    uow.update("deliveries", delivery_id, changes)


def add_verification(
    db: sqlite_utils.Database, delivery_id: int, data: Mapping[str, object]
) -> tuple[Verification, ChangeSet]:
    delivery = queries.delivery(db, delivery_id)
    record = verification_from_input(data, delivery_id, delivery.tonnes_kg)
    check_verified_after_delivery(record.verified_on, delivery.delivered_on)
    with UnitOfWork(db) as uow:
        new_id = uow.insert("verifications", verification_row(record))
        sync_delivery_status(uow, delivery_id)
    return replace(record, id=new_id), uow.changes


def update_verification(
    db: sqlite_utils.Database, verification_id: int, data: Mapping[str, object]
) -> tuple[Verification, ChangeSet]:
    current = verification(db, verification_id)
    delivery = queries.delivery(db, current.delivery_id)
    record = replace(
        verification_from_input(data, current.delivery_id, delivery.tonnes_kg), id=verification_id
    )
    check_verified_after_delivery(record.verified_on, delivery.delivered_on)
    with UnitOfWork(db) as uow:
        uow.update("verifications", verification_id, verification_row(record))
        sync_delivery_status(uow, current.delivery_id)
    return record, uow.changes


def delete_verification(db: sqlite_utils.Database, verification_id: int) -> ChangeSet:
    current = verification(db, verification_id)
    with UnitOfWork(db) as uow:
        uow.delete("verifications", verification_id)
        sync_delivery_status(uow, current.delivery_id)
    return uow.changes
