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
from operator import attrgetter
from typing import NamedTuple

from tracker.domain.quantities import value_cents_total
from tracker.domain.records import Tranche


class Delivered(NamedTuple):
    """A delivery as the schedule sees it: its date and accepted kilograms.  (A named
    tuple: a ledger holds up to millions of them, and a tuple is built several times
    faster than a frozen dataclass.)"""

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
    # latest delivery date among parts[:_dated], kept the same way
    _latest: dt.date | None = field(default=None, init=False, repr=False, compare=False)
    _dated: int = field(default=0, init=False, repr=False, compare=False)

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
        if self._dated > len(self.parts):  # parts were replaced or shortened
            self._latest, self._dated = None, 0
        for d, _ in self.parts[self._dated :]:
            if self._latest is None or d.delivered_on > self._latest:
                self._latest = d.delivered_on
        self._dated = len(self.parts)
        return self._latest

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


_ALLOCATION_ORDER = attrgetter("delivered_on", "delivery_id")


def allocate(tranches: list[Tranche], deliveries: list[Delivered]) -> Fulfilment:
    """Allocate accepted deliveries to tranches (pure; see the module docstring).

    Linear in deliveries plus tranches: what each tranche still needs is kept in a
    list beside it, and every tranche before ``first_open`` is full and stays full.
    """
    fills = [TrancheFill(t) for t in sorted(tranches, key=lambda t: (t.due_on, t.id or 0))]
    ordered = sorted(deliveries, key=_ALLOCATION_ORDER)
    need = [fill.tranche.tonnes_kg for fill in fills]
    left = [d.kg for d in ordered]
    named: dict[dt.date, list[int]] = {}
    for i, fill in enumerate(fills):
        named.setdefault(fill.tranche.due_on, []).append(i)
    for n, d in enumerate(ordered):  # a delivery that names its tranche fills it first
        if d.tranche_due_on is None:
            continue
        for i in named.get(d.tranche_due_on, ()):
            take = min(need[i], left[n])
            if take > 0:
                fills[i].parts.append((d, take))
                need[i] -= take
                left[n] -= take
    count = len(fills)
    first_open = 0
    for n, d in enumerate(ordered):  # then every delivery fills the earliest open tranches
        remaining, i = left[n], first_open
        while remaining and i < count:
            take = min(need[i], remaining)
            if take > 0:
                fills[i].parts.append((d, take))
                need[i] -= take
                remaining -= take
            i += 1
        left[n] = remaining
        while first_open < count and need[first_open] <= 0:
            first_open += 1
    unallocated = [(d, kg) for d, kg in zip(ordered, left, strict=True) if kg > 0]
    return Fulfilment(fills, unallocated)


def delivered_value_cents(contract_price: int, filled: Fulfilment) -> int:
    """Delivered value where tranches carry their own price: each allocated tonne at
    its tranche's price (the contract's where the tranche has none), tonnes beyond the
    schedule at the contract's; summed exactly, rounded once."""
    parts = [
        (fill.delivered_kg, contract_price if fill.tranche.price is None else fill.tranche.price)
        for fill in filled.fills
    ]
    parts.extend((kg, contract_price) for _d, kg in filled.unallocated)
    return value_cents_total(parts)


def vintage_mismatches(filled: Fulfilment) -> list[tuple[int, list[int]]]:
    """Each delivery whose vintage differs from a stored tranche's that it fills, with the
    vintages those tranches call for (by delivery id)."""
    found: dict[int, list[int]] = {}
    for fill in filled.fills:
        wanted = fill.tranche.vintage
        if wanted is None or fill.tranche.derived:
            continue
        for delivered, _kg in fill.parts:
            if delivered.vintage is not None and delivered.vintage != wanted:
                found.setdefault(delivered.delivery_id, []).append(wanted)
    return sorted(found.items())


def folded(filled: Fulfilment) -> Fulfilment:
    """The same allocation with each tranche's parts folded into one — their kilograms,
    dated by the latest delivery — and the tonnes beyond the schedule likewise: the same
    delivered, shortfall, day filled, days late, status and value, without naming every
    delivery (a million deliveries' parts are hundreds of megabytes)."""
    fills = []
    for fill in filled.fills:
        kept = TrancheFill(fill.tranche)
        if fill.parts:
            latest = max((d for d, _kg in fill.parts), key=attrgetter("delivered_on"))
            kept.parts.append((latest, fill.delivered_kg))
        fills.append(kept)
    beyond = sum(kg for _d, kg in filled.unallocated)
    last = [(filled.unallocated[-1][0], beyond)] if filled.unallocated else []
    return Fulfilment(fills, last)
