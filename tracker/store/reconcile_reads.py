"""The ledger's side of a reconciliation: its deliveries or retirements whose serials
a registry row's block overlaps, that carry a registry reference, or that fall in the
period a registry export covers (within one contract when the comparison is scoped to
it).  ``refs``: contract id -> reference, read once per comparison."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.domain.records import Contract
from tracker.domain.serials import SerialBlock
from tracker.store import queries
from tracker.store.ledger import Ledger


@dataclass(frozen=True, slots=True)
class Local:
    table: str
    id: int
    contract_id: int
    contract: str
    block: SerialBlock
    tonnes_kg: int
    day: dt.date
    beneficiary: str = ""
    reference: str = ""


def _records(
    db: Ledger,
    refs: dict[int, str],
    scope: Contract | None,
    table: str,
    block: SerialBlock | None,
    where: str = "",
    params: list[object] | None = None,
) -> list[Local]:
    """``table``'s records overlapping ``block`` and/or matching ``where``."""
    if table not in ("deliveries", "retirements"):
        raise ValueError(f"not a table a registry lists: {table}")
    date = "delivered_on" if table == "deliveries" else "retired_on"
    extra = "t.beneficiary, t.registry_reference" if table == "retirements" else "'', ''"
    clauses, args = [], list(params or [])
    registries = ""
    if block is not None:
        clauses.append("t.serial_prefix = ? and t.serial_start <= ? and t.serial_end >= ?")
        args += [block.prefix, block.end, block.start]
        if table == "deliveries":  # sought in deliveries_serials once per registry
            registries = f"{queries.DELIVERY_REGISTRIES} "
            clauses.append(queries.of_any_registry("t.registry"))
    if where:
        clauses.append(where)
    if scope is not None:
        clauses.append("t.contract_id = ?")
        args.append(scope.id)
    template = "t.serial_template" if table == "deliveries" else "d.serial_template"
    sql = (
        f"{registries}select t.id, t.contract_id, t.serial_prefix, t.serial_start, t.serial_end, "
        f"{template}, t.tonnes_kg, t.{date}, {extra} from {table} t "
        + ("join deliveries d on d.id = t.delivery_id " if table == "retirements" else "")
        + ("where " + " and ".join(clauses) if clauses else "")
        + " order by t.id"
    )
    return [
        Local(
            table,
            i,
            c,
            refs[c],
            SerialBlock(p, s, e, tpl),
            kg,
            dt.date.fromisoformat(day),
            ben,
            ref,
        )
        for i, c, p, s, e, tpl, kg, day, ben, ref in db.execute(sql, args)
    ]


def overlapping(
    db: Ledger, refs: dict[int, str], scope: Contract | None, table: str, block: SerialBlock
) -> list[Local]:
    """``table``'s records whose serials share some with ``block``."""
    return _records(db, refs, scope, table, block)


def retirements_with_reference(
    db: Ledger, refs: dict[int, str], scope: Contract | None, reference: str
) -> list[Local]:
    """Retirements recorded under this registry reference."""
    return _records(db, refs, scope, "retirements", None, "t.registry_reference = ?", [reference])


def of_registry_between(
    db: Ledger,
    refs: dict[int, str],
    scope: Contract | None,
    table: str,
    registry: str,
    first: dt.date,
    last: dt.date,
) -> list[Local]:
    """``table``'s records of ``registry`` dated ``first`` to ``last`` (inclusive)."""
    date = "t.delivered_on" if table == "deliveries" else "t.retired_on"
    registry_column = "t.registry" if table == "deliveries" else "d.registry"
    return _records(
        db,
        refs,
        scope,
        table,
        None,
        f"{registry_column} = ? and {date} between ? and ?",
        [registry, first.isoformat(), last.isoformat()],
    )
