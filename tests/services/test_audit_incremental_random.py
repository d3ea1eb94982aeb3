"""Rules evaluated again for the contracts a change touched, after a random run of edits:
after every one, exactly the flags of evaluating the whole portfolio.

The edits are the window's and an import's (``tests.random_edits``).  Seeded: a failure
names its seed and step, and replays."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.random_edits import AS_OF, random_run
from tracker.services.audit.engine import evaluate, evaluate_changed
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger

STEPS = 24


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    write_ledger(db, Spec(contracts=8, deliveries=240, retirements=60, seed=11, as_of=AS_OF))
    return db


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_every_edit_of_a_random_run_the_flags_are_exact(
    ledger: sqlite_utils.Database, seed: int
) -> None:
    flags = evaluate(ledger, AS_OF)
    made = 0
    for step, edit, changes in random_run(ledger, seed, STEPS):
        expected = evaluate(ledger, AS_OF)
        found = evaluate_changed(ledger, AS_OF, flags, changes.contracts)
        assert found == expected, f"seed {seed}, step {step}: {edit.__name__}"
        flags, made = expected, made + 1
    assert made >= STEPS // 2  # most edits were made, not refused
