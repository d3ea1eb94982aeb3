"""One allocation of accepted deliveries to tranches: due order, or the tranche named."""

from __future__ import annotations

import datetime as dt

from tracker.domain.fulfilment import (
    Delivered,
    Fulfilment,
    allocate,
    delivered_value_cents,
    folded,
    vintage_mismatches,
)
from tracker.domain.records import Tranche

JAN_25, JAN_26, JAN_27 = dt.date(2025, 1, 1), dt.date(2026, 1, 1), dt.date(2027, 1, 1)


def _tranche(due: dt.date, kg: int, tranche_id: int, vintage: int | None = None) -> Tranche:
    return Tranche(1, due, kg, vintage, None, id=tranche_id)


def test_deliveries_fill_tranches_in_due_order() -> None:
    filled = allocate(
        [_tranche(JAN_26, 100, 2), _tranche(JAN_25, 100, 1)],
        [Delivered(1, dt.date(2024, 12, 1), 150)],
    )
    assert [(f.tranche.id, f.delivered_kg, f.filled_on) for f in filled.fills] == [
        (1, 100, dt.date(2024, 12, 1)),
        (2, 50, None),
    ]


def test_a_delivery_that_names_its_tranche_fills_that_tranche_first() -> None:
    filled = allocate(
        [_tranche(JAN_25, 100, 1), _tranche(JAN_26, 100, 2)],
        [Delivered(7, dt.date(2025, 6, 1), 80, tranche_due_on=JAN_26)],
    )
    assert [(f.tranche.id, f.delivered_kg) for f in filled.fills] == [(1, 0), (2, 80)]
    assert filled.tranches_of(7) == [(filled.fills[1].tranche, 80)]


def test_what_a_named_delivery_brings_beyond_its_tranche_fills_the_earliest_open_one() -> None:
    filled = allocate(
        [_tranche(JAN_25, 100, 1), _tranche(JAN_26, 100, 2)],
        [Delivered(7, dt.date(2025, 6, 1), 130, tranche_due_on=JAN_26)],
    )
    assert [(f.tranche.id, f.delivered_kg) for f in filled.fills] == [(1, 30), (2, 100)]


def test_tonnes_beyond_the_whole_schedule_stay_unallocated() -> None:
    filled = allocate([_tranche(JAN_25, 100, 1)], [Delivered(3, JAN_25, 250)])
    assert [(d.delivery_id, kg) for d, kg in filled.unallocated] == [(3, 150)]


def test_a_tranche_filled_late_counts_the_days_to_its_last_tonne() -> None:
    filled = allocate(
        [_tranche(JAN_25, 100, 1)],
        [Delivered(1, dt.date(2024, 12, 1), 60), Delivered(2, dt.date(2025, 1, 11), 40)],
    )
    (fill,) = filled.fills
    assert (fill.filled_on, fill.late_days(JAN_27), fill.status(JAN_27)) == (
        dt.date(2025, 1, 11),
        10,
        "delivered late",
    )


def test_a_short_tranche_past_due_is_overdue_until_the_as_of_date() -> None:
    (fill,) = allocate([_tranche(JAN_25, 100, 1)], [Delivered(1, JAN_25, 40)]).fills
    assert (fill.shortfall_kg, fill.status(JAN_26), fill.late_days(JAN_26)) == (
        60,
        "overdue",
        365,
    )


def _random_allocation(seed: int) -> Fulfilment:
    import random

    rng = random.Random(seed)
    tranches = [
        Tranche(1, JAN_25 + dt.timedelta(days=90 * n), rng.randint(1, 50) * 1000,
                rng.choice([None, 2024, 2025]), rng.choice([None, 9_000, 11_000]), id=n + 1)
        for n in range(rng.randint(1, 6))
    ]  # fmt: skip
    dues = [t.due_on for t in tranches] + [None] * 4
    deliveries = [
        Delivered(n, JAN_25 + dt.timedelta(days=rng.randint(-60, 700)), rng.randint(1, 30) * 500,
                  rng.choice(dues), rng.choice([None, 2024, 2025]))
        for n in range(rng.randint(0, 40))
    ]  # fmt: skip
    return allocate(tranches, deliveries)


def test_a_folded_allocation_has_the_same_figures_without_naming_each_delivery() -> None:
    """The rules keep allocations folded: each tranche's parts in one."""
    for seed in range(200):
        full = _random_allocation(seed)
        kept = folded(full)
        for before, after in zip(full.fills, kept.fills, strict=True):
            assert len(after.parts) <= 1
            for as_of in (JAN_25, JAN_26, JAN_27):
                assert (after.delivered_kg, after.shortfall_kg, after.filled_on) == (
                    before.delivered_kg, before.shortfall_kg, before.filled_on,
                )  # fmt: skip
                assert after.late_days(as_of) == before.late_days(as_of)
                assert after.status(as_of) == before.status(as_of)
        assert len(kept.unallocated) <= 1
        assert delivered_value_cents(10_000, kept) == delivered_value_cents(10_000, full)


def test_vintage_mismatches_name_each_delivery_once_with_the_vintages_wanted() -> None:
    filled = allocate(
        [_tranche(JAN_25, 100, 1, vintage=2024), _tranche(JAN_26, 100, 2, vintage=2025)],
        [Delivered(7, dt.date(2024, 12, 1), 150, None, 2023), Delivered(8, JAN_25, 50, None, 2025)],
    )
    assert vintage_mismatches(filled) == [(7, [2024, 2025])]
