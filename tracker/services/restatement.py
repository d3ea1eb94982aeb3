"""Retirements whose credits were later rejected or invalidated: claims to restate.

History is not rewritten: such retirements stay in the ledger.  This module says,
as of a date, how many kilograms of each retirement no longer stand behind its
claim and why -- for the RETIRED_FROM_FAILED / RETIRED_INVALIDATED rules and the
claims report.

* A delivery whose verification has failed by the date: every retirement drawn
  from it is affected in full.
* An invalidation that names serials: the retired serials it covers.
* An invalidation by quantity: first the delivery's credits that were never
  retired absorb it; what remains falls on its retirements, newest first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tracker.store import holdings
from tracker.store.ledger import Ledger

FAILED = "failed"
INVALIDATED = "invalidated"


@dataclass(frozen=True, slots=True)
class Affected:
    retirement_id: int
    delivery_id: int
    kg: int
    cause: str  # FAILED or INVALIDATED
    since: str  # the date of the failed verification or of the (latest) invalidation


def _unit(registry: str) -> int:
    return 1 if registry == "isometric" else 1000


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)


def affected_retirements(
    db: Ledger, as_of: dt.date, contracts: frozenset[int] | None = None
) -> dict[int, Affected]:
    """Retirement id -> what of it no longer stands, as of ``as_of`` (the retirements of
    ``contracts`` and from their deliveries, given them)."""
    found: dict[int, Affected] = {}
    for row in holdings.retired_from_failed(db, as_of, contracts):
        found[row["id"]] = Affected(
            row["id"], row["delivery_id"], row["tonnes_kg"], FAILED, row["since"] or ""
        )
    for rid, affected in invalidated_retirements(db, as_of, contracts).items():
        found.setdefault(rid, affected)  # failed first: all of it no longer stands
    return found


def invalidated_retirements(
    db: Ledger, as_of: dt.date, contracts: frozenset[int] | None = None
) -> dict[int, Affected]:
    """Retirement id -> what of it the registry had invalidated by ``as_of``, from the
    few invalidated deliveries (whatever their verification: ``affected_retirements``
    puts a retirement from a failed delivery down to its failure)."""
    found: dict[int, Affected] = {}
    invalidated = holdings.invalidated_deliveries(db, as_of, contracts)
    ids, day = [d["id"] for d in invalidated], as_of.isoformat()
    retired, invalid = holdings.retired_from(db, ids, day), holdings.invalidations_of(db, ids, day)
    for delivery in invalidated:
        for affected in _invalidated(delivery, retired[delivery["id"]], invalid[delivery["id"]]):
            found.setdefault(affected.retirement_id, affected)
    return found


def _invalidated(
    delivery: dict[str, Any],
    retired: list[holdings.RetiredPart],
    invalid: list[holdings.InvalidatedPart],
) -> list[Affected]:
    unit = _unit(delivery["registry"])
    since = invalid[-1][3]
    hit: dict[int, int] = {}
    named = [(s, e) for _kg, s, e, _on in invalid if s is not None and e is not None]
    for rid, _kg, start, end in retired:
        if start is not None and end is not None:
            shared = sum(_overlap((start, end), n) for n in named)
            if shared:
                hit[rid] = shared * unit
    by_quantity = sum(kg for kg, s, _e, _on in invalid if s is None)
    named_kg = sum((e - s + 1) * unit for s, e in named)
    retired_kg = sum(kg for _rid, kg, _s, _e in retired)
    never_retired = delivery["tonnes_kg"] - retired_kg - named_kg + sum(hit.values())
    excess = by_quantity - max(never_retired, 0)
    for rid, kg, _start, _end in retired:  # newest first
        if excess <= 0:
            break
        take = min(kg - hit.get(rid, 0), excess)
        if take > 0:
            hit[rid] = hit.get(rid, 0) + take
            excess -= take
    return [Affected(rid, delivery["id"], kg, INVALIDATED, since) for rid, kg in hit.items()]
