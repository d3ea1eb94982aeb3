"""Tranche fulfilment as of a date, per contract (see ``tracker.domain.fulfilment``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

from tracker.domain.folded_allocation import Accepted, Mismatches, folded_allocation
from tracker.domain.fulfilment import Fulfilment, allocate
from tracker.domain.records import Contract, Tranche
from tracker.domain.schedule import effective_schedule
from tracker.store import contract_fills, queries
from tracker.store.accepted import accepted_by_contract, accepted_rows_by_contract
from tracker.store.ledger import Ledger
from tracker.store.tranche_fills import FillRow, write_tranche_fills

T = TypeVar("T")


def fulfilments(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> Iterator[tuple[Contract, Fulfilment]]:
    """Each contract's schedule (stored, else even) filled by its accepted deliveries, one
    contract at a time in id order (a caller keeping what it derives holds one contract's
    allocation at once, not a million deliveries')."""
    delivered = accepted_by_contract(db, as_of, contract_id)
    for contract, plan, mine in _matched(_plans(db, contract_id), delivered):
        yield contract, allocate(plan, mine)


def folded_fulfilments(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> Iterator[tuple[Contract, Fulfilment, Mismatches]]:
    """``fulfilments`` folded (each tranche's parts in one: the same figures, no delivery
    named) with each contract's vintage mismatches, from running sums where no delivery
    names its tranche (``tracker.domain.folded_allocation``): what the rules, the
    schedule's fills and the kept values need, without a part per delivery.

    A contract settled by ``as_of`` whose allocation is kept (``contract_fills``) is
    read from there; only the others' deliveries are read and allocated."""
    plans = _plans(db, contract_id)
    kept = contract_fills.usable(db, as_of, contract_id)
    usable = {
        c.id: texts
        for c, plan in plans
        if c.id in kept and (texts := kept[c.id])[0] == contract_fills.schedule_json(plan)
    }
    live = [c.id for c, _plan in plans if c.id not in usable]
    delivered: Iterator[tuple[int, list[Accepted]]]
    if contract_id or len(live) * 2 > len(plans):  # most of them: one scan
        delivered = accepted_rows_by_contract(db, as_of, contract_id)
    else:  # a few: each through the contract index
        delivered = chain.from_iterable(
            accepted_rows_by_contract(db, as_of, live_id) for live_id in live if live_id
        )
    for contract, plan, mine in _matched(plans, delivered):
        if contract.id in usable:
            _schedule, fills, mismatches = usable[contract.id]
            yield contract, *contract_fills.decoded(plan, fills, mismatches)
        else:
            yield contract, *folded_allocation(plan, mine)


def _plans(db: Ledger, contract_id: int | None) -> list[tuple[Contract, list[Tranche]]]:
    """Each contract (or the one) in id order, with its schedule: stored, else even."""
    stored: dict[int, list[Tranche]] = {}
    for t in queries.tranches(db, contract_id):
        stored.setdefault(t.contract_id, []).append(t)
    if contract_id:
        found = queries.contract_by_id(db, contract_id)
        contracts = [found] if found is not None else []  # deleted meanwhile: nothing due
    else:
        contracts = sorted(queries.contracts(db), key=lambda c: c.id or 0)
    return [(c, effective_schedule(c, stored.get(c.id or 0, []))) for c in contracts]


def _matched(
    plans: list[tuple[Contract, list[Tranche]]], delivered: Iterator[tuple[int, list[T]]]
) -> Iterator[tuple[Contract, list[Tranche], list[T]]]:
    """Each contract's plan with its deliveries (both in contract id order)."""
    pending = next(delivered, None)
    for contract, plan in plans:
        assert contract.id is not None
        while pending is not None and pending[0] < contract.id:
            pending = next(delivered, None)
        mine = pending[1] if pending is not None and pending[0] == contract.id else []
        yield contract, plan, mine


def fulfilment(
    db: Ledger, as_of: dt.date, contract_id: int | None = None
) -> dict[int, tuple[Contract, Fulfilment]]:
    """Each contract's schedule (stored, else even) filled by its accepted deliveries, by
    contract in reference order, folded (the figures of each tranche, not its parts)."""
    return by_reference((c, f) for c, f, _mismatches in folded_fulfilments(db, as_of, contract_id))


def by_reference(
    filled: Iterable[tuple[Contract, Fulfilment]],
) -> dict[int, tuple[Contract, Fulfilment]]:
    """Allocations by contract id, in the order of the contracts' references."""
    return {c.id or 0: (c, f) for c, f in sorted(filled, key=lambda pair: pair[0].reference)}


# An even schedule's tranche as the schedule shows it: due on, tonnes, vintage,
# delivered, shortfall, days late and status (as of the allocation's date).
EvenFill = tuple[str, int, int | None, int, int, int, str]


def even_fills(as_of: dt.date, allocation: Fulfilment) -> list[EvenFill] | None:
    """How full each tranche of an even schedule (a contract without stored tranches) is,
    as the schedule shows it; None for a contract with stored tranches."""
    if any(f.tranche.id is not None for f in allocation.fills):
        return None
    return [
        (f.tranche.due_on.isoformat(), f.tranche.tonnes_kg, f.tranche.vintage,
         f.delivered_kg, f.shortfall_kg, f.late_days(as_of), f.status(as_of))
        for f in allocation.fills
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ScheduleFills:
    """An allocation as the schedule needs it, computed together (on a worker)."""

    as_of: dt.date
    rows: list[FillRow]  # for ``tranche_fills``: each stored tranche
    even: dict[int, list[EvenFill]]  # each even schedule's tranches


def publish_fills(db: Ledger, as_of: dt.date, contract_id: int | None = None) -> ScheduleFills:
    """Write how full each stored tranche is as of ``as_of`` to the connection's TEMP
    ``tranche_fills`` table (for table views that sort in SQL); returns them with the
    even schedules' fills."""
    fills = read_fills(db, as_of, contract_id)
    publish(db, fills)
    return fills


def fill_rows(as_of: dt.date, allocation: Fulfilment) -> list[FillRow]:
    """How full each stored tranche of one contract is as of ``as_of``: the rows
    ``tranche_fills`` holds (pure: computed on a worker, written by the connection that
    shows them)."""
    return [
        (f.tranche.id, f.delivered_kg, f.shortfall_kg, f.late_days(as_of), f.status(as_of))
        for f in allocation.fills
        if f.tranche.id is not None
    ]


def publish(db: Ledger, fills: ScheduleFills) -> None:
    """Write fills already computed (e.g. on a worker) to ``tranche_fills``."""
    write_tranche_fills(db, fills.rows)


def read_fills(db: Ledger, as_of: dt.date, contract_id: int | None = None) -> ScheduleFills:
    """The schedule's fills as of ``as_of`` (on a worker), one contract's allocation held
    at a time, folded: the fills are one row per tranche."""
    rows: list[FillRow] = []
    even: dict[int, list[EvenFill]] = {}
    for contract, allocation, _mismatched in folded_fulfilments(db, as_of, contract_id):
        rows.extend(fill_rows(as_of, allocation))
        shown = even_fills(as_of, allocation)
        if shown is not None:
            even[contract.id or 0] = shown
    return ScheduleFills(as_of, rows, even)
