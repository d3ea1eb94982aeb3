"""The portfolio chart kept contract by contract, after a random run of edits (the
window's and an import's, ``tests.random_edits``): after every one, the kept series are
a fresh read of the whole portfolio, as of two dates."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.random_edits import AS_OF, random_run
from tracker.services.series import chart_series
from tracker.services.series_cache import KeptSeries
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger

STEPS = 24
EARLIER = dt.date(2025, 9, 30)


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    write_ledger(db, Spec(contracts=8, deliveries=240, retirements=60, seed=7, as_of=AS_OF))
    return db


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_after_every_edit_of_a_random_run_the_kept_series_are_a_fresh_read(
    ledger: sqlite_utils.Database, seed: int
) -> None:
    kept = {AS_OF: KeptSeries(), EARLIER: KeptSeries()}
    for as_of, series in kept.items():
        chart_series(ledger, None, as_of, series)  # kept from here on
    made = 0
    for step, edit, changes in random_run(ledger, seed, STEPS):
        for as_of, series in kept.items():
            series.after(changes)
            fresh = chart_series(ledger, None, as_of)
            assert chart_series(ledger, None, as_of, series) == fresh, (
                f"seed {seed}, step {step}: {edit.__name__}, as of {as_of}"
            )
        made += 1
    assert made >= STEPS // 2  # most edits were made, not refused
