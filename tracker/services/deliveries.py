"""Deliveries: registry serial blocks transferred by the supplier."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.quantities import format_tonnes_grouped
from tracker.domain.records import Delivery, delivery_from_input
from tracker.services.contracts import Removed
from tracker.store import queries
from tracker.store.rows import delivery_row
from tracker.store.unit_of_work import UnitOfWork


def _check_block_free(db: sqlite_utils.Database, delivery: Delivery) -> None:
    clashes = [
        d
        for d in queries.overlapping_deliveries(
            db,
            delivery.registry.value,
            delivery.block.prefix,
            delivery.block.start,
            delivery.block.end,
        )
        if d["id"] != delivery.id
    ]
    if clashes:
        other = clashes[0]
        raise ValidationError(
            "serial_block",
            delivery.block.text,
            f"overlaps {other['serial_block']!r}, already delivered under contract "
            f"{other['reference']}",
        )


def _check_retirements_still_fit(db: sqlite_utils.Database, delivery: Delivery) -> None:
    assert delivery.id is not None
    retired = queries.retired_kg(db, delivery.id)
    if retired > delivery.tonnes_kg:
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(delivery.tonnes_kg),
            f"is less than the {format_tonnes_grouped(retired)} t already retired from this "
            "delivery",
        )
    for retirement in queries.retirements(db, delivery_id=delivery.id):
        if not delivery.block.contains(retirement.block):
            raise ValidationError(
                "serial_block",
                delivery.block.text,
                f"no longer contains {retirement.block.text!r}, retired on {retirement.retired_on}",
            )


def add_delivery(
    db: sqlite_utils.Database, contract_id: int, data: Mapping[str, object]
) -> tuple[Delivery, ChangeSet]:
    contract = queries.contract(db, contract_id)
    delivery = delivery_from_input(data, contract_id, contract.registry)
    with UnitOfWork(db) as uow:
        _check_block_free(db, delivery)
        delivery_id = uow.insert("deliveries", delivery_row(delivery))
    return replace(delivery, id=delivery_id), uow.changes


def update_delivery(
    db: sqlite_utils.Database, delivery_id: int, data: Mapping[str, object]
) -> tuple[Delivery, ChangeSet]:
    current = queries.delivery(db, delivery_id)
    contract = queries.contract(db, current.contract_id)
    delivery = replace(
        delivery_from_input(data, current.contract_id, contract.registry), id=delivery_id
    )
    with UnitOfWork(db) as uow:
        _check_block_free(db, delivery)
        _check_retirements_still_fit(db, delivery)
        uow.update("deliveries", delivery_id, delivery_row(delivery))
        # retirements carry their delivery's contract
    return delivery, uow.changes


def delete_delivery(db: sqlite_utils.Database, delivery_id: int) -> tuple[Removed, ChangeSet]:
    """Delete a delivery together with the retirements drawn from it and its verifications."""
    removed: list[tuple[str, dict]] = []
    with UnitOfWork(db) as uow:
        for retirement_id, _start, _end in queries.retired_ranges(db, delivery_id):
            removed.append(("retirements", uow.delete("retirements", retirement_id)))
        for (verification_id,) in db.execute(
            "select id from verifications where delivery_id = ? order by id", [delivery_id]
        ).fetchall():
            removed.append(("verifications", uow.delete("verifications", verification_id)))
        removed.append(("deliveries", uow.delete("deliveries", delivery_id)))
    return Removed(tuple(reversed(removed))), uow.changes


def retirements_depending(db: sqlite_utils.Database, delivery_id: int) -> int:
    return len(queries.retired_ranges(db, delivery_id))
