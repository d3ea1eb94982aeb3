"""Which delivered credits a retirement draws: oldest vintage first.

Pure function over plain data so it can be tested without a database.  The
Isometric registry retires "from oldest credits" the same way: lowest vintage,
then earliest delivery, then lowest serial number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.domain.records import serial_count
from tracker.domain.serials import SerialBlock, free_ranges
from tracker.domain.vocab import Registry


@dataclass(frozen=True, slots=True)
class Holding:
    """A delivery as seen by the allocator: its block and the ranges already retired."""

    delivery_id: int
    vintage: int | None
    delivered_on: dt.date
    registry: Registry
    block: SerialBlock
    retired: tuple[tuple[int, int], ...]

    def serials_per_kg(self) -> tuple[int, int]:
        """(serials, kg) ratio: 1 serial per kg for kg registries, per 1000 kg otherwise."""
        return (1, 1) if serial_count(self.registry, 1) == 1 else (1, 1000)


@dataclass(frozen=True, slots=True)
class Draw:
    delivery_id: int
    block: SerialBlock
    tonnes_kg: int


def available_kg(holding: Holding) -> int:
    serials, kg = holding.serials_per_kg()
    free = sum(end - start + 1 for start, end in free_ranges(holding.block, list(holding.retired)))
    return free * kg // serials


def draw_oldest_first(holdings: list[Holding], tonnes_kg: int) -> list[Draw] | None:
    """Draws that together cover ``tonnes_kg``, or None if the holdings cannot.

    For whole-tonne registries only whole tonnes can be drawn from a block, so
    a request that would leave a fraction of a tonne in one block is served
    from the next block instead; None if nothing fits.
    """
    ordered = sorted(
        holdings,
        key=lambda h: (
            h.vintage if h.vintage is not None else 10_000,
            h.delivered_on,
            h.delivery_id,
        ),
    )
    remaining = tonnes_kg
    draws: list[Draw] = []
    for holding in ordered:
        if remaining == 0:
            break
        serials_unit, kg_unit = holding.serials_per_kg()
        for start, end in free_ranges(holding.block, list(holding.retired)):
            if remaining == 0:
                break
            wanted_serials = remaining // kg_unit * serials_unit
            take = min(end - start + 1, wanted_serials)
            if take <= 0:
                break
            draws.append(
                Draw(
                    holding.delivery_id,
                    holding.block.sub_block(start, start + take - 1),
                    take * kg_unit // serials_unit,
                )
            )
            remaining -= take * kg_unit // serials_unit
    return draws if remaining == 0 else None
