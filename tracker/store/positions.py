"""Each contract's delivered, verified, rejected, invalidated, available and retired
tonnes, kept.

A portfolio summary as of a date needs, per contract, sums over every delivery's
status, invalidated and retired tonnes as of that date (``lifecycle.POSITIONS``): a
million correlated lookups at a million deliveries.  Once every dated event of a
contract (delivery, verification, invalidation, retirement) lies on or before the
date, those sums are the contract's sums as of the end of time — and those are kept
in ``contract_positions``, one row per contract, with ``settled_through``, the date of
its latest event.

Kept how: triggers on every table the sums read note the contracts a write touches in
``positions_dirty`` — whoever writes, through the unit of work or not, so a stale row
is never read as fresh — and the unit of work recomputes the noted contracts before it
commits (:func:`refresh`).  A reader takes a contract's kept row only when the contract
is not noted and is settled by the date; every other contract is summed as before
(:data:`DELIVERED_BY_CONTRACT`).  ``check-db`` compares the kept rows with a full
recomputation (:func:`disagreeing`).
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from tracker.domain.folded_allocation import folded_allocation
from tracker.domain.fulfilment import Fulfilment, delivered_value_cents
from tracker.domain.schedule import effective_schedule
from tracker.store import contract_fills, lifecycle, queries
from tracker.store.accepted import accepted_rows_by_contract
from tracker.store.lifecycle import END_OF_TIME

COLUMNS = (
    "delivered_kg",  # accepted (not rejected), less invalidated tonnes
    "verified_kg",
    "rejected_kg",
    "invalidated_kg",
    "available_verified_kg",
    "available_pending_kg",
)

SCHEMA = """
CREATE TABLE contract_positions (
    contract_id INTEGER PRIMARY KEY,
    settled_through TEXT,
    delivered_kg INTEGER NOT NULL,
    verified_kg INTEGER NOT NULL,
    rejected_kg INTEGER NOT NULL,
    invalidated_kg INTEGER NOT NULL,
    available_verified_kg INTEGER NOT NULL,
    available_pending_kg INTEGER NOT NULL,
    retired_kg INTEGER NOT NULL,  -- retirements recorded under the contract
    tranche_value_cents INTEGER  -- delivered value where tranches carry their own price
) STRICT
;
CREATE TABLE positions_dirty (contract_id INTEGER PRIMARY KEY) STRICT
"""

_NOTE = "insert or ignore into positions_dirty (contract_id) values ({contract})"
_OF_DELIVERY = "(select contract_id from deliveries where id = {row}.delivery_id)"


def trigger_named(name: str) -> str:
    """The definition of the trigger called ``name`` (a migration recreating it)."""
    [found] = [t for t in TRIGGERS if t.startswith(f"CREATE TRIGGER {name} ")]
    return found


def _trigger(name: str, event: str, table: str, *contracts: str) -> str:
    notes = "".join(f"  {_NOTE.format(contract=c)};\n" for c in contracts)
    return f"CREATE TRIGGER {name} AFTER {event} ON {table}\nBEGIN\n{notes}END"


TRIGGERS = (
    _trigger("contracts_positions_insert", "INSERT", "contracts", "new.id"),
    _trigger("contracts_positions_delete", "DELETE", "contracts", "old.id"),
    _trigger(
        "contracts_positions_update",
        "UPDATE OF price, tonnes_kg, start_on, end_on",  # what an even schedule follows
        "contracts",
        "new.id",
    ),
    _trigger("tranches_positions_insert", "INSERT", "tranches", "new.contract_id"),
    _trigger("tranches_positions_delete", "DELETE", "tranches", "old.contract_id"),
    _trigger(
        "tranches_positions_update", "UPDATE", "tranches", "old.contract_id", "new.contract_id"
    ),
    _trigger("deliveries_positions_insert", "INSERT", "deliveries", "new.contract_id"),
    _trigger("deliveries_positions_delete", "DELETE", "deliveries", "old.contract_id"),
    _trigger(
        "deliveries_positions_update",
        # and what the kept allocation names: the tranche (whose own price may value its
        # tonnes), the vintage (a tranche may call for another) and the delivery's id
        "UPDATE OF contract_id, delivered_on, tonnes_kg, verification_status, verified_on, "
        "tranche_due_on, vintage, id",
        "deliveries",
        "old.contract_id",
        "new.contract_id",
    ),
    *(
        _trigger(f"{table}_positions_{event.lower()}", event, table, *contracts, *own)
        for table, mine in (
            ("verifications", False),
            ("invalidations", False),
            ("retirements", True),  # also counted under the contract they were recorded in
        )
        for event, contracts, own in (
            ("INSERT", (_OF_DELIVERY.format(row="new"),), ("new.contract_id",) * mine),
            ("DELETE", (_OF_DELIVERY.format(row="old"),), ("old.contract_id",) * mine),
            (
                "UPDATE",
                (_OF_DELIVERY.format(row="old"), _OF_DELIVERY.format(row="new")),
                ("old.contract_id", "new.contract_id") * mine,
            ),
        )
    ),
)

_SUMS = """
  sum(case when status != 'failed' then tonnes_kg - invalidated_kg else 0 end) as delivered_kg,
  sum(case when status = 'verified' then tonnes_kg - invalidated_kg else 0 end) as verified_kg,
  sum(case when status = 'failed' then tonnes_kg else 0 end) as rejected_kg,
  sum(case when status != 'failed' then invalidated_kg else 0 end) as invalidated_kg,
  sum(case when status = 'verified'
           then max(tonnes_kg - invalidated_kg - retired_kg, 0) else 0 end)
    as available_verified_kg,
  sum(case when status = 'pending'
           then max(tonnes_kg - invalidated_kg - retired_kg, 0) else 0 end)
    as available_pending_kg"""


def summed(scope: str) -> str:
    """SQL summing each contract's positions as of ``:as_of`` from its deliveries;
    ``scope`` is a condition on the deliveries (alias ``d``), starting with ``and``."""
    # materialized: each delivery's status and tonnes are computed once, not once per sum
    return (
        f"with positions as materialized ({lifecycle.POSITIONS.format(where=scope)})\n"
        f"select contract_id, {_SUMS}\nfrom positions group by contract_id"
    )


_KEPT = ", ".join(COLUMNS)


def summed_with_no_value(scope: str) -> str:
    """:func:`summed` with a NULL ``tranche_value_cents`` (computed by the caller)."""
    return f"select *, null as tranche_value_cents from ({summed(scope)})"


# A kept row (alias ``p``) a reader may take for :as_of: its contract is settled by the
# date (every dated record of its contract, its deliveries' own verification dates among
# them, lies on or before it) and no write has noted the contract since the row was kept.
_SETTLED_ROW = (
    "coalesce(p.settled_through, '') <= :as_of "
    "and p.contract_id not in (select contract_id from positions_dirty)"
)

# Common table expressions ``settled`` (the kept rows a reader may take), ``delivered``
# (every contract's sums as of :as_of, kept or summed) and ``retired`` (tonnes retired
# under each contract by :as_of); ``{scope}`` as in :func:`summed`, ``{kept_scope}`` and
# ``{retired_scope}`` the same condition on ``p.contract_id`` and ``r.contract_id``,
# ``{live}`` and ``{live_retired}`` the conditions :func:`live_conditions` chooses.
DELIVERED_BY_CONTRACT = f"""
 settled as materialized (
   select p.contract_id, {_KEPT}, p.retired_kg, p.tranche_value_cents
   from contract_positions p
   where {_SETTLED_ROW} {{kept_scope}}),
 delivered as (
   select contract_id, {_KEPT}, tranche_value_cents from settled
   union all
   {summed_with_no_value("{live} {scope}")}
 ),
 retired as (
   select contract_id, retired_kg as kg from settled
   union all
   select r.contract_id, sum(r.tonnes_kg) from retirements r
   where r.retired_on <= :as_of {{live_retired}} {{retired_scope}} group by r.contract_id
 )"""

# A contract's (alias ``c``) kept delivered tonnes when it is settled by :as_of and not
# noted, else NULL (the caller sums its deliveries instead).
KEPT_DELIVERED_KG = (
    f"(select p.delivered_kg from contract_positions p where p.contract_id = c.id "
    f"and {_SETTLED_ROW})"
)

# The records of the contracts not settled: sought through the contract index while
# they are few, else found by one scan (seeking most contracts' records costs more).
_FEW_UNSETTLED = (
    "and {column} in (select c.id from contracts c "
    "where c.id not in (select contract_id from settled))"
)
_MANY_UNSETTLED = "and {column} not in (select contract_id from settled)"


# The contracts settled by :as_of with a kept row a reader may take; the others'
# records may be dated after the date.
SETTLED = f"select p.contract_id from contract_positions p where {_SETTLED_ROW}"
UNSETTLED = f"select c.id from contracts c where c.id not in ({SETTLED})"


def unsettled_share(db: sqlite_utils.Database, as_of: str) -> tuple[int, int]:
    """How many contracts are not settled by ``as_of`` (``UNSETTLED``), of how many."""
    total, unsettled = db.execute(
        f"select count(*), coalesce(sum(c.id not in ({SETTLED})), 0) from contracts c",
        {"as_of": as_of},
    ).fetchone()
    return unsettled, total


def live_conditions(db: sqlite_utils.Database, as_of: str) -> dict[str, str]:
    """The conditions ``{live}`` (on deliveries ``d``) and ``{live_retired}`` (on
    retirements ``r``) of :data:`DELIVERED_BY_CONTRACT`: the records of the contracts
    without a kept row settled by ``as_of``."""
    unsettled, total = unsettled_share(db, as_of)
    condition = _MANY_UNSETTLED if unsettled * 2 > total else _FEW_UNSETTLED
    return {
        "live": condition.format(column="d.contract_id"),
        "live_retired": condition.format(column="r.contract_id"),
    }


_SETTLED_THROUGH = """(select max(day) from (
    select max(max(d.delivered_on, coalesce(d.verified_on, ''))) as day
      from deliveries d where d.contract_id = c.id
    union all
    select max(v.verified_on) from deliveries d join verifications v on v.delivery_id = d.id
      where d.contract_id = c.id
    union all
    select max(i.invalidated_on) from deliveries d join invalidations i on i.delivery_id = d.id
      where d.contract_id = c.id
    union all
    select max(r.retired_on) from deliveries d join retirements r on r.delivery_id = d.id
      where d.contract_id = c.id
    union all
    select max(r.retired_on) from retirements r where r.contract_id = c.id))"""

_RECOMPUTED = f"""
select c.id as contract_id, {_SETTLED_THROUGH} as settled_through,
       {", ".join(f"coalesce(s.{name}, 0) as {name}" for name in COLUMNS)},
       (select coalesce(sum(r.tonnes_kg), 0) from retirements r where r.contract_id = c.id)
         as retired_kg
from contracts c
left join ({summed("{scope}")}) s on s.contract_id = c.id
where 1 {{where}}"""


def refresh(db: sqlite_utils.Database) -> int:
    """Recompute the kept rows of the contracts noted since the last refresh (inside the
    caller's transaction); how many contracts were recomputed."""
    if not _kept(db):
        return 0  # a ledger being built at an older schema (migrations, their tests)
    noted = [r[0] for r in db.execute("select contract_id from positions_dirty").fetchall()]
    if not noted:
        return 0
    params = {"as_of": END_OF_TIME}
    db.execute(
        "delete from contract_positions "
        "where contract_id in (select contract_id from positions_dirty)"
    )
    in_noted = "in (select contract_id from positions_dirty)"
    sql = _RECOMPUTED.format(scope=f"and d.contract_id {in_noted}", where=f"and c.id {in_noted}")
    db.execute(
        f"insert into contract_positions (contract_id, settled_through, {_KEPT}, retired_kg) {sql}",
        params,
    )
    keep_fills = contract_fills.exists(db)
    found = (
        contract_fills.allocations(db, contract_fills.plans(db, noted)) if keep_fills else {}
    )  # the allocation kept, and the one the values come from
    filled = {contract_id: allocation for contract_id, (_p, allocation, _m) in found.items()}
    for contract_id, cents in tranche_values(db, noted, filled).items():
        db.execute(
            "update contract_positions set tranche_value_cents = ? where contract_id = ?",
            [cents, contract_id],
        )
    if keep_fills:
        db.execute(
            "delete from contract_fills "
            "where contract_id in (select contract_id from positions_dirty)"
        )
        contract_fills.write(db, {c: contract_fills.as_kept(*f) for c, f in found.items()})
    db.execute("delete from positions_dirty")
    return len(noted)


def tranche_values(
    db: sqlite_utils.Database,
    contract_ids: list[int],
    allocations: Mapping[int, Fulfilment] | None = None,
) -> dict[int, int]:
    """The delivered value, as of the end of time, of those of ``contract_ids`` whose
    tranches carry a price of their own (each tonne at its tranche's price), from their
    ``allocations`` as of the end of time where given."""
    marks = ", ".join("?" for _ in contract_ids)
    priced = db.execute(
        f"select c.id from contracts c where c.id in ({marks}) and exists ("
        "select 1 from tranches t where t.contract_id = c.id and t.price is not null "
        "and t.price != c.price)",
        contract_ids,
    ).fetchall()
    values: dict[int, int] = {}
    for (contract_id,) in priced:
        contract = queries.contract(db, contract_id)
        filled = (allocations or {}).get(contract_id)
        if filled is None:
            plan = effective_schedule(contract, queries.tranches(db, contract_id))
            rows = dict(accepted_rows_by_contract(db, END_OF_TIME, contract_id))
            filled, _mismatches = folded_allocation(plan, rows.get(contract_id, []))
        values[contract_id] = delivered_value_cents(contract.price, filled)
    return values


def _kept(db: sqlite_utils.Database) -> bool:
    found = db.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'positions_dirty'"
    ).fetchone()
    return found is not None


def note(db: sqlite_utils.Database, contract_ids: list[int]) -> None:
    """Note ``contract_ids`` for the next :func:`refresh`."""
    db.conn.executemany(
        "insert or ignore into positions_dirty (contract_id) values (?)",
        [(c,) for c in contract_ids],
    )


def note_all(db: sqlite_utils.Database) -> None:
    """Note every contract, so the next :func:`refresh` recomputes them all."""
    db.execute("insert or ignore into positions_dirty (contract_id) select id from contracts")


def disagreeing(db: sqlite_utils.Database) -> list[int]:
    """Contracts whose kept row (not noted for recomputation) differs from a full
    recomputation, or that have none or a row without a contract."""
    recomputed = _RECOMPUTED.format(scope="", where="")
    columns = ("settled_through", *COLUMNS, "retired_kg")
    differs = " or ".join(f"p.{c} is not r.{c}" for c in columns)
    sql = f"""
    select r.contract_id from ({recomputed}) r
    left join contract_positions p on p.contract_id = r.contract_id
    where r.contract_id not in (select contract_id from positions_dirty)
      and (p.contract_id is null or {differs})
    union
    select p.contract_id from contract_positions p
    where p.contract_id not in (select id from contracts)"""
    found = {r[0] for r in db.execute(sql, {"as_of": END_OF_TIME}).fetchall()}
    kept = dict(
        db.execute(
            "select contract_id, tranche_value_cents from contract_positions "
            "where contract_id not in (select contract_id from positions_dirty)"
        ).fetchall()
    )
    values = tranche_values(db, [c for c in kept if c not in found])
    found.update(c for c, cents in kept.items() if c not in found and values.get(c) != cents)
    return sorted(found)
