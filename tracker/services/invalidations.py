"""Invalidations: delivered credits a registry cancelled or drew into a buffer.

Invalidated tonnes stop counting as delivered and available from their date.  When
they had already been retired, the retirements stay as they were (history is not
rewritten); the audit raises RETIRED_INVALIDATED and the claims report marks the
claims for restatement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.messages import Day, Tonnes, msg
from tracker.domain.quantities import format_tonnes_grouped
from tracker.domain.records import Delivery, Invalidation, invalidation_from_input
from tracker.domain.serials import SerialBlock, serials_text
from tracker.services.contracts import Removed
from tracker.store import lookups, queries
from tracker.store.ledger import Ledger
from tracker.store.rows import invalidation_row, with_uid
from tracker.store.unit_of_work import UnitOfWork


def find_delivery(db: Ledger, contract_id: int, named: str) -> Delivery:
    """The contract's delivery named by its serial block, batch id or registry reference."""
    text = " ".join(named.split())
    if not text:
        raise ValidationError("delivery", named, msg("error.delivery_named_required"))
    found = lookups.delivery_named(db, contract_id, text)
    if found is None:
        reference = queries.contract_references(db)[contract_id]
        raise ValidationError(
            "delivery", named, msg("error.not_a_delivery_of", contract=reference),
        )  # fmt: skip
    return found


def _check_fits(db: Ledger, record: Invalidation, own_id: int | None) -> None:
    delivery = queries.delivery(db, record.delivery_id)
    if delivery.rejected:
        raise ValidationError(
            "delivery",
            serials_text(delivery.block) or delivery.reference,
            msg("error.delivery_was_rejected"),
        )
    others = [
        i for i in queries.invalidations(db, delivery_id=record.delivery_id) if i.id != own_id
    ]
    left = delivery.tonnes_kg - sum(i.tonnes_kg for i in others)
    if record.tonnes_kg > left:
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(record.tonnes_kg),
            msg("error.more_than_not_invalidated", tonnes=Tonnes(left)),
        )
    if isinstance(record.block, SerialBlock):
        for other in others:
            if other.block is not None and other.block.overlaps(record.block):
                raise ValidationError(
                    "serial_block",
                    record.block.text,
                    msg(
                        "error.overlaps_invalidated",
                        block=other.block.text,
                        day=Day(str(other.invalidated_on)),
                    ),
                )


def _record(db: Ledger, delivery_id: int, data: Mapping[str, object]) -> Invalidation:
    delivery = queries.delivery(db, delivery_id)
    record = invalidation_from_input(data, delivery)
    if isinstance(record.block, SerialBlock) and isinstance(delivery.block, SerialBlock):
        record = replace(
            record, block=delivery.block.sub_block(record.block.start, record.block.end)
        )
    return record


def add_invalidation(
    db: Ledger, delivery_id: int, data: Mapping[str, object]
) -> tuple[Invalidation, ChangeSet]:
    record = _record(db, delivery_id, data)
    with UnitOfWork(db) as uow:
        _check_fits(db, record, None)
        new_id = uow.insert("invalidations", with_uid(invalidation_row(record), record.uid))
    return replace(record, id=new_id, uid=uow.last_uid), uow.changes


def update_invalidation(
    db: Ledger, invalidation_id: int, data: Mapping[str, object]
) -> tuple[Invalidation, ChangeSet]:
    current = queries.invalidation(db, invalidation_id)
    record = replace(_record(db, current.delivery_id, data), id=invalidation_id)
    with UnitOfWork(db) as uow:
        _check_fits(db, record, invalidation_id)
        uow.update("invalidations", invalidation_id, invalidation_row(record))
    return record, uow.changes


def delete_invalidation(db: Ledger, invalidation_id: int) -> tuple[Removed, ChangeSet]:
    with UnitOfWork(db) as uow:
        row = uow.delete("invalidations", invalidation_id)
    return Removed((("invalidations", row),)), uow.changes
