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

import sqlite_utils

from tracker.store import lifecycle, queries

FAILED = "failed"
INVALIDATED = "invalidated"


@dataclass(frozen=True, slots=True)
class Affected:
    retirement_id: int
    delivery_id: int
    kg: int
    cause: str  # FAILED or INVALIDATED
    since: str  # the date of the failed verification or of the (latest) invalidation


_FAILED_SQL = f"""
select r.id, r.delivery_id, r.tonnes_kg, {lifecycle.STATUS_DAY_AS_OF} as since
from retirements r join deliveries d on d.id = r.delivery_id
where r.retired_on <= :as_of and {lifecycle.STATUS_AS_OF} = 'failed'
"""

_INVALIDATED_DELIVERIES = """
select distinct d.id, d.tonnes_kg, d.registry from invalidations i
join deliveries d on d.id = i.delivery_id
where i.invalidated_on <= :as_of
"""


def _unit(registry: str) -> int:
    return 1 if registry == "isometric" else 1000


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)


def affected_retirements(db: sqlite_utils.Database, as_of: dt.date) -> dict[int, Affected]:
    """Retirement id -> what of it no longer stands, as of ``as_of``."""
    params = {"as_of": as_of.isoformat()}
    found: dict[int, Affected] = {}
    for row in queries.rows(db, _FAILED_SQL, params):
        found[row["id"]] = Affected(
            row["id"], row["delivery_id"], row["tonnes_kg"], FAILED, row["since"] or ""
        )
    for delivery in list(queries.rows(db, _INVALIDATED_DELIVERIES, params)):
        for affected in _invalidated(db, delivery, as_of):
            found.setdefault(affected.retirement_id, affected)
    return found


def _invalidated(db: sqlite_utils.Database, delivery: dict, as_of: dt.date) -> list[Affected]:
    day = as_of.isoformat()
    unit = _unit(delivery["registry"])
    retired = db.execute(
        "select id, tonnes_kg, serial_start, serial_end from retirements "
        "where delivery_id = ? and retired_on <= ? order by retired_on desc, id desc",
        [delivery["id"], day],
    ).fetchall()
    invalid = db.execute(
        "select tonnes_kg, serial_start, serial_end, invalidated_on from invalidations "
        "where delivery_id = ? and invalidated_on <= ? order by invalidated_on",
        [delivery["id"], day],
    ).fetchall()
    since = invalid[-1][3]
    hit: dict[int, int] = {}
    named = [(s, e) for _kg, s, e, _on in invalid if s is not None]
    for rid, _kg, start, end in retired:
        if start is not None:
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
