"""The digest of an evaluation (counts by contract and severity, flagged deliveries,
open critical flags by contract) says what counting the flags one by one says."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tracker.domain.flags import Severity
from tracker.services.audit.review import (
    ReviewedFlag,
    acknowledge,
    counts_by_severity,
    critical_contract_ids,
    digest,
    flagged_deliveries,
    open_critical,
    reviewed_flags,
)
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger

AS_OF = dt.date(2026, 12, 31)


@pytest.fixture
def reviewed(db: sqlite_utils.Database) -> list[ReviewedFlag]:
    """A generated portfolio's flags, some of each severity acknowledged."""
    write_ledger(db, Spec(contracts=5, deliveries=400, retirements=80, seed=4))
    flags = reviewed_flags(db, AS_OF)
    seen: set[Severity] = set()
    for r in flags:
        if r.flag.severity not in seen:
            seen.add(r.flag.severity)
            acknowledge(db, r.flag, "checked with the supplier")
    return reviewed_flags(db, AS_OF)


def test_the_flags_cover_several_severities_and_both_states(
    reviewed: list[ReviewedFlag],
) -> None:
    assert len({r.flag.severity for r in reviewed}) >= 3
    assert {r.is_open for r in reviewed} == {True, False}


def test_counts_match_counting_each_flag(reviewed: list[ReviewedFlag]) -> None:
    counted = digest(reviewed)
    assert counted.counts() == counts_by_severity(reviewed)
    assert counted.counts(open_only=False) == counts_by_severity(reviewed, open_only=False)
    for contract_id in {r.flag.contract_id for r in reviewed} | {999}:
        mine = [r for r in reviewed if r.flag.contract_id == contract_id]
        assert counted.counts(contract_id) == counts_by_severity(mine)
        assert counted.counts(contract_id, open_only=False) == counts_by_severity(
            mine, open_only=False
        )


def test_markers_and_badges_match_counting_each_flag(reviewed: list[ReviewedFlag]) -> None:
    counted = digest(reviewed)
    assert list(counted.flagged_deliveries) == sorted(flagged_deliveries(reviewed))
    expected: dict[int, int] = {}
    for r in open_critical(reviewed):
        if r.flag.contract_id is not None:
            expected[r.flag.contract_id] = expected.get(r.flag.contract_id, 0) + 1
    assert counted.open_critical_by_contract() == expected
    assert set(expected) == critical_contract_ids(reviewed)


def test_no_flags_count_zero() -> None:
    counted = digest([])
    assert counted.counts() == dict.fromkeys(Severity, 0)
    assert not counted.flagged_deliveries
    assert counted.open_critical_by_contract() == {}
