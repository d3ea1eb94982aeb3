"""Accepted, not invalidated kilograms of every delivery made by a date, in allocation
order: what tranche allocation (``tracker.domain.fulfilment.allocate``) fills with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import sqlite_utils

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


def accepted_by_contract(
    db: sqlite_utils.Database, as_of: dt.date | str, contract_id: int | None = None
) -> Iterator[tuple[int, list[Delivered]]]:
    """Accepted, not invalidated kilograms of every delivery made by ``as_of`` (a date,
    or ISO text such as the end of time), one contract at a time in id order: a caller
    that keeps only what it derives holds one contract's deliveries at once."""
    where = "and d.contract_id = :contract_id" if contract_id else ""
    day_text = as_of if isinstance(as_of, str) else as_of.isoformat()
    params = {"as_of": day_text, "contract_id": contract_id}
    days: dict[str, dt.date] = {}  # a million deliveries fall on a few thousand days
    parse = dt.date.fromisoformat
    current: int | None = None
    found: list[Delivered] = []
    for delivery_id, contract, delivered_on, due, vintage, kg in db.execute(
        _ACCEPTED.format(where=where), params
    ):
        if contract != current:
            if current is not None:
                yield current, found
            current, found = contract, []
        day = days.get(delivered_on) or days.setdefault(delivered_on, parse(delivered_on))
        due_day = (days.get(due) or days.setdefault(due, parse(due))) if due else None
        found.append(Delivered(delivery_id, day, kg, due_day, vintage))
    if current is not None:
        yield current, found


def accepted_deliveries(
    db: sqlite_utils.Database, as_of: dt.date | str, contract_id: int | None = None
) -> dict[int, list[Delivered]]:
    """``accepted_by_contract``, every contract at once."""
    return dict(accepted_by_contract(db, as_of, contract_id))
