"""Deliveries: credits transferred by the supplier, with their serials when known.

A delivery's serials may arrive after the delivery itself ("serials to follow").
Until then retirements draw from it by quantity; when its block is added, the
retirements already drawn receive concrete sub-blocks in retirement order, in
the same transaction (so one undo takes both back).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.messages import Day, Tonnes, msg
from tracker.domain.quantities import format_tonnes_grouped
from tracker.domain.records import (
    Delivery,
    Retirement,
    check_block_matches_tonnes,
    delivery_from_input,
    serial_count,
)
from tracker.domain.schedule import effective_schedule
from tracker.domain.serials import CreditBatch, SerialBlock, Serials, parse_serials, serials_text
from tracker.domain.vocab import BATCH_REGISTRIES
from tracker.services.contracts import Removed
from tracker.store import queries
from tracker.store.dependents import DELIVERY_DEPENDENTS, ids_of_delivery
from tracker.store.ledger import Ledger
from tracker.store.rows import delivery_row, serial_columns, with_uid
from tracker.store.unit_of_work import UnitOfWork


def _check_block_free(db: Ledger, delivery: Delivery) -> None:
    if delivery.block is None:
        return
    clashes = [
        d
        for d in queries.overlapping_deliveries(db, delivery.registry.value, delivery.block)
        if d["id"] != delivery.id
    ]
    if clashes:
        other = clashes[0]
        code = (
            "error.same_batch_delivered"
            if isinstance(delivery.block, CreditBatch)
            else "error.overlaps_delivered"
        )
        raise ValidationError(
            "serial_block",
            delivery.block.text,
            msg(code, block=other["serial_block"], contract=other["reference"]),
        )


def _check_tranche_named(db: Ledger, delivery: Delivery) -> None:
    """A delivery that names its tranche must name one the contract schedules."""
    if delivery.tranche_due_on is None:
        return
    contract = queries.contract(db, delivery.contract_id)
    plan = effective_schedule(contract, queries.tranches(db, delivery.contract_id))
    if all(t.due_on != delivery.tranche_due_on for t in plan):
        due = ", ".join(t.due_on.isoformat() for t in plan) or "none"
        raise ValidationError(
            "tranche_due_on",
            delivery.tranche_due_on.isoformat(),
            msg("error.not_a_tranche_due_date", contract=contract.reference, due=due),
        )


def _same_kind(old: Serials | None, new: Serials | None) -> bool:
    if old is None or new is None:
        return old is None and new is None
    if isinstance(old, CreditBatch) or isinstance(new, CreditBatch):
        return old == new
    return True  # two ranges: retirements must lie inside the new one


def _check_quantities_still_fit(db: Ledger, delivery: Delivery) -> None:
    assert delivery.id is not None
    retired = queries.retired_kg(db, delivery.id)
    invalidated = sum(i.tonnes_kg for i in queries.invalidations(db, delivery_id=delivery.id))
    if retired + invalidated > delivery.tonnes_kg:
        code = (
            "error.less_than_retired_or_invalidated" if invalidated else "error.less_than_retired"
        )
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(delivery.tonnes_kg),
            msg(code, tonnes=Tonnes(retired + invalidated)),
        )
    for invalidation in queries.invalidations(db, delivery_id=delivery.id):
        if invalidation.block is None:
            continue
        if not isinstance(delivery.block, SerialBlock) or not delivery.block.contains(
            invalidation.block
        ):
            raise ValidationError(
                "serial_block",
                serials_text(delivery.block),
                msg(
                    "error.no_longer_holds_invalidated",
                    block=invalidation.block.text,
                    day=Day(str(invalidation.invalidated_on)),
                ),
            )


def _check_retirements_contained(db: Ledger, delivery: Delivery) -> None:
    assert delivery.id is not None
    assert isinstance(delivery.block, SerialBlock)
    for retirement in queries.retirements(db, delivery_id=delivery.id):
        if retirement.block is not None and not delivery.block.contains(retirement.block):
            raise ValidationError(
                "serial_block",
                delivery.block.text,
                msg(
                    "error.no_longer_holds_retired",
                    block=retirement.block.text,
                    day=Day(str(retirement.retired_on)),
                ),
            )


def _sub_blocks(
    delivery: Delivery, retirements: list[Retirement]
) -> list[tuple[Retirement, Serials | None]]:
    """The serials each retirement receives from the delivery's new block, in order."""
    if not isinstance(delivery.block, SerialBlock):
        return [(r, delivery.block) for r in retirements]
    given: list[tuple[Retirement, Serials | None]] = []
    cursor = delivery.block.start
    for r in retirements:
        count = serial_count(delivery.registry, r.tonnes_kg)
        if count is None:
            raise ValidationError(
                "serial_block",
                delivery.block.text,
                msg(
                    "error.retired_not_whole_serials",
                    tonnes=Tonnes(r.tonnes_kg),
                    day=Day(str(r.retired_on)),
                ),
            )
        given.append((r, delivery.block.sub_block(cursor, cursor + count - 1)))
        cursor += count
    return given


def _give_serials(uow: UnitOfWork, delivery: Delivery) -> None:
    """Rewrite the serials of the delivery's retirements for its new kind of block."""
    assert delivery.id is not None
    drawn = sorted(
        queries.retirements(uow.db, delivery_id=delivery.id), key=lambda r: (r.retired_on, r.id)
    )
    for retirement, block in _sub_blocks(delivery, drawn):
        assert retirement.id is not None
        uow.update("retirements", retirement.id, serial_columns(block))


def add_delivery(
    db: Ledger, contract_id: int, data: Mapping[str, object]
) -> tuple[Delivery, ChangeSet]:
    contract = queries.contract(db, contract_id)
    delivery = delivery_from_input(data, contract_id, contract.registry)
    with UnitOfWork(db) as uow:
        _check_block_free(db, delivery)
        _check_tranche_named(db, delivery)
        delivery_id = uow.insert("deliveries", with_uid(delivery_row(delivery), delivery.uid))
    return replace(delivery, id=delivery_id, uid=uow.last_uid), uow.changes


def update_delivery(
    db: Ledger, delivery_id: int, data: Mapping[str, object]
) -> tuple[Delivery, ChangeSet]:
    """Edit a delivery.  Giving serials to one that awaited them (or changing between a
    batch id and a range) gives its retirements sub-blocks in retirement order."""
    current = queries.delivery(db, delivery_id)
    contract = queries.contract(db, current.contract_id)
    delivery = replace(
        delivery_from_input(data, current.contract_id, contract.registry), id=delivery_id
    )
    return _save(db, current, delivery)


def give_serials(db: Ledger, delivery_id: int, serials: str) -> tuple[Delivery, ChangeSet]:
    """Record the serial block (or batch id) of a delivery that awaited it, keeping the rest
    (a registry import that finds the serials of a delivery recorded without them)."""
    current = queries.delivery(db, delivery_id)
    block = parse_serials(
        serials,
        batches=current.registry in BATCH_REGISTRIES,
        registry=current.registry.value,
    )
    if isinstance(block, SerialBlock):
        check_block_matches_tonnes(
            current.registry, block, current.tonnes_kg, format_tonnes_grouped(current.tonnes_kg)
        )
    return _save(db, current, replace(current, block=block))


def replace_delivery(
    db: Ledger, current: Delivery, delivery: Delivery
) -> tuple[Delivery, ChangeSet]:
    """Save ``delivery`` (already parsed) over ``current``, with every check of an edit."""
    return _save(db, current, delivery)


def _save(db: Ledger, current: Delivery, delivery: Delivery) -> tuple[Delivery, ChangeSet]:
    assert delivery.id is not None
    with UnitOfWork(db) as uow:
        _check_block_free(db, delivery)
        _check_tranche_named(db, delivery)
        _check_quantities_still_fit(db, delivery)
        if _same_kind(current.block, delivery.block):
            if isinstance(delivery.block, SerialBlock):
                _check_retirements_contained(db, delivery)
        else:
            _give_serials(uow, delivery)
        uow.update("deliveries", delivery.id, delivery_row(delivery))
    return delivery, uow.changes


def delete_delivery(db: Ledger, delivery_id: int) -> tuple[Removed, ChangeSet]:
    """Delete a delivery with the retirements, invalidations and verifications drawn on it."""
    removed: list[tuple[str, dict[str, Any]]] = []
    with UnitOfWork(db) as uow:
        for table in DELIVERY_DEPENDENTS:
            for record_id in ids_of_delivery(db, table, delivery_id):
                removed.append((table, uow.delete(table, record_id)))
        removed.append(("deliveries", uow.delete("deliveries", delivery_id)))
    return Removed(tuple(reversed(removed))), uow.changes


def drawn_from(db: Ledger, delivery_id: int) -> list[int]:
    """Ids of the retirements drawn from a delivery (an edit may give them serials)."""
    return [r[0] for r in queries.retired_ranges(db, delivery_id)]


def retirements_depending(db: Ledger, delivery_id: int) -> int:
    return len(drawn_from(db, delivery_id))
