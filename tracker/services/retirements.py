"""Retirements: credits drawn from specific deliveries against a claim."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import sqlite_utils

from tracker.domain.allocation import Draw, Holding, available_kg, draw_oldest_first
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.quantities import KG_PER_TONNE, format_tonnes_grouped
from tracker.domain.records import (
    Delivery,
    Retirement,
    RetirementRequest,
    check_block_matches_tonnes,
    retirement_from_input,
)
from tracker.domain.serials import SerialBlock
from tracker.domain.vocab import KILOGRAM_SERIAL_REGISTRIES
from tracker.services.contracts import Removed
from tracker.store import queries
from tracker.store.rows import delivery_from_row, retirement_row
from tracker.store.unit_of_work import UnitOfWork


def holdings(db: sqlite_utils.Database, contract_id: int) -> list[Holding]:
    """Every delivery of the contract with the serial ranges already retired from it."""
    used: dict[int, list[tuple[int, int]]] = {}
    for delivery_id, start, end in db.execute(
        "select delivery_id, serial_start, serial_end from retirements where contract_id = ?",
        [contract_id],
    ):
        used.setdefault(delivery_id, []).append((start, end))
    return [
        Holding(
            d.id or 0,
            d.vintage,
            d.delivered_on,
            d.registry,
            d.block,
            tuple(used.get(d.id or 0, ())),
        )
        for d in queries.deliveries(db, contract_id)
    ]


def available_for(db: sqlite_utils.Database, contract_id: int) -> int:
    """Kilograms delivered to the contract and not yet retired."""
    return sum(available_kg(h) for h in holdings(db, contract_id))


def _draw_given_block(
    db: sqlite_utils.Database, request: RetirementRequest, block: SerialBlock, own_id: int | None
) -> Draw:
    candidates = queries.deliveries_containing(db, block.prefix, block.start, block.end)
    reference = queries.contract_references(db)[request.contract_id]
    mine = [c for c in candidates if c["contract_id"] == request.contract_id]
    if not mine:
        if candidates:
            raise ValidationError(
                "serial_block",
                block.text,
                f"belongs to contract {candidates[0]['reference']}, not {reference}",
            )
        raise ValidationError(
            "serial_block", block.text, f"is outside every delivery of contract {reference}"
        )
    delivery: Delivery = delivery_from_row(mine[0])
    assert delivery.id is not None
    check_block_matches_tonnes(
        delivery.registry, block, request.tonnes_kg, format_tonnes_grouped(request.tonnes_kg)
    )
    retired = [r for r in queries.retirements(db, delivery_id=delivery.id) if r.id != own_id]
    still_held = delivery.tonnes_kg - sum(r.tonnes_kg for r in retired)
    if request.tonnes_kg > still_held:
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(request.tonnes_kg),
            f"is more than the {format_tonnes_grouped(still_held)} t delivery "
            f"{delivery.block.text!r} still holds",
        )
    for r in retired:
        if r.block.overlaps(block):
            raise ValidationError(
                "serial_block",
                block.text,
                f"overlaps {r.block.text!r}, already retired on {r.retired_on}",
            )
    return Draw(delivery.id, delivery.block.sub_block(block.start, block.end), request.tonnes_kg)


def _draws(db: sqlite_utils.Database, request: RetirementRequest) -> list[Draw]:
    if request.block is not None:
        return [_draw_given_block(db, request, request.block, None)]
    owned = holdings(db, request.contract_id)
    _check_whole_tonnes(request, owned)
    draws = draw_oldest_first(owned, request.tonnes_kg)
    if draws is None:
        reference = queries.contract_references(db)[request.contract_id]
        free = sum(available_kg(h) for h in owned)
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(request.tonnes_kg),
            f"is more than the {format_tonnes_grouped(free)} t delivered to {reference} and "
            "not yet retired (whole-tonne registries retire whole tonnes per serial block)",
        )
    return draws


def _check_whole_tonnes(request: RetirementRequest, owned: list[Holding]) -> None:
    """Whole-tonne registries retire whole tonnes: say so first, not 'more than held'."""
    kept = {h.registry for h in owned}
    if request.tonnes_kg % KG_PER_TONNE and kept and not kept & KILOGRAM_SERIAL_REGISTRIES:
        names = ", ".join(sorted(r.value for r in kept))
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(request.tonnes_kg),
            f"must be whole tonnes: {names} serial numbers count whole tonnes",
        )


def _retirement(request: RetirementRequest, draw: Draw) -> Retirement:
    return Retirement(
        contract_id=request.contract_id,
        delivery_id=draw.delivery_id,
        retired_on=request.retired_on,
        tonnes_kg=draw.tonnes_kg,
        block=draw.block,
        beneficiary=request.beneficiary,
        purpose=request.purpose,
        claim_start=request.claim_start,
        claim_end=request.claim_end,
        registry_reference=request.registry_reference,
    )


def retire(
    db: sqlite_utils.Database, contract_id: int, data: Mapping[str, object]
) -> tuple[list[Retirement], ChangeSet]:
    """Retire credits: from the given serial block, or oldest vintage first.

    An oldest-first draw that spans several deliveries (or gaps in one) is
    recorded as one retirement row per contiguous serial range.
    """
    queries.contract(db, contract_id)
    request = retirement_from_input(data, contract_id)
    made: list[Retirement] = []
    with UnitOfWork(db) as uow:
        for draw in _draws(db, request):
            retirement = _retirement(request, draw)
            made.append(
                replace(retirement, id=uow.insert("retirements", retirement_row(retirement)))
            )
    return made, uow.changes


def preview_draw(db: sqlite_utils.Database, contract_id: int, tonnes_kg: int) -> list[Draw] | None:
    """What an oldest-first retirement of ``tonnes_kg`` would draw (nothing written)."""
    return draw_oldest_first(holdings(db, contract_id), tonnes_kg)


def update_retirement(
    db: sqlite_utils.Database, retirement_id: int, data: Mapping[str, object]
) -> tuple[Retirement, ChangeSet]:
    """Edit a retirement; its serial block (kept if not given) must still be valid."""
    current = queries.retirement(db, retirement_id)
    request = retirement_from_input(data, current.contract_id)
    if request.block is None:
        if request.tonnes_kg != current.tonnes_kg:
            raise ValidationError(
                "serial_block", None, "is required when the retired tonnes change"
            )
        request = replace(request, block=current.block)
    assert request.block is not None
    with UnitOfWork(db) as uow:
        draw = _draw_given_block(db, request, request.block, retirement_id)
        retirement = replace(_retirement(request, draw), id=retirement_id)
        uow.update("retirements", retirement_id, retirement_row(retirement))
    return retirement, uow.changes


def delete_retirement(db: sqlite_utils.Database, retirement_id: int) -> tuple[Removed, ChangeSet]:
    with UnitOfWork(db) as uow:
        row = uow.delete("retirements", retirement_id)
    return Removed((("retirements", row),)), uow.changes
