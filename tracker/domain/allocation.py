"""Which delivered credits a retirement draws: oldest vintage first, verified first.

Pure functions over plain data so they can be tested without a database.  The
Isometric registry retires "from oldest credits" the same way: lowest vintage, then
earliest delivery, then lowest serial number.  A retirement draws only credits
delivered on or before its date, verified ones (verified by that date) before
pending ones; rejected deliveries are never holdings.

A holding is one of three kinds: a serial range (draws are sub-ranges), a batch
named by one id, or a delivery whose serials are still to come (both drawn by
quantity).  Credits a registry invalidated by quantity, without naming serials,
are taken from the end of the holding's free serials.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.domain.records import serial_count
from tracker.domain.serials import SerialBlock, Serials, free_ranges
from tracker.domain.vocab import Registry


@dataclass(frozen=True, slots=True)
class Holding:
    """A delivery as seen by the allocator: what it holds and what is already gone."""

    delivery_id: int
    vintage: int | None
    delivered_on: dt.date
    registry: Registry
    block: Serials | None
    retired: tuple[tuple[int, int], ...] = ()  # serial ranges retired from a range block
    tonnes_kg: int = 0
    retired_kg: int = 0
    invalidated: tuple[tuple[int, int], ...] = ()  # serial ranges the registry invalidated
    invalidated_kg: int = 0  # all invalidated kilograms, with or without serials
    verified_on: dt.date | None = None  # when verified (None while pending)

    @property
    def kg_per_unit(self) -> int:
        """Kilograms per drawable unit: 1 for kilogram registries, 1,000 otherwise."""
        return 1 if serial_count(self.registry, 1) == 1 else 1000

    def free_serials(self) -> list[tuple[int, int]]:
        """Free serial ranges of a range block, less quantity-only invalidations."""
        assert isinstance(self.block, SerialBlock)
        free = free_ranges(self.block, [*self.retired, *self.invalidated])
        named = sum(end - start + 1 for start, end in self.invalidated) * self.kg_per_unit
        trim = max(self.invalidated_kg - named, 0) // self.kg_per_unit
        while trim and free:
            start, end = free[-1]
            cut = min(trim, end - start + 1)
            trim -= cut
            free[-1] = (start, end - cut)
            if free[-1][1] < start:
                free.pop()
        return free

    def verified_by(self, day: dt.date) -> bool:
        return self.verified_on is not None and self.verified_on <= day


@dataclass(frozen=True, slots=True)
class Draw:
    delivery_id: int
    block: Serials | None  # None: the delivery's serials are still to come
    tonnes_kg: int
    verified: bool = True  # verified by the retirement date


def available_kg(holding: Holding) -> int:
    if isinstance(holding.block, SerialBlock):
        free = sum(end - start + 1 for start, end in holding.free_serials())
        return free * holding.kg_per_unit
    return max(holding.tonnes_kg - holding.retired_kg - holding.invalidated_kg, 0)


def holdings_on(
    holdings: list[Holding], retired_on: dt.date, verified_only: bool = False
) -> list[Holding]:
    """What can be drawn on ``retired_on``, in draw order: verified, then pending,
    each oldest vintage first, then earliest delivery."""
    eligible = [
        h
        for h in holdings
        if h.delivered_on <= retired_on and (h.verified_by(retired_on) or not verified_only)
    ]
    return sorted(
        eligible,
        key=lambda h: (
            not h.verified_by(retired_on),
            h.vintage if h.vintage is not None else 10_000,
            h.delivered_on,
            h.delivery_id,
        ),
    )


def _draws_from(holding: Holding, remaining: int, verified: bool) -> list[Draw]:
    unit = holding.kg_per_unit
    if not isinstance(holding.block, SerialBlock):
        take = min(available_kg(holding), remaining) // unit * unit
        return [Draw(holding.delivery_id, holding.block, take, verified)] if take > 0 else []
    draws: list[Draw] = []
    for start, end in holding.free_serials():
        take = min(end - start + 1, remaining // unit)
        if take <= 0:
            break
        draws.append(
            Draw(
                holding.delivery_id,
                holding.block.sub_block(start, start + take - 1),
                take * unit,
                verified,
            )
        )
        remaining -= take * unit
    return draws


def draw_oldest_first(
    holdings: list[Holding],
    tonnes_kg: int,
    retired_on: dt.date | None = None,
    verified_only: bool = False,
) -> list[Draw] | None:
    """Draws that together cover ``tonnes_kg`` on ``retired_on``, or None if they cannot.

    For whole-tonne registries only whole tonnes can be drawn from a block, so a
    request that would leave a fraction of a tonne in one block is served from the
    next block instead; None if nothing fits.
    """
    day = retired_on or dt.date.max
    remaining = tonnes_kg
    draws: list[Draw] = []
    for holding in holdings_on(holdings, day, verified_only):
        if remaining == 0:
            break
        for draw in _draws_from(holding, remaining, holding.verified_by(day)):
            draws.append(draw)
            remaining -= draw.tonnes_kg
    return draws if remaining == 0 else None
