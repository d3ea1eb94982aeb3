"""Accepted, not invalidated kilograms of every delivery made by a date, in allocation
order: what tranche allocation (``tracker.domain.fulfilment.allocate``) fills with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import sqlite_utils

from tracker.domain.folded_allocation import Accepted
from tracker.domain.fulfilment import Delivered
from tracker.store import lifecycle

# Not materialized: writing a million positions to a temporary table costs more than
# the guarded invalidation lookup computed twice.  In allocation order, so the sort in
# ``allocate`` finds its input already sorted.
_ACCEPTED = f"""
with positions as not materialized ({lifecycle.POSITIONS.format(where="{where}")})
select id, contract_id, delivered_on, tranche_due_on, vintage,
       tonnes_kg - invalidated_kg as kg
from positions
where status != 'failed' and tonnes_kg > invalidated_kg
order by contract_id, delivered_on, id
"""


def accepted_rows_by_contract(
    db: sqlite_utils.Database, as_of: dt.date | str, contract_id: int | None = None
) -> Iterator[tuple[int, list[Accepted]]]:
    """Accepted, not invalidated kilograms of every delivery made by ``as_of`` (a date,
    or ISO text such as the end of time), one contract at a time in id order, as read:
    (id, delivered on, tranche named, vintage, kg), the dates ISO text.  A caller that
    keeps only what it derives holds one contract's deliveries at once."""
    where = "and d.contract_id = :contract_id" if contract_id else ""
    day_text = as_of if isinstance(as_of, str) else as_of.isoformat()
    params = {"as_of": day_text, "contract_id": contract_id}
    current: int | None = None
    found: list[Accepted] = []
    for delivery_id, contract, delivered_on, due, vintage, kg in db.execute(
        _ACCEPTED.format(where=where), params
    ):
        if contract != current:
            if current is not None:
                yield current, found
            current, found = contract, []
        found.append((delivery_id, delivered_on, due, vintage, kg))
    if current is not None:
        yield current, found


def accepted_by_contract(
    db: sqlite_utils.Database, as_of: dt.date | str, contract_id: int | None = None
) -> Iterator[tuple[int, list[Delivered]]]:
    """``accepted_rows_by_contract`` as ``allocate`` takes them (dates parsed)."""
    days: dict[str, dt.date] = {}  # a million deliveries fall on a few thousand days
    parse = dt.date.fromisoformat

    def day(text: str) -> dt.date:
        found = days.get(text)
        if found is None:
            found = days[text] = parse(text)
        return found

    for contract, rows in accepted_rows_by_contract(db, as_of, contract_id):
        yield (
            contract,
            [
                Delivered(delivery_id, day(on), kg, day(due) if due else None, vintage)
                for delivery_id, on, due, vintage, kg in rows
            ],
        )
