"""Verification records per delivery; the delivery's status follows its latest record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import not_found
from tracker.domain.records import check_verified_after_delivery
from tracker.domain.verification import Verification, verification_from_input
from tracker.domain.vocab import VerificationStatus
from tracker.store import queries, verification_reads
from tracker.store.ledger import Ledger
from tracker.store.unit_of_work import UnitOfWork
from tracker.store.verification_reads import verification_row


def verifications(db: Ledger, delivery_id: int) -> list[Verification]:
    """The delivery's records, oldest first."""
    return verification_reads.verifications(db, delivery_id)


def verification(db: Ledger, verification_id: int) -> Verification:
    found = verification_reads.verification_by_id(db, verification_id)
    if found is None:
        raise not_found("verifications", verification_id)
    return found


def sync_delivery_status(uow: UnitOfWork, delivery_id: int) -> None:
    """Copy the latest record's outcome, verifier and date onto the delivery."""
    latest = verification_reads.latest_row(uow.db, delivery_id)
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
    db: Ledger, delivery_id: int, data: Mapping[str, object]
) -> tuple[Verification, ChangeSet]:
    delivery = queries.delivery(db, delivery_id)
    record = verification_from_input(data, delivery_id, delivery.tonnes_kg)
    check_verified_after_delivery(record.verified_on, delivery.delivered_on)
    with UnitOfWork(db) as uow:
        new_id = uow.insert("verifications", verification_row(record))
        sync_delivery_status(uow, delivery_id)
    return replace(record, id=new_id), uow.changes


def update_verification(
    db: Ledger, verification_id: int, data: Mapping[str, object]
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


def delete_verification(db: Ledger, verification_id: int) -> ChangeSet:
    current = verification(db, verification_id)
    with UnitOfWork(db) as uow:
        uow.delete("verifications", verification_id)
        sync_delivery_status(uow, current.delivery_id)
    return uow.changes
