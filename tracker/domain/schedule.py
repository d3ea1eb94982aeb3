"""Delivery schedules: the even default schedule and what is due by a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tracker.domain.dates import add_years
from tracker.domain.records import Contract, Tranche


def even_schedule(contract: Contract) -> list[Tranche]:
    """One tranche per contract year, due at the end of each year of the term.

    The tonnes are split to the kilogram; the remainder goes to the earliest
    tranches so the total is exactly the contracted quantity.
    """
    assert contract.id is not None
    due_dates: list[dt.date] = []
    year = 1
    while True:
        due = add_years(contract.start_on, year) - dt.timedelta(days=1)
        if due >= contract.end_on:
            due_dates.append(contract.end_on)
            break
        due_dates.append(due)
        year += 1
    share, remainder = divmod(contract.tonnes_kg, len(due_dates))
    return [
        Tranche(
            contract_id=contract.id,
            due_on=due,
            tonnes_kg=share + (1 if index < remainder else 0),
            vintage=due.year,
            price=None,
            derived=True,
        )
        for index, due in enumerate(due_dates)
        if share + (1 if index < remainder else 0) > 0
    ]


def effective_schedule(contract: Contract, tranches: list[Tranche]) -> list[Tranche]:
    """The stored tranches, or the even schedule when the contract has none."""
    return sorted(tranches, key=lambda t: t.due_on) if tranches else even_schedule(contract)


def due_by(tranches: Iterable[Tranche], as_of: dt.date) -> int:
    return sum(t.tonnes_kg for t in tranches if t.due_on <= as_of)
