"""Cumulative chart series: exact kilograms per date, from SQL aggregates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery, retirement_data
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche
from tracker.services.series import (
    ChartPoint,
    CumulativeSeries,
    chart_series,
    day_of_epoch,
    delivery_points,
    epoch_seconds,
    flagged_days,
)
from tracker.services.summary import portfolio_summary


def _epoch(day: str) -> int:
    return epoch_seconds(dt.date.fromisoformat(day))


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> dict[str, int]:
    """C-1: 1000 t, no tranches (even schedule over 2025-2027); C-2: 600 t in two tranches."""
    first = make_contract(db, reference="C-1")
    second = make_contract(
        db, reference="C-2", tonnes="600", start_on="2025-01-01", end_on="2026-12-31"
    )
    add_tranche(db, second, {"due_on": "2025-06-30", "tonnes": "200"})
    add_tranche(db, second, {"due_on": "2026-06-30", "tonnes": "400"})
    make_delivery(db, first)  # 2025-06-30, 100 t, verified 2025-07-15
    make_delivery(
        db,
        first,
        delivered_on="2025-09-30",
        tonnes="50",
        serial_block="ACR-US-1-2025-101 to 150",
        verification_status="pending",
        verifier="",
        verified_on="",
        reference="TX-2",
    )
    make_delivery(
        db,
        second,
        delivered_on="2025-06-30",
        tonnes="150.5",
        serial_block="ISO-1-BSTORE-GBR-F5X7-2025-1-150500",
        registry="isometric",
        verified_on="",
        reference="TX-3",
    )
    retire(db, first, retirement_data(retired_on="2025-09-30", tonnes="10"))
    return {"C-1": first, "C-2": second}


def test_epoch_seconds_are_utc_midnight_and_round_trip() -> None:
    assert epoch_seconds(dt.date(1970, 1, 2)) == 86_400
    assert day_of_epoch(_epoch("2025-06-30") + 86_399) == dt.date(2025, 6, 30)


def test_derived_even_schedule_for_a_contract_without_tranches(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    series = chart_series(db, ledger["C-1"])
    assert series.scheduled.days == ("2025-12-31", "2026-12-31", "2027-12-31")
    assert series.scheduled.cumulative_kg == (333_334, 666_667, 1_000_000)
    assert series.contracted_kg == 1_000_000


def test_single_contract_series_are_exact_cumulative_kilograms(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    series = chart_series(db, ledger["C-1"])
    assert series.delivered.days == ("2025-06-30", "2025-09-30")
    assert series.delivered.cumulative_kg == (100_000, 150_000)
    assert series.delivered.epochs == (_epoch("2025-06-30"), _epoch("2025-09-30"))
    assert series.verified.days == ("2025-07-15",)  # by verified_on, pending left out
    assert series.verified.cumulative_kg == (100_000,)
    assert series.retired.days == ("2025-09-30",)
    assert series.retired.cumulative_kg == (10_000,)


def test_as_of_leaves_out_records_dated_after_it(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    series = chart_series(db, ledger["C-1"], dt.date(2025, 7, 10))
    assert series.delivered.days == ("2025-06-30",)  # the 2025-09-30 delivery comes later
    assert series.verified.days == ()  # verified only on 2025-07-15
    assert series.retired.days == ()
    assert series.known_until == _epoch("2025-07-10")
    assert series.scheduled.total_kg == 1_000_000  # the schedule covers the whole term
    assert chart_series(db, ledger["C-1"], dt.date(2025, 7, 15)).verified.total_kg == 100_000


def test_as_of_delivered_verified_retired_match_the_summary(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    day = dt.date(2025, 9, 30)
    series = chart_series(db, None, day)
    figures = portfolio_summary(db, day)
    assert series.delivered.total_kg == sum(f.delivered_kg for f in figures)
    assert series.verified.total_kg == sum(f.verified_kg for f in figures)
    assert series.retired.total_kg == sum(f.retired_kg for f in figures)


def test_delivery_points_leave_out_deliveries_after_the_as_of_date(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    ids = [row[0] for row in db.execute("select id from deliveries order by id")]
    points = delivery_points(db, ids, ledger["C-1"], dt.date(2025, 7, 1))
    assert points == [ChartPoint(_epoch("2025-06-30"), 100_000, "ACR-US-1-2025-1-1 to 100")]


@pytest.mark.parametrize("scope", ["portfolio", "C-1", "early"])
def test_flagged_days_are_the_points_one_a_day(
    db: sqlite_utils.Database, ledger: dict[str, int], scope: str
) -> None:
    """A day's marker: the point of its first delivery by id and how many fell that day,
    the same as grouping every delivery's point."""
    make_delivery(db, ledger["C-1"], tonnes="5", serial_block="ACR-US-1-2025-1-901 to 905",
                  reference="TX-9")  # fmt: skip
    ids = [row[0] for row in db.execute("select id from deliveries order by id desc")]
    contract = ledger["C-1"] if scope == "C-1" else None
    as_of = dt.date(2025, 7, 1) if scope == "early" else None
    grouped: dict[int, tuple[ChartPoint, int]] = {}
    for point in delivery_points(db, ids, contract, as_of):
        first, count = grouped.get(point.epoch, (point, 0))
        grouped[point.epoch] = (first, count + 1)
    found = flagged_days(db, ids, contract, as_of)
    assert found == list(grouped.values())
    assert any(count > 1 for _point, count in found)


def test_stored_tranches_are_the_schedule_when_present(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    series = chart_series(db, ledger["C-2"])
    assert series.scheduled.days == ("2025-06-30", "2026-06-30")
    assert series.scheduled.cumulative_kg == (200_000, 600_000)


def test_verified_without_a_date_counts_from_delivery(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    series = chart_series(db, ledger["C-2"])
    assert series.verified.days == ("2025-06-30",)
    assert series.verified.cumulative_kg == (150_500,)


def test_portfolio_adds_contracts_date_by_date(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    series = chart_series(db, None)
    assert series.contract_id is None
    assert series.contracted_kg == 1_600_000
    assert series.scheduled.days == (
        "2025-06-30",
        "2025-12-31",
        "2026-06-30",
        "2026-12-31",
        "2027-12-31",
    )
    assert series.scheduled.cumulative_kg == (200_000, 533_334, 933_334, 1_266_667, 1_600_000)
    assert series.delivered.days == ("2025-06-30", "2025-09-30")
    assert series.delivered.cumulative_kg == (250_500, 300_500)
    assert series.verified.cumulative_kg == (150_500, 250_500)
    assert series.verified.days == ("2025-06-30", "2025-07-15")
    assert series.retired.total_kg == 10_000


def test_empty_ledger_gives_empty_series(db: sqlite_utils.Database) -> None:
    series = chart_series(db, None)
    assert series.is_empty
    assert series.contracted_kg == 0
    assert all(len(s) == 0 for s in series.cumulative.values())
    assert series.epoch_range() is None
    assert series.delivered.value_at(_epoch("2025-01-01")) == 0


def test_value_at_reads_the_step_at_a_date() -> None:
    steps = CumulativeSeries.from_daily([("2025-03-01", 5), ("2025-01-01", 2), ("2025-03-01", 1)])
    assert steps.days == ("2025-01-01", "2025-03-01")
    assert steps.cumulative_kg == (2, 8)
    assert steps.value_at(_epoch("2024-12-31")) == 0
    assert steps.value_at(_epoch("2025-01-01")) == 2
    assert steps.value_at(_epoch("2025-02-28") + 3600) == 2
    assert steps.value_at(_epoch("2025-03-01")) == 8


def test_epoch_range_spans_every_series(db: sqlite_utils.Database, ledger: dict[str, int]) -> None:
    assert chart_series(db, None).epoch_range() == (_epoch("2025-01-01"), _epoch("2027-12-31"))
    assert chart_series(db, ledger["C-2"]).term == (_epoch("2025-01-01"), _epoch("2026-12-31"))


def test_delivery_points_sit_on_the_delivered_curve(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    ids = [row[0] for row in db.execute("select id from deliveries order by id")]
    points = delivery_points(db, ids, ledger["C-1"])
    assert points == [
        ChartPoint(_epoch("2025-06-30"), 100_000, "ACR-US-1-2025-1-1 to 100"),
        ChartPoint(_epoch("2025-09-30"), 150_000, "ACR-US-1-2025-101 to 150"),
    ]
    assert delivery_points(db, [], None) == []


def test_delivery_points_take_more_ids_than_sqlite_binds_variables(
    db: sqlite_utils.Database, ledger: dict[str, int]
) -> None:
    ids = [row[0] for row in db.execute("select id from deliveries order by id")]
    many = [*ids, *range(10_000_000, 10_040_000)]  # 40,000 more than SQLite's 32,766 limit
    assert len(delivery_points(db, many, ledger["C-1"])) == 2


@contextmanager
def _statements(db: sqlite_utils.Database) -> Iterator[list[str]]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        db.conn.set_trace_callback(None)


def test_series_read_aggregates_not_rows(db: sqlite_utils.Database) -> None:
    """Many deliveries on few dates: a bounded number of grouped queries, no row scan."""
    contract_id = make_contract(db, reference="BIG", tonnes="100000")
    _insert_many(db, contract_id, 5000)
    with _statements(db) as seen:
        series = chart_series(db, None)
    assert len(seen) <= 6
    assert all("sum(" in s.lower() or "not exists" in s.lower() for s in seen)
    assert len(series.delivered) == 30
    assert series.delivered.total_kg == 5_000_000


def _day(offset: int) -> str:
    return (dt.date(2025, 1, 1) + dt.timedelta(days=offset)).isoformat()


def _insert_many(db: sqlite_utils.Database, contract_id: int, count: int) -> None:
    db.conn.executemany(
        "insert into deliveries (contract_id, delivered_on, tonnes_kg, registry, serial_block, "
        "serial_prefix, serial_start, serial_end, serial_template, verification_status) "
        "values (?, ?, 1000, 'acr', ?, 'P', ?, ?, 'T', 'verified')",
        [(contract_id, _day(n % 30), f"B{n}", n, n) for n in range(1, count + 1)],
    )
