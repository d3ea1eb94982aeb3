"""Which tranche each accepted delivery fills: one allocation for every figure.

Deliveries fill a contract's tranches in due-date order (the earliest open tranche
first, deliveries in date order).  A delivery that names its tranche
(``tranche_due_on``) fills that tranche first; whatever it brings beyond what that
tranche still needs joins the rest in due order.  Tonnes beyond the whole schedule
stay unallocated (an over-delivery).  Only accepted tonnes take part: rejected
deliveries and invalidated tonnes are left out by the caller.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.domain.records import Tranche


@dataclass(frozen=True, slots=True)
class Delivered:
    """A delivery as the schedule sees it: its date and accepted kilograms."""

    delivery_id: int
    delivered_on: dt.date
    kg: int
    tranche_due_on: dt.date | None = None
    vintage: int | None = None


@dataclass(slots=True)
class TrancheFill:
    tranche: Tranche
    parts: list[tuple[Delivered, int]] = field(default_factory=list)  # (delivery, kg)
    # running sum of parts[:_counted]: allocation asks after every part (linear, not quadratic)
    _sum: int = field(default=0, init=False, repr=False, compare=False)
    _counted: int = field(default=0, init=False, repr=False, compare=False)

    @property
    def delivered_kg(self) -> int:
        if self._counted > len(self.parts):  # parts were replaced or shortened
            self._sum, self._counted = 0, 0
        for _, kg in self.parts[self._counted :]:
            self._sum += kg
        self._counted = len(self.parts)
        return self._sum

    @property
    def shortfall_kg(self) -> int:
        return self.tranche.tonnes_kg - self.delivered_kg

    @property
    def filled_on(self) -> dt.date | None:
        """The day the last tonne it needed arrived (None while short)."""
        if self.shortfall_kg > 0 or not self.parts:
            return None
        return max(d.delivered_on for d, _ in self.parts)

    def late_days(self, as_of: dt.date) -> int:
        end = self.filled_on or as_of
        return max((end - self.tranche.due_on).days, 0)

    def status(self, as_of: dt.date) -> str:
        if self.filled_on is not None:
            return "delivered late" if self.late_days(as_of) else "delivered"
        if as_of > self.tranche.due_on:
            return "overdue"
        return "partly delivered" if self.delivered_kg else "open"


@dataclass(frozen=True, slots=True)
class Fulfilment:
    fills: list[TrancheFill]
    unallocated: list[tuple[Delivered, int]]  # tonnes beyond the whole schedule

    def tranches_of(self, delivery_id: int) -> list[tuple[Tranche, int]]:
        return [
            (fill.tranche, kg)
            for fill in self.fills
            for d, kg in fill.parts
            if d.delivery_id == delivery_id
        ]


def _take(fill: TrancheFill, delivered: Delivered, left: int) -> int:
    take = min(fill.shortfall_kg, left)
    if take > 0:
        fill.parts.append((delivered, take))
    return left - take


def allocate(tranches: list[Tranche], deliveries: list[Delivered]) -> Fulfilment:
    """Allocate accepted deliveries to tranches (pure; see the module docstring)."""
    fills = [TrancheFill(t) for t in sorted(tranches, key=lambda t: (t.due_on, t.id or 0))]
    ordered = sorted(deliveries, key=lambda d: (d.delivered_on, d.delivery_id))
    left = {d.delivery_id: d.kg for d in ordered}
    for d in ordered:
        if d.tranche_due_on is None:
            continue
        for fill in fills:
            if fill.tranche.due_on == d.tranche_due_on:
                left[d.delivery_id] = _take(fill, d, left[d.delivery_id])
    first_open = 0  # every tranche before it is full (and stays full)
    for d in ordered:
        for fill in fills[first_open:]:
            if left[d.delivery_id] == 0:
                break
            left[d.delivery_id] = _take(fill, d, left[d.delivery_id])
        while first_open < len(fills) and fills[first_open].shortfall_kg <= 0:
            first_open += 1
    unallocated = [(d, left[d.delivery_id]) for d in ordered if left[d.delivery_id] > 0]
    return Fulfilment(fills, unallocated)
