"""The tranche allocation folded (each tranche's parts in one), with the deliveries whose
vintage differs from a tranche they fill — computed from running sums where it can.

``folded(allocate(...))`` names every delivery's part before folding them: at a million
deliveries, seconds of Python.  Where no delivery names its tranche, the allocation is
first-in, first-out: tranche *j* takes the kilograms between the schedule's running
need before it and after it, out of the deliveries' running sum in allocation order.
Two binary searches find each tranche's deliveries; only the vintage check reads them.
A delivery that names its tranche fills it first: then ``allocate`` decides, as before.
The same figures either way (tests hold the two to each other on random schedules).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import itemgetter

from tracker.domain.fulfilment import (
    Delivered,
    Fulfilment,
    TrancheFill,
    allocate,
    folded,
    vintage_mismatches,
)
from tracker.domain.records import Tranche

# An accepted delivery as read: id, delivered on (ISO), tranche named (ISO or None),
# vintage, accepted kilograms.
Accepted = tuple[int, str, str | None, int | None, int]
Mismatches = list[tuple[int, list[int]]]  # delivery id -> vintages of the tranches it fills

_ALLOCATION_ORDER = itemgetter(1, 0)  # ISO dates order as dates do


def delivered(row: Accepted) -> Delivered:
    """The delivery as ``allocate`` takes it."""
    delivery_id, day, due, vintage, kg = row
    due_day = dt.date.fromisoformat(due) if due else None
    return Delivered(delivery_id, dt.date.fromisoformat(day), kg, due_day, vintage)


def folded_allocation(
    tranches: list[Tranche], accepted: list[Accepted]
) -> tuple[Fulfilment, Mismatches]:
    """``folded(allocate(tranches, deliveries))`` and its ``vintage_mismatches``."""
    if any(row[2] for row in accepted):
        filled = allocate(tranches, [delivered(row) for row in accepted])
        return folded(filled), vintage_mismatches(filled)
    return _first_in_first_out(tranches, sorted(accepted, key=_ALLOCATION_ORDER))


def _first_in_first_out(
    tranches: list[Tranche], rows: list[Accepted]
) -> tuple[Fulfilment, Mismatches]:
    fills = [TrancheFill(t) for t in sorted(tranches, key=lambda t: (t.due_on, t.id or 0))]
    ends = list(accumulate(row[4] for row in rows))  # running sum: delivery i ends there
    days = [row[1] for row in rows]
    total = ends[-1] if ends else 0
    mismatched: dict[int, list[int]] = {}
    before = 0  # what the tranches before this one need, all together
    for fill in fills:
        after = before + max(fill.tranche.tonnes_kg, 0)
        taken = min(after, total) - min(before, total)
        if taken > 0:
            first = bisect_right(ends, before)  # holds the tranche's first kilogram
            last = bisect_left(ends, min(after, total))  # and its last
            latest = bisect_left(days, days[last], first, last + 1)  # first of the last day
            fill.parts.append((delivered(rows[latest]), taken))
            wanted = fill.tranche.vintage
            if wanted is not None and not fill.tranche.derived:
                for delivery_id, _day, _due, vintage, _kg in rows[first : last + 1]:
                    if vintage is not None and vintage != wanted:
                        mismatched.setdefault(delivery_id, []).append(wanted)
        before = after
    beyond = total - min(before, total)
    unallocated = [(delivered(rows[-1]), beyond)] if beyond > 0 else []
    return Fulfilment(fills, unallocated), sorted(mismatched.items())
