"""Exporting deliveries streams stored rows: the same lines as before, bounded memory."""

from __future__ import annotations

import datetime as dt
import os
import tracemalloc

import sqlite_utils

from tracker.services import csv_safe, tracker_csv
from tracker.services.reports import REPORTS, ReportOptions
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import queries
from tracker.store.database import open_database

AS_OF = dt.date(2026, 6, 30)


def _from_records(db: sqlite_utils.Database, contract_id: int | None = None) -> list[list[str]]:
    refs = queries.contract_references(db)
    return [
        [csv_safe.neutralise(c) for c in tracker_csv.delivery_line(d, refs[d.contract_id])]
        for d in queries.deliveries(db, contract_id)
    ]


def _streamed(rows: object) -> list[list[str]]:
    return [[csv_safe.neutralise(c) for c in line] for line in rows]  # type: ignore[attr-defined]


def test_the_streamed_lines_are_the_lines_of_the_records(db: sqlite_utils.Database) -> None:
    write_ledger(db, Spec(contracts=8, deliveries=1_500, retirements=0, seed=4))
    assert _streamed(tracker_csv.export_rows(db, "deliveries")) == _from_records(db)
    assert _streamed(tracker_csv.export_rows(db, "deliveries", 3)) == _from_records(db, 3)


def test_the_report_filters_by_period_in_sql(db: sqlite_utils.Database) -> None:
    write_ledger(db, Spec(contracts=4, deliveries=400, retirements=0, seed=4))
    start, end = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    options = ReportOptions(as_of=AS_OF, date_from=start, date_to=end)
    expected = [line for line in _from_records(db) if "2024-01-01" <= line[1] <= "2024-12-31"]
    assert expected
    assert _streamed(REPORTS["deliveries"].rows(db, options)) == expected


def _export_peak(deliveries: int) -> int:
    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=5, deliveries=deliveries, retirements=0, seed=2))
    with open(os.devnull, "w", encoding="utf-8", newline="") as sink:
        tracemalloc.start()
        try:
            csv_safe.write_rows(sink, tracker_csv.header("deliveries"),
                                tracker_csv.export_rows(db, "deliveries"))  # fmt: skip
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            db.close()


def test_export_memory_does_not_grow_with_the_ledger() -> None:
    # past the first pages read (1,000 rows a fetch), the peak stays put
    small, large = _export_peak(4_000), _export_peak(40_000)
    assert large < small * 5 // 4
