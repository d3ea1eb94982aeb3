"""Acknowledging flags: a reason is required, and a change in the numbers reopens the flag."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery
from tests.factories import delivery_data, make_contract, make_delivery
from tracker.domain.errors import ValidationError
from tracker.domain.flags import Severity
from tracker.services.audit.review import (
    FlagStatus,
    acknowledge,
    critical_contract_ids,
    flagged_deliveries,
    open_critical,
    reviewed_flags,
)
from tracker.services.deliveries import update_delivery
from tracker.store import change_log

AS_OF = dt.date(2027, 1, 1)


def _shortfall(db: sqlite_utils.Database):
    (found,) = [
        r
        for r in reviewed_flags(db, AS_OF)
        if r.flag.rule == "CUMULATIVE_SHORTFALL" and r.flag.contract == "C-1"
    ]
    return found


@pytest.fixture
def delivery(db: sqlite_utils.Database) -> int:
    """A 1,000 t contract with 100 t delivered: a critical shortfall as of 2027."""
    return make_delivery(db, make_contract(db))


def test_a_new_flag_is_open(db, delivery) -> None:
    assert _shortfall(db).status is FlagStatus.OPEN


def test_acknowledging_keeps_who_when_and_why(db, delivery, monkeypatch) -> None:
    monkeypatch.setattr(change_log.getpass, "getuser", lambda: "dana")
    acknowledge(db, _shortfall(db).flag, "Supplier plant restart agreed in amendment 2")
    reviewed = _shortfall(db)
    assert reviewed.status is FlagStatus.ACKNOWLEDGED
    assert (reviewed.acknowledged_by, reviewed.reason) == (
        "dana",
        "Supplier plant restart agreed in amendment 2",
    )
    assert reviewed.acknowledged_on.startswith(str(dt.date.today().year))


def test_an_acknowledgement_needs_a_reason(db, delivery) -> None:
    with pytest.raises(ValidationError, match="reason: is required"):
        acknowledge(db, _shortfall(db).flag, "   ")
    assert _shortfall(db).status is FlagStatus.OPEN


def test_a_reason_holding_a_nul_character_is_refused_by_name(db, delivery) -> None:
    with pytest.raises(ValidationError, match=r"^reason .*: contains a NUL character$"):
        acknowledge(db, _shortfall(db).flag, "\0accepted")
    assert _shortfall(db).status is FlagStatus.OPEN


def test_the_flag_reopens_when_its_numbers_change(db, delivery) -> None:
    acknowledge(db, _shortfall(db).flag, "Accepted for Q4")
    update_delivery(
        db, delivery, delivery_data(tonnes="50", serial_block="ACR-US-1-2025-1-1 to 50")
    )
    reviewed = _shortfall(db)
    assert reviewed.status is FlagStatus.REOPENED
    assert reviewed.reason == "Accepted for Q4"


def test_an_acknowledged_critical_flag_no_longer_counts_as_open(db, delivery) -> None:
    acknowledge(db, _shortfall(db).flag, "Accepted for Q4")
    assert open_critical(reviewed_flags(db, AS_OF)) == []


def test_the_acknowledgement_is_in_the_change_log(db, delivery) -> None:
    acknowledge(db, _shortfall(db).flag, "Accepted for Q4")
    entry = change_log.entries(db, newest_first=True, limit=1)[0]
    assert (entry.action, entry.table_name) == ("acknowledge", "flag_acknowledgements")
    assert (entry.after or {})["reason"] == "Accepted for Q4"


def test_acknowledging_one_flag_leaves_others_open(db, delivery) -> None:
    contract = make_contract(db, reference="C-2")
    raw_delivery(db, contract, 1, 10, status="pending", delivered_on="2025-06-30")
    first = [r for r in reviewed_flags(db, AS_OF) if r.flag.rule == "UNVERIFIED_STALE"]
    acknowledge(db, _shortfall(db).flag, "Accepted")
    assert [r.status for r in first] == [FlagStatus.OPEN]
    still = [r for r in reviewed_flags(db, AS_OF) if r.flag.rule == "UNVERIFIED_STALE"]
    assert [r.status for r in still] == [FlagStatus.OPEN]


def test_contracts_with_open_critical_flags_are_listed_for_the_badge(db, delivery) -> None:
    reviewed = reviewed_flags(db, AS_OF)
    assert critical_contract_ids(reviewed) == {1}
    acknowledge(db, _shortfall(db).flag, "Accepted")
    assert critical_contract_ids(reviewed_flags(db, AS_OF)) == set()


def test_flagged_deliveries_carry_their_most_severe_open_flag(db) -> None:
    contract = make_contract(db)
    stale = raw_delivery(db, contract, 1, 10, status="pending", delivered_on="2025-06-30")
    raw_delivery(db, contract, 5, 20, delivered_on="2025-07-01")  # overlaps the first
    marked = flagged_deliveries(reviewed_flags(db, AS_OF))
    assert marked == {stale: Severity.WARN, stale + 1: Severity.CRITICAL}
