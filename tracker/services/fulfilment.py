"""Tranche fulfilment as of a date, per contract (see ``tracker.domain.fulfilment``)."""

from __future__ import annotations

import datetime as dt

from tracker.domain.fulfilment import Fulfilment, allocate
from tracker.domain.records import Contract, Tranche
from tracker.domain.schedule import effective_schedule
from tracker.store import queries
from tracker.store.accepted import accepted_deliveries
from tracker.store.ledger import Ledger
from tracker.store.tranche_fills import FillRow, write_tranche_fills


def fulfilment(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> dict[int, tuple[Contract, Fulfilment]]:
    """Each contract's schedule (stored, else even) filled by its accepted deliveries."""
    delivered = accepted_deliveries(db, as_of, contract_id)
    stored: dict[int, list[Tranche]] = {}
    for t in queries.tranches(db, contract_id):
        stored.setdefault(t.contract_id, []).append(t)
    result: dict[int, tuple[Contract, Fulfilment]] = {}
    if contract_id:
        found = queries.contract_by_id(db, contract_id)
        contracts = [found] if found is not None else []  # deleted meanwhile: nothing due
    else:
        contracts = queries.contracts(db)
    for contract in contracts:
        assert contract.id is not None
        plan = effective_schedule(contract, stored.get(contract.id, []))
        result[contract.id] = (contract, allocate(plan, delivered.get(contract.id, [])))
    return result


def publish_fills(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> dict[int, Fulfilment]:
    """Write how full each stored tranche is as of ``as_of`` to the connection's TEMP
    ``tranche_fills`` table (for table views that sort in SQL); returns the allocation
    per contract, even schedules included."""
    return publish(db, as_of, fulfilment(db, as_of, contract_id))


def fill_rows(as_of: dt.date, filled: dict[int, tuple[Contract, Fulfilment]]) -> list[FillRow]:
    """How full each stored tranche is as of ``as_of``: the rows ``tranche_fills`` holds
    (pure: computed on a worker, written by the connection that shows them)."""
    return [
        (f.tranche.id, f.delivered_kg, f.shortfall_kg, f.late_days(as_of), f.status(as_of))
        for _contract, allocation in filled.values()
        for f in allocation.fills
        if f.tranche.id is not None
    ]


def publish(
    db: Ledger,
    as_of: dt.date,
    filled: dict[int, tuple[Contract, Fulfilment]],
    rows: list[FillRow] | None = None,
) -> dict[int, Fulfilment]:
    """Write an allocation already computed (e.g. on a worker, with its ``fill_rows``)
    to ``tranche_fills``."""
    write_tranche_fills(db, fill_rows(as_of, filled) if rows is None else rows)
    return {contract_id: allocation for contract_id, (_c, allocation) in filled.items()}


def read_fills(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> tuple[dt.date, dict[int, tuple[Contract, Fulfilment]], list[FillRow]]:
    """The allocation and its ``tranche_fills`` rows, read together (on a worker)."""
    filled = fulfilment(db, as_of, contract_id)
    return as_of, filled, fill_rows(as_of, filled)
