"""Finding records an import or a form names: by serials, by registry reference, by the
serial block or reference a user typed.  Values are parameters; table names come from
the fixed lists below."""

from __future__ import annotations

from typing import Any, NamedTuple

from tracker.domain.records import Delivery
from tracker.domain.serials import CreditBatch, Serials
from tracker.store import queries
from tracker.store.ledger import Ledger
from tracker.store.rows import delivery_from_row

SERIAL_TABLES = ("deliveries", "retirements", "invalidations")


class Holder(NamedTuple):
    """A record holding a serial block, with its contract's reference."""

    id: int
    contract_id: int
    reference: str


def _serial_table(table: str) -> str:
    if table not in SERIAL_TABLES:
        raise ValueError(f"not a table of records with serials: {table}")
    return table


def delivery_named(db: Ledger, contract_id: int, text: str) -> Delivery | None:
    """The contract's first delivery whose serial block, batch id or registry reference
    is ``text`` (None: none is)."""
    found = queries.rows(
        db,
        "select * from deliveries where contract_id = ? and (serial_block = ? or "
        "(reference != '' and reference = ?)) order by id",
        [contract_id, text, text],
    )
    for row in found:
        return delivery_from_row(row)
    return None


def awaiting_serials(db: Ledger, contract_id: int, reference: str) -> int | None:
    """The contract's first delivery with this registry reference whose serials are
    still to come (None: none)."""
    found = db.execute(
        "select id from deliveries where contract_id = ? and reference = ? "
        "and serial_block is null order by id limit 1",
        [contract_id, reference],
    ).fetchone()
    return found[0] if found else None


def _block_condition(block: Serials, alias: str = "") -> tuple[str, list[Any]]:
    """Records with exactly these serials (a batch: the same id)."""
    if isinstance(block, CreditBatch):
        return f"{alias}serial_block = ? and {alias}serial_start is null", [block.ident]
    condition = f"{alias}serial_prefix = ? and {alias}serial_start = ? and {alias}serial_end = ?"
    return condition, [block.prefix, block.start, block.end]


def ids_with_serials(db: Ledger, table: str, contract_id: int, block: Serials | None) -> list[int]:
    """The contract's records of ``table`` with exactly these serials (a batch: the same
    id; None: records whose serials are still to come)."""
    params: list[Any] = []
    if block is None:
        condition = "serial_block is null"
    else:
        condition, params = _block_condition(block)
    sql = f"select id from {_serial_table(table)} where contract_id = ? and {condition}"
    return [r[0] for r in db.execute(sql, [contract_id, *params])]


def holders_of(db: Ledger, table: str, block: Serials) -> list[Holder]:
    """Records of ``table`` in any contract with exactly these serials, sought through
    the table's serial indexes (deliveries: per registry, as
    :func:`queries.deliveries_containing`)."""
    condition, params = _block_condition(block, "t.")
    registries = ""
    if table == "deliveries":
        registries = f"{queries.DELIVERY_REGISTRIES} "
        condition = f"{queries.of_any_registry('t.registry')} and {condition}"
    sql = (
        f"{registries}select t.id, t.contract_id, c.reference from {_serial_table(table)} t "
        f"join contracts c on c.id = t.contract_id where {condition} order by t.id"
    )
    return [Holder(*row) for row in db.execute(sql, params)]


def retirement_with_registry_reference(db: Ledger, reference: str) -> Holder | None:
    """A retirement recorded under this registry reference (None: none is)."""
    found = db.execute(
        "select r.id, r.contract_id, c.reference from retirements r "
        "join contracts c on c.id = r.contract_id where r.registry_reference = ? "
        "limit 1",
        [reference],
    ).fetchone()
    return None if found is None else Holder(*found)


def tranche_vintages(db: Ledger) -> dict[int, frozenset[int]]:
    """Contract id -> the vintages its tranches schedule (contracts without any left out)."""
    vintages: dict[int, set[int]] = {}
    for contract_id, vintage in db.execute("select contract_id, vintage from tranches"):
        if vintage is not None:
            vintages.setdefault(contract_id, set()).add(vintage)
    return {k: frozenset(v) for k, v in vintages.items()}


def delivery_vintages(db: Ledger, contract_id: int | None = None) -> dict[int, int | None]:
    """Delivery id -> its vintage (one contract's deliveries, given ``contract_id``)."""
    where, params = (" where contract_id = ?", [contract_id]) if contract_id else ("", [])
    return dict(db.execute("select id, vintage from deliveries" + where, params))


def generated_contracts(db: Ledger, prefix: str) -> int:
    """How many contracts have a reference starting with ``prefix``-."""
    found = db.execute(
        "select count(*) from contracts where reference like ?", [f"{prefix}-%"]
    ).fetchone()
    return int(found[0])
