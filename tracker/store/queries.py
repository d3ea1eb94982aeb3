"""Read-side queries returning domain records.  All SQL is parameterised."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import sqlite_utils

from tracker.domain.errors import not_found
from tracker.domain.records import Contract, Delivery, Invalidation, Retirement, Tranche
from tracker.domain.serials import CreditBatch, Serials
from tracker.store.rows import (
    contract_from_row,
    delivery_from_row,
    invalidation_from_row,
    retirement_from_row,
    tranche_from_row,
)

Params = Sequence[Any] | Mapping[str, Any]


def rows(
    db: sqlite_utils.Database, sql: str, params: Params | None = None
) -> Iterator[dict[str, Any]]:
    cursor = db.execute(sql, params or [])  # type: ignore[arg-type]
    names = [c[0] for c in cursor.description]
    for found in cursor:
        yield dict(zip(names, found, strict=True))


def contract(db: sqlite_utils.Database, contract_id: int) -> Contract:
    for row in rows(db, "select * from contracts where id = ?", [contract_id]):
        return contract_from_row(row)
    raise not_found("contracts", contract_id)


def contract_by_id(db: sqlite_utils.Database, contract_id: int) -> Contract | None:
    for row in rows(db, "select * from contracts where id = ?", [contract_id]):
        return contract_from_row(row)
    return None


def contract_by_reference(db: sqlite_utils.Database, reference: str) -> Contract | None:
    for row in rows(db, "select * from contracts where reference = ?", [reference.strip()]):
        return contract_from_row(row)
    return None


def contracts(db: sqlite_utils.Database) -> list[Contract]:
    return [contract_from_row(r) for r in rows(db, "select * from contracts order by reference")]


def contract_references(db: sqlite_utils.Database) -> dict[int, str]:
    return dict(db.execute("select id, reference from contracts").fetchall())


def contract_reference(db: sqlite_utils.Database, contract_id: int) -> str | None:
    """The contract's reference (None: no such contract, e.g. deleted meanwhile)."""
    found = db.execute("select reference from contracts where id = ?", [contract_id]).fetchone()
    return None if found is None else str(found[0])


def contract_pricing(db: sqlite_utils.Database, contract_id: int) -> tuple[str, int, str] | None:
    """The contract's reference, price and currency (None: no such contract)."""
    found = db.execute(
        "select reference, price, currency from contracts where id = ?", [contract_id]
    ).fetchone()
    return None if found is None else (found[0], found[1], found[2])


def buyers(db: sqlite_utils.Database) -> list[str]:
    """The buyer named by each contract, in the order the contracts were added."""
    return [r[0] for r in db.execute("select buyer from contracts order by id")]


def suppliers(db: sqlite_utils.Database) -> list[str]:
    """Every supplier named by a contract, once each, in order."""
    return [r[0] for r in db.execute("select distinct supplier from contracts order by supplier")]


def tranche_count(db: sqlite_utils.Database, contract_id: int) -> int:
    """How many tranches the contract schedules (0: it follows the even schedule)."""
    found = db.execute(
        "select count(*) from tranches where contract_id = ?", [contract_id]
    ).fetchone()
    return int(found[0])


def tranches(db: sqlite_utils.Database, contract_id: int | None = None) -> list[Tranche]:
    where, params = ("where t.contract_id = ?", [contract_id]) if contract_id else ("", [])
    sql = (
        f"select t.* from tranches t join contracts c on c.id = t.contract_id {where} "
        "order by c.reference, t.due_on, t.id"
    )
    return [tranche_from_row(r) for r in rows(db, sql, params)]


def tranche(db: sqlite_utils.Database, tranche_id: int) -> Tranche:
    for row in rows(db, "select * from tranches where id = ?", [tranche_id]):
        return tranche_from_row(row)
    raise not_found("tranches", tranche_id)


def deliveries(db: sqlite_utils.Database, contract_id: int | None = None) -> list[Delivery]:
    where, params = ("where d.contract_id = ?", [contract_id]) if contract_id else ("", [])
    sql = (
        f"select d.* from deliveries d join contracts c on c.id = d.contract_id {where} "
        "order by c.reference, d.delivered_on, d.id"
    )
    return [delivery_from_row(r) for r in rows(db, sql, params)]


def delivery_ids_with_reference(db: sqlite_utils.Database, reference: str) -> list[int]:
    """Every delivery with this registry reference, of any contract and registry (sought
    in index ``deliveries_reference`` once per registry: a verification import asks for
    each row)."""
    sql = (
        f"{DELIVERY_REGISTRIES} select id from deliveries "
        f"where {of_any_registry('registry')} and reference = ? "
        "order by id"
    )
    return [r[0] for r in db.execute(sql, [reference])]


def delivery(db: sqlite_utils.Database, delivery_id: int) -> Delivery:
    for row in rows(db, "select * from deliveries where id = ?", [delivery_id]):
        return delivery_from_row(row)
    raise not_found("deliveries", delivery_id)


_RETIREMENT_SQL = """
select r.*, d.serial_template as template from retirements r
join deliveries d on d.id = r.delivery_id
join contracts c on c.id = r.contract_id
"""


def retirements(
    db: sqlite_utils.Database, contract_id: int | None = None, delivery_id: int | None = None
) -> list[Retirement]:
    where, params = _scoped("r", contract_id, delivery_id)
    sql = f"{_RETIREMENT_SQL} {where} order by c.reference, r.retired_on, r.id"
    return [retirement_from_row(r, r["template"]) for r in rows(db, sql, params)]


def retirements_on(db: sqlite_utils.Database, contract_id: int, day: str) -> list[Retirement]:
    """The contract's retirements dated ``day`` (ISO), through the contract's date index:
    what a row being imported is compared with, however many the contract holds."""
    sql = f"{_RETIREMENT_SQL} where r.contract_id = ? and r.retired_on = ? order by r.id"
    return [retirement_from_row(r, r["template"]) for r in rows(db, sql, [contract_id, day])]


def retirement(db: sqlite_utils.Database, retirement_id: int) -> Retirement:
    for row in rows(db, f"{_RETIREMENT_SQL} where r.id = ?", [retirement_id]):
        return retirement_from_row(row, row["template"])
    raise not_found("retirements", retirement_id)


def retired_ranges(db: sqlite_utils.Database, delivery_id: int) -> list[tuple[int, int, int]]:
    """(retirement id, serial start, serial end) drawn from one delivery."""
    return db.execute(
        "select id, serial_start, serial_end from retirements where delivery_id = ? "
        "order by serial_start",
        [delivery_id],
    ).fetchall()


def retired_kg(db: sqlite_utils.Database, delivery_id: int) -> int:
    found = db.execute(
        "select coalesce(sum(tonnes_kg), 0) from retirements where delivery_id = ?", [delivery_id]
    ).fetchone()
    return int(found[0])


def overlapping_deliveries(
    db: sqlite_utils.Database, registry: str, block: Serials
) -> list[dict[str, Any]]:
    """Deliveries of ``registry`` sharing serials with ``block`` (a batch: the same id)."""
    if isinstance(block, CreditBatch):
        condition = "d.serial_block = ? and d.serial_start is null"
        params: list[Any] = [block.ident]
    else:
        condition = "d.serial_prefix = ? and d.serial_start <= ? and d.serial_end >= ?"
        params = [block.prefix, block.end, block.start]
    return list(
        rows(
            db,
            "select d.id, d.serial_block, c.reference from deliveries d "
            "join contracts c on c.id = d.contract_id "
            f"where d.registry = ? and {condition} order by d.id",
            [registry, *params],
        )
    )


# Every registry the deliveries name, each found by one seek of an index led by the
# registry (a loose index scan: a handful of seeks, whatever the registries, even ones
# another program wrote).  A lookup by serials that says ``registry in (select name
# from delivery_registries)`` seeks ``deliveries_serials`` (registry, serial_prefix,
# serial_start) or ``deliveries_batch`` per registry; without the registry SQLite reads
# every delivery (1.05 s at a million, for each row a registry file imports).
DELIVERY_REGISTRIES = (
    "with recursive delivery_registries(name) as ("
    "select min(registry) from deliveries union all "
    "select (select min(registry) from deliveries where registry > name) "
    "from delivery_registries where name is not null)"
)


def of_any_registry(column: str) -> str:
    """The condition on a deliveries ``column`` naming every registry (with
    :data:`DELIVERY_REGISTRIES` before the select)."""
    return f"{column} in (select name from delivery_registries)"


def deliveries_containing(db: sqlite_utils.Database, block: Serials) -> list[dict[str, Any]]:
    """Deliveries whose serials hold all of ``block`` (a batch: the same id), of any
    registry.  Every registry is named (:data:`DELIVERY_REGISTRIES`) so the lookup seeks
    index ``deliveries_serials`` (or ``deliveries_batch``) once per registry instead of
    scanning every delivery."""
    if isinstance(block, CreditBatch):
        condition = "d.serial_block = ? and d.serial_start is null"
        params: list[Any] = [block.ident]
    else:
        condition = "d.serial_prefix = ? and d.serial_start <= ? and d.serial_end >= ?"
        params = [block.prefix, block.start, block.end]
    return list(
        rows(
            db,
            f"{DELIVERY_REGISTRIES} "
            "select d.*, c.reference from deliveries d join contracts c on c.id = d.contract_id "
            f"where {of_any_registry('d.registry')} and {condition} "
            "order by d.id",
            params,
        )
    )


def _scoped(alias: str, contract_id: int | None, delivery_id: int | None) -> tuple[str, list[int]]:
    """A WHERE clause for one contract and/or one delivery (empty for the whole ledger)."""
    clauses: list[str] = []
    params: list[int] = []
    if contract_id:
        clauses.append(f"{alias}.contract_id = ?")
        params.append(contract_id)
    if delivery_id:
        clauses.append(f"{alias}.delivery_id = ?")
        params.append(delivery_id)
    return (f"where {' and '.join(clauses)}" if clauses else ""), params


_INVALIDATION_SQL = """
select i.*, d.serial_template as template from invalidations i
join deliveries d on d.id = i.delivery_id
join contracts c on c.id = i.contract_id
"""


def invalidations(
    db: sqlite_utils.Database, contract_id: int | None = None, delivery_id: int | None = None
) -> list[Invalidation]:
    where, params = _scoped("i", contract_id, delivery_id)
    sql = f"{_INVALIDATION_SQL} {where} order by c.reference, i.invalidated_on, i.id"
    return [invalidation_from_row(r, r["template"]) for r in rows(db, sql, params)]


def invalidation(db: sqlite_utils.Database, invalidation_id: int) -> Invalidation:
    for row in rows(db, f"{_INVALIDATION_SQL} where i.id = ?", [invalidation_id]):
        return invalidation_from_row(row, row["template"])
    raise not_found("invalidations", invalidation_id)
