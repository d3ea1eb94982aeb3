"""Each contract's tranche allocation as of the end of time, folded, kept — so the rules
and the schedule read it instead of a million deliveries once the contract is settled.

Allocating a contract's tranches reads each accepted delivery's status and invalidated
tonnes as of the date: at a million deliveries, more than a second for the portfolio.
Once every dated event of a contract lies on or before the date (it is *settled*, as
``contract_positions.settled_through`` records), its allocation as of the date is its
allocation as of the end of time: the same deliveries, statuses and tonnes.  That one
is kept here, folded (one part per tranche, as ``folded_allocation`` gives it), with its
vintage mismatches.

Kept how: beside ``contract_positions`` (:func:`tracker.store.positions.refresh`
recomputes the contracts the triggers noted, before each unit of work commits).  A
reader takes a contract's kept allocation only when the contract is not noted, is
settled by the date, and its schedule is still the one the allocation filled (the
schedule is stored with it and compared); it allocates every other contract.
``check-db`` compares each kept allocation with a new one (:func:`disagreeing`).
Derived data: never logged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from tracker.domain.folded_allocation import Mismatches, folded_allocation
from tracker.domain.fulfilment import Delivered, Fulfilment, TrancheFill
from tracker.domain.records import Tranche
from tracker.domain.schedule import effective_schedule
from tracker.store import queries
from tracker.store.accepted import accepted_rows_by_contract
from tracker.store.lifecycle import END_OF_TIME

SCHEMA = """
CREATE TABLE contract_fills (
    contract_id INTEGER PRIMARY KEY,
    schedule_json TEXT NOT NULL,  -- the tranches filled, as they were
    fills_json TEXT NOT NULL,  -- per tranche its folded part, and the part beyond
    mismatches_json TEXT NOT NULL  -- deliveries filling a tranche of another vintage
) STRICT
"""


def _tranche_json(t: Tranche) -> list[Any]:
    return [t.id, t.due_on.isoformat(), t.tonnes_kg, t.vintage, t.price, t.derived]


def schedule_json(plan: list[Tranche]) -> str:
    """The schedule as kept (and as compared when read)."""
    return json.dumps([_tranche_json(t) for t in plan], separators=(",", ":"))


def _delivered_json(d: Delivered) -> list[Any]:
    due = d.tranche_due_on.isoformat() if d.tranche_due_on else None
    return [d.delivery_id, d.delivered_on.isoformat(), d.kg, due, d.vintage]


def _delivered(row: list[Any]) -> Delivered:
    delivery_id, day, kg, due, vintage = row
    due_day = dt.date.fromisoformat(due) if due else None
    return Delivered(delivery_id, dt.date.fromisoformat(day), kg, due_day, vintage)


def _parts_json(parts: list[tuple[Delivered, int]]) -> list[Any]:
    return [[_delivered_json(d), kg] for d, kg in parts]


def _parts(rows: list[Any]) -> list[tuple[Delivered, int]]:
    return [(_delivered(d), kg) for d, kg in rows]


def fills_json(plan: list[Tranche], filled: Fulfilment) -> str:
    """The allocation as kept: each fill by its tranche's place in ``plan``."""
    place = {id(t): i for i, t in enumerate(plan)}
    fills = [[place[id(f.tranche)], _parts_json(f.parts)] for f in filled.fills]
    return json.dumps(
        {"fills": fills, "beyond": _parts_json(filled.unallocated)}, separators=(",", ":")
    )


def decoded(plan: list[Tranche], fills: str, mismatches: str) -> tuple[Fulfilment, Mismatches]:
    """The kept allocation over ``plan`` (the schedule it was kept with)."""
    found = json.loads(fills)
    rebuilt = []
    for place, parts in found["fills"]:
        fill = TrancheFill(plan[place])
        fill.parts.extend(_parts(parts))
        rebuilt.append(fill)
    kept_mismatches = [(delivery_id, wanted) for delivery_id, wanted in json.loads(mismatches)]
    return Fulfilment(rebuilt, _parts(found["beyond"])), kept_mismatches


def allocations(
    db: sqlite_utils.Database, plans: Iterable[tuple[int, list[Tranche]]]
) -> dict[int, tuple[list[Tranche], Fulfilment, Mismatches]]:
    """Each contract's allocation as of the end of time, folded, with its mismatches,
    for ``plans`` (contract id, its effective schedule)."""
    found = {}
    for contract_id, plan in plans:
        rows = dict(accepted_rows_by_contract(db, END_OF_TIME, contract_id)).get(contract_id, [])
        found[contract_id] = (plan, *folded_allocation(plan, rows))
    return found


def as_kept(
    plan: list[Tranche], filled: Fulfilment, mismatched: Mismatches
) -> tuple[str, str, str]:
    """An allocation as kept: schedule, fills and mismatches (JSON)."""
    return (
        schedule_json(plan),
        fills_json(plan, filled),
        json.dumps(mismatched, separators=(",", ":")),
    )


def allocated(
    db: sqlite_utils.Database, plans: Iterable[tuple[int, list[Tranche]]]
) -> dict[int, tuple[str, str, str]]:
    """:func:`allocations` as kept."""
    return {c: as_kept(*found) for c, found in allocations(db, plans).items()}


def write(db: sqlite_utils.Database, kept: dict[int, tuple[str, str, str]]) -> None:
    """Replace the kept allocations of these contracts (inside the caller's transaction)."""
    db.conn.executemany(
        "insert or replace into contract_fills "
        "(contract_id, schedule_json, fills_json, mismatches_json) values (?, ?, ?, ?)",
        [(contract_id, *texts) for contract_id, texts in kept.items()],
    )


def exists(db: sqlite_utils.Database) -> bool:
    found = db.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'contract_fills'"
    ).fetchone()
    return found is not None


# The kept allocations a reader may take as of :as_of: settled by then, not noted.
_USABLE = """
select f.contract_id, f.schedule_json, f.fills_json, f.mismatches_json
from contract_fills f join contract_positions p on p.contract_id = f.contract_id
where coalesce(p.settled_through, '') <= :as_of
  and f.contract_id not in (select contract_id from positions_dirty) {scope}
"""


def usable(
    db: sqlite_utils.Database, as_of: dt.date, contract_id: int | None = None
) -> dict[int, tuple[str, str, str]]:
    """Kept allocations a reader may take as of ``as_of`` (schedule, fills, mismatches),
    by contract; none on a ledger without them."""
    if not exists(db):
        return {}
    scope = "and f.contract_id = :contract_id" if contract_id else ""
    params = {"as_of": as_of.isoformat(), "contract_id": contract_id}
    return {
        row[0]: (row[1], row[2], row[3])
        for row in db.execute(_USABLE.format(scope=scope), params).fetchall()
    }


def plans(db: sqlite_utils.Database, contract_ids: list[int]) -> list[tuple[int, list[Tranche]]]:
    """The effective schedule of each of ``contract_ids`` that exists, by id."""
    found = []
    for contract_id in sorted(contract_ids):
        contract = queries.contract_by_id(db, contract_id)
        if contract is not None:
            found.append(
                (contract_id, effective_schedule(contract, queries.tranches(db, contract_id)))
            )
    return found


def disagreeing(db: sqlite_utils.Database) -> list[int]:
    """Contracts (not noted for recomputation) whose kept allocation differs from a new
    one or is missing, and kept allocations of contracts that no longer exist."""
    kept = {
        row[0]: (row[1], row[2], row[3])
        for row in db.execute(
            "select contract_id, schedule_json, fills_json, mismatches_json from contract_fills"
        )
    }
    noted = {row[0] for row in db.execute("select contract_id from positions_dirty")}
    contracts = [row[0] for row in db.execute("select id from contracts")]
    fresh = allocated(db, plans(db, [c for c in contracts if c not in noted]))
    found = {c for c, texts in fresh.items() if kept.get(c) != texts}
    found.update(c for c in kept if c not in set(contracts))
    return sorted(found)


def recompute(db: sqlite_utils.Database, contract_ids: list[int]) -> None:
    """Allocate these contracts again and keep the result (inside the caller's
    transaction); kept allocations of contracts that no longer exist are removed."""
    db.conn.executemany(
        "delete from contract_fills where contract_id = ?", [(c,) for c in contract_ids]
    )
    write(db, allocated(db, plans(db, contract_ids)))
