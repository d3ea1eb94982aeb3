"""The folded allocation from running sums is ``folded(allocate(...))``, exactly: the same
tranche figures, the same delivery dating each fill, the same vintage mismatches."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tracker.domain.folded_allocation import Accepted, delivered, folded_allocation
from tracker.domain.fulfilment import allocate, folded, vintage_mismatches
from tracker.domain.records import Tranche

START = dt.date(2024, 1, 1)


def _schedule(rng: random.Random, derived: bool) -> list[Tranche]:
    return [
        Tranche(
            contract_id=1,
            due_on=START + dt.timedelta(days=rng.choice([0, 90, 90, 180, 365, 400])),
            tonnes_kg=rng.choice([0, 1, 999, 1_000, 5_000, 12_345, 40_000]),
            vintage=rng.choice([None, 2023, 2024, 2025]),
            id=None if derived else n + 1,
            derived=derived,
        )
        for n in range(rng.randint(0, 6))
    ]


def _deliveries(rng: random.Random, named: list[dt.date]) -> list[Accepted]:
    rows: list[Accepted] = []
    for delivery_id in rng.sample(range(1, 500), rng.randint(0, 30)):
        day = START + dt.timedelta(days=rng.randint(0, 12) * 30)  # several on one day
        due = rng.choice(named).isoformat() if named and rng.random() < 0.3 else None
        vintage = rng.choice([None, 2023, 2024, 2025])
        rows.append((delivery_id, day.isoformat(), due, vintage, rng.randint(1, 9_000)))
    rng.shuffle(rows)  # in any order: both sort them
    return rows


def _expected(tranches: list[Tranche], rows: list[Accepted]) -> tuple[object, object]:
    filled = allocate(tranches, [delivered(row) for row in rows])
    return folded(filled), vintage_mismatches(filled)


@pytest.mark.parametrize("seed", range(300))
def test_running_sums_give_the_folded_allocation(seed: int) -> None:
    rng = random.Random(seed)
    tranches = _schedule(rng, derived=seed % 5 == 0)
    rows = _deliveries(rng, named=[])
    assert folded_allocation(tranches, rows) == _expected(tranches, rows)


@pytest.mark.parametrize("seed", range(100))
def test_deliveries_naming_their_tranche_are_allocated_as_before(seed: int) -> None:
    rng = random.Random(seed)
    tranches = _schedule(rng, derived=False)
    rows = _deliveries(rng, named=[t.due_on for t in tranches])
    assert folded_allocation(tranches, rows) == _expected(tranches, rows)


def test_a_tranche_filled_on_a_day_of_several_deliveries_is_dated_by_the_first_of_them() -> None:
    tranche = Tranche(contract_id=1, due_on=START, tonnes_kg=3_000, vintage=2024, id=1)
    rows: list[Accepted] = [
        (7, "2024-02-01", None, 2024, 1_000),
        (9, "2024-03-01", None, 2023, 1_000),
        (10, "2024-04-01", None, 2024, 4_000),
        (8, "2024-03-01", None, 2024, 1_000),
    ]
    filled, mismatches = folded_allocation([tranche], rows)
    (fill,) = filled.fills
    assert (fill.delivered_kg, fill.filled_on) == (3_000, dt.date(2024, 3, 1))
    assert fill.parts[0][0].delivery_id == 8  # delivery 8 comes before 9 that day
    assert [(d.delivery_id, kg) for d, kg in filled.unallocated] == [(10, 4_000)]
    assert mismatches == [(9, [2024])]
