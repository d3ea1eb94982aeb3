"""Reports cost a fixed number of queries, however many contracts and records exist."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.services.reports import REPORTS, ReportOptions
from tracker.services.retirements import retire


def add_contracts(db: sqlite_utils.Database, start: int, count: int) -> None:
    for n in range(start, start + count):
        contract = make_contract(db, reference=f"C-{n}")
        make_delivery(db, contract, serial_block=f"ACR-US-{n}-2025-1-1 to 100")
        retire(db, contract, {"retired_on": "2025-09-30", "tonnes": "10"})


def queries_for(db: sqlite_utils.Database, name: str) -> int:
    statements: list[str] = []
    with db.tracer(lambda sql, params: statements.append(sql)):
        list(REPORTS[name].rows(db, ReportOptions(as_of=dt.date(2026, 1, 1))))
    return len(statements)


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_query_count_does_not_grow_with_the_ledger(db: sqlite_utils.Database, name: str) -> None:
    add_contracts(db, 1, 2)
    small = queries_for(db, name)
    assert small > 0
    add_contracts(db, 3, 20)
    assert queries_for(db, name) == small
