"""VERIFIED_BEFORE_DELIVERED: a verification dated before the delivery it verifies."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.audit_factories import _insert, flags_of, raw_delivery
from tests.factories import make_contract
from tracker.domain.flags import Severity


@pytest.fixture
def contract(db: sqlite_utils.Database) -> int:
    return make_contract(db)


def _verification(db: sqlite_utils.Database, delivery_id: int, day: str, **row: object) -> int:
    record = {"delivery_id": delivery_id, "verifier": "SCS Global", "verified_on": day}
    return _insert(db, "verifications", {**record, "outcome": "verified", **row})


def test_a_delivery_verified_before_it_was_made_is_flagged_high(db, contract) -> None:
    early = raw_delivery(db, contract, 1, 10, delivered_on="2025-06-30", verified_on="2025-06-01")
    raw_delivery(db, contract, 11, 20, delivered_on="2025-06-30", verified_on="2025-07-15")
    (found,) = flags_of(db, "VERIFIED_BEFORE_DELIVERED")
    assert (found.severity, found.subject_id) == (Severity.HIGH, early)


def test_a_verification_record_dated_before_its_delivery_is_flagged(db, contract) -> None:
    first = raw_delivery(db, contract, 1, 10, delivered_on="2025-06-30")
    second = raw_delivery(db, contract, 11, 20, delivered_on="2025-06-30")
    _verification(db, first, "2025-07-01")
    _verification(db, second, "2025-06-29")
    assert [f.subject_id for f in flags_of(db, "VERIFIED_BEFORE_DELIVERED")] == [second]


def test_a_record_verifies_its_own_delivery_only(db, contract) -> None:
    """A verification whose id happens to equal its delivery's id, dated before later
    deliveries: those deliveries are not flagged (the record is not theirs)."""
    first = raw_delivery(db, contract, 1, 10, delivered_on="2025-01-31", verified_on=None,
                         status="pending")  # fmt: skip
    for n in range(2, 5):
        raw_delivery(db, contract, n * 10 + 1, n * 10 + 10, delivered_on="2025-06-30")
    record = _verification(db, first, "2025-02-15", id=first)
    assert record == first
    assert flags_of(db, "VERIFIED_BEFORE_DELIVERED") == []
