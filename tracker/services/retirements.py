"""Retirements: credits drawn from specific deliveries against a claim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from tracker.domain.allocation import (
    Draw,
    Holding,
    available_kg,
    draw_oldest_first,
    holdings_on,
)
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.domain.messages import Day, Message, Tonnes, msg
from tracker.domain.quantities import KG_PER_TONNE, format_tonnes_grouped
from tracker.domain.records import (
    Delivery,
    Retirement,
    RetirementRequest,
    check_block_matches_tonnes,
    retirement_from_input,
)
from tracker.domain.serials import SerialBlock, Serials, serials_text
from tracker.domain.vocab import KILOGRAM_SERIAL_REGISTRIES
from tracker.services.contracts import Removed
from tracker.services.holdings import Available as Available
from tracker.services.holdings import available_for as available_for
from tracker.services.holdings import available_on as available_on
from tracker.services.holdings import holdings as holdings
from tracker.services.holdings import keep_drawn, owned_for_draw
from tracker.store import queries
from tracker.store.ledger import Ledger
from tracker.store.rows import delivery_from_row, retirement_row, with_uid
from tracker.store.unit_of_work import UnitOfWork


def _rejected_message(delivery: Delivery) -> Message:
    named = serials_text(delivery.block) or delivery.reference
    by, when = delivery.verifier, delivery.verified_on
    if by and when:
        return msg("error.rejected_delivery_by_on", delivery=named, verifier=by, day=Day(str(when)))
    if by:
        return msg("error.rejected_delivery_by", delivery=named, verifier=by)
    if when:
        return msg("error.rejected_delivery_on", delivery=named, day=Day(str(when)))
    return msg("error.rejected_delivery", delivery=named)


def _delivery_for_block(db: Ledger, request: RetirementRequest, block: Serials) -> Delivery:
    reference = queries.contract_references(db)[request.contract_id]
    candidates = queries.deliveries_containing(db, block)
    mine = [c for c in candidates if c["contract_id"] == request.contract_id]
    if not mine:
        if candidates:
            raise ValidationError(
                "serial_block",
                block.text,
                msg(
                    "error.block_of_other_contract",
                    other=candidates[0]["reference"],
                    contract=reference,
                ),
            )
        raise ValidationError(
            "serial_block", block.text, msg("error.outside_every_delivery", contract=reference)
        )
    delivery = delivery_from_row(mine[0])
    if delivery.rejected:
        raise ValidationError("serial_block", block.text, _rejected_message(delivery))
    return delivery


def _draw_given_block(
    db: Ledger, request: RetirementRequest, block: Serials, own_id: int | None
) -> Draw:
    return _draw_from(db, request, _delivery_for_block(db, request, block), block, own_id)


def _draw_from(
    db: Ledger,
    request: RetirementRequest,
    delivery: Delivery,
    block: Serials | None,
    own_id: int | None,
) -> Draw:
    """Draw ``request.tonnes_kg`` from ``block`` of ``delivery`` (by quantity when None)."""
    assert delivery.id is not None
    if delivery.rejected:
        raise ValidationError("serial_block", serials_text(block), _rejected_message(delivery))
    if isinstance(block, SerialBlock):
        check_block_matches_tonnes(
            delivery.registry, block, request.tonnes_kg, format_tonnes_grouped(request.tonnes_kg)
        )
    (holding,) = holdings(
        db, request.contract_id, exclude_retirement=own_id, delivery_id=delivery.id
    )
    still_held = available_kg(holding)
    if request.tonnes_kg > still_held:
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(request.tonnes_kg),
            msg(
                "error.more_than_delivery_holds",
                tonnes=Tonnes(still_held),
                block=serials_text(delivery.block),
            ),
        )
    if isinstance(block, SerialBlock):
        assert isinstance(delivery.block, SerialBlock)
        for r in queries.retirements(db, delivery_id=delivery.id):
            if r.id != own_id and r.block is not None and block.overlaps(r.block):
                raise ValidationError(
                    "serial_block",
                    block.text,
                    msg("error.overlaps_retired", block=r.block.text, day=Day(str(r.retired_on))),
                )
        for start, end in holding.invalidated:
            if block.overlaps(delivery.block.sub_block(start, end)):
                raise ValidationError(
                    "serial_block",
                    block.text,
                    msg(
                        "error.overlaps_invalidated_by_registry",
                        block=delivery.block.render(start, end),
                    ),
                )
        block = delivery.block.sub_block(block.start, block.end)
    return Draw(delivery.id, block, request.tonnes_kg)


def _draws(db: Ledger, request: RetirementRequest) -> list[Draw]:
    if request.block is not None:
        return [_draw_given_block(db, request, request.block, None)]
    owned = owned_for_draw(db, request.contract_id, request.retired_on)
    _check_whole_tonnes(request, owned)
    draws = draw_oldest_first(owned, request.tonnes_kg, request.retired_on, request.verified_only)
    if draws is None:
        raise ValidationError(
            "tonnes", format_tonnes_grouped(request.tonnes_kg), _short_of(db, request, owned)
        )
    return draws


def _short_of(db: Ledger, request: RetirementRequest, owned: list[Holding]) -> Message:
    """Why an oldest-first draw cannot be served, naming the real cause first."""
    reference = queries.contract_references(db)[request.contract_id]
    day = request.retired_on
    eligible = holdings_on(owned, day, request.verified_only)
    free = sum(available_kg(h) for h in eligible)
    later = sum(available_kg(h) for h in owned) - free
    facts: dict[str, object] = {"free": Tonnes(free), "contract": reference, "day": Day(str(day))}
    if later > 0:
        code = (
            "error.short_verified_later" if request.verified_only else "error.short_delivered_later"
        )
        return msg(code, later=Tonnes(later), **facts)
    return msg(
        "error.short_verified" if request.verified_only else "error.short_delivered", **facts
    )


def _check_whole_tonnes(request: RetirementRequest, owned: list[Holding]) -> None:
    """Whole-tonne registries retire whole tonnes: say so first, not 'more than held'."""
    kept = {h.registry for h in owned}
    if request.tonnes_kg % KG_PER_TONNE and kept and not kept & KILOGRAM_SERIAL_REGISTRIES:
        names = ", ".join(sorted(r.value for r in kept))
        raise ValidationError(
            "tonnes",
            format_tonnes_grouped(request.tonnes_kg),
            msg("error.retire_whole_tonnes", registries=names),
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
    db: Ledger,
    contract_id: int,
    data: Mapping[str, object],
    verified_only: bool = False,
) -> tuple[list[Retirement], ChangeSet]:
    """Retire credits: from the given serial block, or oldest vintage first.

    An oldest-first draw that spans several deliveries (or gaps in one) is
    recorded as one retirement row per contiguous serial range.  With
    ``verified_only`` it draws only credits verified by the retirement date.
    """
    queries.contract(db, contract_id)
    request = replace(retirement_from_input(data, contract_id), verified_only=verified_only)
    made: list[Retirement] = []
    with UnitOfWork(db) as uow:
        draws = _draws(db, request)
        for draw in draws:
            # a uid the input names goes to the first retirement of the draw
            retirement = replace(_retirement(request, draw), uid=None if made else request.uid)
            row = with_uid(retirement_row(retirement), retirement.uid)
            new_id = uow.insert("retirements", row)
            made.append(replace(retirement, id=new_id, uid=uow.last_uid))
    if request.block is None:
        keep_drawn(db, contract_id, draws)
    return made, uow.changes


def preview_draw(
    db: Ledger,
    contract_id: int,
    tonnes_kg: int,
    retired_on: dt.date | None = None,
    verified_only: bool = False,
) -> list[Draw] | None:
    """What an oldest-first retirement of ``tonnes_kg`` would draw (nothing written)."""
    day = retired_on or dt.date.today()
    return draw_oldest_first(holdings(db, contract_id, day), tonnes_kg, day, verified_only)


def update_retirement(
    db: Ledger, retirement_id: int, data: Mapping[str, object]
) -> tuple[Retirement, ChangeSet]:
    """Edit a retirement; its serial block (kept if not given) must still be valid."""
    current = queries.retirement(db, retirement_id)
    request = retirement_from_input(data, current.contract_id)
    if request.block is None:
        if request.tonnes_kg != current.tonnes_kg and isinstance(current.block, SerialBlock):
            raise ValidationError("serial_block", None, msg("error.block_required_for_new_tonnes"))
        request = replace(request, block=current.block)
    with UnitOfWork(db) as uow:
        if request.block is None or request.block == current.block:
            delivery = queries.delivery(db, current.delivery_id)
            draw = _draw_from(db, request, delivery, request.block, retirement_id)
        else:
            draw = _draw_given_block(db, request, request.block, retirement_id)
        retirement = replace(_retirement(request, draw), id=retirement_id)
        uow.update("retirements", retirement_id, retirement_row(retirement))
    return retirement, uow.changes


def delete_retirement(db: Ledger, retirement_id: int) -> tuple[Removed, ChangeSet]:
    with UnitOfWork(db) as uow:
        row = uow.delete("retirements", retirement_id)
    return Removed((("retirements", row),)), uow.changes
